package render

import (
	"image"
	"image/color"
	"testing"

	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/data"
)

// strokeRec records the closed strokes painted, for checking what vector
// output (the PDF painter) is given.
type strokeRec struct {
	Painter
	closed []color.RGBA
}

func (s *strokeRec) Stroke(c color.RGBA, w float64, closed bool, pts [][2]float64) {
	if closed && len(pts) > 2 && pts[1][0]-pts[0][0] > 50 { // wider than any marker
		s.closed = append(s.closed, c)
	}
}
func (s *strokeRec) Fill(color.RGBA, ...[][2]float64)                           {}
func (s *strokeRec) Circles([]Circle, color.RGBA, color.RGBA, float64, float64) {}
func (s *strokeRec) Hatch(color.RGBA, color.RGBA, float64, [][2]float64)        {}
func (s *strokeRec) Text(float64, float64, float64, string, color.RGBA, color.RGBA) {
}

func plotScene(withPlot bool) (*Scene, View) {
	plot := orb.Polygon{{{113.2300, 23.0700}, {113.2320, 23.0700}, {113.2320, 23.0715}, {113.2300, 23.0715}, {113.2300, 23.0700}}}
	s := data.Site{ID: "P1", Name: "plot school", Level: data.Primary, Located: true, Location: orb.Point{113.231, 23.07075}}
	if withPlot {
		s.Plot = orb.MultiPolygon{plot}
	}
	sc := NewScene([]data.Site{s}, 2023)
	sc.Layers[Catchments].On, sc.Layers[Halos].On, sc.Layers[Labels].On = false, false, false
	return sc, View{Center: orb.Point{113.231, 23.07075}, Zoom: 17, Width: 400, Height: 300}
}

func TestSitePlotOutlineDrawn(t *testing.T) {
	count := func(withPlot bool) int {
		sc, v := plotScene(withPlot)
		r := &Renderer{}
		dst := image.NewRGBA(image.Rect(0, 0, v.Width, v.Height))
		r.Render(dst, v, sc, false)
		// the plot's west edge, far from the marker
		x, _ := v.ToScreen(orb.Point{113.2300, 23.0707})
		n := 0
		for dx := -2; dx <= 2; dx++ {
			for y := 100; y < 200; y++ {
				c := dst.RGBAAt(int(x)+dx, y)
				if int(c.B)-int(c.R) > 80 && c.B > 120 && c.G < 160 {
					n++
				}
			}
		}
		return n
	}
	with, without := count(true), count(false)
	t.Logf("with %d without %d", with, without)
	if with < 80 || without != 0 {
		t.Errorf("blue pixels on the plot edge: %d with the outline, %d without", with, without)
	}
}

func TestSitePlotOutlineVector(t *testing.T) {
	for _, withPlot := range []bool{true, false} {
		sc, v := plotScene(withPlot)
		rec := &strokeRec{}
		(&Renderer{}).Paint(rec, v, sc)
		want := 0
		if withPlot {
			want = 1
		}
		n := 0
		for _, c := range rec.closed {
			if c.B > c.R && c.A > 200 {
				n++
			}
		}
		if n != want {
			t.Errorf("plot %v: %d closed strokes in the level colour, want %d", withPlot, n, want)
		}
	}
}
