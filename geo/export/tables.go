package export

import (
	"fmt"
	"sort"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/i18n"
)

// drawTables fills the second PDF page: every site with its status in the
// year, and seats per subdistrict (from each site's subdistrict attribute;
// sites whose subdistrict is unknown are grouped as such).
func drawTables(p Page, g geometry, o Options) {
	sc := o.Scene
	k, m := g.k, g.margin
	w, _ := p.Size()
	p.Text(m, m, 13*k, i18n.T("export.tables.title", o.Title, sc.Year), Left, ink)
	pt, row := 6.5*k, 4.4*k
	cols := []struct {
		head string
		x    float64
	}{{i18n.T("export.tables.no"), 0}, {i18n.T("export.tables.project"), 9}, {i18n.T("export.tables.level"), 62}, {i18n.T("export.tables.classes"), 88}, {i18n.T("export.tables.seats"), 97}, {i18n.T("export.tables.status"), 113}, {i18n.T("export.tables.subdistrict"), 135}, {i18n.T("export.tables.location"), 165}}
	left := w * 0.68
	scale := (left - m) / 195
	y := m + 10*k
	for _, c := range cols {
		p.Text(m+c.x*scale, y, pt, c.head, Left, ink)
	}
	y += row
	for i := range sc.Sites {
		s := &sc.Sites[i]
		st, late := data.StatusAt(s, sc.Year)
		status := i18n.T("table.status." + st.String())
		if late {
			status += " " + i18n.T("export.tables.overdue")
		}
		loc := i18n.T("table.confidence." + s.Confidence.String())
		if !s.Located {
			loc = i18n.T("export.tables.unlocated")
		} else {
			loc += fmt.Sprintf(" ±%.0fm", s.PrecisionM)
		}
		cells := []string{fmt.Sprint(s.No), s.ShortName, i18n.T("table.level." + s.Level.String()), count(s.Classes),
			count(sc.Norms.SeatsOf(s).Total()), status, s.SubdistrictText(), loc}
		for j, c := range cols {
			right := left - 2*k
			if j+1 < len(cols) {
				right = m + cols[j+1].x*scale - 1.5*k
			}
			p.Text(m+c.x*scale, y, pt, clip(p, cells[j], pt, right-(m+c.x*scale)), Left, grey)
		}
		y += row
	}
	subdistrictTable(p, left+6*k, m+10*k, pt, row, sc.Sites, sc.Norms, sc.Year)
}

func count(n int) string {
	if n <= 0 {
		return "—"
	}
	return fmt.Sprint(n)
}

func subdistrictTable(p Page, x, y, pt, row float64, sites []data.Site, n data.Norms, year int) {
	type agg struct{ sites, in, building, planned int }
	by := map[string]*agg{}
	for i := range sites {
		s := &sites[i]
		name := s.Subdistrict
		if name == "" {
			name = i18n.T("export.tables.unknown_subdistrict")
		}
		a := by[name]
		if a == nil {
			a = &agg{}
			by[name] = a
		}
		a.sites++
		st, _ := data.StatusAt(s, year)
		seats := n.SeatsOf(s).Total()
		switch st {
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
	p.Text(x, y-row, pt, i18n.T("export.tables.by_subdistrict"), Left, ink)
	heads := []string{i18n.T("export.tables.subdistrict"), i18n.T("export.tables.sites"), i18n.T("export.tables.in_service"), i18n.T("export.tables.building"), i18n.T("export.tables.planned")}
	offs := []float64{0, 28, 38, 52, 66}
	for j, h := range heads {
		p.Text(x+offs[j], y, pt, h, Left, ink)
	}
	for _, name := range names {
		y += row
		a := by[name]
		for j, c := range []string{name, fmt.Sprint(a.sites), fmt.Sprint(a.in), fmt.Sprint(a.building), fmt.Sprint(a.planned)} {
			if j == 0 {
				c = clip(p, c, pt, offs[1]-2)
			}
			p.Text(x+offs[j], y, pt, c, Left, grey)
		}
	}
}

// clip shortens s with an ellipsis so it fits in width millimetres.
func clip(p Page, s string, pt, width float64) string {
	if p.TextWidth(s, pt) <= width {
		return s
	}
	r := []rune(s)
	for len(r) > 0 && p.TextWidth(string(r)+"…", pt) > width {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}
