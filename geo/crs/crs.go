// Package crs converts the coordinate systems planners' files come in to
// WGS-84 longitude/latitude: WGS-84 (EPSG:4326), CGCS2000 geographic
// (EPSG:4490, within centimetres of WGS-84 and treated as equal), Web
// Mercator (EPSG:3857), GCJ-02 (the offset datum of Amap-derived data), and
// any Transverse Mercator (Gauss–Krüger) on the CGCS2000, WGS-84, Xian 1980
// or Beijing 1954 ellipsoid — from a .prj / GeoPackage WKT definition or an
// EPSG code of the Chinese Gauss–Krüger families (CGCS2000 4491–4554, Xian
// 1980 2327–2390, Beijing 1954 2401–2442, 21413–21423, 21453–21463).
//
// Floor: ground.
package crs

import (
	"errors"
	"fmt"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/project"

	"github.com/liwan-edu/schoolmap/geo"
)

type kind int

const (
	kindUnknown kind = iota
	kindGeographic
	kindWebMercator
	kindGCJ02
	kindTM
)

// CRS is a supported coordinate reference system. The zero value is
// Unknown; CRS values compare with ==.
type CRS struct {
	kind  kind
	code  string // "EPSG:4547", "gcj02"; "" for a system known only by its WKT
	label string
	tm    tm
	datum datum
}

// Systems with names of their own; any other Transverse Mercator comes
// from FromWKT or FromEPSG.
var (
	Unknown       = CRS{}
	WGS84         = CRS{kind: kindGeographic, code: "EPSG:4326", label: "WGS-84 (EPSG:4326)", datum: datumWGS84}
	CGCS2000      = CRS{kind: kindGeographic, code: "EPSG:4490", label: "CGCS2000 经纬度 (EPSG:4490)", datum: datumCGCS2000}
	CGCS2000GK114 = mustEPSG(4547, "CGCS2000 3度带 114°E (EPSG:4547)")
	WebMercator   = CRS{kind: kindWebMercator, code: "EPSG:3857", label: "Web Mercator (EPSG:3857)", datum: datumWGS84}
	GCJ02         = CRS{kind: kindGCJ02, code: "gcj02", label: "GCJ-02 (高德/腾讯 Amap)", datum: datumWGS84}
)

// ErrUnknownCRS marks an unsupported or unrecognised system.
var ErrUnknownCRS = errors.New("crs: unknown coordinate system")

// ErrOffGlobe is a point that converts to no place on the globe: the
// file's coordinate system is usually the wrong one.
var ErrOffGlobe = errors.New("crs: not on the globe")

// All lists the systems a planner picks from when a file does not say.
func All() []CRS { return []CRS{WGS84, CGCS2000, CGCS2000GK114, WebMercator, GCJ02} }

// String returns the code ("EPSG:4547", "gcj02"), or the definition's name
// for a system without a code.
func (c CRS) String() string {
	switch {
	case c.kind == kindUnknown:
		return "unknown"
	case c.code != "":
		return c.code
	}
	return c.label
}

// Label is the name shown to planners.
func (c CRS) Label() string {
	if c.kind == kindUnknown {
		return "未知 unknown"
	}
	return c.label
}

// Warning is what a planner must know about positions in c: Xian 1980 and
// Beijing 1954 without datum shift parameters may be off by tens of metres.
func (c CRS) Warning() string {
	if c.kind == kindUnknown || c.datum.shifted || c.datum.name == "" || c.datum.nearWGS84 {
		return ""
	}
	return fmt.Sprintf("%s: no datum shift (TOWGS84) given; positions on the %s datum may be off by tens of metres", c.Label(), c.datum.name)
}

// Parse reads a code of String (case-insensitive), a bare EPSG number, or
// a Label.
func Parse(s string) (CRS, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	for _, c := range All() {
		if t == strings.ToUpper(c.code) || s == c.label {
			return c, nil
		}
	}
	if t == "GCJ-02" || t == "GCJ02" {
		return GCJ02, nil
	}
	var code int
	if _, err := fmt.Sscanf(strings.TrimPrefix(t, "EPSG:"), "%d", &code); err == nil && fmt.Sprint(code) == strings.TrimPrefix(t, "EPSG:") {
		return FromEPSG(code)
	}
	return Unknown, fmt.Errorf("%w: %q (%s)", ErrUnknownCRS, s, supported)
}

// Projected reports whether coordinates are metres rather than degrees.
func (c CRS) Projected() bool { return c.kind == kindTM || c.kind == kindWebMercator }

// ToWGS84 converts a point of c to WGS-84 longitude/latitude.
func (c CRS) ToWGS84(p orb.Point) (orb.Point, error) {
	switch c.kind {
	case kindGeographic:
		return c.datum.toWGS84(p), nil
	case kindGCJ02:
		return geo.GCJ02ToWGS84(p), nil
	case kindWebMercator:
		return project.Mercator.ToWGS84(p), nil
	case kindTM:
		return c.datum.toWGS84(c.tm.inverse(p)), nil
	}
	return p, ErrUnknownCRS
}

// FromWGS84 converts a WGS-84 point to c.
func (c CRS) FromWGS84(p orb.Point) (orb.Point, error) {
	switch c.kind {
	case kindGeographic:
		return c.datum.fromWGS84(p), nil
	case kindGCJ02:
		return geo.WGS84ToGCJ02(p), nil
	case kindWebMercator:
		return project.WGS84.ToMercator(p), nil
	case kindTM:
		return c.tm.forward(c.datum.fromWGS84(p)), nil
	}
	return p, ErrUnknownCRS
}

// Geometry converts every point of g to WGS-84 in place, checking each
// result lies on the globe (a wrong system usually gives points off it).
func (c CRS) Geometry(g orb.Geometry) (orb.Geometry, error) {
	var first error
	conv := func(pts []orb.Point) {
		for i, p := range pts {
			q, err := c.ToWGS84(p)
			if err == nil && !(q[0] >= -180 && q[0] <= 180 && q[1] >= -90 && q[1] <= 90) {
				err = fmt.Errorf("%w: %v in %s (wrong coordinate system?)", ErrOffGlobe, p, c)
			}
			if err != nil && first == nil {
				first = err
			}
			pts[i] = q
		}
	}
	switch g := g.(type) {
	case orb.Point:
		pts := []orb.Point{g}
		conv(pts)
		return pts[0], first
	case orb.MultiPoint:
		conv(g)
	case orb.LineString:
		conv(g)
	case orb.Ring:
		conv(g)
	case orb.MultiLineString:
		for _, l := range g {
			conv(l)
		}
	case orb.Polygon:
		for _, r := range g {
			conv(r)
		}
	case orb.MultiPolygon:
		for _, p := range g {
			for _, r := range p {
				conv(r)
			}
		}
	default:
		return g, fmt.Errorf("crs: unsupported geometry %T", g)
	}
	return g, first
}
