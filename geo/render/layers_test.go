package render

import (
	"fmt"
	"image"
	"math"
	"testing"

	"github.com/paulmach/orb"
	orbgeo "github.com/paulmach/orb/geo"

	"github.com/liwan-edu/schoolmap/data"
)

var guanggang = View{Center: orb.Point{113.232, 23.078}, Zoom: 14, Width: 720, Height: 540}

func TestGoldenYears(t *testing.T) {
	for _, year := range []int{2021, 2023, 2025} {
		t.Run(fmt.Sprint(year), func(t *testing.T) {
			sc := testScene(t)
			sc.Year = year
			r := &Renderer{Tiles: &synthTiles{}, Fonts: testFonts(t), Attribution: "© OpenStreetMap contributors"}
			dst := image.NewRGBA(image.Rect(0, 0, guanggang.Width, guanggang.Height))
			r.Render(dst, guanggang, sc, false)
			assertGolden(t, fmt.Sprintf("status-%d", year), dst)
		})
	}
}

func TestGoldenNearestSite(t *testing.T) {
	sc := testScene(t)
	sc.CatchMode = CatchNearest
	sc.CatchLevels = map[data.Level]bool{data.Kindergarten: true}
	sc.Layers[Halos].On = false
	r := &Renderer{Tiles: &synthTiles{}, Fonts: testFonts(t)}
	dst := image.NewRGBA(image.Rect(0, 0, guanggang.Width, guanggang.Height))
	r.Render(dst, guanggang, sc, false)
	assertGolden(t, "nearest-kindergarten", dst)
}

// TestCatchmentRadiusOnScreen measures a drawn 1000 m catchment in four
// directions against orb's geodesic distance, at several zooms: circles
// are projected anew at each zoom, never rescaled pixels.
func TestCatchmentRadiusOnScreen(t *testing.T) {
	centre := orb.Point{113.23, 23.10}
	for _, z := range []int{13, 15, 17} {
		sc := NewScene([]data.Site{{ID: "J", Level: data.Junior, Located: true, Location: centre, PrecisionM: 10, Confidence: data.ConfidenceHigh}}, 0)
		sc.Layers = Layers{}
		sc.Layers[Catchments] = LayerState{On: true, Opacity: 1}
		v := View{Center: centre, Zoom: z, Width: 1400, Height: 1400}
		if 1000/v.MetersPerPixel() > 650 {
			v.Width, v.Height = 4000, 4000
		}
		dst := image.NewRGBA(image.Rect(0, 0, v.Width, v.Height))
		(&Renderer{}).Render(dst, v, sc, false)
		ref := image.NewRGBA(dst.Bounds())
		sc.Layers[Catchments].On = false
		(&Renderer{}).Render(ref, v, sc, false)
		cx, cy := v.ToScreen(centre)
		for _, dir := range [][2]float64{{1, 0}, {-1, 0}, {0, 1}, {0, -1}} {
			// Walk out to the last painted pixel: the outer edge of the outline.
			last := 0.0
			for d := 0.0; d < float64(v.Width)/2; d++ {
				x, y := int(cx+dir[0]*d), int(cy+dir[1]*d)
				if dst.RGBAAt(x, y) != ref.RGBAAt(x, y) {
					last = d
				}
			}
			edge := v.FromScreen(cx+dir[0]*(last+0.5), cy+dir[1]*(last+0.5))
			got := orbgeo.DistanceHaversine(centre, edge)
			// The ring itself is within 0.5% (geo.TestCircleIsGeodesic); on
			// screen the anti-aliased edge pixel adds up to one pixel.
			if tol := math.Max(5, v.MetersPerPixel()); math.Abs(got-1000) > tol {
				t.Errorf("z%d dir %v: catchment edge %.1f m from the centre, want 1000 ± %.1f m", z, dir, got, tol)
			}
		}
	}
}

// TestUnionHasNoDarkerOverlap: two overlapping same-level catchments paint
// their overlap like any other covered pixel.
func TestUnionHasNoDarkerOverlap(t *testing.T) {
	a, b := orb.Point{113.230, 23.10}, orb.Point{113.236, 23.10}
	site := func(id string, p orb.Point) data.Site {
		return data.Site{ID: id, Level: data.Primary, Located: true, Location: p, PrecisionM: 10, Confidence: data.ConfidenceHigh}
	}
	sc := NewScene([]data.Site{site("A", a), site("B", b)}, 0)
	sc.Layers = Layers{}
	sc.Layers[Catchments] = LayerState{On: true, Opacity: 1}
	v := View{Center: orb.Point{113.233, 23.10}, Zoom: 15, Width: 800, Height: 600}
	dst := image.NewRGBA(image.Rect(0, 0, 800, 600))
	(&Renderer{}).Render(dst, v, sc, false)
	ref := image.NewRGBA(dst.Bounds())
	sc.Layers[Catchments].On = false
	(&Renderer{}).Render(ref, v, sc, false)
	mid := func(p orb.Point) (int, int) { x, y := v.ToScreen(p); return int(x), int(y) }
	ax, ay := mid(orb.Point{113.2315, 23.1005})
	ox, oy := mid(orb.Point{113.233, 23.1005}) // in both circles
	if dst.RGBAAt(ax, ay) != dst.RGBAAt(ox, oy) {
		t.Errorf("single cover %v, double cover %v: overlap drawn darker", dst.RGBAAt(ax, ay), dst.RGBAAt(ox, oy))
	}
	if dst.RGBAAt(ax, ay) == ref.RGBAAt(ax, ay) {
		t.Error("catchment not painted")
	}
}

func TestLayerTogglesChangeFrame(t *testing.T) {
	base := func() *Scene { return testScene(t) }
	render := func(sc *Scene) *image.RGBA {
		dst := image.NewRGBA(image.Rect(0, 0, guanggang.Width, guanggang.Height))
		(&Renderer{Tiles: &synthTiles{}, Fonts: testFonts(t)}).Render(dst, guanggang, sc, false)
		return dst
	}
	ref := render(base())
	for _, l := range AllLayers() {
		if l == Subdistricts {
			continue // nothing to draw without imported boundaries
		}
		sc := base()
		sc.Layers[l].On = false
		if sameImage(ref, render(sc)) {
			t.Errorf("turning %v off did not change the frame", l.Label())
		}
		sc = base()
		sc.Layers[l].Opacity = 0.4
		if sameImage(ref, render(sc)) {
			t.Errorf("opacity of %v had no effect", l.Label())
		}
	}
}

func sameImage(a, b *image.RGBA) bool {
	if a.Bounds() != b.Bounds() {
		return false
	}
	for i := range a.Pix {
		if a.Pix[i] != b.Pix[i] {
			return false
		}
	}
	return true
}

func BenchmarkOverlayAfterYearChange1080p(b *testing.B) {
	sc := testScene(b)
	r := &Renderer{Tiles: &synthTiles{}, Fonts: testFonts(b), Attribution: "© OpenStreetMap contributors"}
	v := View{Center: orb.Point{113.228, 23.095}, Zoom: 14, Width: 1920, Height: 1080}
	dst := image.NewRGBA(image.Rect(0, 0, 1920, 1080))
	r.Render(dst, v, sc, false)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sc.Year = 2021 + i%10
		sc.Version++
		r.Render(dst, v, sc, false)
	}
}
