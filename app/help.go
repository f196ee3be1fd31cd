package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/i18n"
)

// PrefLanguage is the preference holding the interface language ("zh" or
// "en"). It is read at start (main, before any window), so a change in
// Settings applies after a restart.
const PrefLanguage = "ui.language"

// showShortcuts lists the keyboard shortcuts from the action table that
// binds them, so the list cannot disagree with the keys.
func (u *UI) showShortcuts() {
	sc := Shortcuts()
	t := widget.NewTable(func() (int, int) { return len(sc), 2 },
		func() fyne.CanvasObject { return widget.NewLabel("Ctrl+Shift+PageDown") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			if id.Col == 0 {
				o.(*widget.Label).SetText(sc[id.Row].Keys)
			} else {
				o.(*widget.Label).SetText(sc[id.Row].Label)
			}
		})
	t.SetColumnWidth(0, 200)
	t.SetColumnWidth(1, 380)
	u.helpDialog(i18n.T("ui.help.shortcuts"), t, fyne.NewSize(640, 560))
}

// showGuide shows the embedded user guide in the current language.
func (u *UI) showGuide() {
	rt := widget.NewRichTextFromMarkdown(i18n.Doc("guide"))
	rt.Wrapping = fyne.TextWrapWord
	u.helpDialog(i18n.T("ui.help.guide"), container.NewVScroll(rt), fyne.NewSize(760, 640))
}

// about shows the version, build date, data sources and licences.
func (u *UI) about() {
	rt := widget.NewRichTextFromMarkdown(aboutText(u.dlg.version, u.dlg.built))
	rt.Wrapping = fyne.TextWrapWord
	u.helpDialog(i18n.T("ui.help.about"), container.NewVScroll(rt), fyne.NewSize(720, 560))
}

// aboutText is the About document; the build date clause is left out
// when the date is unknown (a plain go build without VCS information).
func aboutText(version, built string) string {
	clause := ""
	if built != "" {
		clause = i18n.T("words.about.built", built)
	}
	return i18n.Doc("about", version, clause)
}

func (u *UI) helpDialog(title string, content fyne.CanvasObject, size fyne.Size) {
	d := dialog.NewCustom(title, i18n.T("ui.close"), content, u.Window)
	d.Resize(size)
	showDialog(u.Window, d)
}

// languageChoice is the Settings row choosing the interface language; the
// choice is saved and applies after a restart (the texts of open windows
// and menus are built once).
func languageChoice(p fyne.Preferences, win fyne.Window) fyne.CanvasObject {
	names := []string{"中文", "English"}
	codes := map[string]string{"中文": "zh", "English": "en"}
	sel := widget.NewSelect(names, nil)
	if i18n.Language() == "en" {
		sel.SetSelected("English")
	} else {
		sel.SetSelected("中文")
	}
	sel.OnChanged = func(s string) {
		if codes[s] == i18n.Language() && codes[s] == p.StringWithFallback(PrefLanguage, "zh") {
			return
		}
		p.SetString(PrefLanguage, codes[s])
		showInformation(i18n.In(codes[s], "ui.language.title"), i18n.In(codes[s], "ui.language.restart"), win)
	}
	return container.NewBorder(nil, nil, widget.NewLabel(i18n.T("ui.language.label")), nil, sel)
}

// levelText, statusText… name the domain values in the current language
// (data's Label methods give the Chinese names used in data files).
func levelText(l data.Level) string { return i18n.T("table.level." + l.String()) }

func statusName(s data.Status) string { return i18n.T("table.status." + s.String()) }

func confidenceText(c data.Confidence) string { return i18n.T("table.confidence." + c.String()) }
