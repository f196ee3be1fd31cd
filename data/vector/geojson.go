package vector

import (
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/paulmach/orb/geojson"

	"github.com/liwan-edu/schoolmap/geo/crs"

	"github.com/liwan-edu/schoolmap/data/i18n"
)

// MaxGeoJSONBytes caps a GeoJSON file: decoding takes about ten times the
// file's size in memory, so a larger file is refused (with the advice to
// use a GeoPackage) rather than exhausting memory.
const MaxGeoJSONBytes = 128 << 20

// ReadGeoJSON reads any RFC 7946 FeatureCollection (WGS-84 by the RFC; a
// legacy "crs" member naming another system is honoured when supported).
func ReadGeoJSON(path string) (*Set, error) {
	b, err := readLimited(path, MaxGeoJSONBytes)
	if err != nil {
		return nil, err
	}
	return parseGeoJSON(path, b)
}

func parseGeoJSON(path string, b []byte) (*Set, error) {
	var head struct {
		CRS struct {
			Properties struct {
				Name string `json:"name"`
			} `json:"properties"`
		} `json:"crs"`
	}
	json.Unmarshal(b, &head)
	fc, err := geojson.UnmarshalFeatureCollection(b)
	if err != nil {
		return nil, &FileError{Path: path, Err: newFault(ErrFormat, "gap.vector.not_geojson")}
	}
	if len(fc.Features) > MaxFeatures {
		return nil, &FileError{Path: path, Err: newFault(ErrTooLarge, "gap.vector.too_many", len(fc.Features), MaxFeatures)}
	}
	set := &Set{Path: path, CRS: crs.WGS84, Encoding: "UTF-8"}
	if n := head.CRS.Properties.Name; n != "" {
		if set.CRS = crsFromURN(n); set.CRS == crs.Unknown {
			set.CRSError = fmt.Errorf("%w: %s is not supported", crs.ErrUnknownCRS, Quote(n))
		}
	}
	seen := map[string]bool{}
	for i, f := range fc.Features {
		ft := Feature{Props: map[string]string{}, Where: i18n.T("words.vector.feature", i+1)}
		if f.Geometry != nil {
			ft.Geometry = f.Geometry
		}
		for k, v := range f.Properties {
			if !seen[k] {
				seen[k] = true
				set.Fields = append(set.Fields, k)
			}
			ft.Props[k] = propText(v)
		}
		set.Features = append(set.Features, ft)
	}
	return set, nil
}

// crsFromURN reads names like "urn:ogc:def:crs:EPSG::4547".
func crsFromURN(n string) crs.CRS {
	for i := len(n) - 1; i >= 0; i-- {
		if n[i] == ':' {
			if code, err := strconv.Atoi(n[i+1:]); err == nil {
				c, _ := crs.FromEPSG(code)
				return c
			}
			break
		}
	}
	if c, err := crs.Parse(n); err == nil {
		return c
	}
	if n == "urn:ogc:def:crs:OGC:1.3:CRS84" {
		return crs.WGS84
	}
	return crs.Unknown
}

func propText(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(v)
	}
	b, _ := json.Marshal(v)
	return string(b)
}
