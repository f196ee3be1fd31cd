package app

import "github.com/liwan-edu/schoolmap/geo/crs"

// crsText names a coordinate system in the current language.
func crsText(c crs.CRS) string { return c.Name() }

// crsWarning is the system's datum warning in the current language.
func crsWarning(c crs.CRS) string { return c.Advice() }
