package network

import (
	"math"
	"sync"

	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/geo"
)

// Seg is a straight street piece in projected metres.
type Seg struct{ A, B orb.Point }

// Capsules is a union of capsules: every point within R metres of one of
// the segments. Its chord on a horizontal line is exact (each capsule is
// convex: the hull of its two end discs and its rectangle), so areas and
// coverage integrate it like circles.
type Capsules struct {
	Segs  []Seg
	R     float64
	bound orb.Bound
	empty bool
	// rows indexes the segments by horizontal bands of height band.
	index sync.Once
	band  float64
	rows  [][]int32
	ybase float64
}

// NewCapsules builds the union of capsules of radius r around segs.
func NewCapsules(segs []Seg, r float64) *Capsules {
	c := &Capsules{Segs: segs, R: r, empty: len(segs) == 0}
	if c.empty {
		return c
	}
	b := orb.Bound{Min: segs[0].A, Max: segs[0].A}
	for _, s := range segs {
		b = b.Extend(s.A).Extend(s.B)
	}
	c.bound = b.Pad(r)
	return c
}

// buildIndex fills the bands on first use (many catchments are only
// drawn or exported, never measured).
func (c *Capsules) buildIndex() {
	r := c.R
	c.band = math.Max(r/2, 5)
	c.ybase = c.bound.Min[1]
	c.rows = make([][]int32, int((c.bound.Max[1]-c.ybase)/c.band)+1)
	for i, s := range c.Segs {
		lo, hi := math.Min(s.A[1], s.B[1])-r, math.Max(s.A[1], s.B[1])+r
		for k := c.rowOf(lo); k <= c.rowOf(hi); k++ {
			c.rows[k] = append(c.rows[k], int32(i))
		}
	}
}

func (c *Capsules) rowOf(y float64) int {
	return min(max(int((y-c.ybase)/c.band), 0), len(c.rows)-1)
}

// Bound is the bounding box of the union (empty bound when there are no
// segments).
func (c *Capsules) Bound() orb.Bound { return c.bound }

// Empty reports whether the union has no area.
func (c *Capsules) Empty() bool { return c.empty || c.R <= 0 }

// Chords returns the union's intervals on the line y.
func (c *Capsules) Chords(y float64) geo.Intervals { return c.chordsInto(y, nil) }

// chordsInto is Chords reusing buf's storage.
func (c *Capsules) chordsInto(y float64, buf [][2]float64) geo.Intervals {
	if c.Empty() || y < c.bound.Min[1] || y > c.bound.Max[1] {
		return nil
	}
	c.index.Do(c.buildIndex)
	ivs := buf[:0]
	for _, i := range c.rows[c.rowOf(y)] {
		if lo, hi, ok := capsuleChord(c.Segs[i], c.R, y); ok {
			ivs = append(ivs, [2]float64{lo, hi})
		}
	}
	return geo.Union(ivs)
}

// capsuleChord is the chord of one capsule on line y.
func capsuleChord(s Seg, r, y float64) (lo, hi float64, ok bool) {
	return geo.CapsuleChord(s.A, s.B, r, y)
}

// Contains reports whether p lies in the union.
func (c *Capsules) Contains(p orb.Point) bool {
	if c.Empty() || !c.bound.Contains(p) {
		return false
	}
	c.index.Do(c.buildIndex)
	for _, i := range c.rows[c.rowOf(p[1])] {
		s := c.Segs[i]
		if _, d := project(s.A, s.B, p); d <= c.R {
			return true
		}
	}
	return false
}

// Area integrates the union along scanlines every step metres (exact in
// x, midpoint rule in y).
func (c *Capsules) Area(step float64) float64 {
	if c.Empty() {
		return 0
	}
	h := c.bound.Max[1] - c.bound.Min[1]
	n := int(math.Ceil(h / step))
	dy := h / float64(n)
	a := 0.0
	var buf [][2]float64
	for k := 0; k < n; k++ {
		iv := c.chordsInto(c.bound.Min[1]+(float64(k)+0.5)*dy, buf)
		a += iv.Length()
		buf = iv
	}
	return a * dy
}

// Reproject maps the capsules from projection from to projection to
// (through WGS-84); the radius is kept (both are near-conformal within a
// city).
func (c *Capsules) Reproject(from, to geo.Albers) *Capsules {
	segs := make([]Seg, len(c.Segs))
	for i, s := range c.Segs {
		segs[i] = Seg{to.Forward(from.Inverse(s.A)), to.Forward(from.Inverse(s.B))}
	}
	return NewCapsules(segs, c.R)
}
