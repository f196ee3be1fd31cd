package network

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/paulmach/orb"
)

// districtLines is an n×n street grid at spacing s metres with every
// vertex jittered by up to 5 m (so edges are not all equal), one line per
// street: 2·n·(n−1) edges.
func districtLines(n int, s float64) []orb.LineString {
	rng := rand.New(rand.NewPCG(1, 2))
	jit := make([][2]float64, n*n)
	for i := range jit {
		jit[i] = [2]float64{rng.Float64()*10 - 5, rng.Float64()*10 - 5}
	}
	pt := func(i, j int) orb.Point {
		d := jit[j*n+i]
		return at(float64(i)*s+d[0], float64(j)*s+d[1])
	}
	var out []orb.LineString
	for k := 0; k < n; k++ {
		h, v := make(orb.LineString, n), make(orb.LineString, n)
		for i := 0; i < n; i++ {
			h[i], v[i] = pt(i, k), pt(k, i)
		}
		out = append(out, h, v)
	}
	return out
}

// sitesIn spreads k sites over the grid's interior, each with the radii
// of a kindergarten, a primary and a junior school.
func sitesIn(k int, extent float64) ([]orb.Point, [][]float64) {
	rng := rand.New(rand.NewPCG(3, 4))
	pts, radii := make([]orb.Point, k), make([][]float64, k)
	for i := range pts {
		pts[i] = at(rng.Float64()*extent*0.8+extent*0.1, rng.Float64()*extent*0.8+extent*0.1)
		radii[i] = []float64{300, 500, 1000}
	}
	return pts, radii
}

// District: 174×174 nodes at 50 m: 60,204 edges over 8.7 km × 8.7 km
// (Liwan is 59 km²).
const districtN, districtS = 174, 50.0

func BenchmarkBuildDistrict(b *testing.B) {
	lines := districtLines(districtN, districtS)
	b.ResetTimer()
	clk := startCPU()
	defer clk.report(b)
	for b.Loop() {
		g, _ := Build(lines, Options{})
		if g.NumEdges() != 2*districtN*(districtN-1) {
			b.Fatal(g.NumEdges())
		}
	}
}

func BenchmarkCatchments25Sites(b *testing.B) {
	g, _ := Build(districtLines(districtN, districtS), Options{})
	pts, radii := sitesIn(25, districtN*districtS)
	b.ResetTimer()
	clk := startCPU()
	defer clk.report(b)
	for b.Loop() {
		g.SiteCatchments(pts, radii, DefaultLateral, 5000)
	}
}

func BenchmarkShareOfCircle25Sites(b *testing.B) {
	g, _ := Build(districtLines(districtN, districtS), Options{})
	pts, radii := sitesIn(25, districtN*districtS)
	cs := g.SiteCatchments(pts, radii, DefaultLateral, 5000)
	b.ResetTimer()
	clk := startCPU()
	defer clk.report(b)
	for b.Loop() {
		for _, site := range cs {
			for _, c := range site {
				if s := c.ShareOfCircle(5); !(s > 0) {
					b.Fatal(s)
				}
			}
		}
	}
}

func BenchmarkAccessDistrict25m(b *testing.B) { benchAccess(b, districtN, districtS) }

// benchAccess times the 25 m accessibility map of an n×n street grid
// spacing metres apart with 12 sites.
func benchAccess(b *testing.B, n int, spacing float64) {
	g, _ := Build(districtLines(n, spacing), Options{})
	pts, _ := sitesIn(12, float64(n)*spacing)
	ext := orb.Bound{Min: at(0, 0), Max: at(float64(n)*spacing, float64(n)*spacing)}
	b.ResetTimer()
	clk := startCPU()
	defer clk.report(b)
	for b.Loop() {
		r, _ := g.Access(pts, ext, AccessOptions{Cell: 25})
		if math.IsNaN(float64(r.Val[len(r.Val)/2])) {
			b.Fatal("centre cell empty")
		}
	}
}

// City: 708×708 nodes at 50 m: 1,001,112 edges over 35 km × 35 km, 5,000
// sites at three radii each.
func BenchmarkCatchmentsCity(b *testing.B) {
	if raceBuild {
		b.Skip("measured without -race")
	}
	const n = 708
	g, _ := Build(districtLines(n, districtS), Options{})
	pts, radii := sitesIn(5000, n*districtS)
	b.ResetTimer()
	clk := startCPU()
	defer clk.report(b)
	for b.Loop() {
		g.SiteCatchments(pts, radii, DefaultLateral, 5000)
	}
}

// BenchmarkAccessSparse25m: the same square with streets 300 m apart, so
// most cells lie more than two cells from a street (the slow path of the
// nearest-street rule).
func BenchmarkAccessSparse25m(b *testing.B) { benchAccess(b, 30, 300) }
