package coverage

import (
	"fmt"
	"math"
	"math/rand"
	"strconv"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/assets"
	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/vector"
	"github.com/liwan-edu/schoolmap/geo/crs"
)

// within fails the test when f does not return in d (a hang or an
// exhausted memory shows as a timeout, not a stuck CI).
func within(t *testing.T, d time.Duration, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { f(); close(done) }()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("still running after %v", d)
	}
}

func TestHostileInputs(t *testing.T) {
	china := data.Subdistrict{Code: "CN", Name: "China", Population: 1_400_000_000, PopKnown: true,
		Boundary: orb.MultiPolygon{{{{73, 18}, {135, 18}, {135, 53}, {73, 53}, {73, 18}}}}}
	sites, _ := data.ParseSites(assets.SitesGeoJSON)
	tests := []struct {
		name   string
		in     Input
		check  func(t *testing.T, res Result)
		budget time.Duration
	}{
		{"China-sized zone with population", Input{Subdistricts: []data.Subdistrict{china}, Sites: sites, Norms: data.DefaultNorms(), Year: 2025},
			func(t *testing.T, res Result) {
				if r := row(t, res, "China", data.Kindergarten); r.Sites[InService] == 0 || math.IsNaN(r.Uncovered) {
					t.Errorf("China row %+v", r)
				}
			}, 20 * time.Second},
		{"radius 1e9 m", Input{Subdistricts: gridZones(5, 5, 1000, rand.New(rand.NewSource(1))),
			Sites: []data.Site{kg("k", 0, 0, 10)}, Norms: norms(1e9), Year: 2025},
			func(t *testing.T, res Result) {
				if r := row(t, res, "Z0-0", data.Kindergarten); r.AreaCovered != 1 {
					t.Errorf("a 1e9 m radius covers %v", r.AreaCovered)
				}
			}, 20 * time.Second},
		{"empty rings and an unclosed one", Input{Subdistricts: []data.Subdistrict{zoneOf("E", 100, orb.Polygon{{}}, orb.Polygon{rect(0, 0, 500, 500)[:4]})},
			Sites: []data.Site{kg("k", 250, 250, 10)}, Norms: norms(2000), Year: 2025},
			func(t *testing.T, res Result) {
				if r := row(t, res, "E", data.Kindergarten); math.Abs(r.AreaKm2-0.25) > 1e-3 || r.AreaCovered < 0.999 {
					t.Errorf("E row %+v", r)
				}
			}, 5 * time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var res Result
			within(t, tt.budget, func() { res = Analyse(tt.in) })
			tt.check(t, res)
		})
	}
}

func TestDemandCellsCapped(t *testing.T) {
	for _, n := range []int{1, 30, 20000} {
		for _, area := range []float64{1e4, 5e6, 9.6e12} {
			size := cellSize(area, n)
			cells := area / (size * size)
			if cells > maxZoneCells || float64(n)*cells > 1.01*maxCells+float64(n)*minZoneCells || size < 25 {
				t.Errorf("%d zones of %.0g m²: %.0f cells of %.0f m", n, area, cells, size)
			}
		}
	}
}

// TestOneCountingMethod: with boundaries, a site belongs to the polygon it
// falls in, never to a zone named by its attribute.
func TestOneCountingMethod(t *testing.T) {
	a := zoneOf("A", 1000, orb.Polygon{rect(0, 0, 2000, 2000)})
	b := data.Subdistrict{Code: "B", Name: "B"} // no boundary
	s := kg("k", 5000, 5000, 10)                // outside A
	s.Subdistrict, s.SubdistrictCode = "B", "B"
	in := kg("in", 1000, 1000, 10)
	in.Subdistrict, in.SubdistrictCode = "B", "B" // inside A, attribute says B
	res := Analyse(Input{Subdistricts: []data.Subdistrict{a, b}, Sites: []data.Site{s, in}, Norms: norms(500), Year: 2025})
	if got := row(t, res, "A", data.Kindergarten).Sites[InService]; got != 1 {
		t.Errorf("A counts %d", got)
	}
	if got := row(t, res, "B", data.Kindergarten).Sites[InService]; got != 0 {
		t.Errorf("B counts %d by attribute while boundaries decide", got)
	}
	if got := row(t, res, Unassigned(), data.Kindergarten).Sites[InService]; got != 1 {
		t.Errorf("unassigned counts %d", got)
	}
	// Without any boundary, the attribute decides.
	a.Boundary = nil
	res = Analyse(Input{Subdistricts: []data.Subdistrict{a, b}, Sites: []data.Site{s, in}, Norms: norms(500), Year: 2025})
	if got := row(t, res, "B", data.Kindergarten).Sites[InService]; got != 2 {
		t.Errorf("B counts %d by attribute", got)
	}
}

func TestUncertainSites(t *testing.T) {
	zones := []data.Subdistrict{zoneOf("A", 1, orb.Polygon{rect(0, 0, 2000, 2000)}), zoneOf("B", 1, orb.Polygon{rect(2000, 0, 4000, 2000)})}
	edge, mid := kg("edge", 1950, 1000, 10), kg("mid", 1000, 1000, 10)
	edge.PrecisionM, mid.PrecisionM = 100, 100
	res := Analyse(Input{Subdistricts: zones, Sites: []data.Site{edge, mid}, Norms: norms(500), Year: 2025})
	if len(res.Uncertain) != 1 || res.Uncertain[0].SiteID != "edge" || res.Uncertain[0].In != "A" || res.Uncertain[0].MayBe[0] != "B" {
		t.Errorf("uncertain %+v", res.Uncertain)
	}
}

// BenchmarkExisting100k is `coverage --existing` with 100,000 existing
// schools: the import (ids included) and the analysis over 22 zones.
func BenchmarkExisting100k(b *testing.B) {
	rng := rand.New(rand.NewSource(3))
	set := &vector.Set{Path: "schools.csv", Fields: []string{"name", "lon", "lat", "level"}}
	n := 100_000
	if raceEnabled {
		n /= 100
	}
	for i := range n {
		p := fx.Inverse(orb.Point{(rng.Float64() - 0.5) * 20000, (rng.Float64() - 0.5) * 20000})
		set.Features = append(set.Features, vector.Feature{Where: "line " + strconv.Itoa(i+2), Props: map[string]string{
			"name": fmt.Sprintf("学校%d", i), "lon": strconv.FormatFloat(p[0], 'f', 6, 64), "lat": strconv.FormatFloat(p[1], 'f', 6, 64), "level": "小学"}})
	}
	zones := gridZones(11, 2, 2000, rng)
	sites, _ := data.ParseSites(assets.SitesGeoJSON)
	m := data.GuessSchoolMapping(set.Fields)
	m.CRS = crs.WGS84
	b.ResetTimer()
	defer reportCPU(b, cpuSeconds())
	for b.Loop() {
		found, probs := data.ExistingSchools(set, m, data.NewIDs(sites, "EX"))
		if len(found) != n {
			b.Fatalf("%d found, %v", len(found), probs[:min(3, len(probs))])
		}
		Analyse(Input{Subdistricts: zones, Sites: append(sites[:len(sites):len(sites)], found...), Norms: data.DefaultNorms(), Year: 2025})
	}
}

// BenchmarkBoundaries20000 imports 20,000 boundary polygons (with
// populations) onto the 22 built-in rows and analyses them.
func BenchmarkBoundaries20000(b *testing.B) {
	rng := rand.New(rand.NewSource(4))
	set := &vector.Set{Path: "b.geojson", Fields: []string{"name", "code", "pop"}}
	nx, ny := 200, 100
	if raceEnabled {
		nx, ny = 20, 10
	}
	for i, z := range gridZones(nx, ny, 150, rng) {
		set.Features = append(set.Features, vector.Feature{Geometry: z.Boundary, Where: "feature " + strconv.Itoa(i+1),
			Props: map[string]string{"name": z.Name, "code": strconv.Itoa(900000 + i), "pop": strconv.Itoa(z.Population)}})
	}
	sites, _ := data.ParseSites(assets.SitesGeoJSON)
	sites = append(sites, randomSites(2000, 25000, rng)...)
	m := data.GuessBoundaryMapping(set.Fields)
	b.ResetTimer()
	defer reportCPU(b, cpuSeconds())
	for b.Loop() {
		subs, probs := data.Subdistricts(set, m)
		merged, added := data.MergeSubdistrictsReport(data.LiwanSubdistricts(), subs)
		if len(probs) > 0 || len(added) != nx*ny {
			b.Fatalf("%d added, %v", len(added), probs)
		}
		Analyse(Input{Subdistricts: merged, Sites: sites, Norms: data.DefaultNorms(), Year: 2025})
	}
}

// BenchmarkPolygon2M analyses one zone with a 2-million-vertex boundary.
func BenchmarkPolygon2M(b *testing.B) {
	n := 2_000_000
	if raceEnabled {
		n /= 100
	}
	r := make(orb.Ring, 0, n+1)
	for k := range n {
		a := 2 * math.Pi * float64(k) / float64(n)
		d := 3000 + 300*math.Sin(17*a)
		r = append(r, fx.Inverse(orb.Point{d * math.Cos(a), d * math.Sin(a)}))
	}
	r = append(r, r[0])
	in := Input{Subdistricts: []data.Subdistrict{zoneOf("big", 200000, orb.Polygon{r})},
		Sites: randomSites(200, 6000, rand.New(rand.NewSource(5))), Norms: data.DefaultNorms(), Year: 2025}
	b.ResetTimer()
	defer reportCPU(b, cpuSeconds())
	for b.Loop() {
		Analyse(in)
	}
}

func reportCPU(b *testing.B, start float64) {
	b.ReportMetric((cpuSeconds()-start)/float64(b.N), "cpu-s/op")
}

// TestTallyCountsTheOfficial22: imported subdistricts that match none of
// the 22 are listed apart, never counted in the total.
func TestTallyCountsTheOfficial22(t *testing.T) {
	subs, added := data.MergeSubdistrictsReport(data.LiwanSubdistricts(), []data.Subdistrict{
		{Code: "900001", Name: "测试甲", Boundary: orb.MultiPolygon{{rect(0, 0, 1000, 1000)}}},
		{Code: "440103013000", Name: "桥中", Boundary: orb.MultiPolygon{{rect(1000, 0, 2000, 1000)}}}})
	sites, _ := data.ParseSites(assets.SitesGeoJSON)
	res := Analyse(Input{Subdistricts: subs, Sites: sites, Norms: data.DefaultNorms(), Year: 2025})
	by, met, total, missing, extra := res.Tally()
	if total != 22 || len(extra) != 1 || extra[0] != "测试甲" || len(added) != 1 || by > met || len(missing) != total-met {
		t.Errorf("tally %d/%d of %d, missing %d, extra %v", by, met, total, len(missing), extra)
	}
}
