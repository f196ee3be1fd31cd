package network

import (
	"sort"

	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/geo"
)

// Offset is what OffsetCheck found.
type Offset int

// Offset findings.
const (
	OffsetOK    Offset = iota
	OffsetFar          // most sites are more than FarSnap from any street
	OffsetGCJ02        // the network fits far better shifted as if it were GCJ-02
	OffsetWGS84        // … or as if it were WGS-84 declared GCJ-02
)

// OffsetCheck compares the sites (WGS-84) with the network: the median
// snap distance as they are and with the GCJ-02 offset either way. A
// network where most sites are farther than FarSnap, or that fits at
// least twice as closely shifted, is reported.
func (g *Graph) OffsetCheck(sites []orb.Point) (median float64, f Offset) {
	if len(sites) == 0 {
		return 0, OffsetOK
	}
	med := func(shift func(orb.Point) orb.Point) float64 {
		d := make([]float64, len(sites))
		for i, p := range sites {
			d[i] = g.SnapPoint(shift(p), 5000).Dist
		}
		sort.Float64s(d)
		return d[len(d)/2]
	}
	median = med(func(p orb.Point) orb.Point { return p })
	asGCJ, asWGS := med(geo.WGS84ToGCJ02), med(geo.GCJ02ToWGS84)
	switch {
	case median > 50 && asGCJ*2 < median:
		return median, OffsetGCJ02
	case median > 50 && asWGS*2 < median:
		return median, OffsetWGS84
	case median > FarSnap:
		return median, OffsetFar
	}
	return median, OffsetOK
}
