package geo

import (
	"bufio"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/paulmach/orb"
	orbgeo "github.com/paulmach/orb/geo"
	"github.com/paulmach/orb/maptile"
	"github.com/paulmach/orb/project"
)

func TestToPixelAgreesWithOrb(t *testing.T) {
	points := []orb.Point{{113.2295, 23.1167}, {0, 0}, {-179.9, 84}, {179.9, -84}, {113.18, 23.06}}
	for _, p := range points {
		for _, z := range []maptile.Zoom{0, 5, 12, 16, 19} {
			x, y := ToPixel(p, float64(z))
			tile := maptile.At(p, z)
			if int(x/TileSize) != int(tile.X) || int(y/TileSize) != int(tile.Y) {
				t.Errorf("%v z%d: pixel %.1f,%.1f is in tile %d/%d, orb says %v", p, z, x, y, int(x/TileSize), int(y/TileSize), tile)
			}
			// Mercator metres scale linearly with pixels.
			m := project.WGS84.ToMercator(p)
			half := math.Pi * orb.EarthRadius
			wantX := (m[0] + half) / (2 * half) * WorldSize(float64(z))
			wantY := (half - m[1]) / (2 * half) * WorldSize(float64(z))
			if math.Abs(x-wantX) > 1e-6*WorldSize(float64(z)) || math.Abs(y-wantY) > 1e-6*WorldSize(float64(z)) {
				t.Errorf("%v z%d: got %.3f,%.3f want %.3f,%.3f", p, z, x, y, wantX, wantY)
			}
			back := FromPixel(x, y, float64(z))
			if math.Abs(back[0]-p[0]) > 1e-9 || math.Abs(back[1]-p[1]) > 1e-9 {
				t.Errorf("round trip %v -> %v", p, back)
			}
		}
	}
}

func TestMetersPerPixel(t *testing.T) {
	// Two pixels apart horizontally at Liwan must be 2*MetersPerPixel apart
	// on the ground (small distances, so the local scale rules).
	p := orb.Point{113.23, 23.1}
	z := 16.0
	x, y := ToPixel(p, z)
	q := FromPixel(x+100, y, z)
	got := orbgeo.DistanceHaversine(p, q)
	want := 100 * MetersPerPixel(p[1], z)
	if math.Abs(got-want)/want > 1e-3 {
		t.Errorf("100 px = %.2f m on the ground, MetersPerPixel says %.2f", got, want)
	}
}

func TestCircleIsGeodesic(t *testing.T) {
	c := orb.Point{113.23, 23.1}
	ring := Circle(c, 1000, 72)
	if ring[0] != ring[len(ring)-1] {
		t.Fatal("ring not closed")
	}
	for i, p := range ring {
		d := orbgeo.DistanceHaversine(c, p)
		if math.Abs(d-1000)/1000 > 0.005 {
			t.Errorf("vertex %d is %.2f m from the centre", i, d)
		}
	}
}

// evidence holds GCJ-02 -> WGS-84 pairs from the evidence table.
var evidence = []struct{ gcj, wgs orb.Point }{
	{orb.Point{113.234873, 23.113999}, orb.Point{113.22954, 23.11668}},
	{orb.Point{113.191334, 23.059218}, orb.Point{113.18595, 23.06186}},
	{orb.Point{113.2233, 23.1329}, orb.Point{113.21796, 23.13556}},
	{orb.Point{113.2401, 23.1513}, orb.Point{113.23477, 23.15397}},
}

func TestGCJ02(t *testing.T) {
	pairs := evidence
	if more := readEvidenceTable(t); len(more) > 0 {
		pairs = more
	}
	for _, e := range pairs {
		w := GCJ02ToWGS84(e.gcj)
		if math.Abs(w[0]-e.wgs[0]) > 1e-5 || math.Abs(w[1]-e.wgs[1]) > 1e-5 {
			t.Errorf("GCJ02ToWGS84(%v) = %.6f,%.6f; evidence says %v", e.gcj, w[0], w[1], e.wgs)
		}
		g := WGS84ToGCJ02(w)
		if math.Abs(g[0]-e.gcj[0]) > 1e-7 || math.Abs(g[1]-e.gcj[1]) > 1e-7 {
			t.Errorf("forward of inverse of %v = %v", e.gcj, g)
		}
		// The offset in Guangzhou is a few hundred metres, never zero.
		if d := orbgeo.DistanceHaversine(e.gcj, w); d < 300 || d > 800 {
			t.Errorf("offset at %v is %.0f m", e.gcj, d)
		}
	}
	far := orb.Point{2.35, 48.85}
	if WGS84ToGCJ02(far) != far {
		t.Error("GCJ-02 must not shift points outside China")
	}
}

// readEvidenceTable reads every located row of SITE-LOCATIONS.md, when
// ../shared is present.
func readEvidenceTable(t *testing.T) []struct{ gcj, wgs orb.Point } {
	f, err := os.Open("../../shared/data/SITE-LOCATIONS.md")
	if err != nil {
		t.Logf("evidence table not available (%v); using the built-in vectors", err)
		return nil
	}
	defer f.Close()
	var out []struct{ gcj, wgs orb.Point }
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "|")
		if len(cols) < 7 {
			continue
		}
		g, ok1 := parsePair(cols[4])
		w, ok2 := parsePair(cols[5])
		if ok1 && ok2 {
			out = append(out, struct{ gcj, wgs orb.Point }{g, w})
		}
	}
	if len(out) < 20 {
		t.Fatalf("read only %d evidence rows", len(out))
	}
	return out
}

func parsePair(s string) (orb.Point, bool) {
	parts := strings.Split(strings.TrimSpace(s), ",")
	if len(parts) != 2 {
		return orb.Point{}, false
	}
	a, err1 := strconv.ParseFloat(strings.TrimSpace(parts[0]), 64)
	b, err2 := strconv.ParseFloat(strings.TrimSpace(parts[1]), 64)
	return orb.Point{a, b}, err1 == nil && err2 == nil
}

func TestIntervals(t *testing.T) {
	u := Union([][2]float64{{5, 7}, {0, 2}, {1, 3}, {6, 9}, {10, 11}})
	if len(u) != 3 || u[0] != [2]float64{0, 3} || u[1] != [2]float64{5, 9} || u.Length() != 3+4+1 {
		t.Fatalf("union %v", u)
	}
	x := u.Intersect(Intervals{{2, 6}, {8.5, 10.5}})
	if len(x) != 4 || x.Length() != 1+1+0.5+0.5 {
		t.Errorf("intersect %v", x)
	}
	for v, want := range map[float64]bool{0: true, 3: true, 4: false, 9: true, 9.5: false, 10.5: true, 12: false} {
		// A point is in the set when a tiny interval around it meets it.
		if in := u.Intersect(Intervals{{v - 1e-9, v + 1e-9}}).Length() > 0; in != want {
			t.Errorf("%g in the set: %v", v, in)
		}
	}
}
