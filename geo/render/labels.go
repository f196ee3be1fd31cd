package render

import (
	"math"
	"sort"
	"strconv"
	"unicode/utf8"

	"github.com/liwan-edu/schoolmap/data"
)

// LabelBox is a site label as placed: its text (abbreviated when the full
// one did not fit) and its box in device world pixels.
type LabelBox struct {
	Index       int // into Scene.Sites
	Text        string
	Min, Max    [2]float64
	Abbreviated bool
	// Leader, when Led, joins the marker's edge to a label set further out.
	Leader [2][2]float64
	Led    bool
}

// Overlaps reports whether two label boxes share any area.
func (b LabelBox) Overlaps(o LabelBox) bool {
	return rectsOverlap(b.Min, b.Max, o.Min, o.Max)
}

func rectsOverlap(amin, amax, bmin, bmax [2]float64) bool {
	return amin[0] < bmax[0] && bmin[0] < amax[0] && amin[1] < bmax[1] && bmin[1] < amax[1]
}

// SegmentCrosses reports whether the segment a-b passes through the box.
func (b LabelBox) SegmentCrosses(a, c [2]float64) bool {
	return segmentHitsRect(a, c, b.Min, b.Max)
}

// segmentHitsRect clips the segment against the rectangle (Liang–Barsky);
// touching the edge does not count.
func segmentHitsRect(a, c, lo, hi [2]float64) bool {
	t0, t1 := 0.0, 1.0
	d := [2]float64{c[0] - a[0], c[1] - a[1]}
	for axis := 0; axis < 2; axis++ {
		for _, e := range [2][2]float64{{-d[axis], a[axis] - lo[axis]}, {d[axis], hi[axis] - a[axis]}} {
			p, q := e[0], e[1]
			if p == 0 {
				if q <= 0 {
					return false
				}
				continue
			}
			r := q / p
			if p < 0 {
				t0 = math.Max(t0, r)
			} else {
				t1 = math.Min(t1, r)
			}
		}
	}
	return t1-t0 > 1e-9
}

// obstacles is what a label must keep clear of: markers, leader lines and
// labels placed before it.
type obstacles struct {
	boxes   [][2][2]float64
	leaders [][2][2]float64
}

func (ob *obstacles) free(lo, hi [2]float64) bool {
	for _, b := range ob.boxes {
		if rectsOverlap(lo, hi, b[0], b[1]) {
			return false
		}
	}
	for _, l := range ob.leaders {
		if segmentHitsRect(l[0], l[1], lo, hi) {
			return false
		}
	}
	return true
}

// labelOrder is the placing priority: the selected site, then the sites
// whose progress says most (overdue, then progress the planner recorded),
// then the most seats, then the annex order.
func labelOrder(sc *Scene, placed []Placed) []Placed {
	order := append([]Placed(nil), placed...)
	seats := func(p Placed) int { return sc.Norms.SeatsOf(&sc.Sites[p.Index]).Total() }
	sort.SliceStable(order, func(i, j int) bool {
		si, sj := sc.Sites[order[i].Index].ID == sc.Selected, sc.Sites[order[j].Index].ID == sc.Selected
		if si != sj {
			return si
		}
		if ri, rj := progressRank(sc, order[i].Index), progressRank(sc, order[j].Index); ri != rj {
			return ri > rj
		}
		return seats(order[i]) > seats(order[j])
	})
	return order
}

// progressRank is 2 for a site overdue in the scene's year, 1 for a
// project whose actual progress is recorded, else 0 (existing schools
// are recorded by definition and rank 0).
func progressRank(sc *Scene, i int) int {
	s := &sc.Sites[i]
	if s.Kind == data.KindExisting {
		return 0
	}
	if _, overdue := data.StatusAt(s, sc.Year); overdue {
		return 2
	}
	if s.Recorded() {
		return 1
	}
	return 0
}

// markerObstacles are the boxes of every marker (with room for the
// selection ring and the widest shape) and the spread markers' leaders.
func markerObstacles(placed []Placed, sym float64) *obstacles {
	ob := &obstacles{}
	for _, p := range placed {
		r := p.Radius*1.45 + 2*sym
		ob.boxes = append(ob.boxes, [2][2]float64{{p.Pos[0] - r, p.Pos[1] - r}, {p.Pos[0] + r, p.Pos[1] + r}})
		if p.Spread() {
			d := 3 * sym
			ob.boxes = append(ob.boxes, [2][2]float64{{p.Anchor[0] - d, p.Anchor[1] - d}, {p.Anchor[0] + d, p.Anchor[1] + d}})
			ob.leaders = append(ob.leaders, [2][2]float64{p.Anchor, p.Pos})
		}
	}
	return ob
}

// candidates are the 8 positions around a marker of radius r, in order
// of preference: right, below, above, left, then the diagonals.
func candidates(c [2]float64, r, w, h float64) [][2]float64 {
	d := r * 0.75
	return [][2]float64{
		{c[0] + r, c[1] - h/2}, {c[0] - w/2, c[1] + r}, {c[0] - w/2, c[1] - r - h}, {c[0] - r - w, c[1] - h/2},
		{c[0] + d, c[1] - d - h}, {c[0] + d, c[1] + d}, {c[0] - d - w, c[1] - d - h}, {c[0] - d - w, c[1] + d},
	}
}

// labeller places labels: measure gives a text's box size in pixels;
// within, when set, is the area labels must stay inside.
type labeller struct {
	measure func(string) (w, h float64)
	within  *[2][2]float64
	sym     float64
}

// place lays out the labels of the placed markers by priority; a label
// that fits nowhere is abbreviated, and dropped when that fits nowhere
// either. Extra boxes (subdistrict names) are kept clear too.
func (lb labeller) place(sc *Scene, placed []Placed, extra [][2][2]float64) (boxes []LabelBox, dropped []int) {
	ob := markerObstacles(placed, lb.sym)
	ob.boxes = append(ob.boxes, extra...)
	names := siteLabelNames(sc)
	for _, p := range labelOrder(sc, placed) {
		n := names[p.Index]
		box, ok := lb.fit(ob, p, n.full)
		if !ok && n.short != "" {
			box, ok = lb.fit(ob, p, n.short)
			box.Abbreviated = true
		}
		if !ok {
			dropped = append(dropped, p.Index)
			continue
		}
		box.Index = p.Index
		ob.boxes = append(ob.boxes, [2][2]float64{box.Min, box.Max})
		if box.Led {
			ob.leaders = append(ob.leaders, box.Leader)
		}
		boxes = append(boxes, box)
	}
	sort.Ints(dropped)
	return boxes, dropped
}

// fit tries the 8 positions of one text around its marker, then the 8
// positions of a wider ring, joined to the marker by a leader that must
// cross no marker and no label.
func (lb labeller) fit(ob *obstacles, p Placed, text string) (LabelBox, bool) {
	w, h := lb.measure(text)
	if w <= 0 {
		return LabelBox{}, false
	}
	r := p.Radius*1.45 + 2*lb.sym
	for ring, dist := range []float64{r, r + 14*lb.sym, r + 32*lb.sym} {
		for _, at := range candidates(p.Pos, dist, w, h) {
			// Whole pixels, so the drawn label is exactly the box tested.
			lo := [2]float64{math.Round(at[0]), math.Round(at[1])}
			box := LabelBox{Text: text, Min: lo, Max: [2]float64{lo[0] + w, lo[1] + h}}
			if !lb.inside(box) || !ob.free(box.Min, box.Max) {
				continue
			}
			if ring == 0 {
				return box, true
			}
			if box.Leader, box.Led = leaderTo(p.Pos, r, box), true; ob.clear(box.Leader) {
				return box, true
			}
		}
	}
	return LabelBox{}, false
}

func (lb labeller) inside(b LabelBox) bool {
	return lb.within == nil || b.Min[0] >= lb.within[0][0] && b.Min[1] >= lb.within[0][1] &&
		b.Max[0] <= lb.within[1][0] && b.Max[1] <= lb.within[1][1]
}

// leaderTo runs from the edge of a marker's clear zone (radius r around c)
// to the nearest point of the label's box.
func leaderTo(c [2]float64, r float64, b LabelBox) [2][2]float64 {
	to := [2]float64{math.Max(b.Min[0], math.Min(c[0], b.Max[0])), math.Max(b.Min[1], math.Min(c[1], b.Max[1]))}
	d := math.Hypot(to[0]-c[0], to[1]-c[1])
	from := [2]float64{c[0] + (to[0]-c[0])/d*r, c[1] + (to[1]-c[1])/d*r}
	return [2][2]float64{from, to}
}

// clear reports whether a leader passes no marker, label or other leader.
func (ob *obstacles) clear(l [2][2]float64) bool {
	for _, b := range ob.boxes {
		if segmentHitsRect(l[0], l[1], b[0], b[1]) {
			return false
		}
	}
	for _, o := range ob.leaders {
		if segmentsCross(l[0], l[1], o[0], o[1]) {
			return false
		}
	}
	return true
}

// segmentsCross reports whether segments a-b and c-d properly intersect.
func segmentsCross(a, b, c, d [2]float64) bool {
	cross := func(o, p, q [2]float64) float64 { return (p[0]-o[0])*(q[1]-o[1]) - (p[1]-o[1])*(q[0]-o[0]) }
	d1, d2 := cross(c, d, a), cross(c, d, b)
	d3, d4 := cross(a, b, c), cross(a, b, d)
	return (d1 > 0) != (d2 > 0) && (d3 > 0) != (d4 > 0) && d1 != 0 && d2 != 0 && d3 != 0 && d4 != 0
}

// abbreviate shortens a long name to its first few characters and "…".
func abbreviate(s string) (string, bool) {
	n := utf8.RuneCountInString(s)
	if n <= 4 {
		return "", false
	}
	r := []rune(s)
	return string(r[:min(5, (n+1)/2)]) + "…", true
}

// labelName is a site's label text and its abbreviation ("" when it has
// none).
type labelName struct{ full, short string }

// siteLabelNames are the label texts of the scene's sites, by index. Two
// sites never share one: a short name used twice gets the site's number
// ("芳村小学 #7"), and abbreviations that would be equal keep as many of
// the names' last characters as tell them apart ("广钢新城…6小学"), or
// none at all when that makes them no shorter. Capacity labels are
// figures, not names, and are left as they are.
func siteLabelNames(sc *Scene) []labelName {
	out := make([]labelName, len(sc.Sites))
	count := map[string]int{}
	for i := range sc.Sites {
		out[i].full = labelText(sc, &sc.Sites[i])
		count[out[i].full]++
	}
	for i := range out {
		if count[out[i].full] > 1 && !sc.CapacityLabels {
			out[i].full += " #" + strconv.Itoa(sc.Sites[i].No)
		}
		out[i].short, _ = abbreviate(out[i].full)
	}
	if !sc.CapacityLabels {
		disambiguate(out)
	}
	return out
}

// disambiguate gives abbreviations shared by several names the shortest
// common tail that tells those names apart; an abbreviation that cannot
// be both distinct and shorter is dropped (the full text or nothing).
func disambiguate(names []labelName) {
	groups := map[string][]int{}
	for i, n := range names {
		if n.short != "" {
			groups[n.short] = append(groups[n.short], i)
		}
	}
	for _, g := range groups {
		if len(g) < 2 {
			continue
		}
		for tail := 2; ; tail++ { // one character says too little ("…学")
			shorts, ok := withTails(names, g, tail)
			if ok {
				for k, i := range g {
					names[i].short = shorts[k]
				}
				break
			}
			if shorts == nil {
				for _, i := range g {
					names[i].short = ""
				}
				break
			}
		}
	}
}

// withTails abbreviates the names of group g to 4 leading characters,
// "…" and tail trailing ones ("" for a name that would not get shorter).
// ok says the abbreviations are distinct; nil says no longer tail can help.
func withTails(names []labelName, g []int, tail int) (shorts []string, ok bool) {
	seen := map[string]bool{}
	ok = true
	useful := false
	for _, i := range g {
		r := []rune(names[i].full)
		head := min(4, len(r))
		if head+tail+1 >= len(r) {
			shorts = append(shorts, "")
			continue
		}
		useful = true
		s := string(r[:head]) + "…" + string(r[len(r)-tail:])
		ok = ok && !seen[s]
		seen[s] = true
		shorts = append(shorts, s)
	}
	if !useful {
		return nil, false
	}
	return shorts, ok
}
