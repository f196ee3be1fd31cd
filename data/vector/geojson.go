package vector

import (
	"bytes"
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

// MaxGeoJSONWeight bounds the geometry a GeoJSON file may ask the decoder
// to build: its weight is the count of '[' (coordinates, rings) plus 8 per
// '{' (a feature costs about 8 coordinates). Text packs a coordinate in 6
// bytes ("[1,2],"), so the byte limit alone let a 10-million-vertex
// polygon of 60 MB take 850 MB; 200,000 five-vertex polygons weigh 6.2
// million. ScaleLimits lowers it to the memory the process has.
var MaxGeoJSONWeight = 10_000_000

// ScaleLimits lowers MaxGeoJSONWeight to what avail bytes of memory hold:
// a unit per 400 bytes (under a 2 GB address-space limit, 3.9 million
// coordinates failed to decode, and a 2-million-vertex boundary failed in
// its validation, with about 500 MB left); main calls it once at start.
func ScaleLimits(avail int64) {
	MaxGeoJSONWeight = max(10_000, min(MaxGeoJSONWeight, int(avail/400)))
}

// Weight is the weight of GeoJSON text (see MaxGeoJSONWeight).
func Weight(b []byte) int {
	return bytes.Count(b, []byte{'['}) + 8*bytes.Count(b, []byte{'{'})
}

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
	if w := Weight(b); w > MaxGeoJSONWeight {
		return nil, &FileError{Path: path, Err: fmt.Errorf("%w: a geometry weight of %d (coordinates, a feature counting as 8), more than the %d this memory holds; simplify it or clip it to the district", ErrTooLarge, w, MaxGeoJSONWeight)}
	}
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
