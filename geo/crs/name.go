package crs

import "github.com/liwan-edu/schoolmap/data/i18n"

// Name is the system's name in the current language: the usual systems by
// their own text, any other (from a file's definition) by its technical
// name.
func (c CRS) Name() string {
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

// Advice is Warning in the current language ("" when positions in c need
// no warning).
func (c CRS) Advice() string {
	if c.Warning() == "" {
		return ""
	}
	return i18n.T("ui.crs.noshift", c.Name())
}
