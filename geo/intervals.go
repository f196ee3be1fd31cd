package geo

import (
	"cmp"
	"slices"
)

// Intervals is a set of disjoint closed intervals [a, b] in increasing
// order: a row of a scanline through shapes.
type Intervals [][2]float64

// Union merges possibly overlapping, unsorted intervals into a set.
func Union(ivs [][2]float64) Intervals {
	if len(ivs) < 2 {
		return ivs
	}
	slices.SortFunc(ivs, func(a, b [2]float64) int { return cmp.Compare(a[0], b[0]) })
	out := Intervals(ivs[:1])
	for _, iv := range ivs[1:] {
		last := &out[len(out)-1]
		if iv[0] <= last[1] {
			last[1] = max(last[1], iv[1])
		} else {
			out = append(out, iv)
		}
	}
	return out
}

// Intersect returns the intersection of two sets.
func (a Intervals) Intersect(b Intervals) Intervals {
	var out Intervals
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		lo, hi := max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
		if lo < hi {
			out = append(out, [2]float64{lo, hi})
		}
		if a[i][1] < b[j][1] {
			i++
		} else {
			j++
		}
	}
	return out
}

// Length is the total length of the set.
func (a Intervals) Length() float64 {
	l := 0.0
	for _, iv := range a {
		l += iv[1] - iv[0]
	}
	return l
}
