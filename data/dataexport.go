package data

import (
	"math"
	"sort"

	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/data/gpkg"
	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/geo"
)

// CatchmentVertices is how many points a catchment circle is written with
// (the ring stays within 0.1% of the radius).
const CatchmentVertices = 72

// siteColumns are the columns of the sites exports (CSV, GeoJSON,
// GeoPackage). plan_status is the status the plan's annex years give for
// the year; actual_status and actual_year are recorded progress, kept
// apart. Unknown numbers are empty (NULL), never 0.
var siteColumns = []string{"id", "name", "kind", "level", "level_zh", "classes", "seats", "start_year", "end_year",
	"plan_status", "plan_status_zh", "overdue", "actual_status", "actual_year", "subdistrict", "subdistrict_code", "plot_code",
	"located", "lon", "lat", "precision_m", "approximate", "confidence", "basis", "source", "plot_wkt"}

// siteColumnTypes are the GeoPackage types of the non-text columns.
var siteColumnTypes = map[string]gpkg.FieldType{"classes": gpkg.Integer, "seats": gpkg.Integer, "start_year": gpkg.Integer,
	"end_year": gpkg.Integer, "actual_year": gpkg.Integer, "overdue": gpkg.Integer, "located": gpkg.Integer,
	"approximate": gpkg.Integer, "lon": gpkg.Real, "lat": gpkg.Real, "precision_m": gpkg.Real}

// siteValues is one site as written by the data exports, derived for one
// year, in siteColumns order: nil for what is unknown.
func siteValues(s *Site, n Norms, year int) []any {
	_, late := StatusAt(s, year)
	plan := PlannedStatusAt(s.StartYear, s.EndYear, year)
	var planCode, planZH, actual, lon, lat, prec, approx, source any
	if s.Kind != KindExisting && (s.StartYear != 0 || s.EndYear != 0) {
		planCode, planZH = plan.String(), plan.Label()
	}
	switch {
	case s.ActualStatus != StatusUnknown:
		actual = s.ActualStatus.String()
	case s.Kind == KindExisting:
		actual = InService.String()
	}
	if s.Located {
		lon, lat, prec, approx = roundDeg(s.Location[0]), roundDeg(s.Location[1]), s.PrecisionM, boolInt(s.Approximate())
		source = s.SourceText()
	} else if s.Kind != KindExisting {
		source = i18n.T("files.export.source_unlocated")
	}
	return []any{s.ID, s.Name, s.Kind.String(), s.Level.String(), s.Level.Label(), known(s.Classes), known(n.SeatsOf(s).Total()),
		known(s.StartYear), known(s.EndYear), planCode, planZH, boolInt(late), actual, known(s.ActualYear),
		s.SubdistrictText(), text(s.SubdistrictCode), text(s.PlotCode), boolInt(s.Located), lon, lat, prec, approx,
		s.Confidence.String(), text(s.BasisText()), source, s.PlotWKT()}
}

// known is n as a column value, nil (empty, NULL) when 0 means "not stated".
func known(n int) any {
	if n == 0 {
		return nil
	}
	return int64(n)
}

func text(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// roundDeg rounds degrees to 7 decimals (about 1 cm), as RFC 7946 advises.
func roundDeg(v float64) float64 { return math.Round(v*1e7) / 1e7 }

func boolInt(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// Catchment is one site's walking service area for one served level.
type Catchment struct {
	SiteID  string
	Served  Level
	RadiusM float64
	Ring    orb.Ring
}

// Catchments lists the catchment circles of the located sites (geodesic,
// CatchmentVertices points), in site order then served level.
func Catchments(sites []Site, n Norms) []Catchment {
	var out []Catchment
	for i := range sites {
		s := &sites[i]
		if !s.Located {
			continue
		}
		radii := n.CatchmentRadii(s.Level)
		levels := make([]Level, 0, len(radii))
		for l := range radii {
			levels = append(levels, l)
		}
		sort.Slice(levels, func(a, b int) bool { return levels[a] < levels[b] })
		for _, l := range levels {
			out = append(out, Catchment{SiteID: s.ID, Served: l, RadiusM: radii[l], Ring: geo.Circle(s.Location, radii[l], CatchmentVertices)})
		}
	}
	return out
}
