package coverage_test

import (
	"math"
	"testing"

	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/data"
	. "github.com/liwan-edu/schoolmap/geo/coverage"
	"github.com/liwan-edu/schoolmap/geo/network"
)

func streets(lines ...[][2]float64) []orb.LineString {
	var out []orb.LineString
	for _, l := range lines {
		ls := make(orb.LineString, len(l))
		for i, p := range l {
			ls[i] = Fx.Inverse(orb.Point(p))
		}
		out = append(out, ls)
	}
	return out
}

// TestNetworkCatchmentRiver: a kindergarten on the south bank of a river
// 200 m wide with one bridge 800 m away. Its 1,000 m walking catchment is
// the south bank (2,000 m of street within the zone) and the bridge, each
// buffered 50 m; the north bank, 200 m away as the crow flies but 1,800 m
// on foot, is not covered.
func TestNetworkCatchmentRiver(t *testing.T) {
	g, err := network.Build(streets(
		[][2]float64{{-3000, 0}, {800, 0}, {3000, 0}},
		[][2]float64{{-3000, 200}, {800, 200}, {3000, 200}},
		[][2]float64{{800, 0}, {800, 200}},
	), network.Options{})
	if err != nil {
		t.Fatal(err)
	}
	site := KG("K", 0, 0, 10)
	in := Input{
		Subdistricts: []data.Subdistrict{ZoneOf("Z", 12000, orb.Polygon{Rect(-1000, -500, 1000, 700)})},
		Sites:        []data.Site{site}, Norms: Norms(1000), Year: 2025,
	}
	circle := RowOf(t, Analyse(in), "Z", data.Kindergarten).AreaCovered
	set := g.ForSites(in.Sites, in.Norms, 50)
	in.Shapes = set.CoverageShapes()
	r := RowOf(t, Analyse(in), "Z", data.Kindergarten)
	want := (2000*100 + 100*150 + math.Pi*2500/2) / (2000 * 1200)
	if math.Abs(r.AreaCovered-want) > 5e-4*want {
		t.Errorf("network covered share %.5f, want %.5f (circle: %.4f)", r.AreaCovered, want, circle)
	}
	if circle < 3*r.AreaCovered {
		t.Errorf("circle %.4f should far exceed the network's %.4f", circle, r.AreaCovered)
	}
	if !(r.SFCA > 0) || !(r.Uncovered > 0) {
		t.Errorf("2SFCA %.3f, uncovered %.1f", r.SFCA, r.Uncovered)
	}
}
