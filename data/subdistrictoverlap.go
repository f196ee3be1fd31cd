package data

import (
	"math"
	"sort"

	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/data/i18n"
)

// Overlap is ground two subdistrict boundaries both claim: residents and
// schools there count twice.
type Overlap struct {
	A, B   string  // the subdistricts' names
	AreaM2 float64 // the area both cover
}

// MinOverlapM2 is the smallest overlap reported (1 ha, a 10 m strip along
// 1 km of border): thinner slivers are the digitising noise of two files
// meeting along a street.
const MinOverlapM2 = 10000

// Note says the overlap in the current language, in hectares.
func (o Overlap) Note() string {
	return i18n.T("gisfiles.overlap", o.A, o.B, o.AreaM2/1e4)
}

// Overlaps lists the pairs of boundaries that cover at least MinOverlapM2
// of the same ground, largest first. Areas are exact for the polygons on
// a local equirectangular plane on the WGS-84 ellipsoid (within 0.05 %
// across a district); rings are read even-odd, so holes count as holes.
// Only pairs whose extents meet are measured (found by a sweep over the
// extents, so 20,000 boundaries cost their neighbours, not 200 million
// pairs); a pair costs O(n·m) for its edges within the shared extent.
func Overlaps(subs []Subdistrict) []Overlap {
	bounds := make([]orb.Bound, len(subs))
	var order []int
	for i, s := range subs {
		if len(s.Boundary) > 0 {
			bounds[i] = s.Boundary.Bound()
			order = append(order, i)
		}
	}
	sort.Slice(order, func(x, y int) bool { return bounds[order[x]].Min[0] < bounds[order[y]].Min[0] })
	var out []Overlap
	for x, i := range order {
		for _, j := range order[x+1:] {
			if bounds[j].Min[0] > bounds[i].Max[0] {
				break
			}
			if !bounds[i].Intersects(bounds[j]) {
				continue
			}
			a, b := i, j
			if a > b {
				a, b = b, a // named in the file's order
			}
			if area := overlapArea(subs[a].Boundary, subs[b].Boundary); area >= MinOverlapM2 {
				out = append(out, Overlap{A: subs[a].Name, B: subs[b].Name, AreaM2: area})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].AreaM2 > out[j].AreaM2 })
	return out
}

// segment is an edge on the local plane (metres).
type segment struct{ x0, y0, x1, y1 float64 }

// overlapArea integrates, slab by slab between the x of every vertex and
// crossing, the length a vertical line shares with both shapes: within a
// slab no edges cross, so that length is linear in x and its value at the
// slab's middle times the slab's width is exact.
func overlapArea(a, b orb.MultiPolygon) float64 {
	ba, bb := a.Bound(), b.Bound()
	box := orb.Bound{Min: orb.Point{math.Max(ba.Min[0], bb.Min[0]), math.Max(ba.Min[1], bb.Min[1])},
		Max: orb.Point{math.Min(ba.Max[0], bb.Max[0]), math.Min(ba.Max[1], bb.Max[1])}}
	lat0 := (box.Min[1] + box.Max[1]) / 2
	ea, eb := planeEdges(a, box, lat0), planeEdges(b, box, lat0)
	if len(ea) == 0 || len(eb) == 0 {
		return 0
	}
	xs := slabEdges(ea, eb)
	sa, sb := newSweep(ea), newSweep(eb)
	var area float64
	for k := 0; k+1 < len(xs); k++ {
		w := xs[k+1] - xs[k]
		if w <= 0 {
			continue
		}
		mid := (xs[k] + xs[k+1]) / 2
		area += w * sharedLength(sa.spans(mid), sb.spans(mid))
	}
	return area
}

// metresPerDegree are the lengths of a degree of longitude and latitude
// at lat0 on the WGS-84 ellipsoid (N cos φ and M, in radians' measure).
func metresPerDegree(lat0 float64) (kx, ky float64) {
	const a, e2 = 6378137.0, 0.00669437999014
	phi := lat0 * math.Pi / 180
	w := 1 - e2*math.Sin(phi)*math.Sin(phi)
	return a / math.Sqrt(w) * math.Cos(phi) * math.Pi / 180, a * (1 - e2) / (w * math.Sqrt(w)) * math.Pi / 180
}

// planeEdges gives the edges of mp on a local plane that reach into the
// x range of box (a vertical line there crosses only these).
func planeEdges(mp orb.MultiPolygon, box orb.Bound, lat0 float64) []segment {
	kx, ky := metresPerDegree(lat0)
	var out []segment
	for _, p := range mp {
		for _, r := range p {
			for i := 0; i+1 < len(r); i++ {
				p0, p1 := r[i], r[i+1]
				if math.Max(p0[0], p1[0]) < box.Min[0] || math.Min(p0[0], p1[0]) > box.Max[0] || p0[0] == p1[0] {
					continue
				}
				out = append(out, segment{p0[0] * kx, p0[1] * ky, p1[0] * kx, p1[1] * ky})
			}
		}
	}
	return out
}

// slabEdges is the sorted x of every vertex and every crossing of an edge
// of a with an edge of b. A crossing lies on both shapes, so within the
// box both span: only edges reaching into it are paired.
func slabEdges(ea, eb []segment) []float64 {
	var xs []float64
	for _, e := range append(append([]segment(nil), ea...), eb...) {
		xs = append(xs, e.x0, e.x1)
	}
	ba, bb := extent(ea), extent(eb)
	box := segment{max(ba.x0, bb.x0), max(ba.y0, bb.y0), min(ba.x1, bb.x1), min(ba.y1, bb.y1)}
	na, nb := within(ea, box), within(eb, box)
	for _, s := range na {
		for _, t := range nb {
			if x, ok := crossX(s, t); ok {
				xs = append(xs, x)
			}
		}
	}
	sort.Float64s(xs)
	return xs
}

// extent is the bounding box of edges as a segment from its south-west
// to its north-east corner.
func extent(edges []segment) segment {
	b := segment{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	for _, e := range edges {
		b = segment{min(b.x0, e.x0, e.x1), min(b.y0, e.y0, e.y1), max(b.x1, e.x0, e.x1), max(b.y1, e.y0, e.y1)}
	}
	return b
}

func within(edges []segment, box segment) []segment {
	var out []segment
	for _, e := range edges {
		if max(e.x0, e.x1) >= box.x0 && min(e.x0, e.x1) <= box.x1 && max(e.y0, e.y1) >= box.y0 && min(e.y0, e.y1) <= box.y1 {
			out = append(out, e)
		}
	}
	return out
}

// crossX is the x where two edges cross, if they do.
func crossX(s, t segment) (float64, bool) {
	if max(s.x0, s.x1) < min(t.x0, t.x1) || max(t.x0, t.x1) < min(s.x0, s.x1) ||
		max(s.y0, s.y1) < min(t.y0, t.y1) || max(t.y0, t.y1) < min(s.y0, s.y1) {
		return 0, false
	}
	dx1, dy1, dx2, dy2 := s.x1-s.x0, s.y1-s.y0, t.x1-t.x0, t.y1-t.y0
	den := dx1*dy2 - dy1*dx2
	if den == 0 {
		return 0, false
	}
	u := ((t.x0-s.x0)*dy2 - (t.y0-s.y0)*dx2) / den
	v := ((t.x0-s.x0)*dy1 - (t.y0-s.y0)*dx1) / den
	if u < 0 || u > 1 || v < 0 || v > 1 {
		return 0, false
	}
	return s.x0 + u*dx1, true
}

// sweep walks a vertical line across edges from west to east, keeping
// the few edges it crosses: a slab costs what the line crosses, not every
// edge.
type sweep struct {
	edges  []segment // by their west end
	next   int
	active []segment
	ys     []float64
}

func newSweep(edges []segment) *sweep {
	for i, e := range edges {
		if e.x0 > e.x1 {
			edges[i] = segment{e.x1, e.y1, e.x0, e.y0}
		}
	}
	sort.Slice(edges, func(i, j int) bool { return edges[i].x0 < edges[j].x0 })
	return &sweep{edges: edges}
}

// spans is where the vertical line at x (never less than the x of the
// previous call) lies inside the edges' shape (even-odd), as sorted
// [y0, y1] pairs.
func (s *sweep) spans(x float64) []float64 {
	for ; s.next < len(s.edges) && s.edges[s.next].x0 < x; s.next++ {
		s.active = append(s.active, s.edges[s.next])
	}
	kept := s.active[:0]
	s.ys = s.ys[:0]
	for _, e := range s.active {
		if e.x1 > x {
			kept = append(kept, e)
			s.ys = append(s.ys, e.y0+(x-e.x0)/(e.x1-e.x0)*(e.y1-e.y0))
		}
	}
	s.active = kept
	sort.Float64s(s.ys)
	return s.ys[:len(s.ys)/2*2]
}

// sharedLength is the length two sorted span lists have in common.
func sharedLength(a, b []float64) float64 {
	var sum float64
	for i, j := 0, 0; i < len(a) && j < len(b); {
		lo, hi := math.Max(a[i], b[j]), math.Min(a[i+1], b[j+1])
		if hi > lo {
			sum += hi - lo
		}
		if a[i+1] < b[j+1] {
			i += 2
		} else {
			j += 2
		}
	}
	return sum
}
