package network

import (
	"math"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/geo"
)

// at is a WGS-84 point x, y metres from Liwan's Albers origin, so test
// networks can be laid out in metres.
func at(x, y float64) orb.Point { return geo.LiwanAlbers.Inverse(orb.Point{x, y}) }

func line(pts ...[2]float64) orb.LineString {
	ls := make(orb.LineString, len(pts))
	for i, p := range pts {
		ls[i] = at(p[0], p[1])
	}
	return ls
}

// gridLines is an n×n street grid with spacing s metres, one line per
// street (vertices at every crossing).
func gridLines(n int, s float64) []orb.LineString {
	var out []orb.LineString
	for k := 0; k < n; k++ {
		var h, v [][2]float64
		for i := 0; i < n; i++ {
			h = append(h, [2]float64{float64(i) * s, float64(k) * s})
			v = append(v, [2]float64{float64(k) * s, float64(i) * s})
		}
		out = append(out, line(h...), line(v...))
	}
	return out
}

func build(t testing.TB, lines []orb.LineString) *Graph {
	t.Helper()
	g, err := Build(lines, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// near is closeness for lengths measured in the projection against
// geodesic lengths (scale within 1e-4 of 1), plus a centimetre.
func near(got, want float64) bool { return math.Abs(got-want) <= 1e-4*math.Abs(want)+0.01 }

func TestGridDistancesAreManhattan(t *testing.T) {
	g := build(t, gridLines(11, 100))
	if g.NumEdges() != 2*11*10 || len(g.Nodes) != 121 {
		t.Fatalf("edges %d nodes %d, want 220 and 121 (shared crossings merged)", g.NumEdges(), len(g.Nodes))
	}
	s := g.NewSearch()
	sn := g.SnapPoint(at(500, 500), 500)
	if !sn.OK || sn.Dist > 0.01 {
		t.Fatalf("snap %+v", sn)
	}
	s.Run(g.Sources(sn), math.Inf(1))
	for n := range g.Nodes {
		p := geo.LiwanAlbers.Forward(g.Nodes[n])
		want := math.Abs(p[0]-500) + math.Abs(p[1]-500)
		if !near(s.Dist[n], want) {
			t.Fatalf("node at %.0f,%.0f: %.3f, want %.3f", p[0], p[1], s.Dist[n], want)
		}
	}
}

// TestGridCatchmentLength checks the reached street length against a
// brute-force oracle: every centimetre of every edge, with Manhattan
// distances at its ends.
func TestGridCatchmentLength(t *testing.T) {
	g := build(t, gridLines(11, 100))
	for _, r := range []float64{120, 250, 430} {
		c := g.NewSearch().Catchments(at(500, 500), []float64{r}, 50, 500)[0]
		want := 0.0
		for e := range g.EU {
			a, b := geo.LiwanAlbers.Forward(g.Nodes[g.EU[e]]), geo.LiwanAlbers.Forward(g.Nodes[g.EV[e]])
			du := math.Abs(a[0]-500) + math.Abs(a[1]-500)
			dv := math.Abs(b[0]-500) + math.Abs(b[1]-500)
			for s := 0.005; s < 100; s += 0.01 {
				if math.Min(du+s, dv+100-s) <= r {
					want += 0.01
				}
			}
		}
		if !near(c.Reached, want) {
			t.Errorf("r=%v: reached %.2f m, oracle %.2f m", r, c.Reached, want)
		}
	}
}

func TestRiverWithOneBridge(t *testing.T) {
	g := build(t, []orb.LineString{
		line([2]float64{-2000, 0}, [2]float64{800, 0}, [2]float64{2000, 0}), // south bank
		line([2]float64{-2000, 200}, [2]float64{800, 200}, [2]float64{2000, 200}),
		line([2]float64{800, 0}, [2]float64{800, 200}), // the bridge
	})
	s := g.NewSearch()
	c := s.Catchments(at(0, 0), []float64{1000}, 50, 500)[0]
	s.Run(g.Sources(c.Snap), math.Inf(1))
	across := g.SnapPoint(at(0, 200), 10)
	d := math.Min(s.Dist[g.EU[across.Edge]]+across.T*g.ELen[across.Edge], s.Dist[g.EV[across.Edge]]+(1-across.T)*g.ELen[across.Edge])
	if !near(d, 1800) {
		t.Fatalf("walk to the point across the river: %.2f m, want 1800", d)
	}
	for _, tc := range []struct {
		name string
		x, y float64
		in   bool
	}{
		{"across the water", 0, 200, false},
		{"north bank 100 m from the bridge", 700, 200, false},
		{"bridge head", 800, 240, true},
		{"south bank end", 990, 0, true},
		{"beyond the radius", 1060, 0, false},
	} {
		if got := c.Shape.Contains(g.Proj.Forward(at(tc.x, tc.y))); got != tc.in {
			t.Errorf("%s: in=%v, want %v", tc.name, got, tc.in)
		}
	}
	// south bank 2000 m × 100 m + end discs, bridge 100 × 150 m + half disc
	want := 2000*100 + math.Pi*2500 + 100*150 + math.Pi*2500/2
	if got := c.Shape.Area(1); math.Abs(got-want) > 1e-3*want {
		t.Errorf("area %.0f m², want %.0f", got, want)
	}
	if share := c.ShareOfCircle(1); math.Abs(share-want/(math.Pi*1e6)) > 1e-3 {
		t.Errorf("share of circle %.4f", share)
	}
}

func TestDeadEnd(t *testing.T) {
	g := build(t, []orb.LineString{
		line([2]float64{0, 0}, [2]float64{300, 0}, [2]float64{1000, 0}),
		line([2]float64{300, 0}, [2]float64{300, 150}), // spur
	})
	for _, tc := range []struct{ r, want float64 }{{200, 200}, {400, 400 + 100}, {500, 500 + 150}} {
		c := g.NewSearch().Catchments(at(0, 0), []float64{tc.r}, 50, 100)[0]
		if !near(c.Reached, tc.want) {
			t.Errorf("r=%v: reached %.2f, want %v", tc.r, c.Reached, tc.want)
		}
	}
}

func TestIslandAndFarSite(t *testing.T) {
	lines := gridLines(11, 100)
	lines = append(lines, line([2]float64{3000, 0}, [2]float64{3100, 0}, [2]float64{3100, 100}, [2]float64{3000, 0}))
	g := build(t, lines)
	c := g.NewSearch().Catchments(at(3050, 10), []float64{1000}, 50, 5000)[0]
	if !c.Snap.OK || !g.Island(c.Snap.Edge, 0.05) {
		t.Fatalf("site on the island: snap %+v, island %v", c.Snap, g.Island(c.Snap.Edge, 0.05))
	}
	if want := 100 + 100 + math.Sqrt2*100; !near(c.Reached, want) {
		t.Errorf("island reached %.2f, want the whole loop %.2f", c.Reached, want)
	}
	if g.Island(g.SnapPoint(at(500, 500), 100).Edge, 0.05) {
		t.Error("the main grid is flagged as an island")
	}
	far := g.NewSearch().Catchments(at(-300, 500), []float64{500}, 50, 5000)[0]
	if !far.Snap.OK || !far.Snap.Far || !near(far.Snap.Dist, 300) || !near(far.Reached, 1000) {
		t.Errorf("far site: snap %+v reached %.2f (want flagged at 300 m, 200 m left: 2×200 along x=0, 100 east, 3×100 from there, 2×100 east from (0,400) and (0,600) = 1000 m)", far.Snap, far.Reached)
	}
	none := g.NewSearch().Catchments(at(-9000, 0), []float64{500}, 50, 1000)[0]
	if none.Snap.OK || !none.Shape.Empty() {
		t.Errorf("no street within 1 km: %+v", none.Snap)
	}
}

func TestSchoolBetweenTwoStreets(t *testing.T) {
	g := build(t, []orb.LineString{
		line([2]float64{-500, 0}, [2]float64{500, 0}),
		line([2]float64{-500, 100}, [2]float64{500, 100}),
	})
	for _, tc := range []struct {
		name     string
		y        float64
		street   int
		distance float64
	}{{"nearer the south street", 40, 0, 40}, {"nearer the north street", 65, 1, 35}} {
		sn := g.SnapPoint(at(100, tc.y), 500)
		if sn.Edge != tc.street || !near(sn.Dist, tc.distance) || math.Abs(sn.T-0.6) > 1e-3 {
			t.Errorf("%s: %+v", tc.name, sn)
		}
		c := g.NewSearch().Catchments(at(100, tc.y), []float64{300}, 50, 500)[0]
		if want := 2 * (300 - tc.distance); !near(c.Reached, want) {
			t.Errorf("%s: reached %.2f, want %.2f (other street unreachable)", tc.name, c.Reached, want)
		}
	}
}

func TestGeodesicLength(t *testing.T) {
	// one arc-second of latitude near 23°N is 30.76 m (WGS-84 meridian arc)
	got := GeodesicLength(orb.Point{113.25, 23}, orb.Point{113.25, 23 + 1.0/3600})
	if math.Abs(got-30.7616) > 0.001 {
		t.Errorf("1″ of latitude at 23°N: %.4f m", got)
	}
}

func TestNoLines(t *testing.T) {
	if _, err := Build(nil, Options{}); err != ErrNoLines {
		t.Errorf("err %v", err)
	}
}

func TestMergeTolerance(t *testing.T) {
	lines := []orb.LineString{line([2]float64{0, 0}, [2]float64{100, 0}), line([2]float64{100.3, 0.2}, [2]float64{100.3, 100})}
	if g := build(t, lines); len(g.Nodes) != 4 {
		t.Errorf("exact merge: %d nodes", len(g.Nodes))
	}
	g, _ := Build(lines, Options{MergeTol: 0.5})
	if len(g.Nodes) != 3 {
		t.Errorf("0.5 m tolerance: %d nodes, want 3", len(g.Nodes))
	}
}

// A stray line on the other side of the world must not blow up the
// snapping grid. Case found by fuzzing (FuzzReadLines hung).
func TestStrayLineFarAway(t *testing.T) {
	start := time.Now()
	lines := append(gridLines(3, 100), orb.LineString{{-170, -80}, {-169, -80}})
	g := build(t, lines)
	if sn := g.SnapPoint(at(100, 100), 500); !sn.OK || sn.Dist > 0.01 {
		t.Errorf("snap %+v", sn)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %v", d)
	}
}
