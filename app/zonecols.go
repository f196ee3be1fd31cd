package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/geo/coverage"
)

// gapColumns are the columns the tab shows unless all are asked for: the
// ones a planner reads the gap from. Every figure of a subdistrict is in
// the details when its row is picked.
var gapColumns = []int{coverage.ColName, coverage.ColPopulation, coverage.ColDemand, coverage.ColInService, coverage.ColGap, coverage.ColCovered}

// screenTitles shorten a column's title on screen where the printed one
// is too wide for the column beside the map.
var screenTitles = map[int]string{coverage.ColInService: "gap.zonecol.seats", coverage.ColPopulation: "gap.zonecol.population",
	coverage.ColCovered: "gap.zonecol.covered"}

// columnTitle is a shown column's title on screen.
func columnTitle(col int) string {
	if k, ok := screenTitles[col]; ok {
		return i18n.T(k)
	}
	return coverage.ZoneColumns[col].Text()
}

// shownColumns are the columns of coverage.ZoneColumns the table shows.
func (p *zonePanel) shownColumns() []int {
	if p.allCols != nil && p.allCols.Checked {
		all := make([]int, len(coverage.ZoneColumns))
		for i := range all {
			all[i] = i
		}
		return all
	}
	return gapColumns
}

// fitColumns sizes each shown column to its title (the sorted one with
// its arrow) and its widest cell, so no figure is cut.
func (p *zonePanel) fitColumns() {
	p.cols = p.shownColumns()
	p.widths = make([]float32, len(p.cols))
	for i, c := range p.cols {
		t := columnTitle(c)
		if c == p.sortCol {
			t += " ▼"
		}
		w := buttonTextWidth(t)
		for _, r := range p.rows {
			w = max(w, labelTextWidth(coverage.ZoneColumns[c].Cell(r)))
		}
		p.widths[i] = w
		p.table.SetColumnWidth(i, w)
	}
	// A table's rows are as high as its header buttons unless set.
	p.rowHeight = newZoneCell().MinSize().Height
	for i := range p.rows {
		p.table.SetRowHeight(i, p.rowHeight)
	}
}

// neededWidth is the width the table takes with every shown column whole:
// the columns, the padding the table keeps after each, its scroll bar.
func (p *zonePanel) neededWidth() float32 {
	w := theme.ScrollBarSize() + theme.Padding()
	for _, x := range p.widths {
		w += x + theme.Padding()
	}
	return w
}

// labelTextWidth is the width a table cell needs for s: a label's, in
// the theme's font (fyne.MeasureText would measure Fyne's own font, not
// the CJK one the cells are drawn in), and a padding more: a truncating
// label given exactly its minimum width cuts the last digits on screen.
func labelTextWidth(s string) float32 {
	return widget.NewLabel(s).MinSize().Width + theme.Padding()
}

func buttonTextWidth(s string) float32 {
	b := widget.NewButton(s, nil)
	return max(b.MinSize().Width, labelTextWidth(s))
}

// newZoneCell is a table cell: one line of text with a label's padding
// at the sides but none above and below, so a 1280×800 window shows ten
// rows rather than five; columns are sized to their texts (fitColumns),
// so nothing needs truncating.
func newZoneCell() fyne.CanvasObject {
	t := canvas.NewText("", theme.Color(theme.ColorNameForeground))
	t.TextSize = theme.TextSize()
	pad := theme.InnerPadding()
	return container.New(layout.NewCustomPaddedLayout(pad/2, pad/2, pad, pad), t)
}

// setZoneCell shows s in a cell, figures aligned right.
func setZoneCell(o fyne.CanvasObject, s string, figure bool) {
	t := o.(*fyne.Container).Objects[0].(*canvas.Text)
	t.Text, t.Color = s, theme.Color(theme.ColorNameForeground)
	t.Alignment = fyne.TextAlignLeading
	if figure {
		t.Alignment = fyne.TextAlignTrailing
	}
	t.Refresh()
}
