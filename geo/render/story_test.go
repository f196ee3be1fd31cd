package render

import (
	"image"
	"image/color"
	"testing"

	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/data"
)

// renderLayers renders sc with only the given layers on.
func renderLayers(sc *Scene, v View, layers ...Layer) *image.RGBA {
	sc.Layers = Layers{}
	for _, l := range layers {
		sc.Layers[l] = LayerState{On: true, Opacity: 1}
	}
	dst := image.NewRGBA(image.Rect(0, 0, v.Width, v.Height))
	(&Renderer{}).Render(dst, v, sc, false)
	return dst
}

// TestCatchmentFollowsStatus: a school's catchment is outlined only while
// it is planned or being built, and filled once it is in service.
func TestCatchmentFollowsStatus(t *testing.T) {
	c := orb.Point{113.23, 23.10}
	site := data.Site{ID: "P", Level: data.Primary, Located: true, Location: c, PrecisionM: 10,
		Confidence: data.ConfidenceHigh, StartYear: 2022, EndYear: 2024}
	v := View{Center: c, Zoom: 15, Width: 400, Height: 400}
	inside := func(year int) color.RGBA {
		sc := NewScene([]data.Site{site}, year)
		// 200 px east of the centre: inside the 500 m circle, off the marker.
		return renderLayers(sc, v, Catchments).RGBAAt(300, 200)
	}
	for _, tc := range []struct {
		year   int
		filled bool
	}{{2021, false}, {2023, false}, {2024, true}, {2030, true}} {
		if got := inside(tc.year) != Background; got != tc.filled {
			t.Errorf("%d: catchment interior filled = %v, want %v", tc.year, got, tc.filled)
		}
	}
	sc := NewScene([]data.Site{site}, 2021)
	img := renderLayers(sc, v, Catchments)
	edge := 0
	for x := 200; x < 400; x++ {
		if img.RGBAAt(x, 200) != Background {
			edge++
		}
	}
	if edge == 0 || edge > 4 {
		t.Errorf("planned school's catchment outline is %d px wide on a row, want a thin ring", edge)
	}
}

// TestHaloNeverVeilsCatchment: a kindergarten's 300 m catchment inside a
// wide halo looks as it does without the halo, but for the halo's faint
// tint under it.
func TestHaloNeverVeilsCatchment(t *testing.T) {
	c := orb.Point{113.23, 23.10}
	site := data.Site{ID: "K", Level: data.Kindergarten, Located: true, Location: c, PrecisionM: 800, Confidence: data.ConfidenceLow}
	v := View{Center: c, Zoom: 15, Width: 500, Height: 500}
	with := renderLayers(NewScene([]data.Site{site}, 0), v, Catchments, Halos)
	without := renderLayers(NewScene([]data.Site{site}, 0), v, Catchments)
	worst := 0
	for x := 250; x < 500; x++ {
		a, b := with.RGBAAt(x, 250), without.RGBAAt(x, 250)
		if b != Background { // on the catchment
			worst = max(worst, absInt(int(a.R)-int(b.R)), absInt(int(a.G)-int(b.G)), absInt(int(a.B)-int(b.B)))
		}
	}
	if worst > 12 {
		t.Errorf("halo changes the catchment's colour by up to %d levels", worst)
	}
}

func absInt(a int) int {
	if a < 0 {
		return -a
	}
	return a
}

// TestNearestOneLevelClippedTinted: nearest-site mode shows one level,
// clips its cells to the subdistricts when there are any, and gives
// neighbouring cells different tints.
func TestNearestOneLevelClippedTinted(t *testing.T) {
	sc := testScene(t)
	sc.CatchMode = CatchNearest
	sc.NearestLevel = data.Primary
	if got := catchLegend(sc); len(got) != 2 || got[1].Level != data.Primary {
		t.Errorf("nearest legend %v, want the primary level alone", got)
	}
	sc.Zones = testZones()
	v := guanggang
	img := renderLayers(sc, v, Catchments)
	// Outside every zone (north of 23.09) nothing is drawn.
	x, y := v.ToScreen(orb.Point{113.238, 23.095})
	if y > 0 && img.RGBAAt(int(x), int(y)) != Background {
		t.Error("nearest-site cells drawn outside the imported boundaries")
	}
	in, _ := v.ToScreen(orb.Point{113.238, 23.07})
	if img.RGBAAt(int(in), v.Height/2) == Background {
		t.Error("no cell inside the boundaries")
	}
	cells := []orb.Ring{
		{{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}}, {{1, 0}, {2, 0}, {2, 1}, {1, 1}, {1, 0}}, {{2, 0}, {3, 0}, {3, 1}, {2, 1}, {2, 0}},
	}
	tint := tintCells(cells)
	if tint[0] == tint[1] || tint[1] == tint[2] {
		t.Errorf("neighbouring cells share a tint: %v", tint)
	}
}
