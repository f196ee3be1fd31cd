// Package geo holds the map's geometry: Web Mercator pixel space, geodesic
// circles, and the GCJ-02 datum shift used by Chinese map data.
//
// Floor: ground (orb and the standard library only).
package geo

import (
	"math"

	"github.com/paulmach/orb"
	orbgeo "github.com/paulmach/orb/geo"
)

// MaxLat is the latitude limit of Web Mercator.
const MaxLat = 85.05112877980659

// TileSize is the edge of a standard XYZ tile in pixels.
const TileSize = 256

// WorldSize is the width of the Web Mercator world in pixels at a zoom.
func WorldSize(zoom float64) float64 { return TileSize * math.Exp2(zoom) }

// ToPixel projects a WGS-84 point to world pixel coordinates at a zoom
// (origin top-left, y down). Latitude is clamped to ±MaxLat.
func ToPixel(p orb.Point, zoom float64) (x, y float64) {
	lat := math.Max(-MaxLat, math.Min(MaxLat, p[1])) * math.Pi / 180
	w := WorldSize(zoom)
	x = (p[0] + 180) / 360 * w
	y = (1 - math.Log(math.Tan(lat)+1/math.Cos(lat))/math.Pi) / 2 * w
	return x, y
}

// FromPixel is the inverse of ToPixel.
func FromPixel(x, y, zoom float64) orb.Point {
	w := WorldSize(zoom)
	lon := x/w*360 - 180
	lat := math.Atan(math.Sinh(math.Pi*(1-2*y/w))) * 180 / math.Pi
	return orb.Point{lon, lat}
}

// MetersPerPixel is the ground size of one pixel at a latitude and zoom.
func MetersPerPixel(lat, zoom float64) float64 {
	return 2 * math.Pi * orb.EarthRadius * math.Cos(lat*math.Pi/180) / WorldSize(zoom)
}

// Circle returns a closed geodesic circle of radius metres around c as a
// ring of n segments (n >= 8), each vertex exactly radius from c on the
// sphere orb uses for distances.
func Circle(c orb.Point, radius float64, n int) orb.Ring {
	if n < 8 {
		n = 8
	}
	ring := make(orb.Ring, n+1)
	for i := 0; i < n; i++ {
		ring[i] = orbgeo.PointAtBearingAndDistance(c, 360*float64(i)/float64(n), radius)
	}
	ring[n] = ring[0]
	return ring
}
