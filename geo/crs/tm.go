package crs

import (
	"math"

	"github.com/paulmach/orb"
)

// tm is a Transverse Mercator projection on an ellipsoid, by Krüger's
// series in n to the fourth order (Karney, "Transverse Mercator with an
// accuracy of a few nanometers", J. Geodesy 2011): well under a millimetre
// within ±6° of the central meridian, the same method as PROJ's default.
type tm struct {
	a, f           float64 // ellipsoid
	lon0, lat0, k0 float64 // origin (degrees) and scale
	fe, fn         float64 // false easting (with any zone prefix) and northing
}

func (t tm) n() float64 { return t.f / (2 - t.f) }

// rectifying is A, the radius of the rectifying sphere.
func (t tm) rectifying() float64 {
	n := t.n()
	n2 := n * n
	return t.a / (1 + n) * (1 + n2/4 + n2*n2/64)
}

func (t tm) alpha() [4]float64 {
	n := t.n()
	n2, n3, n4 := n*n, n*n*n, n*n*n*n
	return [4]float64{n/2 - 2*n2/3 + 5*n3/16 + 41*n4/180, 13*n2/48 - 3*n3/5 + 557*n4/1440, 61*n3/240 - 103*n4/140, 49561 * n4 / 161280}
}

func (t tm) beta() [4]float64 {
	n := t.n()
	n2, n3, n4 := n*n, n*n*n, n*n*n*n
	return [4]float64{n/2 - 2*n2/3 + 37*n3/96 - n4/360, n2/48 + n3/15 - 437*n4/1440, 17*n3/480 - 37*n4/840, 4397 * n4 / 161280}
}

func (t tm) delta() [4]float64 {
	n := t.n()
	n2, n3, n4 := n*n, n*n*n, n*n*n*n
	return [4]float64{2*n - 2*n2/3 - 2*n3 + 116*n4/45, 7*n2/3 - 8*n3/5 - 227*n4/45, 56*n3/15 - 136*n4/35, 4279 * n4 / 630}
}

// project gives (easting, northing) on the unit-free Gauss–Krüger plane,
// times A, before scale and false origin.
func (t tm) project(lon, lat float64) (x, y float64) {
	e := math.Sqrt(t.f * (2 - t.f))
	phi, lam := lat*math.Pi/180, (lon-t.lon0)*math.Pi/180
	s := math.Sin(phi)
	tau := math.Sinh(math.Atanh(s) - e*math.Atanh(e*s))
	xi := math.Atan2(tau, math.Cos(lam))
	eta := math.Atanh(math.Sin(lam) / math.Sqrt(1+tau*tau))
	x, y = eta, xi
	for j, a := range t.alpha() {
		k := 2 * float64(j+1)
		x += a * math.Cos(k*xi) * math.Sinh(k*eta)
		y += a * math.Sin(k*xi) * math.Cosh(k*eta)
	}
	A := t.rectifying()
	return A * x, A * y
}

func (t tm) forward(p orb.Point) orb.Point {
	x, y := t.project(p[0], p[1])
	_, y0 := t.project(t.lon0, t.lat0)
	return orb.Point{t.fe + t.k0*x, t.fn + t.k0*(y-y0)}
}

func (t tm) inverse(p orb.Point) orb.Point {
	A := t.rectifying()
	_, y0 := t.project(t.lon0, t.lat0)
	xi := ((p[1]-t.fn)/t.k0 + y0) / A
	eta := (p[0] - t.fe) / t.k0 / A
	xi1, eta1 := xi, eta
	for j, b := range t.beta() {
		k := 2 * float64(j+1)
		xi1 -= b * math.Sin(k*xi) * math.Cosh(k*eta)
		eta1 -= b * math.Cos(k*xi) * math.Sinh(k*eta)
	}
	chi := math.Asin(math.Sin(xi1) / math.Cosh(eta1))
	phi := chi
	for j, d := range t.delta() {
		phi += d * math.Sin(2*float64(j+1)*chi)
	}
	lam := math.Atan2(math.Sinh(eta1), math.Cos(xi1))
	return orb.Point{t.lon0 + lam*180/math.Pi, phi * 180 / math.Pi}
}
