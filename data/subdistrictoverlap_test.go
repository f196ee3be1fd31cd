package data

import (
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/paulmach/orb"
)

// gdalOverlapM2 asks GDAL (SpatiaLite's ST_Intersection, in EPSG:4547
// metres) for the area two boundaries share; a missing ogr2ogr skips the
// test outside CI and fails it in CI.
func gdalOverlapM2(t *testing.T, a, b orb.MultiPolygon) float64 {
	t.Helper()
	ogr := needOGR2OGR(t)
	dir := t.TempDir()
	fc := map[string]any{"type": "FeatureCollection", "features": []any{
		map[string]any{"type": "Feature", "properties": map[string]any{"name": "a"}, "geometry": map[string]any{"type": "MultiPolygon", "coordinates": a}},
		map[string]any{"type": "Feature", "properties": map[string]any{"name": "b"}, "geometry": map[string]any{"type": "MultiPolygon", "coordinates": b}},
	}}
	raw, _ := json.Marshal(fc)
	src, gk := filepath.Join(dir, "ab.geojson"), filepath.Join(dir, "ab.gpkg")
	os.WriteFile(src, raw, 0o644)
	if out, err := exec.Command(ogr, "-f", "GPKG", "-t_srs", "EPSG:4547", "-nln", "ab", gk, src).CombinedOutput(); err != nil {
		t.Fatalf("ogr2ogr: %v\n%s", err, out)
	}
	out, err := exec.Command(filepath.Join(filepath.Dir(ogr), "ogrinfo"), "-q", "-dialect", "sqlite", "-sql",
		"SELECT COALESCE(ST_Area(ST_Intersection(x.geom, y.geom)), 0) AS shared FROM ab x, ab y WHERE x.name = 'a' AND y.name = 'b'", gk).CombinedOutput()
	m := regexp.MustCompile(`shared \(Real\) = ([0-9.e+-]+)`).FindSubmatch(out)
	if err != nil || m == nil {
		t.Fatalf("ogrinfo: %v\n%s", err, out)
	}
	v, _ := strconv.ParseFloat(string(m[1]), 64)
	return v
}

func box(x0, y0, x1, y1 float64) orb.Ring {
	return orb.Ring{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}
}

// TestOverlapsMatchGDAL: the shared area of concave shapes, holes and
// multipolygons equals GDAL's; a shared border and a sliver are not
// reported.
func TestOverlapsMatchGDAL(t *testing.T) {
	concave := orb.Polygon{{{113.220, 23.100}, {113.240, 23.100}, {113.240, 23.104}, {113.226, 23.104}, {113.226, 23.116}, {113.240, 23.116},
		{113.240, 23.120}, {113.220, 23.120}, {113.220, 23.100}}} // a "C" open to the east
	hole := box(113.228, 23.106, 113.234, 23.114)
	hole.Reverse()
	holed := orb.Polygon{box(113.222, 23.098, 113.238, 23.122), hole}
	slanted := orb.Polygon{{{113.235, 23.095}, {113.250, 23.108}, {113.236, 23.125}, {113.229, 23.110}, {113.235, 23.095}}}
	cases := []struct {
		name   string
		a, b   orb.MultiPolygon
		report bool
	}{
		{"concave over slanted", orb.MultiPolygon{concave}, orb.MultiPolygon{slanted}, true},
		{"concave over a square with a hole", orb.MultiPolygon{concave}, orb.MultiPolygon{holed}, true},
		{"multipolygon over slanted", orb.MultiPolygon{{box(113.230, 23.100, 113.240, 23.105)}, {box(113.230, 23.115, 113.240, 23.120)}}, orb.MultiPolygon{slanted}, true},
		{"shared border", orb.MultiPolygon{{box(113.20, 23.10, 113.21, 23.11)}}, orb.MultiPolygon{{box(113.21, 23.10, 113.22, 23.11)}}, false},
		{"sliver 5 m wide", orb.MultiPolygon{{box(113.20, 23.10, 113.21, 23.11)}}, orb.MultiPolygon{{box(113.20995, 23.10, 113.22, 23.11)}}, false},
		{"strip 15 m wide", orb.MultiPolygon{{box(113.20, 23.10, 113.21, 23.11)}}, orb.MultiPolygon{{box(113.20985, 23.10, 113.22, 23.11)}}, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			want := gdalOverlapM2(t, c.a, c.b)
			got := overlapArea(c.a, c.b)
			t.Logf("shared %.1f m², GDAL %.1f m²", got, want)
			if math.Abs(got-want) > 0.0005*want+1 {
				t.Errorf("shared %.1f m², GDAL says %.1f m²", got, want)
			}
			o := Overlaps([]Subdistrict{{Name: "甲", Boundary: c.a}, {Name: "乙", Boundary: c.b}, {Name: "远处", Boundary: orb.MultiPolygon{{box(113.3, 23.2, 113.31, 23.21)}}}})
			if c.report != (len(o) == 1) || (c.report && (o[0].A != "甲" || o[0].B != "乙" || o[0].AreaM2 != got)) {
				t.Errorf("reported %+v", o)
			}
		})
	}
}

// BenchmarkOverlaps: 22 subdistricts of 2,000 vertices each, neighbours
// overlapping, as a detailed boundary file gives them.
func BenchmarkOverlaps(b *testing.B) {
	var subs []Subdistrict
	for k := 0; k < 22; k++ {
		cx, cy := 113.20+0.02*float64(k%5), 23.05+0.02*float64(k/5)
		var r orb.Ring
		for i := 0; i <= 2000; i++ {
			a := 2 * math.Pi * float64(i%2000) / 2000
			rad := 0.0105 * (1 + 0.05*math.Sin(7*a))
			r = append(r, orb.Point{cx + rad*math.Cos(a), cy + rad*math.Sin(a)})
		}
		subs = append(subs, Subdistrict{Name: strconv.Itoa(k), Boundary: orb.MultiPolygon{{r}}})
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if len(Overlaps(subs)) == 0 {
			b.Fatal("no overlap found")
		}
	}
}

// BenchmarkOverlaps20000: a grid of 20,000 boundaries sharing their
// borders, as a block-level file gives them: nothing to report, and no
// pair measured twice.
func BenchmarkOverlaps20000(b *testing.B) {
	var subs []Subdistrict
	for k := 0; k < 20000; k++ {
		x, y := 113.1+0.001*float64(k%200), 23.0+0.001*float64(k/200)
		subs = append(subs, Subdistrict{Name: strconv.Itoa(k), Boundary: orb.MultiPolygon{{box(x, y, x+0.001, y+0.001)}}})
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if o := Overlaps(subs); len(o) != 0 {
			b.Fatalf("%d overlaps reported along shared borders", len(o))
		}
	}
}

// star is a star-shaped ring of n vertices around (x, y) with radii from
// seed, in degrees: concave, never self-crossing.
func star(x, y float64, n int, seed uint64) orb.Ring {
	var r orb.Ring
	for i := 0; i < n; i++ {
		seed = seed*6364136223846793005 + 1442695040888963407
		rad := 0.002 + 0.008*float64(seed>>40)/float64(1<<24)
		a := 2 * math.Pi * float64(i) / float64(n)
		r = append(r, orb.Point{x + rad*math.Cos(a), y + rad*math.Sin(a)})
	}
	return append(r, r[0])
}

// planeArea is the ring's area on overlapArea's plane (shoelace).
func planeArea(r orb.Ring, lat0 float64) float64 {
	kx, ky := metresPerDegree(lat0)
	var s float64
	for i := 0; i+1 < len(r); i++ {
		s += r[i][0]*r[i+1][1] - r[i+1][0]*r[i][1]
	}
	return math.Abs(s) / 2 * kx * ky
}

// FuzzOverlapArea: a shape overlaps itself by its whole area, the shared
// area does not depend on the order and never exceeds the smaller shape.
func FuzzOverlapArea(f *testing.F) {
	f.Add(uint64(1), uint64(2), uint8(12), uint8(9), 0.004, 0.003)
	f.Add(uint64(7), uint64(7), uint8(3), uint8(40), 0.0, 0.0)
	f.Add(uint64(3), uint64(5), uint8(200), uint8(5), 0.02, -0.01)
	f.Fuzz(func(t *testing.T, sa, sb uint64, na, nb uint8, dx, dy float64) {
		if na < 3 || nb < 3 || math.IsNaN(dx+dy) || math.Abs(dx) > 0.05 || math.Abs(dy) > 0.05 {
			return
		}
		a := orb.MultiPolygon{{star(113.23, 23.1, int(na), sa)}}
		b := orb.MultiPolygon{{star(113.23+dx, 23.1+dy, int(nb), sb)}}
		lat0 := a.Bound().Center()[1]
		self := overlapArea(a, a)
		if want := planeArea(a[0][0], lat0); math.Abs(self-want) > 1e-6*want {
			t.Fatalf("shape over itself: %.3f m², its area %.3f m²", self, want)
		}
		ab, ba := overlapArea(a, b), overlapArea(b, a)
		smaller := math.Min(self, overlapArea(b, b))
		if math.Abs(ab-ba) > 1e-3*smaller+1e-6 || ab > smaller*(1+1e-3)+1e-6 || ab < 0 {
			t.Fatalf("a∩b %.3f m², b∩a %.3f m², smaller shape %.3f m²", ab, ba, smaller)
		}
	})
}
