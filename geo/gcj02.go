package geo

import (
	"math"

	"github.com/paulmach/orb"
)

// GCJ-02 is the obfuscated datum that Chinese law requires of published
// maps (Amap/Gaode, Tencent). It is WGS-84 plus a smooth, position-dependent
// offset of a few hundred metres; the offset formula is public and is
// implemented here from its published constants (Krasovsky 1940 ellipsoid).
const (
	gcjA  = 6378245.0
	gcjEE = 0.00669342162296594323
)

// InChina reports whether a point lies in the rough box where GCJ-02 offsets
// apply; outside it GCJ-02 equals WGS-84.
func InChina(p orb.Point) bool {
	return p[0] >= 72.004 && p[0] <= 137.8347 && p[1] >= 0.8293 && p[1] <= 55.8271
}

// WGS84ToGCJ02 applies the GCJ-02 offset.
func WGS84ToGCJ02(p orb.Point) orb.Point {
	if !InChina(p) {
		return p
	}
	dLon, dLat := gcjDelta(p[0], p[1])
	return orb.Point{p[0] + dLon, p[1] + dLat}
}

// GCJ02ToWGS84 inverts the offset by fixed-point iteration; the result is
// within 1e-7 degrees (about 1 cm) of the exact inverse.
func GCJ02ToWGS84(g orb.Point) orb.Point {
	if !InChina(g) {
		return g
	}
	w := g
	for i := 0; i < 30; i++ {
		f := WGS84ToGCJ02(w)
		dx, dy := g[0]-f[0], g[1]-f[1]
		w = orb.Point{w[0] + dx, w[1] + dy}
		if math.Abs(dx) < 1e-9 && math.Abs(dy) < 1e-9 {
			break
		}
	}
	return w
}

func gcjDelta(lon, lat float64) (dLon, dLat float64) {
	x, y := lon-105, lat-35
	dLat = gcjLat(x, y)
	dLon = gcjLon(x, y)
	rad := lat * math.Pi / 180
	magic := 1 - gcjEE*math.Sin(rad)*math.Sin(rad)
	sq := math.Sqrt(magic)
	dLat = dLat * 180 / ((gcjA * (1 - gcjEE)) / (magic * sq) * math.Pi)
	dLon = dLon * 180 / (gcjA / sq * math.Cos(rad) * math.Pi)
	return dLon, dLat
}

func gcjLat(x, y float64) float64 {
	r := -100 + 2*x + 3*y + 0.2*y*y + 0.1*x*y + 0.2*math.Sqrt(math.Abs(x))
	r += (20*math.Sin(6*x*math.Pi) + 20*math.Sin(2*x*math.Pi)) * 2 / 3
	r += (20*math.Sin(y*math.Pi) + 40*math.Sin(y/3*math.Pi)) * 2 / 3
	r += (160*math.Sin(y/12*math.Pi) + 320*math.Sin(y*math.Pi/30)) * 2 / 3
	return r
}

func gcjLon(x, y float64) float64 {
	r := 300 + x + 2*y + 0.1*x*x + 0.1*x*y + 0.1*math.Sqrt(math.Abs(x))
	r += (20*math.Sin(6*x*math.Pi) + 20*math.Sin(2*x*math.Pi)) * 2 / 3
	r += (20*math.Sin(x*math.Pi) + 40*math.Sin(x/3*math.Pi)) * 2 / 3
	r += (150*math.Sin(x/12*math.Pi) + 300*math.Sin(x/30*math.Pi)) * 2 / 3
	return r
}
