package crs

import (
	"math"

	"github.com/paulmach/orb"
)

// datum is a geodetic datum: its ellipsoid and, when the definition gives
// them, the seven TOWGS84 parameters (position-vector convention: metres,
// arc-seconds, ppm).
type datum struct {
	name      string
	a, f      float64
	towgs84   [7]float64
	shifted   bool // towgs84 given
	nearWGS84 bool // WGS-84 and CGCS2000: within centimetres, no shift needed
}

// Ellipsoids of the supported datums.
var (
	datumWGS84    = datum{name: "WGS-84", a: 6378137, f: 1 / 298.257223563, nearWGS84: true}
	datumCGCS2000 = datum{name: "CGCS2000", a: 6378137, f: 1 / 298.257222101, nearWGS84: true}
	datumXian1980 = datum{name: "Xian 1980", a: 6378140, f: 1 / 298.257}
	datumBJ1954   = datum{name: "Beijing 1954", a: 6378245, f: 1 / 298.3}
	knownDatums   = []datum{datumWGS84, datumCGCS2000, datumXian1980, datumBJ1954}
)

// datumFor matches an ellipsoid by its semi-major axis and inverse
// flattening.
func datumFor(a, invf float64) (datum, bool) {
	for _, d := range knownDatums {
		if math.Abs(d.a-a) < 0.5 && math.Abs(1/d.f-invf) < 1e-6 {
			return d, true
		}
	}
	return datum{}, false
}

func (d datum) toWGS84(p orb.Point) orb.Point {
	if !d.shifted {
		return p
	}
	return d.helmert(p, 1)
}

func (d datum) fromWGS84(p orb.Point) orb.Point {
	if !d.shifted {
		return p
	}
	return d.helmert(p, -1)
}

// helmert applies the seven-parameter shift (sign 1: to WGS-84; -1: the
// reverse, accurate to well under a millimetre for small rotations).
func (d datum) helmert(p orb.Point, sign float64) orb.Point {
	from, to := d, datumWGS84
	if sign < 0 {
		from, to = datumWGS84, d
	}
	x, y, z := from.cartesian(p)
	t := d.towgs84
	const sec = math.Pi / 180 / 3600
	rx, ry, rz, s := sign*t[3]*sec, sign*t[4]*sec, sign*t[5]*sec, 1+sign*t[6]*1e-6
	x2 := sign*t[0] + s*(x-rz*y+ry*z)
	y2 := sign*t[1] + s*(rz*x+y-rx*z)
	z2 := sign*t[2] + s*(-ry*x+rx*y+z)
	return to.geodetic(x2, y2, z2)
}

func (d datum) cartesian(p orb.Point) (x, y, z float64) {
	e2 := d.f * (2 - d.f)
	phi, lam := p[1]*math.Pi/180, p[0]*math.Pi/180
	n := d.a / math.Sqrt(1-e2*math.Sin(phi)*math.Sin(phi))
	return n * math.Cos(phi) * math.Cos(lam), n * math.Cos(phi) * math.Sin(lam), n * (1 - e2) * math.Sin(phi)
}

func (d datum) geodetic(x, y, z float64) orb.Point {
	e2 := d.f * (2 - d.f)
	lam := math.Atan2(y, x)
	r := math.Hypot(x, y)
	phi := math.Atan2(z, r*(1-e2))
	for i := 0; i < 6; i++ {
		n := d.a / math.Sqrt(1-e2*math.Sin(phi)*math.Sin(phi))
		phi = math.Atan2(z+e2*n*math.Sin(phi), r)
	}
	return orb.Point{lam * 180 / math.Pi, phi * 180 / math.Pi}
}
