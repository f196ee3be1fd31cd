package app

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/liwan-edu/schoolmap/geo/coverage"
)

// essentialZoneColumns are the columns a planner reads the gap from.
var essentialZoneColumns = []int{coverage.ColName, coverage.ColPopulation, coverage.ColDemand, coverage.ColInService, coverage.ColGap, coverage.ColCovered}

// TestZoneTabReadableAt1280: at 1280×800, in Chinese and English, with
// boundaries and population imported, the Subdistricts tab shows its
// buttons, choosers and target sentence within the column (no sideways
// scroll, nothing cut), the essential columns side by side within the
// table's width, each wide enough for its title and every cell, and
// the map keeps mapShare of the window; the table shows eight rows or more.
func TestZoneTabReadableAt1280(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		t.Run(lang, func(t *testing.T) {
			u := layersAt1280(t, lang)
			importJie(t, u)
			u.panels.tabs.SelectIndex(2)
			checkTabFits(t, u, 5)
			tab := u.panels.tabs.Selected().Content
			d := fyne.CurrentApp().Driver()
			right := d.AbsolutePositionForObject(tab).X + tab.Size().Width
			p := u.zones
			if sz := p.target.Size(); sz.Height+0.5 < p.target.MinSize().Height || sz.Width < 200 {
				t.Errorf("the target sentence shows in %v, needs %v", sz, p.target.MinSize())
			}
			// A Fyne table's rows are as high as the taller of its cell and
			// header templates unless set one by one (rowHeight).
			row := p.table.CreateCell().MinSize().Max(p.table.CreateHeader().MinSize()).Height + theme.Padding()
			if p.rowHeight > 0 {
				row = p.rowHeight + theme.Padding()
			}
			head := p.table.CreateHeader().MinSize().Height + theme.Padding()
			if rows := (p.table.Size().Height - head) / row; rows < 8 {
				t.Errorf("the table shows %.1f rows (%.0f px)", rows, p.table.Size().Height)
			}
			cols, widths := zoneColumnsShown(p)
			t.Logf("columns %v widths %v", cols, widths)
			tableRight := d.AbsolutePositionForObject(p.table).X + p.table.Size().Width - theme.ScrollBarSize()
			x := d.AbsolutePositionForObject(p.table).X
			for i, c := range cols {
				x += widths[i] + theme.Padding() // the table keeps a padding between columns
				if !slices.Contains(essentialZoneColumns, c) {
					continue
				}
				if x > tableRight+0.5 || x > right+0.5 {
					t.Errorf("column %q ends at x=%.0f, the table shows up to %.0f (column to %.0f)", coverage.ZoneColumns[c].Text(), x, tableRight, right)
				}
				need := textWidth(columnTitle(c))
				if c == p.sortCol {
					need = textWidth(columnTitle(c) + " ▼")
				}
				for _, r := range p.rows {
					need = max(need, textWidth(coverage.ZoneColumns[c].Cell(r)))
				}
				if widths[i]+0.5 < need {
					t.Errorf("column %q is %.0f px wide, its text needs %.0f", coverage.ZoneColumns[c].Text(), widths[i], need)
				}
			}
			for _, c := range essentialZoneColumns {
				if !slices.Contains(cols, c) {
					t.Errorf("column %q not shown", coverage.ZoneColumns[c].Text())
				}
			}
			if m, w := u.Map.Size().Width, u.Window.Canvas().Size().Width; m < w*mapShare {
				t.Errorf("the map is %.0f px of %.0f", m, w)
			}
			u.panels.tabs.SelectIndex(0)
			if w := u.panels.left.Size().Width; w > 0.25*u.Window.Canvas().Size().Width {
				t.Errorf("back on the site list, the column stays %.0f px wide", w)
			}
		})
	}
}

// textWidth is the width a table cell needs to show s whole.
func textWidth(s string) float32 {
	return widget.NewLabel(s).MinSize().Width
}

// zoneColumnsShown are the table's columns and widths, in order.
func zoneColumnsShown(p *zonePanel) ([]int, []float32) {
	return p.cols, p.widths
}
