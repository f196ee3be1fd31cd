package geo

import (
	"math"
	"math/rand/v2"
	"sort"
	"testing"

	"github.com/paulmach/orb"
)

// bruteChords tests every edge on the line: the reference.
func bruteChords(mp orb.MultiPolygon, y float64) Intervals {
	var xs []float64
	for _, poly := range mp {
		for _, r := range poly {
			if len(r) > 0 && r[0] != r[len(r)-1] {
				r = append(r.Clone(), r[0])
			}
			for i := 0; i+1 < len(r); i++ {
				a, b := r[i], r[i+1]
				if (a[1] <= y) != (b[1] <= y) {
					xs = append(xs, a[0]+(y-a[1])/(b[1]-a[1])*(b[0]-a[0]))
				}
			}
		}
	}
	sort.Float64s(xs)
	var out Intervals
	for i := 0; i+1 < len(xs); i += 2 {
		if xs[i+1] > xs[i] {
			out = append(out, [2]float64{xs[i], xs[i+1]})
		}
	}
	return out
}

func randomRing(rng *rand.Rand, n int, cx, cy float64) orb.Ring {
	r := make(orb.Ring, 0, n+1)
	for k := range n {
		a := 2 * math.Pi * float64(k) / float64(n)
		d := 20 + 80*rng.Float64()
		r = append(r, orb.Point{cx + d*math.Cos(a), cy + d*math.Sin(a)})
	}
	return append(r, r[0])
}

func TestScanlineMatchesBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	hole := orb.Ring{{-10, -10}, {10, -10}, {10, 10}, {-10, 10}, {-10, -10}}
	unclosed := orb.Ring{{200, 0}, {260, 0}, {260, 50}, {200, 50}}
	tests := []struct {
		name string
		mp   orb.MultiPolygon
	}{
		{"star", orb.MultiPolygon{{randomRing(rng, 50, 0, 0)}}},
		{"with a hole", orb.MultiPolygon{{randomRing(rng, 300, 0, 0), hole}}},
		{"two polygons, one unclosed", orb.MultiPolygon{{randomRing(rng, 7, 0, 0)}, {unclosed}}},
		{"horizontal edges", orb.MultiPolygon{{{{0, 0}, {5, 0}, {5, 5}, {3, 5}, {3, 8}, {0, 8}, {0, 0}}}}},
		{"empty", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := NewScanline(tt.mp)
			for pass := 0; pass < 2; pass++ { // the second pass restarts the walk
				for y := -101.0; y <= 101; y += 0.37 {
					got, want := s.Chords(y), bruteChords(tt.mp, y)
					if len(got) != len(want) {
						t.Fatalf("y=%g: %v, want %v", y, got, want)
					}
					for i := range got {
						if math.Abs(got[i][0]-want[i][0]) > 1e-9 || math.Abs(got[i][1]-want[i][1]) > 1e-9 {
							t.Fatalf("y=%g: %v, want %v", y, got, want)
						}
					}
				}
			}
		})
	}
}

func TestCircleChords(t *testing.T) {
	cs := [][3]float64{{0, 0, 5}, {6, 0, 2}, {20, 0, 1}, {0, 50, 3}}
	got := CircleChords(nil, cs, 0, func(c [3]float64) (float64, float64, float64) { return c[0], c[1], c[2] })
	if len(got) != 2 || got[0] != [2]float64{-5, 8} || got[1] != [2]float64{19, 21} {
		t.Errorf("chords %v", got)
	}
	if got := CircleChords(nil, cs, 5, func(c [3]float64) (float64, float64, float64) { return c[0], c[1], c[2] }); len(got) != 0 {
		t.Errorf("tangent line: %v, want none", got)
	}
}

// boundaryRing is a detailed boundary: n vertices on a wavy, jittered
// circle of radius about 60, like a densified survey boundary.
func boundaryRing(rng *rand.Rand, n int) orb.Ring {
	r := make(orb.Ring, 0, n+1)
	for k := range n {
		a := 2 * math.Pi * float64(k) / float64(n)
		d := 60 + 8*math.Sin(17*a) + 1e-3*rng.Float64()
		r = append(r, orb.Point{d * math.Cos(a), d * math.Sin(a)})
	}
	return append(r, r[0])
}

// BenchmarkScanline2M walks 2000 lines through a 2-million-vertex polygon
// (the 50–110 s case), building the edge table included.
func BenchmarkScanline2M(b *testing.B) {
	n := 2_000_000
	if raceEnabled {
		n /= 100
	}
	mp := orb.MultiPolygon{{boundaryRing(rand.New(rand.NewPCG(3, 4)), n)}}
	b.ResetTimer()
	for b.Loop() {
		s := NewScanline(mp)
		for k := range 2000 {
			s.Chords(-100 + 0.1*float64(k))
		}
	}
}
