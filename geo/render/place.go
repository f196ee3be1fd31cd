package render

import (
	"math"
)

// Placed is where a site's marker is drawn: its true position (Anchor) and
// the display position, which differs when markers sharing a spot are
// spread around it ("spiderfied") so each stays visible and clickable.
// Coordinates are device world pixels at the view's zoom.
type Placed struct {
	Index  int // into the slice given to Place
	Anchor [2]float64
	Pos    [2]float64
	Radius float64 // marker radius, also the hit radius
}

// Spread returns whether the marker was moved off its anchor.
func (p Placed) Spread() bool { return p.Anchor != p.Pos }

// Place lays out markers: anchors closer than their radii are grouped and
// the members of a group are set on a circle around the group's centre, in
// index order, starting at 12 o'clock. The layout depends on the zoom only,
// so panning never changes it.
func Place(anchors [][2]float64, radii []float64) []Placed {
	n := len(anchors)
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	close := func(a, b [2]float64, i, j int) bool {
		return math.Hypot(a[0]-b[0], a[1]-b[1]) < (radii[i]+radii[j])*0.9
	}
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			if close(anchors[i], anchors[j], i, j) {
				parent[find(j)] = find(i)
			}
		}
	}
	// Spreading a group can push a member onto a neighbour: merge the two
	// groups and lay out again until nothing collides (at most n rounds).
	for round := 0; ; round++ {
		out := spread(anchors, radii, find)
		merged := false
		for i := 0; i < n; i++ {
			for j := i + 1; j < n; j++ {
				if find(i) != find(j) && close(out[i].Pos, out[j].Pos, i, j) {
					parent[find(j)] = find(i)
					merged = true
				}
			}
		}
		if !merged || round >= n {
			return out
		}
	}
}

// spread sets the members of each group on a circle around the group's
// centre, in index order, starting at 12 o'clock.
func spread(anchors [][2]float64, radii []float64, group func(int) int) []Placed {
	groups := map[int][]int{}
	for i := range anchors {
		groups[group(i)] = append(groups[group(i)], i)
	}
	out := make([]Placed, len(anchors))
	for _, g := range groups {
		var cx, cy, maxR float64
		for _, i := range g {
			cx += anchors[i][0] / float64(len(g))
			cy += anchors[i][1] / float64(len(g))
			maxR = math.Max(maxR, radii[i])
		}
		// The ring is big enough for the members to sit side by side.
		ring := math.Max(2.2*maxR, 1.15*maxR*float64(len(g))/math.Pi+maxR)
		for k, i := range g {
			pos := anchors[i]
			if len(g) > 1 {
				a := -math.Pi/2 + 2*math.Pi*float64(k)/float64(len(g))
				pos = [2]float64{cx + ring*math.Cos(a), cy + ring*math.Sin(a)}
			}
			out[i] = Placed{Index: i, Anchor: anchors[i], Pos: pos, Radius: radii[i]}
		}
	}
	return out
}

// Hit returns the index of the marker at world pixel (x, y) within slop
// pixels of its edge, the nearest when several are; -1 when none.
func Hit(placed []Placed, x, y, slop float64) int {
	best, bestD := -1, math.Inf(1)
	for _, p := range placed {
		d := math.Hypot(p.Pos[0]-x, p.Pos[1]-y)
		if d <= p.Radius+slop && d < bestD {
			best, bestD = p.Index, d
		}
	}
	return best
}
