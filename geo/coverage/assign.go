package coverage

import (
	"math"
	"slices"

	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/geo"
)

// zoneIndex finds the zones whose bounding box may hold a point: a uniform
// grid of buckets about the size of an average zone, so assigning n sites
// to z zones costs about n·(a few) polygon tests, not n·z.
type zoneIndex struct {
	zones   []*zone
	origin  orb.Point
	size    float64
	buckets map[[2]int][]int
	large   []int // zones spanning too many buckets: always candidates
}

const maxBucketsPerZone = 256

func newZoneIndex(zones []*zone) *zoneIndex {
	ix := &zoneIndex{zones: zones, buckets: map[[2]int][]int{}}
	var all orb.Bound
	n := 0
	for _, z := range zones {
		if z.poly != nil {
			all = extend(all, z.bb, n == 0)
			n++
		}
	}
	if n == 0 {
		return ix
	}
	ix.origin = all.Min
	ix.size = math.Max(1, math.Sqrt((all.Max[0]-all.Min[0])*(all.Max[1]-all.Min[1])/float64(n)))
	for zi, z := range zones {
		if z.poly != nil {
			ix.insert(zi, z.bb)
		}
	}
	return ix
}

func extend(b, by orb.Bound, first bool) orb.Bound {
	if first {
		return by
	}
	return b.Union(by)
}

func (ix *zoneIndex) key(p orb.Point) [2]int {
	return [2]int{int(math.Floor((p[0] - ix.origin[0]) / ix.size)), int(math.Floor((p[1] - ix.origin[1]) / ix.size))}
}

func (ix *zoneIndex) insert(zi int, b orb.Bound) {
	lo, hi := ix.key(b.Min), ix.key(b.Max)
	if float64(hi[0]-lo[0]+1)*float64(hi[1]-lo[1]+1) > maxBucketsPerZone {
		ix.large = append(ix.large, zi)
		return
	}
	for x := lo[0]; x <= hi[0]; x++ {
		for y := lo[1]; y <= hi[1]; y++ {
			ix.buckets[[2]int{x, y}] = append(ix.buckets[[2]int{x, y}], zi)
		}
	}
}

// candidates returns, in zone order, the zones whose box holds p.
func (ix *zoneIndex) candidates(p orb.Point) []int {
	if ix.size == 0 {
		return nil
	}
	var out []int
	for _, zi := range ix.buckets[ix.key(p)] {
		if ix.zones[zi].bb.Contains(p) {
			out = append(out, zi)
		}
	}
	for _, zi := range ix.large {
		if ix.zones[zi].bb.Contains(p) {
			out = append(out, zi)
		}
	}
	slices.Sort(out)
	return out
}

// near returns, in zone order, the zones whose box comes within r of p.
func (ix *zoneIndex) near(p orb.Point, r float64) []int {
	if ix.size == 0 || !(r >= 0) {
		return nil
	}
	b := orb.Bound{Min: orb.Point{p[0] - r, p[1] - r}, Max: orb.Point{p[0] + r, p[1] + r}}
	lo, hi := ix.key(b.Min), ix.key(b.Max)
	seen := map[int]bool{}
	for _, zi := range ix.large {
		seen[zi] = ix.zones[zi].bb.Intersects(b)
	}
	if float64(hi[0]-lo[0]+1)*float64(hi[1]-lo[1]+1) > float64(len(ix.buckets)) {
		for zi, z := range ix.zones {
			seen[zi] = z.poly != nil && z.bb.Intersects(b)
		}
	} else {
		for x := lo[0]; x <= hi[0]; x++ {
			for y := lo[1]; y <= hi[1]; y++ {
				for _, zi := range ix.buckets[[2]int{x, y}] {
					seen[zi] = ix.zones[zi].bb.Intersects(b)
				}
			}
		}
	}
	var out []int
	for zi, ok := range seen {
		if ok {
			out = append(out, zi)
		}
	}
	slices.Sort(out)
	return out
}

// assignSites gives each site the index of its subdistrict (-1 none), by
// one method for the whole table: when any subdistrict has a boundary, the
// polygon the site falls in (boundary points go to the first zone that
// claims them; a site in none is unassigned); without boundaries, the
// site's subdistrict attribute (code, else name).
func assignSites(in Input, zones []*zone, ix *zoneIndex, a geo.Albers) []int {
	owner := make([]int, len(in.Sites))
	byCode, byName := map[string]int{}, map[string]int{}
	for zi := len(zones) - 1; zi >= 0; zi-- {
		byCode[zones[zi].sd.Code], byName[zones[zi].sd.Name] = zi, zi
	}
	for si := range in.Sites {
		s := &in.Sites[si]
		owner[si] = -1
		switch {
		case ix.size > 0 && s.Located:
			owner[si] = ix.locate(a.Forward(s.Location))
		case ix.size == 0 && s.Subdistrict != "":
			owner[si] = byAttribute(byCode, byName, s.SubdistrictCode, s.Subdistrict)
		}
	}
	return owner
}

func byAttribute(byCode, byName map[string]int, code, name string) int {
	c, okc := byCode[code]
	n, okn := byName[name]
	okc = okc && code != ""
	switch {
	case okc && okn:
		return min(c, n)
	case okc:
		return c
	case okn:
		return n
	}
	return -1
}

// locate returns the first zone whose polygon holds projected p, or -1.
func (ix *zoneIndex) locate(p orb.Point) int {
	for _, zi := range ix.candidates(p) {
		if ix.zones[zi].edges().contains(p) {
			return zi
		}
	}
	return -1
}

// sitesByZone lists each zone's sites; the last list is the unassigned.
func sitesByZone(owner []int, nz int) [][]int {
	out := make([][]int, nz+1)
	for si, zi := range owner {
		if zi < 0 {
			zi = nz
		}
		out[zi] = append(out[zi], si)
	}
	return out
}

// uncertain lists the located sites whose precision circle reaches a zone
// they are not counted in (only when boundaries decide).
func uncertain(in Input, zones []*zone, ix *zoneIndex, owner []int, a geo.Albers) []Uncertain {
	if ix.size == 0 {
		return nil
	}
	var out []Uncertain
	for si := range in.Sites {
		s := &in.Sites[si]
		if !s.Located || !(s.PrecisionM > 0) {
			continue
		}
		p := a.Forward(s.Location)
		var maybe []string
		for _, zi := range ix.near(p, s.PrecisionM) {
			if zi != owner[si] && reaches(zones[zi], p, s.PrecisionM) {
				maybe = append(maybe, zones[zi].sd.Name)
			}
		}
		if len(maybe) > 0 {
			in := Unassigned()
			if owner[si] >= 0 {
				in = zones[owner[si]].sd.Name
			}
			out = append(out, Uncertain{SiteID: s.ID, SiteName: s.Name, In: in, MayBe: maybe})
		}
	}
	return out
}

// reaches reports whether the circle (p, r) overlaps the zone.
func reaches(z *zone, p orb.Point, r float64) bool { return z.edges().reaches(p, r) }

// edges is the zone's edge band, built on first use.
func (z *zone) edges() *band {
	if z.band == nil {
		z.band = newBand(z.poly)
	}
	return z.band
}
