package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/i18n"
)

func settingsRow(t *testing.T, d *settingsDialog, key string) *normRow {
	t.Helper()
	for _, r := range d.rows {
		if r.f.key == key {
			return r
		}
	}
	t.Fatalf("no row %s", key)
	return nil
}

func TestSettingsCustomAndRefused(t *testing.T) {
	u := newTestUI(t)
	d := u.dlg.settings
	d.show()
	r := settingsRow(t, d, "norm.radius.kindergarten")
	gb := i18n.T("ui.norm.src.gb50180_5") // the default's source in the current language
	if !strings.Contains(r.source.Text, gb) {
		t.Fatalf("default source %q lacks %q", r.source.Text, gb)
	}
	r.entry.SetText("")
	test.Type(r.entry, "abc")
	if !r.problem.Visible() || !strings.Contains(r.problem.Text, "abc") {
		t.Errorf("a non-number is not refused next to the field: visible %v %q", r.problem.Visible(), r.problem.Text)
	}
	if got := u.sh.st.scene.Norms.RadiusM[data.Kindergarten].Value; got != 300 {
		t.Errorf("a non-number changed the radius to %g", got)
	}
	r.entry.SetText("350")
	if r.problem.Visible() {
		t.Errorf("a valid value still refused: %q", r.problem.Text)
	}
	if got := u.sh.st.scene.Norms.RadiusM[data.Kindergarten].Value; got != 350 {
		t.Errorf("radius %g, want 350", got)
	}
	if strings.Contains(r.source.Text, "GB") || !strings.Contains(r.source.Text, "自定义") {
		t.Errorf("changed norm still cites %q", r.source.Text)
	}
	r.entry.SetText("300")
	if !strings.Contains(r.source.Text, gb) {
		t.Errorf("norm back at its default shows %q", r.source.Text)
	}
}

func TestSettingsEscCloses(t *testing.T) {
	u := newTestUI(t)
	c := u.Window.Canvas()
	for _, focused := range []bool{false, true} {
		u.dlg.settings.show()
		if c.Overlays().Top() == nil {
			t.Fatal("settings dialog not shown")
		}
		if focused {
			r := u.dlg.settings.rows[0]
			c.Focus(r.entry)
			r.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
		} else {
			c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
		}
		if c.Overlays().Top() != nil {
			t.Errorf("Esc (field focused %v) did not close the dialog", focused)
		}
	}
	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyHome}) // the window's own keys work again
}
