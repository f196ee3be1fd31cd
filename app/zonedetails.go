package app

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/geo/coverage"
)

// zoneAt returns the subdistrict containing p, or nil.
func zoneAt(subs []data.Subdistrict, p orb.Point) *data.Subdistrict {
	for i := range subs {
		s := &subs[i]
		if len(s.Boundary) > 0 && s.Boundary.Bound().Contains(p) && planar.MultiPolygonContains(s.Boundary, p) {
			return s
		}
	}
	return nil
}

// cell is one cell of the subdistrict table.
func cell(r coverage.Row, col int) string { return coverage.ZoneColumns[col].Cell(r) }

// zoneSummary is one line of a subdistrict's figures, for hover.
func zoneSummary(res coverage.Result, s *data.Subdistrict) string {
	parts := []string{s.Name}
	for _, r := range res.Rows {
		if r.Code == s.Code && r.Name == s.Name {
			gap := i18n.T("ui.zonedetails.gap")
			if !math.IsNaN(r.Gap) {
				gap = fmt.Sprintf(i18n.T("ui.zonedetails.gap2"), r.Gap)
			}
			parts = append(parts, fmt.Sprintf(i18n.T("ui.zonedetails.seats_covered"), levelText(r.Level), r.Seats[0], gap, cell(r, coverage.ColCovered)))
		}
	}
	return strings.Join(parts, " · ")
}

// zoneDetails is the details panel's title and rows for a subdistrict: its
// figures by level, and its sites.
func zoneDetails(st *state, code, name string) (string, [][2]string) {
	var rows [][2]string
	for _, r := range st.coverage.Rows {
		if r.Code != code || r.Name != name {
			continue
		}
		rows = append(rows, [2]string{levelText(r.Level), fmt.Sprintf(i18n.T("ui.zonedetails.seats_in_service_building_planned"),
			r.Seats[0], r.Seats[1], r.Seats[2], cell(r, coverage.ColPopulation), cell(r, coverage.ColDemand), cell(r, coverage.ColGap),
			cell(r, coverage.ColPer1000), cell(r, coverage.ColCovered), cell(r, coverage.ColSFCA),
			strconv.FormatFloat(r.Uncovered, 'f', 0, 64))})
	}
	rows = append(rows, [2]string{i18n.T("ui.ui.sites"), strings.Join(zoneSites(st, name), "\n")})
	return fmt.Sprintf(i18n.T("ui.zonedetails.subdistrict"), name, code, st.scene.Year), rows
}

// zoneSites are the sites in a subdistrict, counted as the table counts
// them (the analysis's CountedIn: with boundaries by the polygon a site
// falls in, without by its subdistrict record); then the sites whose
// location's precision circle reaches into it from another ("可能属于 may
// belong to").
func zoneSites(st *state, name string) []string {
	var ids []string
	for _, s := range st.scene.Sites {
		if st.coverage.CountedIn[s.ID] == name {
			ids = append(ids, fmt.Sprintf("%s %s", s.ID, s.ShortName))
		}
	}
	for _, u := range st.coverage.Uncertain {
		if u.In == name || slices.Contains(u.MayBe, name) {
			ids = append(ids, i18n.T("robust.subdistricts.maybe", u.SiteName, u.SiteID, u.In, strings.Join(u.MayBe, "、")))
		}
	}
	return ids
}
