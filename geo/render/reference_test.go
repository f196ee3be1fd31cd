package render

import (
	"fmt"
	"image"
	"math/rand"
	"testing"

	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/data"
)

// refFixture is a road, a river and three regulatory plots at 广钢新城,
// made here so the golden images depend on no file.
func refFixture() []*Reference {
	road := &data.ReferenceLayer{Name: "道路 roads", Visible: true,
		Style: data.RefStyle{Stroke: "#e07b39", Width: 3, Opacity: 1},
		Features: []data.RefFeature{{Geometry: orb.LineString{{113.225, 23.066}, {113.236, 23.070}, {113.252, 23.071}}},
			{Geometry: orb.LineString{{113.238, 23.060}, {113.239, 23.082}}}}}
	river := &data.ReferenceLayer{Name: "河涌 rivers", Visible: true,
		Style:    data.RefStyle{Stroke: "#3a7bd5", Fill: "#3a7bd5", Width: 1, Opacity: 0.9},
		Features: []data.RefFeature{{Geometry: orb.Polygon{{{113.226, 23.078}, {113.252, 23.080}, {113.252, 23.0815}, {113.226, 23.0795}, {113.226, 23.078}}}}}}
	var plots []data.RefFeature
	for i, code := range []string{"AF040422", "AF040128", "AF040136"} {
		x := 113.232 + 0.006*float64(i)
		plots = append(plots, data.RefFeature{Props: map[string]string{"地块编码": code},
			Geometry: orb.Polygon{{{x, 23.0720}, {x + 0.004, 23.0720}, {x + 0.004, 23.0755}, {x, 23.0755}, {x, 23.0720}},
				{{x + 0.001, 23.0730}, {x + 0.001, 23.0740}, {x + 0.002, 23.0740}, {x + 0.002, 23.0730}, {x + 0.001, 23.0730}}}})
	}
	plot := &data.ReferenceLayer{Name: "控规地块 plots", Visible: true, Fields: []string{"地块编码"},
		Style:    data.RefStyle{Stroke: "#8e44ad", Fill: "#c39bd3", Width: 1.5, Opacity: 1, LabelField: "地块编码"},
		Features: plots}
	return []*Reference{NewReference(river), NewReference(road), NewReference(plot)}
}

func TestReferenceGolden(t *testing.T) {
	sc := testScene(t)
	sc.References = refFixture()
	sc.Layers[Catchments].On = false
	for _, tc := range []struct {
		name string
		v    View
	}{
		{"reference-z15", View{Center: orb.Point{113.238, 23.074}, Zoom: 15, Width: 640, Height: 480}},
		{"reference-z16-gcj02", View{Center: orb.Point{113.238, 23.074}, Zoom: 16, Width: 640, Height: 480, GCJ02: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := &Renderer{Tiles: &synthTiles{}, Fonts: testFonts(t)}
			dst := image.NewRGBA(image.Rect(0, 0, tc.v.Width, tc.v.Height))
			r.Render(dst, tc.v, sc, false)
			assertGolden(t, tc.name, dst)
		})
	}
}

func TestReferenceHiddenAndLegend(t *testing.T) {
	sc := NewScene(nil, 0)
	sc.References = refFixture()
	v := View{Center: orb.Point{113.238, 23.074}, Zoom: 15, Width: 320, Height: 240}
	draw := func() *image.RGBA {
		r := &Renderer{}
		dst := image.NewRGBA(image.Rect(0, 0, v.Width, v.Height))
		r.Render(dst, v, sc, false)
		return dst
	}
	shown := draw()
	n := 0
	for _, it := range Legend(sc) {
		if it.Kind == LegendReference {
			n++
		}
	}
	if n != 3 {
		t.Errorf("legend lists %d reference layers", n)
	}
	for _, ref := range sc.References {
		ref.Layer.Visible = false
	}
	sc.Version++
	hidden := draw()
	if string(hidden.Pix) == string(shown.Pix) {
		t.Error("hiding the layers changed nothing")
	}
	if len(Legend(sc)) != 0 {
		t.Errorf("legend of hidden layers: %v", Legend(sc))
	}
}

func TestReferenceAt(t *testing.T) {
	refs := refFixture()
	v := View{Center: orb.Point{113.238, 23.074}, Zoom: 16, Width: 800, Height: 600}
	x, y := v.ToScreen(orb.Point{113.2395, 23.0745}) // inside AF040128, outside its hole
	i, ok := refs[2].At(v, x, y)
	if !ok || refs[2].Layer.Features[i].Props["地块编码"] != "AF040128" {
		t.Errorf("At plot: %d %v", i, ok)
	}
	hx, hy := v.ToScreen(orb.Point{113.2395, 23.0735}) // in the hole
	if _, ok := refs[2].At(v, hx, hy); ok {
		t.Error("a click in a hole hit the plot")
	}
	rx, ry := v.ToScreen(orb.Point{113.238 + 0.001*15.0/22, 23.075}) // on the north–south road
	if _, ok := refs[1].At(v, rx+2, ry); !ok {
		t.Error("a click 2 px from the road missed it")
	}
}

// plotLayer is n small jittered plots over Liwan, as a 控规 layer.
func plotLayer(n int) *data.ReferenceLayer {
	rnd := rand.New(rand.NewSource(1))
	side := 1
	for side*side < n {
		side++
	}
	l := &data.ReferenceLayer{Name: "plots", Visible: true, Fields: []string{"code"},
		Style: data.RefStyle{Stroke: "#8e44ad", Fill: "#c39bd3", Width: 1, Opacity: 1, LabelField: "code"}}
	d := 0.11 / float64(side)
	for i := 0; i < n; i++ {
		x, y := 113.17+float64(i%side)*d, 23.04+float64(i/side)*d
		j := func() float64 { return d * 0.1 * rnd.Float64() }
		l.Features = append(l.Features, data.RefFeature{Props: map[string]string{"code": fmt.Sprint("P", i)},
			Geometry: orb.Polygon{{{x + j(), y + j()}, {x + d - j(), y + j()}, {x + d - j(), y + d - j()}, {x + d/2, y + d}, {x + j(), y + d - j()}, {x + j(), y + j()}}}})
	}
	return l
}

// BenchmarkReference100k draws a 1080p frame of 100,000 plots at z15:
// cold (a new renderer: projection, index, rasterisation) and warm (a
// pan of the same view: the cached overlay is composited).
func BenchmarkReference100k(b *testing.B) {
	sc := NewScene(nil, 0)
	sc.References = []*Reference{NewReference(plotLayer(100000))}
	v := View{Center: orb.Point{113.225, 23.095}, Zoom: 15, Width: 1920, Height: 1080}
	dst := image.NewRGBA(image.Rect(0, 0, v.Width, v.Height))
	b.Run("cold", func(b *testing.B) {
		defer reportCPU(b)()
		for i := 0; i < b.N; i++ {
			sc.Version++
			(&Renderer{}).Render(dst, v, sc, false)
		}
	})
	b.Run("warm", func(b *testing.B) {
		r := &Renderer{}
		r.Render(dst, v, sc, false)
		b.ResetTimer()
		defer reportCPU(b)()
		for i := 0; i < b.N; i++ {
			r.Render(dst, v.Pan(float64(i%7), float64(i%5)), sc, false)
		}
	})
	b.Run("zoomed-out-z13", func(b *testing.B) {
		v13 := v
		v13.Zoom = 13
		defer reportCPU(b)()
		for i := 0; i < b.N; i++ {
			sc.Version++
			(&Renderer{}).Render(dst, v13, sc, false)
		}
	})
}
