package crs

import (
	"regexp"
	"strings"
)

var centralMeridian = regexp.MustCompile(`(?i)"central_meridian"\s*,\s*([0-9.]+)`)

// FromWKT recognises a .prj or GeoPackage WKT definition; Unknown when it
// cannot tell (the planner is then asked).
func FromWKT(wkt string) CRS {
	w := strings.ToUpper(wkt)
	switch {
	case strings.Contains(w, "GCJ"):
		return GCJ02
	case strings.HasPrefix(w, "PROJCS") || strings.HasPrefix(w, "PROJCRS"):
		switch {
		case strings.Contains(w, "MERCATOR_AUXILIARY_SPHERE"), strings.Contains(w, "PSEUDO-MERCATOR"), strings.Contains(w, "POPULAR VISUALISATION"):
			return WebMercator
		case (strings.Contains(w, "2000") || strings.Contains(w, "CGCS")) && strings.Contains(w, "TRANSVERSE_MERCATOR"),
			(strings.Contains(w, "2000") || strings.Contains(w, "CGCS")) && strings.Contains(w, "GAUSS"):
			if m := centralMeridian.FindStringSubmatch(wkt); m != nil && (m[1] == "114" || strings.HasPrefix(m[1], "114.0")) {
				if !strings.Contains(w, `"FALSE_EASTING",38500000`) {
					return CGCS2000GK114
				}
			}
		}
		return Unknown
	case strings.Contains(w, "CGCS") || strings.Contains(w, "CHINA_GEODETIC_COORDINATE_SYSTEM_2000") || strings.Contains(w, "CHINA GEODETIC COORDINATE SYSTEM 2000"):
		return CGCS2000
	case strings.Contains(w, "WGS_1984") || strings.Contains(w, "WGS 84") || strings.Contains(w, "WGS84"):
		return WGS84
	}
	return Unknown
}
