package render

import (
	"image"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/data"
)

// TestLabelOrderPutsProgressFirst: after the selected site, sites whose
// progress the planner recorded and overdue sites are labelled before
// the large ones the plan alone describes.
func TestLabelOrderPutsProgressFirst(t *testing.T) {
	sc := testScene(t)
	for i := range sc.Sites { // no progress recorded but what the test sets
		sc.Sites[i].ActualStatus, sc.Sites[i].ActualYear = data.StatusUnknown, 0
	}
	seats := func(i int) int { return sc.Norms.SeatsOf(&sc.Sites[i]).Total() }
	small := -1 // the located plan site with the fewest seats
	for i := range sc.Sites {
		if sc.Sites[i].Located && (small < 0 || seats(i) < seats(small)) {
			small = i
		}
	}
	overdue := -1 // the next smallest, made overdue: due in 2022, recorded as under construction
	for i := range sc.Sites {
		if i != small && sc.Sites[i].Located && (overdue < 0 || seats(i) < seats(overdue)) {
			overdue = i
		}
	}
	sc.Year = 2023
	sc.Sites[small].ActualStatus = data.UnderConstruction
	sc.Sites[overdue].StartYear, sc.Sites[overdue].EndYear = 2021, 2022
	sc.Sites[overdue].ActualStatus, sc.Sites[overdue].ActualYear = data.UnderConstruction, 0
	if _, od := data.StatusAt(&sc.Sites[overdue], 2023); !od {
		t.Fatalf("fixture: the site is not overdue: %+v", sc.Sites[overdue])
	}
	sc.Selected = sc.Sites[3].ID
	placed := place(sc, Fit(sitesBound(sc), 1280, 800, 40, 3, 18))
	order := labelOrder(sc, placed)
	if order[0].Index != 3 {
		t.Errorf("the selected site is labelled at %d, want first", order[0].Index)
	}
	first := map[int]bool{order[1].Index: true, order[2].Index: true}
	if !first[small] || !first[overdue] {
		t.Errorf("labelled 2nd and 3rd: %q, %q; want the recorded %q and the overdue %q",
			sc.Sites[order[1].Index].ShortName, sc.Sites[order[2].Index].ShortName, sc.Sites[small].ShortName, sc.Sites[overdue].ShortName)
	}
}

// TestAbbreviationsAreUnique: no two sites share a label text, whole or
// abbreviated, even when their short names begin alike or are equal.
func TestAbbreviationsAreUnique(t *testing.T) {
	sc := testScene(t)
	dup := sc.Sites[5] // a second site with the same short name
	dup.ID, dup.No = "LW-DUP", 99
	sc.Sites = append(sc.Sites, dup)
	names := siteLabelNames(sc)
	seen := map[string]int{}
	for i, n := range names {
		for _, text := range []string{n.full, n.short} {
			if text == "" {
				continue
			}
			if j, ok := seen[text]; ok && j != i {
				t.Errorf("sites %q and %q share the label %q", sc.Sites[j].ShortName, sc.Sites[i].ShortName, text)
			}
			seen[text] = i
		}
		if n.short != "" && len([]rune(n.short)) >= len([]rune(n.full)) {
			t.Errorf("abbreviation %q of %q is not shorter", n.short, n.full)
		}
		if !strings.HasPrefix(n.full, sc.Sites[i].ShortName) {
			t.Errorf("label %q does not start with the short name %q", n.full, sc.Sites[i].ShortName)
		}
	}
}

// TestZoneNamesKeepClearOfMarkers: a subdistrict whose label point lies
// on a marker gets its name elsewhere in the polygon, never over a marker.
func TestZoneNamesKeepClearOfMarkers(t *testing.T) {
	sc := testScene(t)
	fonts := testFonts(t)
	v := Fit(sitesBound(sc), 1280, 800, 40, 3, 18)
	var zones []Zone
	for i := range sc.Sites {
		s := &sc.Sites[i]
		if !s.Located {
			continue
		}
		// A square 2.4 km around the site: its label point is the site.
		d := 0.012
		ring := orbRing(s.Location[0]-d, s.Location[1]-d, s.Location[0]+d, s.Location[1]+d)
		zones = append(zones, Zone{Name: "测试街道", Boundary: ring})
		if len(zones) == 4 {
			break
		}
	}
	sc.Zones = zones
	r := &Renderer{Fonts: fonts, Direct: true}
	img := image.NewRGBA(image.Rect(0, 0, v.Width, v.Height))
	f := r.Render(img, v, sc, false)
	ox, oy := v.Origin()
	placed := place(sc, v)
	ob := markerObstacles(placed, v.sym())
	boxes := r.zoneNameBoxes(sc, v, placed, nil)
	if len(boxes) != len(zones) {
		t.Errorf("%d of %d subdistrict names placed", len(boxes), len(zones))
	}
	for _, n := range boxes {
		b := n.box
		for _, m := range ob.boxes {
			if rectsOverlap(b[0], b[1], m[0], m[1]) {
				t.Errorf("subdistrict name at %v covers a marker at %v (frame origin %.0f,%.0f)", b, m, ox, oy)
			}
		}
		for _, l := range f.Labels {
			if rectsOverlap(b[0], b[1], l.Min, l.Max) {
				t.Errorf("subdistrict name at %v covers label %q", b, l.Text)
			}
		}
	}
}

func orbRing(x0, y0, x1, y1 float64) orb.MultiPolygon {
	return orb.MultiPolygon{{{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}}}
}

// TestAbbreviationsOfLikeNames: like names keep the tails that tell them
// apart; names too short to abbreviate distinctly keep no abbreviation.
func TestAbbreviationsOfLikeNames(t *testing.T) {
	for _, tc := range []struct {
		name  string
		names []string
	}{
		{"common prefix", []string{"广钢新城AF040226小学", "广钢新城AF040115小学", "广钢新城AF040422中学"}},
		{"one tail short", []string{"广钢新城AF小学", "广钢新城AF040115小学"}},
		{"equal short names", []string{"芳村小学分校区", "芳村小学分校区"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sc := &Scene{}
			for i, n := range tc.names {
				sc.Sites = append(sc.Sites, data.Site{No: i + 1, ShortName: n})
			}
			seen := map[string]bool{}
			for _, n := range siteLabelNames(sc) {
				if n.short == "" {
					continue
				}
				if seen[n.short] {
					t.Errorf("abbreviation %q used twice", n.short)
				}
				seen[n.short] = true
				if len([]rune(n.short)) >= len([]rune(n.full)) {
					t.Errorf("abbreviation %q of %q is not shorter", n.short, n.full)
				}
			}
		})
	}
}
