package coverage

import (
	"fmt"
	"math"
	"math/rand"
	"testing"

	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/assets"
	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/geo"
)

// Fixtures are drawn in metres of an equal-area projection near Liwan and
// turned into WGS-84; the analysis projects them again (its own Albers;
// both keep areas exactly, and circles to under 0.01%).
var fx = geo.NewAlbers(22.9, 23.3, 113.25, 23.1)

func ring(pts ...[2]float64) orb.Ring {
	r := make(orb.Ring, 0, len(pts)+1)
	for _, p := range pts {
		r = append(r, fx.Inverse(orb.Point(p)))
	}
	return append(r, r[0])
}

func rect(x0, y0, x1, y1 float64) orb.Ring {
	return ring([2]float64{x0, y0}, [2]float64{x1, y0}, [2]float64{x1, y1}, [2]float64{x0, y1})
}

func zoneOf(name string, pop int, polys ...orb.Polygon) data.Subdistrict {
	return data.Subdistrict{Code: name, Name: name, Population: pop, PopKnown: pop > 0, Boundary: orb.MultiPolygon(polys)}
}

// kg is an existing kindergarten (in service every year) at projected
// metres (x, y).
func kg(id string, x, y float64, classes int) data.Site {
	return data.Site{ID: id, Name: id, Level: data.Kindergarten, Kind: data.KindExisting, Classes: classes,
		Located: true, Location: fx.Inverse(orb.Point{x, y}), PrecisionM: 1, Basis: "fixture"}
}

func norms(radius float64) data.Norms {
	n := data.DefaultNorms()
	n.RadiusM[data.Kindergarten] = data.Norm{Value: radius}
	return n
}

func row(t *testing.T, res Result, name string, l data.Level) Row {
	t.Helper()
	for _, r := range res.Rows {
		if r.Name == name && r.Level == l {
			return r
		}
	}
	t.Fatalf("no row %s %v", name, l)
	return Row{}
}

func near(t *testing.T, what string, got, want, tol float64) {
	t.Helper()
	if math.Abs(got-want) > tol*math.Abs(want)+1e-9 {
		t.Errorf("%s = %.6f, want %.6f (±%.2f%%)", what, got, want, tol*100)
	}
}

func TestCoverageAnalytic(t *testing.T) {
	r := 500.0
	circle := math.Pi * r * r
	lensD := 600.0
	lens := 2*r*r*math.Acos(lensD/(2*r)) - lensD/2*math.Sqrt(4*r*r-lensD*lensD)
	tests := []struct {
		name  string
		zones []data.Subdistrict
		sites []data.Site
		zone  string
		want  float64 // covered area in m²
		area  float64
	}{
		{"circle inside square", []data.Subdistrict{zoneOf("A", 1, orb.Polygon{rect(0, 0, 2000, 2000)})},
			[]data.Site{kg("k", 1000, 1000, 10)}, "A", circle, 4e6},
		{"circle split by a shared boundary, left", []data.Subdistrict{zoneOf("A", 1, orb.Polygon{rect(0, 0, 2000, 2000)}), zoneOf("B", 1, orb.Polygon{rect(2000, 0, 4000, 2000)})},
			[]data.Site{kg("k", 2000, 1000, 10)}, "A", circle / 2, 4e6},
		{"circle split by a shared boundary, right", []data.Subdistrict{zoneOf("A", 1, orb.Polygon{rect(0, 0, 2000, 2000)}), zoneOf("B", 1, orb.Polygon{rect(2000, 0, 4000, 2000)})},
			[]data.Site{kg("k", 2000, 1000, 10)}, "B", circle / 2, 4e6},
		{"concave L at its inner corner", []data.Subdistrict{zoneOf("L", 1, orb.Polygon{ring([2]float64{0, 0}, [2]float64{3000, 0}, [2]float64{3000, 1500}, [2]float64{1500, 1500}, [2]float64{1500, 3000}, [2]float64{0, 3000})})},
			[]data.Site{kg("k", 1500, 1500, 10)}, "L", circle * 3 / 4, 6.75e6},
		{"circle in the hole", []data.Subdistrict{zoneOf("H", 1, orb.Polygon{rect(0, 0, 3000, 3000), rect(1000, 1000, 2000, 2000)})},
			[]data.Site{kg("k", 1500, 1500, 10)}, "H", 0, 8e6},
		{"circle on the hole's edge", []data.Subdistrict{zoneOf("H", 1, orb.Polygon{rect(0, 0, 3000, 3000), rect(1000, 1000, 2000, 2000)})},
			[]data.Site{kg("k", 1000, 1500, 10)}, "H", circle / 2, 8e6},
		{"multipolygon, circle in one part", []data.Subdistrict{zoneOf("M", 1, orb.Polygon{rect(0, 0, 2000, 2000)}, orb.Polygon{rect(5000, 0, 7000, 2000)})},
			[]data.Site{kg("k", 6000, 1000, 10)}, "M", circle, 8e6},
		{"union of two overlapping circles", []data.Subdistrict{zoneOf("U", 1, orb.Polygon{rect(0, 0, 4000, 4000)})},
			[]data.Site{kg("k1", 1700, 2000, 10), kg("k2", 2300, 2000, 10)}, "U", 2*circle - lens, 16e6},
		{"circle crossing three zones", []data.Subdistrict{zoneOf("A", 1, orb.Polygon{rect(0, 0, 1000, 2000)}), zoneOf("B", 1, orb.Polygon{rect(1000, 0, 2000, 1000)}), zoneOf("C", 1, orb.Polygon{rect(1000, 1000, 2000, 2000)})},
			[]data.Site{kg("k", 1000, 1000, 10)}, "C", circle / 4, 1e6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Analyse(Input{Subdistricts: tt.zones, Sites: tt.sites, Norms: norms(r), Year: 2025})
			rw := row(t, res, tt.zone, data.Kindergarten)
			near(t, "area km²", rw.AreaKm2, tt.area/1e6, 0.001)
			near(t, "covered share", rw.AreaCovered, tt.want/tt.area, 0.005)
			if rw.PopCovered != rw.AreaCovered {
				t.Error("uniform population: population share must equal area share")
			}
		})
	}
}

func TestSiteOnBoundaryCountsOnce(t *testing.T) {
	zones := []data.Subdistrict{zoneOf("A", 1000, orb.Polygon{rect(0, 0, 2000, 2000)}), zoneOf("B", 1000, orb.Polygon{rect(2000, 0, 4000, 2000)})}
	res := Analyse(Input{Subdistricts: zones, Sites: []data.Site{kg("k", 2000, 1000, 10)}, Norms: norms(500), Year: 2025})
	total := row(t, res, "A", data.Kindergarten).Sites[InService] + row(t, res, "B", data.Kindergarten).Sites[InService]
	if total != 1 {
		t.Errorf("a site on a shared boundary counted %d times", total)
	}
}

func TestDemandGapAndCapacity(t *testing.T) {
	// One zone well inside a big catchment: 10,000 residents need
	// 420 kindergarten seats (42 per 1000); the site has 12 classes × 30.
	zones := []data.Subdistrict{zoneOf("Z", 10000, orb.Polygon{rect(0, 0, 500, 500)})}
	res := Analyse(Input{Subdistricts: zones, Sites: []data.Site{kg("k", 250, 250, 12)}, Norms: norms(2000), Year: 2025})
	rw := row(t, res, "Z", data.Kindergarten)
	near(t, "demand", rw.Demand, 420, 1e-9)
	near(t, "gap", rw.Gap, 60, 1e-9)
	near(t, "seats per 1000", rw.SeatsPer1k, 36, 1e-9)
	near(t, "covered", rw.AreaCovered, 1, 1e-9)
	near(t, "2SFCA", rw.SFCA, 360.0/420, 1e-9)
	near(t, "uncovered demand", rw.Uncovered, 60, 1e-6)
	near(t, "uncovered residents", rw.UncovPop, 60*1000/42.0, 1e-6)
	// Two zones share one site's seats: a small school does not cover
	// a whole neighbourhood.
	zones = []data.Subdistrict{zoneOf("P", 10000, orb.Polygon{rect(0, 0, 500, 500)}), zoneOf("Q", 10000, orb.Polygon{rect(500, 0, 1000, 500)})}
	res = Analyse(Input{Subdistricts: zones, Sites: []data.Site{kg("k", 500, 250, 14)}, Norms: norms(2000), Year: 2025})
	p, q := row(t, res, "P", data.Kindergarten), row(t, res, "Q", data.Kindergarten)
	near(t, "2SFCA P", p.SFCA, 420.0/840, 1e-9)
	near(t, "uncovered P+Q", p.Uncovered+q.Uncovered, 840-420, 1e-6)
	if p.AreaCovered < 0.999 || q.AreaCovered < 0.999 {
		t.Error("both zones lie within the radius")
	}
}

func TestWithoutBoundariesByAttribute(t *testing.T) {
	sites, _ := data.ParseSites(assets.SitesGeoJSON)
	subs := data.LiwanSubdistricts()
	res := Analyse(Input{Subdistricts: subs, Sites: sites, Norms: data.DefaultNorms(), Year: 2025})
	qz := row(t, res, "桥中", data.Kindergarten)
	if qz.Sites[InService] != 1 || qz.Seats[InService] != 600 || !math.IsNaN(qz.AreaCovered) || qz.HasBoundary {
		t.Errorf("桥中 kindergartens %+v", qz)
	}
	if j := row(t, res, "桥中", data.Junior); j.Sites[InService] != 1 || j.Seats[InService] != 1500 {
		t.Errorf("桥中 junior %+v", j)
	}
	if p := row(t, res, Unassigned(), data.Kindergarten); p.Sites[InService]+p.Sites[Building]+p.Sites[Planned] == 0 {
		t.Error("kindergartens with unknown subdistrict are not reported as unassigned")
	}
	// The plan's kindergartens are all developer-built (否): no subdistrict
	// gets a government-funded one from the plan.
	for _, tr := range res.Target {
		if tr.Met() {
			t.Errorf("%s meets the public kindergarten target with %v", tr.Name, tr.PublicKG)
		}
	}
	withPub := append([]data.Site(nil), sites...)
	withPub[20].GovFunded = true // LW-21, 东漖
	res = Analyse(Input{Subdistricts: subs, Sites: withPub, Norms: data.DefaultNorms(), Year: 2025})
	for _, tr := range res.Target {
		if (tr.Name == "东漖") != tr.Met() || (tr.Name == "东漖") != tr.MetBy() {
			t.Errorf("%s met=%v by 2025=%v", tr.Name, tr.Met(), tr.MetBy())
		}
	}
	// LW-21 (2020–2022) is not in service in 2021: the target follows the year.
	res = Analyse(Input{Subdistricts: subs, Sites: withPub, Norms: data.DefaultNorms(), Year: 2021})
	for _, tr := range res.Target {
		if tr.Name == "东漖" && (!tr.Met() || tr.MetBy()) {
			t.Errorf("2021: met=%v by=%v", tr.Met(), tr.MetBy())
		}
	}
}

func gridZones(nx, ny int, size float64, rng *rand.Rand) []data.Subdistrict {
	var out []data.Subdistrict
	for i := 0; i < nx; i++ {
		for j := 0; j < ny; j++ {
			x, y := float64(i)*size-float64(nx)*size/2, float64(j)*size-float64(ny)*size/2
			out = append(out, zoneOf(fmt.Sprintf("Z%d-%d", i, j), 5000+rng.Intn(50000), orb.Polygon{rect(x, y, x+size, y+size)}))
		}
	}
	return out
}

func randomSites(n int, span float64, rng *rand.Rand) []data.Site {
	levels := []data.Level{data.Kindergarten, data.Primary, data.Junior, data.NineYear}
	out := make([]data.Site, n)
	for i := range out {
		out[i] = kg(fmt.Sprintf("S%d", i), (rng.Float64()-0.5)*span, (rng.Float64()-0.5)*span, 6+rng.Intn(40))
		out[i].Level = levels[rng.Intn(len(levels))]
	}
	return out
}

func BenchmarkLiwan25x22(b *testing.B) {
	sites, _ := data.ParseSites(assets.SitesGeoJSON)
	rng := rand.New(rand.NewSource(1))
	// 22 synthetic 2 km zones over the area of the sites (not real
	// boundaries, which are not public).
	zones := gridZones(11, 2, 2000, rng)
	for i := range zones {
		for _, r := range zones[i].Boundary[0] {
			for k := range r {
				r[k] = fx.Inverse(orb.Point{fx.Forward(r[k])[0] - 2000, fx.Forward(r[k])[1] - 1500})
			}
		}
	}
	in := Input{Subdistricts: zones, Sites: sites, Norms: data.DefaultNorms(), Year: 2025}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		Analyse(in)
	}
}

func BenchmarkCity5000x1000(b *testing.B) {
	rng := rand.New(rand.NewSource(2))
	zones := gridZones(40, 25, 1000, rng)
	in := Input{Subdistricts: zones, Sites: randomSites(5000, 40000, rng), Norms: data.DefaultNorms(), Year: 2025}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		Analyse(in)
	}
}

func TestUnassignedInOneLanguage(t *testing.T) {
	defer i18n.SetLanguage("zh")
	for _, lang := range []string{"zh", "en"} {
		i18n.SetLanguage(lang)
		name := Unassigned()
		hasHan, hasLatin := false, false
		for _, r := range name {
			hasHan = hasHan || (r >= 0x4e00 && r <= 0x9fff)
			hasLatin = hasLatin || (r >= 'a' && r <= 'z')
		}
		if (lang == "zh" && hasLatin) || (lang == "en" && hasHan) || name == "" {
			t.Errorf("%s: unassigned row named %q", lang, name)
		}
	}
}
