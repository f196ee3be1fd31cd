package data

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/encoding/wkt"

	"github.com/liwan-edu/schoolmap/data/gpkg"
	"github.com/liwan-edu/schoolmap/data/i18n"
)

// WriteSitesGeoJSON writes the sites (points, or null geometry when
// unlocated) as an RFC 7946 FeatureCollection for the status year,
// coordinates to 7 decimals. Catchments go to their own file
// (WriteCatchmentsGeoJSON), so QGIS loads each as one plain layer.
func WriteSitesGeoJSON(w io.Writer, sites []Site, n Norms, year int) error {
	var fs []any
	for i := range sites {
		vals := siteValues(&sites[i], n, year)
		props := map[string]any{"year": year}
		for k, v := range vals {
			props[siteColumns[k]] = v
		}
		var geom any
		if sites[i].Located {
			geom = map[string]any{"type": "Point", "coordinates": []float64{roundDeg(sites[i].Location[0]), roundDeg(sites[i].Location[1])}}
		}
		fs = append(fs, map[string]any{"type": "Feature", "geometry": geom, "properties": props})
	}
	return writeCollection(w, fs)
}

// WriteCatchmentsGeoJSON writes the catchment circles as polygons (exterior
// rings counter-clockwise, 7 decimals).
func WriteCatchmentsGeoJSON(w io.Writer, sites []Site, n Norms) error {
	var fs []any
	for _, c := range Catchments(sites, n) {
		coords := make([][]float64, len(c.Ring))
		for k, p := range c.Ring {
			coords[k] = []float64{roundDeg(p[0]), roundDeg(p[1])}
		}
		fs = append(fs, map[string]any{"type": "Feature",
			"geometry":   map[string]any{"type": "Polygon", "coordinates": [][][]float64{reverseCCW(coords)}},
			"properties": map[string]any{"site_id": c.SiteID, "served_level": c.Served.String(), "radius_m": c.RadiusM}})
	}
	return writeCollection(w, fs)
}

func writeCollection(w io.Writer, features []any) error {
	var buf bytes.Buffer
	buf.WriteString(`{"type":"FeatureCollection","features":[`)
	for i, f := range features {
		b, err := json.Marshal(f)
		if err != nil {
			return err
		}
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.WriteString("\n")
		buf.Write(b)
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
// served_level, radius_m and the polygon as WKT. Codes are written
// plainly: the .csvt beside the file (SitesCSVT) tells GIS tools they are
// text; Excel would turn them into numbers (440103001000 → 4.40103E+11),
// which is why spreadsheet users are pointed to the XLSX and GeoPackage.
func WriteSitesCSV(sitesW, catchW io.Writer, sites []Site, n Norms, year int) error {
	sitesW.Write([]byte("\ufeff"))
	cw := csv.NewWriter(sitesW)
	cw.Write(i18n.Columns("export.col.", siteColumns))
	for i := range sites {
		vals := siteValues(&sites[i], n, year)
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
		ring := make(orb.Ring, len(c.Ring))
		for k, p := range c.Ring {
			ring[k] = orb.Point{roundDeg(p[0]), roundDeg(p[1])}
		}
		cc.Write([]string{c.SiteID, c.Served.String(), strconv.FormatFloat(c.RadiusM, 'f', -1, 64), string(wkt.Marshal(orb.Polygon{ring}))})
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

// WriteSitesGPKG writes a GeoPackage with a "sites" point layer, a
// "catchments" polygon layer and a "site_plots" layer of the plots sites
// were placed on, for the status year.
func WriteSitesGPKG(path string, sites []Site, n Norms, year int) error {
	cl := &gpkg.Layer{Name: "catchments", GeomType: "POLYGON", Description: "walking service areas (geodesic circles)",
		Fields: []gpkg.Field{{Name: "site_id", Type: gpkg.Text}, {Name: "served_level", Type: gpkg.Text}, {Name: "radius_m", Type: gpkg.Real}}}
	for _, c := range Catchments(sites, n) {
		cl.Features = append(cl.Features, gpkg.Feature{Geometry: orb.Polygon{c.Ring}, Values: []any{c.SiteID, c.Served.String(), c.RadiusM}})
	}
	return gpkg.Write(path, []*gpkg.Layer{sitesLayer(sites, n, year), cl, sitePlotLayer("site_plots", sites)})
}

// sitesLayer is the "sites" point layer of the GeoPackage exports.
func sitesLayer(sites []Site, n Norms, year int) *gpkg.Layer {
	fields := make([]gpkg.Field, len(siteColumns))
	for i, c := range siteColumns {
		t, ok := siteColumnTypes[c]
		if !ok {
			t = gpkg.Text
		}
		fields[i] = gpkg.Field{Name: c, Type: t}
	}
	sl := &gpkg.Layer{Name: "sites", GeomType: "POINT", Description: fmt.Sprintf("sites, plan status in %d", year), Fields: fields}
	for i := range sites {
		f := gpkg.Feature{Values: siteValues(&sites[i], n, year)}
		if sites[i].Located {
			f.Geometry = sites[i].Location
		}
		sl.Features = append(sl.Features, f)
	}
	return sl
}

// CatchmentsPath is the file the catchments of a sites export go to:
// NAME_catchments.EXT beside NAME.EXT.
func CatchmentsPath(sitesPath string) string {
	ext := filepath.Ext(sitesPath)
	return strings.TrimSuffix(sitesPath, ext) + "_catchments" + ext
}

// ExportSites writes the sites export of format ("gpkg", "geojson",
// "csv") to path, with the catchments inside (GeoPackage) or beside it
// (CatchmentsPath). A pair is written together: both go to temporary
// files and are renamed only when both were written, so a failure leaves
// neither new file. It returns the files written.
func ExportSites(path, format string, sites []Site, n Norms, year int) ([]string, error) {
	var s, c bytes.Buffer
	switch format {
	case "gpkg":
		return []string{path}, WriteSitesGPKG(path, sites, n, year)
	case "geojson", "json":
		if err := WriteSitesGeoJSON(&s, sites, n, year); err != nil {
			return nil, err
		}
		if err := WriteCatchmentsGeoJSON(&c, sites, n); err != nil {
			return nil, err
		}
	case "csv":
		if err := WriteSitesCSV(&s, &c, sites, n, year); err != nil {
			return nil, err
		}
		return writeCSVPair(path, s.Bytes(), c.Bytes(), circleCatchmentCSVT)
	default:
		return nil, fmt.Errorf("data: unknown export format %q", format)
	}
	return writePair(path, CatchmentsPath(path), s.Bytes(), c.Bytes())
}

// circleCatchmentCSVT are the column types of the circles' catchments CSV.
var circleCatchmentCSVT = []string{"String", "String", "Real", "WKT"}

// SitesCSVT are the column types of the sites CSV, for its .csvt.
func SitesCSVT() []string {
	types := make([]string, len(siteColumns))
	for i, c := range siteColumns {
		types[i] = csvtType(siteColumnTypes[c])
	}
	return types
}

// writeCSVPair writes the sites CSV and its catchments CSV, each with its
// .csvt, together.
func writeCSVPair(path string, sites, catch []byte, catchTypes []string) ([]string, error) {
	cp := CatchmentsPath(path)
	return WriteTogether(OutFile{path, sites}, OutFile{CSVTPath(path), CSVT(SitesCSVT())},
		OutFile{cp, catch}, OutFile{CSVTPath(cp), CSVT(catchTypes)})
}

// writePair writes a pair of files together (WriteTogether).
func writePair(first, second string, a, b []byte) ([]string, error) {
	return WriteTogether(OutFile{first, a}, OutFile{second, b})
}

// PairError names the file of a pair (or set, WriteTogether) that could
// not be written; no file of the pair was replaced.
type PairError struct {
	Path string
	Err  error
}

func (e *PairError) Error() string {
	return fmt.Sprintf("%s: %v (neither file of the pair was written)", e.Path, e.Err)
}

func (e *PairError) Unwrap() error { return e.Err }
