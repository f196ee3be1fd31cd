package export

import (
	"fmt"
	"math"
	"sort"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/i18n"
)

// pager is a page that can start another: the tables run over pages.
type pager interface {
	Page
	AddPage()
}

// column is a table column: its heading and its share of the width.
type column struct {
	head   string
	weight float64
}

// table is a titled grid of text cells.
type table struct {
	title string
	cols  []column
	rows  [][]string
}

// drawTables fills the pages after the map: every site with its plan
// status in the year (and any recorded actual progress), then the
// subdistricts. With boundaries (Options.Coverage bounded) these are the
// analysis the screen, the CSV and the command line show, counted by
// polygon, and the sites that may belong to another subdistrict; without,
// seats by each site's subdistrict attribute, titled as such.
func drawTables(p pager, g geometry, o Options) {
	sc := o.Scene
	k, m := g.k, g.margin
	p.Text(m, m, 13*k, i18n.T("render.table.title", o.Title, sc.Year), Left, ink)
	y := drawTable(p, g, m+9*k, siteTable(o))
	if o.Coverage == nil || !o.Coverage.Bounded() {
		drawTable(p, g, y+4*k, subdistrictTable(sc.Sites, sc.Norms, sc.Year))
		return
	}
	for _, t := range zoneTables(*o.Coverage) {
		y = drawTable(p, g, y+4*k, t)
	}
	if t := uncertainTable(*o.Coverage); len(t.rows) > 0 {
		drawTable(p, g, y+4*k, t)
	}
}

func siteTable(o Options) table {
	sc := o.Scene
	t := table{title: i18n.T("render.table.sites"), cols: []column{
		{i18n.T("render.table.no"), 0.6}, {i18n.T("render.table.project"), 3.2}, {i18n.T("render.table.level"), 1.6},
		{i18n.T("render.table.classes"), 0.6}, {i18n.T("render.table.seats"), 0.9}, {i18n.T("render.table.planned_status"), 1.5},
		{i18n.T("render.table.actual"), 1.3}, {i18n.T("render.table.subdistrict"), 2}, {i18n.T("render.table.location"), 2.2},
	}}
	for i := range sc.Sites {
		s := &sc.Sites[i]
		t.rows = append(t.rows, []string{count(s.No), s.ShortName, i18n.T("table.level." + s.Level.String()), count(s.Classes),
			count(sc.Norms.SeatsOf(s).Total()), plannedStatus(s, sc.Year), actualStatus(s), countedIn(s, o.Coverage), location(s)})
	}
	return t
}

// plannedStatus is the plan's status of a site in a year, from the annex
// years alone, flagged when the recorded progress is behind it.
func plannedStatus(s *data.Site, year int) string {
	st := data.InService
	if s.Kind != data.KindExisting {
		st = data.PlannedStatusAt(s.StartYear, s.EndYear, year)
	}
	out := i18n.T("render.status." + st.String())
	if _, late := data.StatusAt(s, year); late {
		out += " " + i18n.T("render.table.overdue")
	}
	return out
}

// actualStatus is the recorded actual progress, empty when none is.
func actualStatus(s *data.Site) string {
	switch {
	case s.ActualYear > 0:
		return fmt.Sprintf("%s %d", i18n.T("render.status.in_service"), s.ActualYear)
	case s.ActualStatus != data.StatusUnknown:
		return i18n.T("render.status." + s.ActualStatus.String())
	}
	return ""
}

func location(s *data.Site) string {
	if !s.Located {
		return i18n.T("render.table.unlocated")
	}
	return fmt.Sprintf("%s ±%.0fm", i18n.T("table.confidence."+s.Confidence.String()), s.PrecisionM)
}

// count is a number for a cell; unknown (0) is empty, never "0".
func count(n int) string {
	if n <= 0 {
		return ""
	}
	return fmt.Sprint(n)
}

func subdistrictTable(sites []data.Site, n data.Norms, year int) table {
	type agg struct{ sites, in, building, planned int }
	by := map[string]*agg{}
	for i := range sites {
		s := &sites[i]
		name := s.Subdistrict
		switch {
		case name == "" && !s.Located:
			name = i18n.T("render.table.unlocated")
		case name == "":
			name = i18n.T("render.table.unknown_subdistrict")
		}
		a := by[name]
		if a == nil {
			a = &agg{}
			by[name] = a
		}
		a.sites++
		seats := n.SeatsOf(s).Total()
		switch data.PlannedStatusAt(s.StartYear, s.EndYear, year) {
		case data.InService:
			a.in += seats
		case data.UnderConstruction:
			a.building += seats
		default:
			a.planned += seats
		}
	}
	names := make([]string, 0, len(by))
	for k := range by {
		names = append(names, k)
	}
	sort.Strings(names)
	t := table{title: i18n.T("render.table.by_subdistrict"), cols: []column{
		{i18n.T("render.table.subdistrict"), 2}, {i18n.T("render.table.projects"), 1},
		{i18n.T("render.status.in_service"), 1}, {i18n.T("render.status.under_construction"), 1}, {i18n.T("render.status.planned"), 1},
	}}
	for _, name := range names {
		a := by[name]
		t.rows = append(t.rows, []string{name, fmt.Sprint(a.sites), fmt.Sprint(a.in), fmt.Sprint(a.building), fmt.Sprint(a.planned)})
	}
	return t
}

// drawTable draws t from y down, wrapping long cells over several lines
// and starting a new page (with the title and headings again) when a row
// does not fit. It returns the y below the table.
func drawTable(p pager, g geometry, y float64, t table) float64 {
	k, m := g.k, g.margin
	w, h := p.Size()
	pt, line, pad := 6.5*k, 3.1*k, 1.2*k
	total := 0.0
	for _, c := range t.cols {
		total += c.weight
	}
	xs, ws := make([]float64, len(t.cols)), make([]float64, len(t.cols))
	x := m
	for i, c := range t.cols {
		xs[i], ws[i] = x, c.weight/total*(w-2*m)
		x += ws[i]
	}
	header := func(y float64, more bool) float64 {
		title := t.title
		if more {
			title += " " + i18n.T("render.table.continued")
		}
		p.Text(m, y, 8*k, title, Left, ink)
		return drawRow(p, xs, ws, y+5*k, pt, line, pad, t.heads(), ink) + 0.6*k
	}
	if y+5*k+3*line > h-m {
		p.AddPage()
		y = m
	}
	y = header(y, false)
	for _, r := range t.rows {
		if y+rowHeight(p, ws, pt, line, pad, r) > h-m {
			p.AddPage()
			y = header(m, true)
		}
		y = drawRow(p, xs, ws, y, pt, line, pad, r, grey)
	}
	return y
}

// heads are the column headings.
func (t table) heads() []string {
	out := make([]string, len(t.cols))
	for i, c := range t.cols {
		out[i] = c.head
	}
	return out
}

// rowHeight is the height of a row whose cells wrap to their columns.
func rowHeight(p Page, ws []float64, pt, line, pad float64, cells []string) float64 {
	n := 1
	for i, c := range cells {
		n = max(n, len(wrap(p, c, pt, ws[i]-pad)))
	}
	return float64(n)*line + pad
}

// drawRow writes one row and a hairline under it; it returns the y below.
func drawRow(p Page, xs, ws []float64, y, pt, line, pad float64, cells []string, c colorRGBA) float64 {
	h := rowHeight(p, ws, pt, line, pad, cells)
	for i, cell := range cells {
		for j, l := range wrap(p, cell, pt, ws[i]-pad) {
			p.Text(xs[i], y+pad/2+float64(j)*line, pt, l, Left, c)
		}
	}
	right := xs[len(xs)-1] + ws[len(ws)-1]
	p.Rect(xs[0], y+h-0.1, right-xs[0], math.Max(0.1, pad/12), rule, colorRGBA{}, 0)
	return y + h
}
