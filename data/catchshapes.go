package data

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/encoding/wkt"

	"github.com/liwan-edu/schoolmap/data/gpkg"
)

// CatchmentShape is a catchment of any shape for the data exports: a
// network catchment (walking distance along streets) with its snap
// distance and its area as a share of the circle of the same radius.
type CatchmentShape struct {
	SiteID        string
	Served        Level
	RadiusM       float64
	Method        string           // "network" or "circle"
	SnapM         float64          // straight line from the site to its street; NaN unknown
	ShareOfCircle float64          // area / circle area; NaN unknown
	Flag          string           // "", "far" (snap > 200 m), "island", "unsnapped"
	Shape         orb.MultiPolygon // WGS-84; empty when nothing is reachable
}

var catchShapeColumns = []string{"site_id", "served_level", "radius_m", "method", "snap_m", "share_of_circle", "flag"}

func (c CatchmentShape) values() []any {
	nan := func(v float64) any {
		if math.IsNaN(v) {
			return nil
		}
		return v
	}
	return []any{c.SiteID, c.Served.String(), c.RadiusM, c.Method, nan(c.SnapM), nan(c.ShareOfCircle), c.Flag}
}

// WriteSitesGeoJSONShapes is WriteSitesGeoJSON with the given catchments
// (MultiPolygons, "layer": "catchment") instead of the circles.
func WriteSitesGeoJSONShapes(w io.Writer, sites []Site, n Norms, year int, cs []CatchmentShape) error {
	var feats []json.RawMessage
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
		feats = append(feats, shapeFeature(geom, props))
	}
	for _, c := range cs {
		props := map[string]any{"layer": "catchment"}
		for k, v := range c.values() {
			props[catchShapeColumns[k]] = v
		}
		feats = append(feats, shapeFeature(multiPolygonJSON(c.Shape), props))
	}
	out := []byte(`{"type":"FeatureCollection","features":[`)
	for i, f := range feats {
		if i > 0 {
			out = append(out, ',')
		}
		out = append(append(out, '\n'), f...)
	}
	_, err := w.Write(append(out, "\n]}\n"...))
	return err
}

func shapeFeature(geom any, props map[string]any) json.RawMessage {
	b, _ := json.Marshal(map[string]any{"type": "Feature", "geometry": geom, "properties": props})
	return b
}

// multiPolygonJSON is RFC 7946 coordinates: exteriors counter-clockwise,
// holes clockwise (nil geometry when empty).
func multiPolygonJSON(mp orb.MultiPolygon) any {
	if len(mp) == 0 {
		return nil
	}
	coords := make([][][][]float64, len(mp))
	for i, poly := range mp {
		for j, r := range poly {
			ring := make([][]float64, len(r))
			for k, p := range r {
				ring[k] = []float64{p[0], p[1]}
			}
			ring = reverseCCW(ring)
			if j > 0 { // holes clockwise
				ring = reverseRing(ring)
			}
			coords[i] = append(coords[i], ring)
		}
	}
	return map[string]any{"type": "MultiPolygon", "coordinates": coords}
}

func reverseRing(r [][]float64) [][]float64 {
	out := make([][]float64, len(r))
	for i := range r {
		out[i] = r[len(r)-1-i]
	}
	return out
}

// WriteSitesCSVShapes is WriteSitesCSV with the given catchments (WKT
// MULTIPOLYGON plus method, snap distance, share of circle, flag).
func WriteSitesCSVShapes(sitesW, catchW io.Writer, sites []Site, n Norms, year int, cs []CatchmentShape) error {
	if err := WriteSitesCSV(sitesW, nil, sites, n, year); err != nil {
		return err
	}
	catchW.Write([]byte("\ufeff"))
	cc := csv.NewWriter(catchW)
	cc.Write(append(append([]string(nil), catchShapeColumns...), "wkt"))
	for _, c := range cs {
		vals := c.values()
		rec := make([]string, 0, len(vals)+1)
		for _, v := range vals {
			rec = append(rec, csvText(v))
		}
		cc.Write(append(rec, string(wkt.Marshal(c.Shape))))
	}
	cc.Flush()
	return cc.Error()
}

// WriteSitesGPKGShapes is WriteSitesGPKG with the given catchments as a
// MULTIPOLYGON layer "catchments".
func WriteSitesGPKGShapes(path string, sites []Site, n Norms, year int, cs []CatchmentShape) error {
	sl := sitesGPKGLayer(sites, n, year)
	cl := &gpkg.Layer{Name: "catchments", GeomType: "MULTIPOLYGON", Description: "walking service areas along the street network"}
	for _, c := range catchShapeColumns {
		t := gpkg.Text
		if c == "radius_m" || c == "snap_m" || c == "share_of_circle" {
			t = gpkg.Real
		}
		cl.Fields = append(cl.Fields, gpkg.Field{Name: c, Type: t})
	}
	for _, c := range cs {
		var g orb.Geometry
		if len(c.Shape) > 0 {
			g = c.Shape
		}
		cl.Features = append(cl.Features, gpkg.Feature{Geometry: g, Values: c.values()})
	}
	return gpkg.Write(path, []*gpkg.Layer{sl, cl})
}

// sitesGPKGLayer is the "sites" layer of WriteSitesGPKG.
func sitesGPKGLayer(sites []Site, n Norms, year int) *gpkg.Layer {
	types := map[string]gpkg.FieldType{"classes": gpkg.Integer, "seats": gpkg.Integer, "start_year": gpkg.Integer, "end_year": gpkg.Integer,
		"actual_year": gpkg.Integer, "overdue": gpkg.Integer, "located": gpkg.Integer, "lon": gpkg.Real, "lat": gpkg.Real, "precision_m": gpkg.Real}
	sl := &gpkg.Layer{Name: "sites", GeomType: "POINT", Description: fmt.Sprintf("sites, status in %d", year)}
	for _, c := range siteColumns {
		t, ok := types[c]
		if !ok {
			t = gpkg.Text
		}
		sl.Fields = append(sl.Fields, gpkg.Field{Name: c, Type: t})
	}
	for i := range sites {
		r := rowOf(&sites[i], n, year)
		f := gpkg.Feature{Values: r.values()}
		if r.Located {
			f.Geometry = orb.Point{r.Lon, r.Lat}
		}
		sl.Features = append(sl.Features, f)
	}
	return sl
}
