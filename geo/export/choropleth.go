package export

import (
	"fmt"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/geo/coverage"
	"github.com/liwan-edu/schoolmap/geo/render"
)

// Choropleth is what the subdistrict layer shows: one measure of one
// level's rows of the coverage table, cut into classes. The window and the
// export command draw it through here, so a page shows what the screen
// shows.
type Choropleth struct {
	Level    data.Level
	Measure  coverage.Measure
	Classing coverage.Classing
	Fixed    []float64 // class limits for coverage.Fixed
}

// DefaultChoropleth is the window's first choice: the gap of kindergarten
// places in quantile classes.
func DefaultChoropleth() Choropleth {
	return Choropleth{Level: coverage.Levels[0], Measure: coverage.MeasureGap, Classing: coverage.Quantiles}
}

// choroplethClasses is how many classes the choropleth has at most.
const choroplethClasses = 5

// Zones are the subdistricts with a boundary, filled by the class of the
// measure in res (no fill when it cannot be computed; Gap marks a gap
// subdistrict), and the legend's classes; both nil when no subdistrict
// has a boundary. Rows are matched to subdistricts by code and name.
func (c Choropleth) Zones(res coverage.Result, subs []data.Subdistrict) ([]render.Zone, []render.ZoneClass) {
	byKey := map[string]coverage.Row{}
	var values []float64
	for _, r := range res.Rows {
		if r.Level != c.Level {
			continue
		}
		byKey[r.Code+"|"+r.Name] = r
		if r.HasBoundary {
			values = append(values, c.Measure.Value(r))
		}
	}
	breaks := coverage.Breaks(values, c.Classing, choroplethClasses, c.Fixed)
	pal := coverage.Palette(c.Measure, len(breaks)+1)
	var zones []render.Zone
	for _, s := range subs {
		if len(s.Boundary) == 0 {
			continue
		}
		r := byKey[s.Code+"|"+s.Name]
		z := render.Zone{Name: s.Name, Boundary: s.Boundary, Gap: coverage.IsGap(r)}
		if k := coverage.Class(c.Measure.Value(r), breaks); k >= 0 {
			z.Fill = pal[k]
		}
		zones = append(zones, z)
	}
	if len(zones) == 0 {
		return nil, nil
	}
	labels := c.Measure.ClassLabels(values, breaks)
	classes := make([]render.ZoneClass, len(pal))
	for k := range pal {
		classes[k] = render.ZoneClass{Fill: pal[k], Label: labels[k]}
	}
	return zones, classes
}

// Title is the legend's heading: measure, level and year; note is added
// as is (e.g. " · 步行网络").
func (c Choropleth) Title(year int, note string) string {
	return c.Measure.Label() + " · " + i18n.T("table.level."+c.Level.String()) + fmt.Sprintf(" (%d)", year) + note
}
