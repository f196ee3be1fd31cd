package render

import (
	"image"
	"image/color"
	"math"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/data"
)

// TestNetworkCatchmentsDrawn: a kindergarten whose network catchment is
// a street 620 m east of it is drawn there, not as the circle around it;
// the legend says the catchments are walking distances along streets.
func TestNetworkCatchmentsDrawn(t *testing.T) {
	site := data.Site{ID: "K1", Name: "K1", Level: data.Kindergarten, Kind: data.KindExisting, Located: true,
		Location: orb.Point{113.2515, 23.1015}, PrecisionM: 1}
	sc := NewScene([]data.Site{site}, 2023)
	for _, l := range AllLayers() {
		sc.Layers[l].On = l == Catchments
	}
	east := orb.Point{113.2575, 23.1015} // about 620 m east (site and street off the graticule lines)
	v := Fit(orb.Bound{Min: orb.Point{113.24, 23.09}, Max: orb.Point{113.27, 23.11}}, 800, 600, 0, 3, 18)
	r := &Renderer{Fonts: testFonts(t)}
	draw := func() *image.RGBA {
		dst := image.NewRGBA(image.Rect(0, 0, v.Width, v.Height))
		r.Render(dst, v, sc, true)
		return dst
	}
	tinted := func(img *image.RGBA, p orb.Point) bool {
		x, y := v.ToScreen(p)
		c, bg := img.RGBAAt(int(x), int(y)), img.RGBAAt(5, 5) // the corner is background
		d := func(a, b uint8) int { return max(int(a)-int(b), int(b)-int(a)) }
		return d(c.R, bg.R)+d(c.G, bg.G)+d(c.B, bg.B) > 24
	}
	circles := draw()
	if !tinted(circles, site.Location) || tinted(circles, east) {
		t.Fatal("circle case: expected the site tinted and the point east not")
	}
	sc.CatchShapes = func(id string, l data.Level) ([]Capsule, bool) {
		return []Capsule{{A: orb.Point{113.2565, 23.1015}, B: orb.Point{113.2585, 23.1015}, R: 50}}, id == "K1"
	}
	sc.Version++
	shapes := draw()
	if tinted(shapes, site.Location) || !tinted(shapes, east) {
		t.Error("network case: expected the street east tinted and the site not")
	}
	labels := ""
	for _, it := range Legend(sc) {
		labels += it.Label + "|"
	}
	if !strings.Contains(labels, "300") || !strings.Contains(labels, "路网") && !strings.Contains(labels, "network") {
		t.Errorf("legend %q", labels)
	}
}

func TestAccessRasterDrawn(t *testing.T) {
	sc := NewScene(nil, 2023)
	for _, l := range AllLayers() {
		sc.Layers[l].On = false
	}
	at := orb.Point{113.2515, 23.1015}
	mx := at[0] * math.Pi / 180 * 6378137
	my := math.Log(math.Tan(math.Pi/4+at[1]*math.Pi/360)) * 6378137
	img := image.NewNRGBA(image.Rect(0, 0, 2, 1))
	img.SetNRGBA(0, 0, color.NRGBA{220, 20, 20, 255}) // cell (1, 0) stays empty
	sc.Access = &AccessRaster{Img: img, X0: mx - 100, Y0: my + 100, Cell: 200, Title: "步行距离 walking distance",
		Classes: []ZoneClass{{Fill: color.RGBA{220, 20, 20, 255}, Label: "0–300 m"}}}
	v := Fit(orb.Bound{Min: orb.Point{113.245, 23.095}, Max: orb.Point{113.26, 23.108}}, 600, 500, 0, 3, 18)
	dst := image.NewRGBA(image.Rect(0, 0, v.Width, v.Height))
	(&Renderer{Fonts: testFonts(t)}).Render(dst, v, sc, true)
	px := func(p orb.Point) color.RGBA { x, y := v.ToScreen(p); return dst.RGBAAt(int(x), int(y)) }
	if c := px(at); !(int(c.R) > int(c.G)+60) {
		t.Errorf("the classed cell is not drawn: %v", c)
	}
	if c := px(orb.Point{at[0] + 0.0025, at[1]}); int(c.R) > int(c.G)+20 { // about 250 m east: the empty cell
		t.Errorf("the empty cell is painted: %v", c)
	}
	if items := Legend(sc); len(items) != 2 || items[1].Label != "0–300 m" {
		t.Errorf("legend %+v", items)
	}
}
