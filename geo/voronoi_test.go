package geo

import (
	"math"
	"math/rand"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

func TestVoronoiPartitionsClip(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	clip := orb.Ring{{0, 0}, {1000, 0}, {1000, 600}, {0, 600}, {0, 0}}
	for _, n := range []int{1, 2, 3, 10, 40} {
		sites := make([]orb.Point, n)
		for i := range sites {
			sites[i] = orb.Point{rng.Float64() * 1000, rng.Float64() * 600}
		}
		cells := Voronoi(sites, clip)
		total := 0.0
		for i, c := range cells {
			total += math.Abs(planar.Area(c))
			if !planar.RingContains(c, sites[i]) {
				t.Errorf("n=%d: cell %d does not contain its site", n, i)
			}
		}
		if math.Abs(total-600000) > 1e-6*600000 {
			t.Errorf("n=%d: cells cover %.1f, clip is 600000", n, total)
		}
		// Every probe point lies in the cell of its nearest site.
		for k := 0; k < 200; k++ {
			x := orb.Point{rng.Float64() * 1000, rng.Float64() * 600}
			best := 0
			for i := range sites {
				if planar.Distance(x, sites[i]) < planar.Distance(x, sites[best]) {
					best = i
				}
			}
			if !planar.RingContains(cells[best], x) {
				t.Errorf("n=%d: %v is nearest to site %d but outside its cell", n, x, best)
			}
		}
	}
}

func TestVoronoiDuplicates(t *testing.T) {
	clip := orb.Ring{{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}}
	cells := Voronoi([]orb.Point{{2, 2}, {2, 2}, {8, 8}}, clip)
	if cells[0] == nil || cells[1] != nil || cells[2] == nil {
		t.Errorf("duplicate handling: %v", cells)
	}
}
