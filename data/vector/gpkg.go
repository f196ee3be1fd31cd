package vector

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/liwan-edu/schoolmap/data/gpkg"
	"github.com/liwan-edu/schoolmap/geo/crs"

	"github.com/liwan-edu/schoolmap/data/i18n"
)

// Kinds of geometry a caller wants from a GeoPackage layer.
const (
	WantAny     = ""
	WantPoint   = "point"
	WantPolygon = "polygon"
)

// LayerChoiceError says a GeoPackage holds several layers that could be
// meant (or none that fits): the caller asks the planner, listing Layers
// with their feature counts.
type LayerChoiceError struct {
	Path   string
	Want   string // WantPoint, WantPolygon or WantAny
	Layers []gpkg.LayerInfo
	Named  string // the layer asked for, when it does not exist
}

// ErrLayerChoice is what a *LayerChoiceError wraps.
var ErrLayerChoice = errors.New("vector: choose a layer")

func (e *LayerChoiceError) Error() string {
	var list []string
	for _, l := range e.Layers {
		list = append(list, LayerLabel(l))
	}
	what := "several layers could be meant"
	switch {
	case e.Named != "":
		what = fmt.Sprintf("no feature layer %q", e.Named)
	case len(e.candidates()) == 0:
		what = "no " + e.Want + " layer"
	}
	return fmt.Sprintf("%s: %s (layers: %s)", filepath.Base(e.Path), what, strings.Join(list, "; "))
}

func (e *LayerChoiceError) Unwrap() error { return ErrLayerChoice }

// LayerLabel is a layer as a chooser lists it: "subdistricts (MULTIPOLYGON, 22 features)".
func LayerLabel(l gpkg.LayerInfo) string {
	switch {
	case l.View:
		return l.Name + " (SQL view, not read)"
	case l.GeomType == "":
		return fmt.Sprintf("%s (table, %d rows)", l.Name, l.Count)
	}
	return fmt.Sprintf("%s (%s, %d features)", l.Name, l.GeomType, l.Count)
}

// candidates lists the feature layers whose geometry type fits Want.
func (e *LayerChoiceError) candidates() []gpkg.LayerInfo {
	var out []gpkg.LayerInfo
	for _, l := range e.Layers {
		if l.GeomType != "" && !l.View && fits(l.GeomType, e.Want) {
			out = append(out, l)
		}
	}
	return out
}

func fits(geomType, want string) bool {
	t := strings.ToUpper(geomType)
	switch want {
	case WantPoint:
		return strings.Contains(t, "POINT") || t == "GEOMETRY"
	case WantPolygon:
		return strings.Contains(t, "POLYGON") || strings.Contains(t, "SURFACE") || t == "GEOMETRY"
	}
	return true
}

// chooseLayer picks the named layer, or the only one that fits want.
func chooseLayer(path, layer, want string) (string, error) {
	infos, err := gpkg.List(path)
	if err != nil {
		return "", &FileError{Path: path, Err: err}
	}
	e := &LayerChoiceError{Path: path, Want: want, Layers: infos}
	if layer != "" {
		for _, l := range infos {
			if l.Name == layer && l.GeomType != "" {
				return layer, nil
			}
		}
		e.Named = layer
		return "", e
	}
	if c := e.candidates(); len(c) == 1 {
		return c[0].Name, nil
	}
	return "", e
}

// ReadGeoPackage reads one feature layer of a GeoPackage: the named one,
// or the only one whose geometry fits want; otherwise a *LayerChoiceError
// lists the layers. Its system comes from gpkg_spatial_ref_sys.
func ReadGeoPackage(path, layer, want string) (*Set, error) {
	return readGeoPackage(context.Background(), path, layer, want)
}

func readGeoPackage(ctx context.Context, path, layer, want string) (*Set, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	name, err := chooseLayer(path, layer, want)
	if err != nil {
		return nil, err
	}
	f, err := gpkg.ReadLayers(ctx, path, name)
	if err != nil {
		return nil, &FileError{Path: path, Err: err}
	}
	if len(f.Layers) != 1 {
		return nil, &FileError{Path: path, Err: fmt.Errorf("%w: layer %s vanished while reading", ErrFormat, name)}
	}
	l := f.Layers[0]
	set := &Set{Path: path, Encoding: "UTF-8", EncodingBasis: i18n.T("words.vector.enc_gpkg"), Layer: name}
	if s, ok := f.SRS[l.SRSID]; ok {
		set.CRS, set.CRSError = srsCRS(s)
	}
	for _, fl := range l.Fields {
		set.Fields = append(set.Fields, fl.Name)
	}
	for i, ft := range l.Features {
		out := Feature{Geometry: ft.Geometry, Props: map[string]string{}, Where: i18n.T("words.vector.feature", i+1)}
		for k, v := range ft.Values {
			out.Props[l.Fields[k].Name] = valueText(v)
		}
		set.Features = append(set.Features, out)
	}
	return set, nil
}

// srsCRS reads the definition first (it says what the numbers mean), then
// the EPSG code. Systems without a code (organization NONE, srs_id ≥
// 100000, as GDAL and QGIS write a city grid or a shifted datum) are read
// from their definition alone; the GeoPackage's own "undefined" systems
// (-1 and 0) say nothing.
func srsCRS(s gpkg.SRS) (crs.CRS, error) {
	def := s.Definition
	if strings.EqualFold(strings.TrimSpace(def), "undefined") {
		def = ""
	}
	if strings.EqualFold(s.Organization, "NONE") && def == "" {
		return crs.Unknown, nil
	}
	c, werr := crs.FromWKT(def)
	if c != crs.Unknown {
		return c, nil
	}
	if strings.EqualFold(s.Organization, "EPSG") {
		if c, err := crs.FromEPSG(s.OrgID); err == nil {
			return c, nil
		}
	}
	if werr == nil && s.ID > 0 {
		werr = fmt.Errorf("%w: %s:%d is not supported", crs.ErrUnknownCRS, s.Organization, s.OrgID)
	}
	return crs.Unknown, werr
}

func valueText(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case int64:
		return strconv.FormatInt(v, 10)
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return fmt.Sprint(v)
}
