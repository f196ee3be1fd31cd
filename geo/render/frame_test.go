package render

import (
	"image"
	"math"
	"testing"

	"github.com/paulmach/orb"
	orbgeo "github.com/paulmach/orb/geo"
)

func TestGoldenFrames(t *testing.T) {
	sc := testScene(t)
	tests := []struct {
		name    string
		view    View
		tiles   bool
		offline bool
	}{
		{"liwan-z13", View{Center: orb.Point{113.225, 23.10}, Zoom: 13, Width: 640, Height: 480}, true, false},
		{"guanggang-z15", View{Center: orb.Point{113.238, 23.072}, Zoom: 15, Width: 640, Height: 480}, true, false},
		{"offline-z14", View{Center: orb.Point{113.225, 23.10}, Zoom: 14, Width: 640, Height: 480}, false, true},
		{"hidpi-z14", View{Center: orb.Point{113.225, 23.12}, Zoom: 14, Width: 640, Height: 480, TileScale: 2, SymbolScale: 2}, true, false},
	}
	sc.Layers[Catchments].On = false
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &Renderer{Fonts: testFonts(t), Attribution: "© OpenStreetMap contributors"}
			if tt.tiles {
				r.Tiles = &synthTiles{}
			}
			dst := image.NewRGBA(image.Rect(0, 0, tt.view.Width, tt.view.Height))
			f := r.Render(dst, tt.view, sc, tt.offline)
			if tt.tiles != (f.Missing == 0) {
				t.Errorf("missing tiles %d", f.Missing)
			}
			assertGolden(t, tt.name, dst)
		})
	}
}

func TestPanDoesNotReRasterize(t *testing.T) {
	sc := testScene(t)
	r := &Renderer{Tiles: &synthTiles{}, Fonts: testFonts(t)}
	v := View{Center: orb.Point{113.225, 23.10}, Zoom: 14, Width: 800, Height: 600}
	dst := image.NewRGBA(image.Rect(0, 0, 800, 600))
	first := r.Render(dst, v, sc, false)
	before := image.NewRGBA(dst.Bounds())
	copy(before.Pix, dst.Pix)
	for i := 0; i < 20; i++ {
		v = v.Pan(7, -5)
		r.Render(dst, v, sc, false)
	}
	if r.Rasterizations != 1 {
		t.Fatalf("20 small pans rasterised the overlay %d times, want 1", r.Rasterizations)
	}
	// The overlay moved with the map: the selected marker's screen
	// position shifted by exactly the pan.
	again := r.Render(dst, v, sc, false)
	if again.Placed[0].Pos != first.Placed[0].Pos {
		t.Error("marker layout changed on pan")
	}
	if dx := again.Origin[0] - first.Origin[0]; dx != -140 {
		t.Errorf("origin moved %v px, want -140", dx)
	}
	// A far pan, a zoom or a scene change rasterises again.
	r.Render(dst, v.Pan(3000, 0), sc, false)
	sc.Version++
	r.Render(dst, v, sc, false)
	if r.Rasterizations != 3 {
		t.Errorf("rasterisations %d after far pan and scene change, want 3", r.Rasterizations)
	}
}

func TestSharedAnchorsStayClickable(t *testing.T) {
	sc := testScene(t)
	for _, z := range []int{11, 13, 15, 17} {
		v := View{Center: orb.Point{113.225, 23.10}, Zoom: z, Width: 800, Height: 600}
		placed := place(sc, v)
		if len(placed) != 23 {
			t.Fatalf("z%d: %d markers placed, want the 23 located", z, len(placed))
		}
		for _, p := range placed {
			if got := Hit(placed, p.Pos[0], p.Pos[1], 2); got != p.Index {
				t.Errorf("z%d: click on %s hits %d", z, sc.Sites[p.Index].ID, got)
			}
			for _, q := range placed {
				if p.Index != q.Index && math.Hypot(p.Pos[0]-q.Pos[0], p.Pos[1]-q.Pos[1]) < p.Radius {
					t.Errorf("z%d: %s and %s overlap", z, sc.Sites[p.Index].ID, sc.Sites[q.Index].ID)
				}
			}
		}
	}
}

func TestHaloHasPrecisionRadius(t *testing.T) {
	// The halo of LW-09 (1500 m) spans 3000 m of ground across.
	sc := testScene(t)
	var site int
	for i, s := range sc.Sites {
		if s.ID == "LW-09" {
			site = i
		}
	}
	sc.Sites = sc.Sites[site : site+1]
	sc.Layers = Layers{}
	sc.Layers[Halos] = LayerState{On: true, Opacity: 1}
	v := View{Center: sc.Sites[0].Location, Zoom: 14, Width: 600, Height: 600}
	dst := image.NewRGBA(image.Rect(0, 0, 600, 600))
	(&Renderer{}).Render(dst, v, sc, false)
	row := 300
	left, right := -1, -1
	for x := 0; x < 600; x++ {
		if dst.RGBAAt(x, row) != Background {
			if left < 0 {
				left = x
			}
			right = x
		}
	}
	p0, p1 := v.FromScreen(float64(left), float64(row)), v.FromScreen(float64(right+1), float64(row))
	if d := orbgeo.DistanceHaversine(p0, p1); math.Abs(d-3000) > 3000*0.02 {
		t.Errorf("halo spans %.0f m, want 3000", d)
	}
}

func BenchmarkFrame1080p(b *testing.B) {
	sc := testScene(b)
	tiles := &synthTiles{}
	r := &Renderer{Tiles: tiles, Fonts: testFonts(b), Attribution: "© OpenStreetMap contributors"}
	v := View{Center: orb.Point{113.228, 23.095}, Zoom: 14, Width: 1920, Height: 1080}
	dst := image.NewRGBA(image.Rect(0, 0, 1920, 1080))
	r.Render(dst, v, sc, false) // warm tiles and overlay
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r.Render(dst, v, sc, false)
	}
}

func BenchmarkPan1080p(b *testing.B) {
	sc := testScene(b)
	r := &Renderer{Tiles: &synthTiles{}, Fonts: testFonts(b), Attribution: "© OpenStreetMap contributors"}
	v := View{Center: orb.Point{113.228, 23.095}, Zoom: 14, Width: 1920, Height: 1080}
	dst := image.NewRGBA(image.Rect(0, 0, 1920, 1080))
	r.Render(dst, v, sc, false)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d := float64(i%2*2 - 1)
		v = v.Pan(d, d)
		r.Render(dst, v, sc, false)
	}
	b.ReportMetric(float64(r.Rasterizations-1)/float64(b.N), "rasterizations/op")
}

func BenchmarkRasterize1080p(b *testing.B) {
	sc := testScene(b)
	r := &Renderer{Tiles: &synthTiles{}, Fonts: testFonts(b)}
	v := View{Center: orb.Point{113.228, 23.095}, Zoom: 14, Width: 1920, Height: 1080}
	dst := image.NewRGBA(image.Rect(0, 0, 1920, 1080))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		sc.Version++
		r.Render(dst, v, sc, false)
	}
}

// TestLabelsStayInsideAResizedFrame: the map widget grows (a side panel
// collapsed) and is panned; the overlay is reused, but no label is cut at
// the frame's edge: each one drawn lies wholly inside the frame.
func TestLabelsStayInsideAResizedFrame(t *testing.T) {
	sc := testScene(t)
	r := &Renderer{Tiles: &synthTiles{}, Fonts: testFonts(t)}
	v := View{Center: orb.Point{113.228, 23.075}, Zoom: 15, Width: 700, Height: 500}
	r.Render(image.NewRGBA(image.Rect(0, 0, v.Width, v.Height)), v, sc, false)
	cut := 0
	for _, size := range [][2]int{{900, 600}, {1000, 640}, {1000, 640}} {
		v.Width, v.Height = size[0], size[1]
		v = v.Pan(37, 23)
		f := r.Render(image.NewRGBA(image.Rect(0, 0, v.Width, v.Height)), v, sc, false)
		for _, l := range f.Labels {
			x0, y0 := l.Min[0]-f.Origin[0], l.Min[1]-f.Origin[1]
			x1, y1 := l.Max[0]-f.Origin[0], l.Max[1]-f.Origin[1]
			if x0 < 0 || y0 < 0 || x1 > float64(v.Width) || y1 > float64(v.Height) {
				if x1 > 0 && y1 > 0 && x0 < float64(v.Width) && y0 < float64(v.Height) {
					cut++
					t.Errorf("%dx%d: label %q cut at the frame's edge (%.0f,%.0f)-(%.0f,%.0f)", v.Width, v.Height, l.Text, x0, y0, x1, y1)
				}
			}
		}
		if len(f.Labels) == 0 {
			t.Fatalf("%dx%d: no labels", v.Width, v.Height)
		}
	}
	if r.Rasterizations != 1 {
		t.Errorf("the overlay was rasterised %d times for growing frames within its margin, want 1", r.Rasterizations)
	}
}

// TestLabelsKeepClearOfTheBadges: on screen no label lies under the
// offline notice (top centre) or the attribution (bottom right).
func TestLabelsKeepClearOfTheBadges(t *testing.T) {
	sc := testScene(t)
	sc.Layers[Catchments].On = false
	r := &Renderer{Fonts: testFonts(t), Attribution: "© OpenStreetMap contributors", Tiles: &synthTiles{}}
	for _, c := range []struct {
		name    string
		view    View
		offline bool
	}{
		{"offline notice", View{Center: orb.Point{113.225, 23.10}, Zoom: 14, Width: 640, Height: 480}, true},
		{"attribution", View{Center: orb.Point{113.2205, 23.081}, Zoom: 15, Width: 640, Height: 480}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			r.Tiles = &synthTiles{}
			if c.offline {
				r.Tiles = nil
			}
			f := r.Render(image.NewRGBA(image.Rect(0, 0, c.view.Width, c.view.Height)), c.view, sc, c.offline)
			badges := r.badgeBoxes(c.view, sc, f.Missing, c.offline)
			if len(badges) == 0 {
				t.Fatal("no badge drawn")
			}
			for _, l := range f.Labels {
				for _, b := range badges {
					lo := [2]float64{l.Min[0] - f.Origin[0], l.Min[1] - f.Origin[1]}
					hi := [2]float64{l.Max[0] - f.Origin[0], l.Max[1] - f.Origin[1]}
					if rectsOverlap(lo, hi, b[0], b[1]) {
						t.Errorf("label %q at %v–%v lies under a badge at %v", l.Text, lo, hi, b)
					}
				}
			}
		})
	}
}
