package render

import (
	"image"
	"testing"
)

// checkLabels asserts the labelling rules on a frame: no two labels
// overlap, no leader line crosses a label, no label covers a marker, and
// an export's labels stay inside its frame.
func checkLabels(t *testing.T, name string, sc *Scene, v View, f Frame, inside bool) {
	t.Helper()
	ob := markerObstacles(f.Placed, v.sym())
	for _, l := range f.Labels {
		if l.Led {
			ob.leaders = append(ob.leaders, l.Leader)
		}
	}
	for i, a := range f.Labels {
		for _, b := range f.Labels[i+1:] {
			if a.Overlaps(b) {
				t.Errorf("%s: labels %q and %q overlap", name, a.Text, b.Text)
			}
		}
		for _, l := range ob.leaders {
			if l != a.Leader && a.SegmentCrosses(l[0], l[1]) {
				t.Errorf("%s: a label's leader crosses label %q", name, a.Text)
			}
		}
		for _, m := range ob.boxes {
			if rectsOverlap(a.Min, a.Max, m[0], m[1]) {
				t.Errorf("%s: label %q covers a marker", name, a.Text)
			}
		}
		ox, oy := v.Origin()
		if inside && (a.Min[0] < ox || a.Min[1] < oy || a.Max[0] > ox+float64(v.Width) || a.Max[1] > oy+float64(v.Height)) {
			t.Errorf("%s: label %q leaves the frame", name, a.Text)
		}
	}
	if got := len(f.Labels) + len(f.Dropped); got != len(f.Placed) {
		t.Errorf("%s: %d labels + %d dropped for %d markers", name, len(f.Labels), len(f.Dropped), len(f.Placed))
	}
}

func TestLabelsNeverCollide(t *testing.T) {
	sc := testScene(t)
	fonts := testFonts(t)
	sc.Selected = sc.Sites[20].ID // dropped at z14 when nothing is selected
	for _, tc := range []struct {
		name   string
		w, h   int
		sym    float64
		zoom   int // screens only; exports fit the sites
		direct bool
	}{
		{"screen 1280x800 z13", 1280, 800, 1, 13, false},
		{"screen 1280x800 z14", 1280, 800, 1, 14, false},
		{"screen 1024x640 z15", 1024, 640, 1, 15, false},
		{"screen 1280x800 z16", 1280, 800, 1, 16, false},
		{"screen hidpi z14", 1280, 800, 2, 14, false},
		{"A4 landscape 150 dpi", 1640, 1020, 150.0 / 96, 14, true},
		{"A4 portrait 300 dpi", 2290, 3300, 300.0 / 96, 15, true},
		{"A3 landscape 300 dpi", 4693, 2920, 300.0 / 96, 15, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := Fit(sitesBound(sc), tc.w, tc.h, 40, 3, 18)
			v.SymbolScale = tc.sym
			if !tc.direct { // a screen zoomed in on the selected site
				v.Zoom, v.Center = tc.zoom, sc.Sites[20].Location
			}
			r := &Renderer{Fonts: fonts, Direct: tc.direct}
			f := r.Render(image.NewRGBA(image.Rect(0, 0, v.Width, v.Height)), v, sc, false)
			// Screens too keep labels inside the frame (none cut at its edge).
			checkLabels(t, tc.name, sc, v, f, true)
			inFrame := 0
			for _, p := range f.Placed {
				if x, y := p.Pos[0]-f.Origin[0], p.Pos[1]-f.Origin[1]; x >= 0 && y >= 0 && x < float64(v.Width) && y < float64(v.Height) {
					inFrame++
				}
			}
			if len(f.Labels) < inFrame/2 {
				t.Errorf("only %d of the %d sites in the frame labelled", len(f.Labels), inFrame)
			}
			if len(f.Labels) == 0 || f.Labels[0].Index != 20 {
				t.Errorf("the selected site is not labelled first")
			}
		})
	}
}

func TestSegmentHitsRect(t *testing.T) {
	lo, hi := [2]float64{0, 0}, [2]float64{10, 10}
	for _, tc := range []struct {
		name string
		a, b [2]float64
		want bool
	}{
		{"through", [2]float64{-5, 5}, [2]float64{15, 5}, true},
		{"inside", [2]float64{2, 2}, [2]float64{3, 3}, true},
		{"beside", [2]float64{-5, -1}, [2]float64{15, -1}, false},
		{"diagonal miss", [2]float64{11, 0}, [2]float64{20, 9}, false},
		{"touching edge", [2]float64{10, -5}, [2]float64{10, 15}, false},
		{"vertical through", [2]float64{5, -5}, [2]float64{5, 15}, true},
	} {
		if got := segmentHitsRect(tc.a, tc.b, lo, hi); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestLabelsKeepClearOfTheLegend: labels avoid the Keep boxes (a page's
// legend over the map), falling back to other positions or leaders.
func TestLabelsKeepClearOfTheLegend(t *testing.T) {
	sc := testScene(t)
	v := Fit(sitesBound(sc), 1640, 1020, 40, 3, 18)
	v.SymbolScale = 150.0 / 96
	free := (&Renderer{Fonts: testFonts(t), Direct: true}).Render(image.NewRGBA(image.Rect(0, 0, v.Width, v.Height)), v, sc, false)
	if len(free.Labels) == 0 {
		t.Fatal("no labels")
	}
	// A legend-sized box over the first label's place.
	ox, oy := v.Origin()
	lb := free.Labels[0]
	keep := [2][2]float64{{lb.Min[0] - ox - 40, lb.Min[1] - oy - 40}, {lb.Max[0] - ox + 40, lb.Max[1] - oy + 40}}
	f := (&Renderer{Fonts: testFonts(t), Direct: true, Keep: [][2][2]float64{keep}}).Render(image.NewRGBA(image.Rect(0, 0, v.Width, v.Height)), v, sc, false)
	for _, b := range f.Labels {
		if b.Min[0]-ox < keep[1][0] && b.Max[0]-ox > keep[0][0] && b.Min[1]-oy < keep[1][1] && b.Max[1]-oy > keep[0][1] {
			t.Errorf("label %q at %v–%v overlaps the kept box %v", b.Text, b.Min, b.Max, keep)
		}
	}
}
