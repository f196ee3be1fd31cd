package export

import (
	"fmt"
	"sort"

	"github.com/liwan-edu/schoolmap/data"
)

// drawTables fills the second PDF page: every site with its status in the
// year, and seats per subdistrict (from each site's subdistrict attribute;
// sites whose subdistrict is unknown are grouped as such).
func drawTables(p Page, g geometry, o Options) {
	sc := o.Scene
	k, m := g.k, g.margin
	w, _ := p.Size()
	p.Text(m, m, 13*k, fmt.Sprintf("%s — 项目一览 Sites, %d", o.Title, sc.Year), Left, ink)
	pt, row := 6.5*k, 4.4*k
	cols := []struct {
		head string
		x    float64
	}{{"序号", 0}, {"项目 project", 9}, {"学段 level", 62}, {"班", 88}, {"学位 seats", 97}, {"状态 status", 113}, {"街道 subdistrict", 135}, {"位置 location", 165}}
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
		status := st.Label()
		if late {
			status += " 逾期"
		}
		loc := s.Confidence.Label()
		if !s.Located {
			loc = "未定位"
		} else {
			loc += fmt.Sprintf(" ±%.0fm", s.PrecisionM)
		}
		cells := []string{fmt.Sprint(s.No), s.ShortName, s.Level.Label(), count(s.Classes),
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
			name = "待核实"
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
	p.Text(x, y-row, pt, "街道 Subdistrict (按项目属性 by site attribute)", Left, ink)
	heads := []string{"街道", "项目", "建成", "在建", "规划"}
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
