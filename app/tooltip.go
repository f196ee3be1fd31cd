package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// tipLayer shows one tooltip at a time over the window's content. Fyne
// 2.7 widgets have no tooltips, and a pop-up would take the pointer away
// from the widget it explains; this layer holds only a rectangle and a
// text, which take no pointer events, so hovering goes on underneath.
type tipLayer struct {
	layer *fyne.Container
	bg    *canvas.Rectangle
	text  *canvas.Text
}

func newTipLayer() *tipLayer {
	t := &tipLayer{bg: canvas.NewRectangle(color.NRGBA{0x30, 0x30, 0x30, 0xee}),
		text: canvas.NewText("", color.White)}
	t.bg.CornerRadius = 3
	t.text.TextSize = theme.TextSize() * 0.9
	t.layer = &fyne.Container{Objects: []fyne.CanvasObject{t.bg, t.text}}
	t.layer.Hide()
	return t
}

// show places tip just below obj (or above it near the window's bottom).
func (t *tipLayer) show(obj fyne.CanvasObject, tip string) {
	d := fyne.CurrentApp().Driver()
	at := d.AbsolutePositionForObject(obj).Subtract(d.AbsolutePositionForObject(t.layer))
	t.text.Text = tip
	size := t.text.MinSize().Add(fyne.NewSize(12, 6))
	pos := at.Add(fyne.NewPos(0, obj.Size().Height+4))
	if pos.Y+size.Height > t.layer.Size().Height {
		pos.Y = at.Y - size.Height - 4
	}
	pos.X = max(0, min(pos.X, t.layer.Size().Width-size.Width))
	t.bg.Move(pos)
	t.bg.Resize(size)
	t.text.Move(pos.Add(fyne.NewPos(6, 3)))
	t.text.Resize(t.text.MinSize())
	t.layer.Show()
	t.layer.Refresh()
}

func (t *tipLayer) hide() { t.layer.Hide() }

// tipButton is an icon button that explains itself on hover.
type tipButton struct {
	widget.Button
	tip  string
	tips *tipLayer
}

var _ desktop.Hoverable = (*tipButton)(nil)

func newTipButton(tips *tipLayer, icon fyne.Resource, tip string, tapped func()) *tipButton {
	b := &tipButton{tip: tip, tips: tips}
	b.Icon, b.OnTapped, b.Importance = icon, tapped, widget.LowImportance
	b.ExtendBaseWidget(b)
	return b
}

func (b *tipButton) MouseIn(e *desktop.MouseEvent) { b.Button.MouseIn(e); b.tips.show(b, b.tip) }
func (b *tipButton) MouseOut()                     { b.Button.MouseOut(); b.tips.hide() }
func (b *tipButton) Tapped(e *fyne.PointEvent)     { b.tips.hide(); b.Button.Tapped(e) }

// tipCheck is a check (a layer switch) that explains itself on hover.
type tipCheck struct {
	widget.Check
	tip  string
	tips *tipLayer
}

func newTipCheck(tips *tipLayer, label, tip string, changed func(bool)) *tipCheck {
	c := &tipCheck{tip: tip, tips: tips}
	c.Text, c.OnChanged = label, changed
	c.ExtendBaseWidget(c)
	return c
}

func (c *tipCheck) MouseIn(e *desktop.MouseEvent) { c.Check.MouseIn(e); c.tips.show(c, c.tip) }
func (c *tipCheck) MouseOut()                     { c.Check.MouseOut(); c.tips.hide() }

// tool is a toolbar button running action id of the action table, its
// tooltip the action's label and shortcut (so the tooltip, the menu and
// the key cannot disagree).
func (u *UI) tool(icon fyne.Resource, id string) widget.ToolbarItem {
	for _, a := range u.actions() {
		if a.id != id {
			continue
		}
		tip := a.label
		if a.key != nil {
			tip += "  (" + keyText(a.key) + ")"
		}
		return toolbarWidget{newTipButton(u.sh.tips, icon, tip, a.run)}
	}
	panic("app: no action " + id)
}
