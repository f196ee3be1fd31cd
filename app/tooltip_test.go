package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// walk calls fn on every object below o.
func walk(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	fn(o)
	switch w := o.(type) {
	case *fyne.Container:
		for _, c := range w.Objects {
			walk(c, fn)
		}
	case fyne.Widget:
		r := w.CreateRenderer()
		for _, c := range r.Objects() {
			walk(c, fn)
		}
	}
}

// TestToolbarAndLayerSwitchesHaveTooltips: every toolbar button is a
// tipButton whose tip shows on hover and names its shortcut, and every
// layer switch explains itself.
func TestToolbarAndLayerSwitchesHaveTooltips(t *testing.T) {
	u := newTestUI(t)
	var buttons []*tipButton
	var checks []*tipCheck // the layer switches, on the Layers tab
	var plain int
	walk(u.Window.Content(), func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *tipButton:
			buttons = append(buttons, w)
		case *widget.Toolbar:
			for _, it := range w.Items {
				if _, ok := it.(*widget.ToolbarAction); ok {
					plain++
				}
			}
		}
	})
	if len(buttons) < 10 || plain > 0 {
		t.Fatalf("%d toolbar buttons with tooltips, %d without", len(buttons), plain)
	}
	walk(u.layers.box, func(o fyne.CanvasObject) {
		if c, ok := o.(*tipCheck); ok {
			checks = append(checks, c)
		}
	})
	if len(checks) != len(u.layers.checks) || len(checks) < 5 {
		t.Errorf("%d layer switches with tooltips, %d switches", len(checks), len(u.layers.checks))
	}
	b := buttons[0]
	b.MouseIn(&desktop.MouseEvent{})
	if !u.sh.tips.layer.Visible() || !strings.Contains(u.sh.tips.text.Text, "Ctrl+O") {
		t.Errorf("hovering the first button shows %q (visible %v)", u.sh.tips.text.Text, u.sh.tips.layer.Visible())
	}
	b.MouseOut()
	if u.sh.tips.layer.Visible() {
		t.Error("tooltip stays after the pointer left")
	}
	checks[0].MouseIn(&desktop.MouseEvent{})
	if !u.sh.tips.layer.Visible() || u.sh.tips.text.Text == "" {
		t.Error("layer switch shows no tooltip")
	}
}

// TestHelpMenu: the Help menu offers the shortcut list, the guide and
// About, and each opens a dialog.
func TestHelpMenu(t *testing.T) {
	u := newTestUI(t)
	menus := u.Window.MainMenu().Items
	help := menus[len(menus)-1]
	var labels []string
	for _, it := range help.Items {
		if it.IsSeparator {
			continue
		}
		labels = append(labels, it.Label)
		before := len(u.Window.Canvas().Overlays().List())
		it.Action()
		if len(u.Window.Canvas().Overlays().List()) != before+1 {
			t.Errorf("%q opened no dialog", it.Label)
		}
	}
	if strings.Join(labels, "|") != "键盘快捷键|使用指南|关于" {
		t.Errorf("Help menu %v", labels)
	}
}
