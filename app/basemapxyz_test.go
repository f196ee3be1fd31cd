package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/liwan-edu/schoolmap/data/i18n"
)

// shownTexts is every text the custom XYZ dialog shows.
func shownTexts(t *testing.T, w fyne.Window) string {
	var b strings.Builder
	walkOverlay(t, w, func(o fyne.CanvasObject) {
		if x, ok := o.(*canvas.Text); ok && x.Visible() {
			b.WriteString(x.Text + "\n")
		}
	})
	return b.String()
}

// retype types s into e as a planner would, leaving the field after.
func retype(w fyne.Window, e *widget.Entry, s string) {
	e.SetText("")
	w.Canvas().Focus(e)
	test.Type(e, s)
	w.Canvas().Unfocus()
}

// TestCustomXYZDialog: zoom range, subdomains and attribution besides the
// template; a bad value is refused with its message under the field; the
// values reach the basemap and come back in the next dialog.
func TestCustomXYZDialog(t *testing.T) {
	i18n.SetLanguage("en")
	defer i18n.SetLanguage("zh")
	u := newTestUI(t)
	p := u.layers.basemap
	p.askTemplate()
	f := p.xyz
	for _, tc := range []struct {
		e    *widget.Entry
		text string
		msg  string
	}{
		{f.tmpl, "https://h/{z}/{y}.png", "must start with http(s):// and hold {z}"},
		{f.minZ, "31", "a whole number 0–24"},
		{f.subs, "a;b", "letters or digits separated by commas"},
	} {
		retype(u.Window, tc.e, tc.text)
		if err := tc.e.Validate(); err == nil || !strings.Contains(shownTexts(t, u.Window), tc.msg) {
			t.Errorf("%q: error %v; the dialog shows:\n%s", tc.text, err, shownTexts(t, u.Window))
		}
	}
	if !f.invalid() {
		t.Error("a form with bad fields counts as valid")
	}
	retype(u.Window, f.minZ, "12")
	retype(u.Window, f.maxZ, "9")
	if f.maxZ.Validate() == nil || !strings.Contains(shownTexts(t, u.Window), "must not be below the min zoom") {
		t.Errorf("max below min accepted:\n%s", shownTexts(t, u.Window))
	}
	retype(u.Window, f.maxZ, "17")
	retype(u.Window, f.subs, "t0,t1,t2")
	retype(u.Window, f.tmpl, "https://{s}.tiles.example.cn/{z}/{x}/{-y}.png")
	retype(u.Window, f.attr, "© 广州市规划院")
	if f.invalid() {
		t.Errorf("good values refused: %q %q %q %q", f.tmpl.Text, f.minZ.Text, f.maxZ.Text, f.subs.Text)
	}
	f.remember(u.sh.prefs)
	if !p.choose(f.tmpl.Text, "gcj02") {
		t.Fatal(p.note.Text)
	}
	sp := p.current
	if sp.MinZoom != 12 || sp.MaxZoom != 17 || strings.Join(sp.Subdomains, " ") != "t0 t1 t2" || sp.Attribution != "© 广州市规划院" {
		t.Errorf("chosen spec %+v", sp)
	}
	if !strings.Contains(p.live.Attribution(), "广州市规划院") {
		t.Errorf("attribution on the map %q", p.live.Attribution())
	}
	g := newXYZForm(u.sh.prefs)
	if g.tmpl.Text != f.tmpl.Text || g.minZ.Text != "12" || g.maxZ.Text != "17" || g.subs.Text != "t0,t1,t2" || g.attr.Text != "© 广州市规划院" || g.datum.Selected != "gcj02" {
		t.Errorf("not remembered: %q %q %q %q %q %q", g.tmpl.Text, g.minZ.Text, g.maxZ.Text, g.subs.Text, g.attr.Text, g.datum.Selected)
	}
}
