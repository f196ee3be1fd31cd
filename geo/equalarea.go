package geo

import (
	"math"

	"github.com/paulmach/orb"
)

// Albers is the Albers equal-area conic projection on the WGS-84
// ellipsoid (Snyder 1987, §14, ellipsoidal formulas): areas measured on it
// in square metres are the ellipsoid's areas, exactly but for rounding.
type Albers struct {
	lon0, n, c, rho0 float64
}

const (
	wgsA  = 6378137.0
	wgsE2 = 0.00669437999014
)

// NewAlbers sets up the projection with standard parallels lat1, lat2 and
// origin (lon0, lat0), in degrees.
func NewAlbers(lat1, lat2, lon0, lat0 float64) Albers {
	e := math.Sqrt(wgsE2)
	m := func(phi float64) float64 { s := math.Sin(phi); return math.Cos(phi) / math.Sqrt(1-wgsE2*s*s) }
	q := func(phi float64) float64 {
		s := math.Sin(phi)
		return (1 - wgsE2) * (s/(1-wgsE2*s*s) - 1/(2*e)*math.Log((1-e*s)/(1+e*s)))
	}
	p1, p2, p0 := lat1*math.Pi/180, lat2*math.Pi/180, lat0*math.Pi/180
	m1, m2 := m(p1), m(p2)
	q1, q2, q0 := q(p1), q(p2), q(p0)
	n := (m1*m1 - m2*m2) / (q2 - q1)
	if lat1 == lat2 {
		n = math.Sin(p1)
	}
	c := m1*m1 + n*q1
	return Albers{lon0: lon0, n: n, c: c, rho0: wgsA * math.Sqrt(c-n*q0) / n}
}

// LiwanAlbers is an Albers projection for Guangzhou (standard parallels
// 22.9° and 23.3°N, origin 113.25°E 23.1°N).
var LiwanAlbers = NewAlbers(22.9, 23.3, 113.25, 23.1)

// Forward projects a WGS-84 point to metres.
func (a Albers) Forward(p orb.Point) orb.Point {
	e := math.Sqrt(wgsE2)
	s := math.Sin(p[1] * math.Pi / 180)
	q := (1 - wgsE2) * (s/(1-wgsE2*s*s) - 1/(2*e)*math.Log((1-e*s)/(1+e*s)))
	rho := wgsA * math.Sqrt(a.c-a.n*q) / a.n
	theta := a.n * (p[0] - a.lon0) * math.Pi / 180
	return orb.Point{rho * math.Sin(theta), a.rho0 - rho*math.Cos(theta)}
}

// Inverse returns the WGS-84 point of projected metres (latitude by
// fixed-point iteration, Snyder eq. 3-16).
func (a Albers) Inverse(p orb.Point) orb.Point {
	e := math.Sqrt(wgsE2)
	x, y := p[0], a.rho0-p[1]
	rho := math.Hypot(x, y)
	if a.n < 0 {
		rho, x, y = -rho, -x, -y
	}
	theta := math.Atan2(x, y)
	q := (a.c - rho*rho*a.n*a.n/(wgsA*wgsA)) / a.n
	phi := math.Asin(q / 2)
	for i := 0; i < 15; i++ {
		s := math.Sin(phi)
		d := (1 - wgsE2*s*s) * (1 - wgsE2*s*s) / (2 * math.Cos(phi)) *
			(q/(1-wgsE2) - s/(1-wgsE2*s*s) + 1/(2*e)*math.Log((1-e*s)/(1+e*s)))
		phi += d
		if math.Abs(d) < 1e-14 {
			break
		}
	}
	return orb.Point{a.lon0 + theta/a.n*180/math.Pi, phi * 180 / math.Pi}
}
