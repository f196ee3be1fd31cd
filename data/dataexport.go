package data

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/encoding/wkt"

	"github.com/liwan-edu/schoolmap/data/gpkg"
	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/geo"
)

// CatchmentVertices is how many points a catchment circle is written with
// (the ring stays within 0.1% of the radius).
const CatchmentVertices = 72

// siteRow is one site as written by the data exports: what a report or
// another GIS needs, derived for one year.
type siteRow struct {
	ID, Name, Kind, Level, LevelZH, Status, Subdistrict, Confidence string
	Classes, Seats, StartYear, EndYear, ActualYear                  int
	Overdue, Located                                                bool
	Lon, Lat, PrecisionM                                            float64
}

var siteColumns = []string{"id", "name", "kind", "level", "level_zh", "classes", "seats", "start_year", "end_year",
	"actual_year", "status", "overdue", "subdistrict", "located", "lon", "lat", "precision_m", "confidence"}

func rowOf(s *Site, n Norms, year int) siteRow {
	st, late := StatusAt(s, year)
	return siteRow{ID: s.ID, Name: s.Name, Kind: s.Kind.String(), Level: s.Level.String(), LevelZH: s.Level.Label(),
		Status: st.String(), Subdistrict: s.SubdistrictText(), Confidence: s.Confidence.String(), Classes: s.Classes,
		Seats: n.SeatsOf(s).Total(), StartYear: s.StartYear, EndYear: s.EndYear, ActualYear: s.ActualYear, Overdue: late,
		Located: s.Located, Lon: s.Location[0], Lat: s.Location[1], PrecisionM: s.PrecisionM}
}

func (r siteRow) values() []any {
	var lon, lat, prec any
	if r.Located {
		lon, lat, prec = r.Lon, r.Lat, r.PrecisionM
	}
	return []any{r.ID, r.Name, r.Kind, r.Level, r.LevelZH, int64(r.Classes), int64(r.Seats), int64(r.StartYear), int64(r.EndYear),
		int64(r.ActualYear), r.Status, boolInt(r.Overdue), r.Subdistrict, boolInt(r.Located), lon, lat, prec, r.Confidence}
}

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

// WriteSitesGeoJSON writes sites (points, or null geometry when unlocated)
// and their catchments (polygons, "layer": "catchment") as one RFC 7946
// FeatureCollection, for the status year.
func WriteSitesGeoJSON(w io.Writer, sites []Site, n Norms, year int) error {
	var buf bytes.Buffer
	buf.WriteString(`{"type":"FeatureCollection","features":[`)
	first := true
	add := func(geom any, props map[string]any) error {
		b, err := json.Marshal(map[string]any{"type": "Feature", "geometry": geom, "properties": props})
		if err != nil {
			return err
		}
		if !first {
			buf.WriteByte(',')
		}
		first = false
		buf.WriteString("\n")
		buf.Write(b)
		return nil
	}
	for i := range sites {
		r := rowOf(&sites[i], n, year)
		props := map[string]any{"layer": "site", "year": year}
		for k, v := range r.values() {
			props[siteColumns[k]] = v
		}
		var geom any
		if r.Located {
			geom = map[string]any{"type": "Point", "coordinates": []float64{r.Lon, r.Lat}}
		}
		if err := add(geom, props); err != nil {
			return err
		}
	}
	for _, c := range Catchments(sites, n) {
		coords := make([][]float64, len(c.Ring))
		for k, p := range c.Ring {
			coords[k] = []float64{p[0], p[1]}
		}
		ring := reverseCCW(coords)
		if err := add(map[string]any{"type": "Polygon", "coordinates": [][][]float64{ring}},
			map[string]any{"layer": "catchment", "site_id": c.SiteID, "served_level": c.Served.String(), "radius_m": c.RadiusM}); err != nil {
			return err
		}
	}
	buf.WriteString("\n]}\n")
	_, err := w.Write(buf.Bytes())
	return err
}

// reverseCCW returns the ring counter-clockwise, as RFC 7946 wants exterior
// rings (geo.Circle walks clockwise: bearings increase eastwards).
func reverseCCW(r [][]float64) [][]float64 {
	area := 0.0
	for i := 0; i+1 < len(r); i++ {
		area += r[i][0]*r[i+1][1] - r[i+1][0]*r[i][1]
	}
	if area >= 0 {
		return r
	}
	out := make([][]float64, len(r))
	for i := range r {
		out[i] = r[len(r)-1-i]
	}
	return out
}

// WriteSitesCSV writes one row per site (UTF-8 with BOM, so Excel reads
// Chinese), and catchments to a second writer when given: site_id,
// served_level, radius_m and the polygon as WKT.
func WriteSitesCSV(sitesW, catchW io.Writer, sites []Site, n Norms, year int) error {
	sitesW.Write([]byte("\ufeff"))
	cw := csv.NewWriter(sitesW)
	cw.Write(i18n.Columns("export.col.", siteColumns))
	for i := range sites {
		vals := rowOf(&sites[i], n, year).values()
		rec := make([]string, len(vals))
		for k, v := range vals {
			rec[k] = csvText(v)
		}
		cw.Write(rec)
	}
	cw.Flush()
	if err := cw.Error(); err != nil || catchW == nil {
		return err
	}
	catchW.Write([]byte("\ufeff"))
	cc := csv.NewWriter(catchW)
	cc.Write(i18n.Columns("export.col.", []string{"site_id", "served_level", "radius_m", "wkt"}))
	for _, c := range Catchments(sites, n) {
		cc.Write([]string{c.SiteID, c.Served.String(), strconv.FormatFloat(c.RadiusM, 'f', -1, 64), string(wkt.Marshal(orb.Polygon{c.Ring}))})
	}
	cc.Flush()
	return cc.Error()
}

func csvText(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return fmt.Sprint(v)
}

// WriteSitesGPKG writes a GeoPackage with a "sites" point layer and a
// "catchments" polygon layer, for the status year.
func WriteSitesGPKG(path string, sites []Site, n Norms, year int) error {
	fields := make([]gpkg.Field, len(siteColumns))
	types := map[string]gpkg.FieldType{"classes": gpkg.Integer, "seats": gpkg.Integer, "start_year": gpkg.Integer, "end_year": gpkg.Integer,
		"actual_year": gpkg.Integer, "overdue": gpkg.Integer, "located": gpkg.Integer, "lon": gpkg.Real, "lat": gpkg.Real, "precision_m": gpkg.Real}
	for i, c := range siteColumns {
		t, ok := types[c]
		if !ok {
			t = gpkg.Text
		}
		fields[i] = gpkg.Field{Name: c, Type: t}
	}
	sl := &gpkg.Layer{Name: "sites", GeomType: "POINT", Description: fmt.Sprintf("sites, status in %d", year), Fields: fields}
	for i := range sites {
		r := rowOf(&sites[i], n, year)
		f := gpkg.Feature{Values: r.values()}
		if r.Located {
			f.Geometry = orb.Point{r.Lon, r.Lat}
		}
		sl.Features = append(sl.Features, f)
	}
	cl := &gpkg.Layer{Name: "catchments", GeomType: "POLYGON", Description: "walking service areas (geodesic circles)",
		Fields: []gpkg.Field{{Name: "site_id", Type: gpkg.Text}, {Name: "served_level", Type: gpkg.Text}, {Name: "radius_m", Type: gpkg.Real}}}
	for _, c := range Catchments(sites, n) {
		cl.Features = append(cl.Features, gpkg.Feature{Geometry: orb.Polygon{c.Ring}, Values: []any{c.SiteID, c.Served.String(), c.RadiusM}})
	}
	return gpkg.Write(path, []*gpkg.Layer{sl, cl})
}
