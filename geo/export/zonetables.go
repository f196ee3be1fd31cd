package export

import (
	"strings"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/geo/coverage"
)

// zoneTables are the per-subdistrict tables of the page when boundaries
// are imported: one per level, the rows and cells of the on-screen table
// (coverage.ZoneColumns over res.LevelRows), so page, screen, CSV and
// command line show one count by polygon.
func zoneTables(res coverage.Result) []table {
	var out []table
	for _, l := range coverage.Levels {
		t := table{title: i18n.T("export.zones.title", i18n.T("table.level."+l.String()), res.Year)}
		for _, c := range coverage.ZoneColumns {
			t.cols = append(t.cols, column{c.Text(), float64(c.Width)})
		}
		for _, r := range res.LevelRows(l) {
			t.rows = append(t.rows, coverage.ZoneCells(r))
		}
		out = append(out, t)
	}
	return out
}

// uncertainTable lists the sites whose precision circle crosses into
// another subdistrict than the one they are counted in ("可能属于"), as
// the screen and the command line list them; empty when there are none.
func uncertainTable(res coverage.Result) table {
	t := table{title: i18n.T("export.zones.maybe"), cols: []column{
		{i18n.T("render.table.project"), 3}, {i18n.T("export.zones.counted_in"), 2}, {i18n.T("export.zones.may_belong"), 3},
	}}
	for _, u := range res.Uncertain {
		t.rows = append(t.rows, []string{u.SiteName + " (" + u.SiteID + ")", u.In, strings.Join(u.MayBe, "、")})
	}
	return t
}

// countedIn is a site's subdistrict as the tables count it: with
// boundaries the polygon it falls in, "not located" for a site without a
// position; without boundaries its recorded subdistrict.
func countedIn(s *data.Site, res *coverage.Result) string {
	switch {
	case !s.Located && s.Subdistrict == "":
		return i18n.T("render.table.unlocated")
	case res == nil || !res.Bounded():
		return s.SubdistrictText()
	case !s.Located:
		return i18n.T("render.table.unlocated")
	}
	if n, ok := res.CountedIn[s.ID]; ok {
		return n
	}
	return coverage.Unassigned()
}
