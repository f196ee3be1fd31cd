package app

import (
	"testing"

	"github.com/liwan-edu/schoolmap/data/i18n"
)

// TestExportDialogRemembers: the next export dialog opens with the last
// export's choices (page 2, paper, dpi, folder …), not the defaults.
func TestExportDialogRemembers(t *testing.T) {
	u := newTestUI(t)
	dir := t.TempDir()
	w := u.dlg.export.newExportWidgets()
	if w.tables.Checked || w.size.Selected != "A4" || w.dpi.Selected != "300" {
		t.Fatalf("first defaults: %+v", w.values())
	}
	w.format.SetSelected("PNG")
	w.size.SetSelected("A3")
	w.landscape.SetChecked(false)
	w.dpi.SetSelected("150")
	w.extent.SetSelected(i18n.T("ui.exportforms.all_sites"))
	w.tables.SetChecked(true)
	w.target.folder.SetText(dir)
	want := w.values()
	if _, _, err := want.options(u.dlg.export); err != nil {
		t.Fatal(err)
	}
	w.remember(u.sh.prefs) // what Export does before it runs
	got := u.dlg.export.newExportWidgets().values()
	got.Title, got.File, want.Title, want.File = "", "", "", ""
	if got != want {
		t.Errorf("next dialog opens with\n%+v\nwant\n%+v", got, want)
	}
}
