package app

import (
	"errors"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/liwan-edu/schoolmap/data/i18n"
)

// saveTarget is the "folder + file name" part of every save dialog. The
// folder is picked with a folder dialog, never Fyne's file-save dialog,
// which truncates an existing file before the app could write it
// atomically.
type saveTarget struct {
	sh     *shell
	pref   string
	folder *widget.Label
	name   *widget.Entry
}

// newSaveTarget remembers the folder under the preference key pref.
func newSaveTarget(sh *shell, pref, name string) *saveTarget {
	home, _ := os.UserHomeDir()
	t := &saveTarget{sh: sh, pref: pref, folder: widget.NewLabel(sh.prefs.StringWithFallback(pref, home)), name: widget.NewEntry()}
	t.folder.Truncation = fyne.TextTruncateEllipsis
	t.name.SetText(name)
	return t
}

// items are the form rows: the folder with its chooser, and the name.
func (t *saveTarget) items() []*widget.FormItem {
	choose := widget.NewButton(i18n.T("ui.savetarget.choose"), func() {
		d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
			if err == nil && l != nil {
				t.folder.SetText(l.Path())
			}
		}, t.sh.win)
		if l, err := storage.ListerForURI(storage.NewFileURI(t.folder.Text)); err == nil {
			d.SetLocation(l)
		}
		showFileDialog(t.sh.win, d)
	})
	return []*widget.FormItem{widget.NewFormItem(i18n.T("ui.savetarget.folder"), container.NewBorder(nil, nil, nil, choose, t.folder)),
		widget.NewFormItem(i18n.T("ui.savetarget.file"), t.name)}
}

// path returns the chosen file with extension ext, or an error saying
// what to fix; the folder is remembered.
func (t *saveTarget) path(ext string) (string, error) {
	return targetPath(t.folder.Text, t.name.Text, ext, func(dir string) { t.sh.prefs.SetString(t.pref, dir) })
}

// targetPath checks a folder and file name and joins them with ext.
func targetPath(folder, name, ext string, remember func(string)) (string, error) {
	n := strings.TrimSpace(name)
	if n == "" || strings.ContainsAny(n, `/\`) {
		return "", errors.New(i18n.T("ui.savetarget.file_name_give_a_name"))
	}
	if st, err := os.Stat(folder); err != nil || !st.IsDir() {
		return "", errors.New(i18n.T("ui.savetarget.no_folder", folder))
	}
	if !strings.HasSuffix(strings.ToLower(n), ext) {
		n += ext
	}
	if remember != nil {
		remember(folder)
	}
	return filepath.Join(folder, n), nil
}
