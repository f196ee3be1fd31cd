package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// tapLabel is a wrapping label that toggles its check when tapped, so a
// check with a long text keeps the whole of it in a narrow column.
type tapLabel struct {
	widget.Label
	check *widget.Check
}

func (l *tapLabel) Tapped(*fyne.PointEvent) {
	if !l.check.Disabled() {
		l.check.SetChecked(!l.check.Checked)
	}
}

// wrapCheck is a check whose text wraps to the column's width (a
// widget.Check keeps its text on one line, cut off in a narrow column).
// The check is returned for its state; the object is what to lay out.
func wrapCheck(text string, checked bool, changed func(bool)) (*widget.Check, fyne.CanvasObject) {
	c := widget.NewCheck("", nil)
	c.Checked = checked
	c.OnChanged = changed
	l := &tapLabel{check: c}
	l.Text, l.Wrapping = text, fyne.TextWrapWord
	l.ExtendBaseWidget(l)
	return c, container.NewBorder(nil, nil, c, nil, l)
}

// narrow lays out one object at the size given but asks for at most w of
// width: a column of wrapping texts and buttons then never widens its
// split pane beyond w (the pane's own minimum) because of one wide button.
type narrow struct{ w float32 }

func (n narrow) MinSize(objs []fyne.CanvasObject) fyne.Size {
	m := objs[0].MinSize()
	return fyne.NewSize(min(m.Width, n.w), m.Height)
}

func (narrow) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(size)
}
