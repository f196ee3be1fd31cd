package data

import (
	"bytes"
	"encoding/csv"
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

// catchShapeCSVT are the column types of WriteCatchmentShapesCSV's file.
var catchShapeCSVT = []string{"String", "String", "Real", "String", "Real", "Real", "String", "WKT"}

func (c CatchmentShape) values() []any {
	nan := func(v float64) any {
		if math.IsNaN(v) {
			return nil
		}
		return v
	}
	return []any{c.SiteID, c.Served.String(), c.RadiusM, c.Method, nan(c.SnapM), nan(c.ShareOfCircle), c.Flag}
}

// ExportSitesShapes is ExportSites with the given catchments (network
// catchments: MultiPolygons with method, snap distance, share of circle
// and flag) instead of the circles; pairs are written together.
func ExportSitesShapes(path, format string, sites []Site, n Norms, year int, cs []CatchmentShape) ([]string, error) {
	var s, c bytes.Buffer
	switch format {
	case "gpkg":
		return []string{path}, WriteSitesGPKGShapes(path, sites, n, year, cs)
	case "geojson", "json":
		if err := WriteSitesGeoJSON(&s, sites, n, year); err != nil {
			return nil, err
		}
		if err := WriteCatchmentShapesGeoJSON(&c, cs); err != nil {
			return nil, err
		}
	case "csv":
		if err := WriteSitesCSV(&s, nil, sites, n, year); err != nil {
			return nil, err
		}
		if err := WriteCatchmentShapesCSV(&c, cs); err != nil {
			return nil, err
		}
		return writeCSVPair(path, s.Bytes(), c.Bytes(), catchShapeCSVT)
	default:
		return nil, fmt.Errorf("data: unknown export format %q", format)
	}
	return writePair(path, CatchmentsPath(path), s.Bytes(), c.Bytes())
}

// WriteCatchmentShapesGeoJSON writes the catchments as MultiPolygons
// (RFC 7946 winding, 7 decimals) with their columns.
func WriteCatchmentShapesGeoJSON(w io.Writer, cs []CatchmentShape) error {
	var feats []any
	for _, c := range cs {
		props := map[string]any{}
		for k, v := range c.values() {
			props[catchShapeColumns[k]] = v
		}
		feats = append(feats, map[string]any{"type": "Feature", "geometry": multiPolygonJSON(c.Shape), "properties": props})
	}
	return writeCollection(w, feats)
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
				ring[k] = []float64{roundDeg(p[0]), roundDeg(p[1])}
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

// WriteCatchmentShapesCSV writes the catchments (UTF-8 with BOM): their
// columns and the shape as WKT MULTIPOLYGON.
func WriteCatchmentShapesCSV(w io.Writer, cs []CatchmentShape) error {
	w.Write([]byte("\ufeff"))
	cc := csv.NewWriter(w)
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
	sl := sitesLayer(sites, n, year)
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
