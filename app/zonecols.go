package app

import (
	"fyne.io/fyne/v2"
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

// fitColumns sizes each shown column to its title (with the sort arrow)
// and its widest cell, so no figure is cut.
func (p *zonePanel) fitColumns() {
	p.cols = p.shownColumns()
	p.widths = make([]float32, len(p.cols))
	for i, c := range p.cols {
		w := buttonTextWidth(columnTitle(c) + " ▼")
		for _, r := range p.rows {
			w = max(w, labelTextWidth(coverage.ZoneColumns[c].Cell(r)))
		}
		p.widths[i] = w
		p.table.SetColumnWidth(i, w)
	}
}

// neededWidth is the width the table takes with every shown column whole.
func (p *zonePanel) neededWidth() float32 {
	w := theme.ScrollBarSize() + theme.Padding()
	for _, x := range p.widths {
		w += x
	}
	return w
}

func labelTextWidth(s string) float32 {
	return fyne.MeasureText(s, theme.TextSize(), fyne.TextStyle{}).Width + 2*theme.InnerPadding()
}

func buttonTextWidth(s string) float32 {
	b := widget.NewButton(s, nil)
	return max(b.MinSize().Width, labelTextWidth(s))
}
