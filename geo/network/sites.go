package network

import (
	"math"
	"sort"

	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/data"
)

// IslandShare is the share of the network's street length below which a
// connected piece counts as an island (a site snapped there is flagged).
const IslandShare = 0.05

// SiteKey names a site's catchment for one served level.
type SiteKey struct {
	ID     string
	Served data.Level
}

// SiteSet is the network catchments of a set of sites, at each served
// level's walking radius.
type SiteSet struct {
	G     *Graph
	By    map[SiteKey]Catchment
	Order []SiteKey // site order, then served level
}

// ForSites computes the catchments of every located site at the radii
// of the norms, on all cores.
func (g *Graph) ForSites(sites []data.Site, n data.Norms, lateral float64) *SiteSet {
	var pts []orb.Point
	var radii [][]float64
	var keys [][]SiteKey
	for i := range sites {
		s := &sites[i]
		if !s.Located {
			continue
		}
		rs := n.CatchmentRadii(s.Level)
		levels := make([]data.Level, 0, len(rs))
		for l := range rs {
			levels = append(levels, l)
		}
		sort.Slice(levels, func(a, b int) bool { return levels[a] < levels[b] })
		var rr []float64
		var kk []SiteKey
		for _, l := range levels {
			rr, kk = append(rr, rs[l]), append(kk, SiteKey{s.ID, l})
		}
		pts, radii, keys = append(pts, s.Location), append(radii, rr), append(keys, kk)
	}
	set := &SiteSet{G: g, By: map[SiteKey]Catchment{}}
	for i, cs := range g.SiteCatchments(pts, radii, lateral, 5000) {
		for j, c := range cs {
			set.By[keys[i][j]] = c
			set.Order = append(set.Order, keys[i][j])
		}
	}
	return set
}

// Flag is "" or why a catchment needs checking: "unsnapped" (no street
// within 5 km), "far" (snap over FarSnap), "island" (on a piece of the
// network cut off from the rest).
func (s *SiteSet) Flag(c Catchment) string {
	switch {
	case !c.Snap.OK:
		return "unsnapped"
	case c.Snap.Far:
		return "far"
	case s.G.Island(c.Snap.Edge, IslandShare):
		return "island"
	}
	return ""
}

// Shapes returns the catchments for the data exports: polygons traced
// from a cell-metre raster (see Capsules.Polygon), in WGS-84.
func (s *SiteSet) Shapes(cell float64) []data.CatchmentShape {
	out := make([]data.CatchmentShape, len(s.Order))
	for i, k := range s.Order {
		c := s.By[k]
		snap := c.Snap.Dist
		if !c.Snap.OK {
			snap = math.NaN()
		}
		out[i] = data.CatchmentShape{SiteID: k.ID, Served: k.Served, RadiusM: c.Radius, Method: "network",
			SnapM: snap, ShareOfCircle: c.ShareOfCircle(2), Flag: s.Flag(c), Shape: s.G.ToWGS84(c.Shape.Polygon(cell))}
	}
	return out
}

// Capsules is the catchment of a site for a served level reprojected
// into the Albers projection to (nil when there is none).
func (s *SiteSet) Capsules(id string, served data.Level, to func(orb.Point) orb.Point) *Capsules {
	c, ok := s.By[SiteKey{id, served}]
	if !ok {
		return nil
	}
	segs := make([]Seg, len(c.Shape.Segs))
	for i, sg := range c.Shape.Segs {
		segs[i] = Seg{to(s.G.Proj.Inverse(sg.A)), to(s.G.Proj.Inverse(sg.B))}
	}
	return NewCapsules(segs, c.Shape.R)
}

// Serves reports whether a site provides places of level l (a nine-year
// school serves primary and junior).
func Serves(s *data.Site, l data.Level, n data.Norms) bool {
	if s.Level == l || n.SeatsOf(s)[l] > 0 {
		return true
	}
	return s.Level == data.NineYear && (l == data.Primary || l == data.Junior)
}

// InService lists the located sites (not candidates) in service in year
// that serve level l: the destinations of an accessibility map.
func InService(sites []data.Site, l data.Level, year int, n data.Norms) []data.Site {
	var out []data.Site
	for i := range sites {
		s := &sites[i]
		if st, _ := data.StatusAt(s, year); s.Located && s.Kind != data.KindCandidate && st == data.InService && Serves(s, l, n) {
			out = append(out, *s)
		}
	}
	return out
}
