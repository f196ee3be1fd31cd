package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// onEsc makes Esc typed with no field focused call do while dlg is open,
// and restores the canvas's own key handler when dlg closes. Dialogs
// stacked over one another each take Esc in turn, the top one first.
// An entry with the focus keeps Esc for itself (Fyne gives it the key).
func onEsc(c fyne.Canvas, dlg dialog.Dialog, do func()) {
	prev := c.OnTypedKey()
	open := true
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyEscape && open {
			do()
			return
		}
		if prev != nil {
			prev(ev)
		}
	})
	dlg.SetOnClosed(func() {
		open = false
		c.SetOnTypedKey(prev)
	})
}

// closeOnEsc makes Esc hide dlg, as its dismiss button does (a confirm
// or form dialog answers "no").
func closeOnEsc(c fyne.Canvas, dlg dialog.Dialog) { onEsc(c, dlg, dlg.Hide) }

// showDialog shows dlg closing on Esc.
func showDialog(win fyne.Window, dlg dialog.Dialog) {
	closeOnEsc(win.Canvas(), dlg)
	dlg.Show()
}

// showInformation is dialog.ShowInformation closing on Esc.
func showInformation(title, message string, win fyne.Window) {
	showDialog(win, dialog.NewInformation(title, message, win))
}

// showErrorDialog is dialog.ShowError closing on Esc.
func showErrorDialog(err error, win fyne.Window) { showDialog(win, dialog.NewError(err, win)) }

// showConfirm is dialog.ShowConfirm closing on Esc (answering no).
func showConfirm(title, message string, cb func(bool), win fyne.Window) {
	showDialog(win, dialog.NewConfirm(title, message, cb, win))
}

// showForm is dialog.ShowForm closing on Esc (answering no).
func showForm(title, confirm, dismiss string, items []*widget.FormItem, cb func(bool), win fyne.Window) {
	showDialog(win, dialog.NewForm(title, confirm, dismiss, items, cb, win))
}

// showCustomConfirm is dialog.ShowCustomConfirm closing on Esc.
func showCustomConfirm(title, confirm, dismiss string, content fyne.CanvasObject, cb func(bool), win fyne.Window) {
	showDialog(win, dialog.NewCustomConfirm(title, confirm, dismiss, content, cb, win))
}

// showFileDialog shows a file dialog closing on Esc, as its cancel
// button does.
func showFileDialog(win fyne.Window, fd *dialog.FileDialog) {
	onEsc(win.Canvas(), fd, fd.Dismiss)
	fd.Show()
}
