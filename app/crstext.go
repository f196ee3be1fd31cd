package app

import (
	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/geo/crs"
)

// crsText names a coordinate system in the current language: the named
// systems by their code's key, any other (from a file's definition) by
// its technical name.
func crsText(c crs.CRS) string {
	switch c.String() {
	case "unknown":
		return i18n.T("ui.crs.unknown")
	case "EPSG:4326":
		return i18n.T("ui.crs.wgs84")
	case "EPSG:4490":
		return i18n.T("ui.crs.cgcs2000")
	case "EPSG:4547":
		return i18n.T("ui.crs.gk114")
	case "EPSG:3857":
		return i18n.T("ui.crs.webmercator")
	case "gcj02":
		return i18n.T("ui.crs.gcj02")
	}
	return c.Label()
}

// crsWarning is c's datum warning in the current language ("" for none).
func crsWarning(c crs.CRS) string {
	if c.Warning() == "" {
		return ""
	}
	return i18n.T("ui.crs.noshift", crsText(c))
}
