// Package crs converts the coordinate systems planners' files come in to
// WGS-84 longitude/latitude: WGS-84 (EPSG:4326), CGCS2000 geographic
// (EPSG:4490, within centimetres of WGS-84 and treated as equal), CGCS2000
// 3-degree Gauss–Krüger CM 114°E (EPSG:4547), Web Mercator (EPSG:3857) and
// GCJ-02 (the offset datum of Amap-derived data).
//
// Floor: ground.
package crs

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/project"

	"github.com/liwan-edu/schoolmap/geo"
)

// CRS is a supported coordinate reference system.
type CRS int

// Supported systems.
const (
	Unknown CRS = iota
	WGS84
	CGCS2000
	CGCS2000GK114 // EPSG:4547, eastings without zone prefix
	WebMercator
	GCJ02
)

var names = [...]struct{ code, label string }{
	{"unknown", "未知 unknown"},
	{"EPSG:4326", "WGS-84 (EPSG:4326)"},
	{"EPSG:4490", "CGCS2000 经纬度 (EPSG:4490)"},
	{"EPSG:4547", "CGCS2000 3度带 114°E (EPSG:4547)"},
	{"EPSG:3857", "Web Mercator (EPSG:3857)"},
	{"gcj02", "GCJ-02 (高德/腾讯 Amap)"},
}

// ErrUnknownCRS marks an unsupported or unrecognised system.
var ErrUnknownCRS = errors.New("crs: unknown coordinate system")

// All lists the supported systems.
func All() []CRS { return []CRS{WGS84, CGCS2000, CGCS2000GK114, WebMercator, GCJ02} }

// String returns the code ("EPSG:4547", "gcj02").
func (c CRS) String() string {
	if c < 0 || int(c) >= len(names) {
		return "unknown"
	}
	return names[c].code
}

// Label is the name shown to planners.
func (c CRS) Label() string {
	if c < 0 || int(c) >= len(names) {
		return names[0].label
	}
	return names[c].label
}

// Parse reads a code of String (case-insensitive), a bare EPSG number, or
// a Label.
func Parse(s string) (CRS, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	t = strings.TrimPrefix(t, "EPSG:")
	for i, n := range names[1:] {
		if t == strings.TrimPrefix(strings.ToUpper(n.code), "EPSG:") || s == n.label {
			return CRS(i + 1), nil
		}
	}
	if t == "GCJ-02" {
		return GCJ02, nil
	}
	return Unknown, fmt.Errorf("%w: %q (use EPSG:4326, EPSG:4490, EPSG:4547, EPSG:3857 or gcj02)", ErrUnknownCRS, s)
}

// FromEPSG maps an EPSG code to a CRS.
func FromEPSG(code int) (CRS, error) { return Parse(fmt.Sprint(code)) }

// Projected reports whether coordinates are metres rather than degrees.
func (c CRS) Projected() bool { return c == CGCS2000GK114 || c == WebMercator }

// ToWGS84 converts a point of c to WGS-84 longitude/latitude.
func (c CRS) ToWGS84(p orb.Point) (orb.Point, error) {
	switch c {
	case WGS84, CGCS2000:
		return p, nil
	case GCJ02:
		return geo.GCJ02ToWGS84(p), nil
	case WebMercator:
		return project.Mercator.ToWGS84(p), nil
	case CGCS2000GK114:
		return gk114.inverse(p), nil
	}
	return p, ErrUnknownCRS
}

// FromWGS84 converts a WGS-84 point to c.
func (c CRS) FromWGS84(p orb.Point) (orb.Point, error) {
	switch c {
	case WGS84, CGCS2000:
		return p, nil
	case GCJ02:
		return geo.WGS84ToGCJ02(p), nil
	case WebMercator:
		return project.WGS84.ToMercator(p), nil
	case CGCS2000GK114:
		return gk114.forward(p), nil
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
				err = fmt.Errorf("crs: %v in %s is not on the globe (wrong coordinate system?)", p, c)
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

// tm is a transverse Mercator projection on an ellipsoid (Snyder, Map
// Projections — A Working Manual, USGS 1395, §8, series to e⁸), accurate to
// millimetres within a 3-degree zone.
type tm struct {
	a, f, lon0, k0, fe, fn float64
}

// gk114 is EPSG:4547: CGCS2000 ellipsoid, central meridian 114°E, scale 1,
// false easting 500 km.
var gk114 = tm{a: 6378137, f: 1 / 298.257222101, lon0: 114, k0: 1, fe: 500000}

func (t tm) e2() float64 { return t.f * (2 - t.f) }

// meridian is the meridian arc length from the equator to latitude phi.
func (t tm) meridian(phi float64) float64 {
	e2 := t.e2()
	e4, e6 := e2*e2, e2*e2*e2
	return t.a * ((1-e2/4-3*e4/64-5*e6/256)*phi - (3*e2/8+3*e4/32+45*e6/1024)*math.Sin(2*phi) +
		(15*e4/256+45*e6/1024)*math.Sin(4*phi) - (35*e6/3072)*math.Sin(6*phi))
}

func (t tm) forward(p orb.Point) orb.Point {
	e2 := t.e2()
	ep2 := e2 / (1 - e2)
	phi := p[1] * math.Pi / 180
	lam := (p[0] - t.lon0) * math.Pi / 180
	n := t.a / math.Sqrt(1-e2*math.Sin(phi)*math.Sin(phi))
	tt := math.Tan(phi) * math.Tan(phi)
	c := ep2 * math.Cos(phi) * math.Cos(phi)
	a := lam * math.Cos(phi)
	m := t.meridian(phi)
	x := t.k0 * n * (a + (1-tt+c)*math.Pow(a, 3)/6 + (5-18*tt+tt*tt+72*c-58*ep2)*math.Pow(a, 5)/120)
	y := t.k0 * (m + n*math.Tan(phi)*(a*a/2+(5-tt+9*c+4*c*c)*math.Pow(a, 4)/24+(61-58*tt+tt*tt+600*c-330*ep2)*math.Pow(a, 6)/720))
	return orb.Point{x + t.fe, y + t.fn}
}

func (t tm) inverse(p orb.Point) orb.Point {
	e2 := t.e2()
	ep2 := e2 / (1 - e2)
	x, y := p[0]-t.fe, p[1]-t.fn
	m := y / t.k0
	mu := m / (t.a * (1 - e2/4 - 3*e2*e2/64 - 5*e2*e2*e2/256))
	e1 := (1 - math.Sqrt(1-e2)) / (1 + math.Sqrt(1-e2))
	phi1 := mu + (3*e1/2-27*math.Pow(e1, 3)/32)*math.Sin(2*mu) + (21*e1*e1/16-55*math.Pow(e1, 4)/32)*math.Sin(4*mu) +
		(151*math.Pow(e1, 3)/96)*math.Sin(6*mu) + (1097*math.Pow(e1, 4)/512)*math.Sin(8*mu)
	s, c1 := math.Sin(phi1), math.Cos(phi1)
	n1 := t.a / math.Sqrt(1-e2*s*s)
	t1 := math.Tan(phi1) * math.Tan(phi1)
	cc := ep2 * c1 * c1
	r1 := t.a * (1 - e2) / math.Pow(1-e2*s*s, 1.5)
	d := x / (n1 * t.k0)
	phi := phi1 - (n1*math.Tan(phi1)/r1)*(d*d/2-(5+3*t1+10*cc-4*cc*cc-9*ep2)*math.Pow(d, 4)/24+
		(61+90*t1+298*cc+45*t1*t1-252*ep2-3*cc*cc)*math.Pow(d, 6)/720)
	lam := (d - (1+2*t1+cc)*math.Pow(d, 3)/6 + (5-2*cc+28*t1-3*cc*cc+8*ep2+24*t1*t1)*math.Pow(d, 5)/120) / c1
	return orb.Point{t.lon0 + lam*180/math.Pi, phi * 180 / math.Pi}
}
