package vector

import (
	"fmt"
	"strconv"

	"github.com/liwan-edu/schoolmap/data/gpkg"
	"github.com/liwan-edu/schoolmap/geo/crs"
)

// ReadGeoPackage reads one feature layer of a GeoPackage: the named one,
// or the first when layer is "". Its system comes from
// gpkg_spatial_ref_sys.
func ReadGeoPackage(path, layer string) (*Set, error) {
	f, err := gpkg.Read(path)
	if err != nil {
		return nil, &FileError{Path: path, Err: err}
	}
	var l *gpkg.Layer
	var names []string
	for _, c := range f.Layers {
		if c.GeomType == "" {
			continue
		}
		names = append(names, c.Name)
		if l == nil && (layer == "" || c.Name == layer) {
			l = c
		}
	}
	if l == nil {
		return nil, &FileError{Path: path, Err: fmt.Errorf("%w: no feature layer %q (layers: %v)", ErrFormat, layer, names)}
	}
	set := &Set{Path: path, Encoding: "UTF-8", CRS: crs.Unknown}
	if s, ok := f.SRS[l.SRSID]; ok {
		if c, err := crs.FromEPSG(s.OrgID); err == nil && (s.Organization == "EPSG" || s.Organization == "epsg") {
			set.CRS = c
		} else {
			set.CRS = crs.FromWKT(s.Definition)
		}
	}
	for _, fl := range l.Fields {
		set.Fields = append(set.Fields, fl.Name)
	}
	for i, ft := range l.Features {
		out := Feature{Geometry: ft.Geometry, Props: map[string]string{}, Where: fmt.Sprintf("feature %d", i+1)}
		for k, v := range ft.Values {
			out.Props[l.Fields[k].Name] = valueText(v)
		}
		set.Features = append(set.Features, out)
	}
	return set, nil
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
