package network

import (
	"fmt"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// zoneOf is the first zone containing p, or -1.
func zoneOf(zones []Zone, bounds []orb.Bound, p orb.Point) int {
	for z := range zones {
		if bounds[z].Contains(p) && planar.MultiPolygonContains(zones[z].Boundary, p) {
			return z
		}
	}
	return -1
}

func formatWorld(cell, x, y float64) string {
	return fmt.Sprintf("%.6f\n0\n0\n%.6f\n%.6f\n%.6f\n", cell, -cell, x, y)
}
