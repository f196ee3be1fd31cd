package render

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/geo"
	"github.com/liwan-edu/schoolmap/geo/tile"
)

// poi is a school point from SITE-LOCATIONS.md: its GCJ-02 map point and
// the WGS-84 coordinates the data stores.
type poi struct{ gcj, wgs orb.Point }

// sitePOIs reads the POI rows of ../shared/data/SITE-LOCATIONS.md; without
// the file, the embedded sites shifted with the project's GCJ-02 code.
func sitePOIs(t *testing.T) []poi {
	f, err := os.Open("../../../shared/data/SITE-LOCATIONS.md")
	if err != nil {
		var out []poi
		for _, s := range testScene(t).Sites {
			if s.Located {
				out = append(out, poi{geo.WGS84ToGCJ02(s.Location), s.Location})
			}
		}
		return out
	}
	defer f.Close()
	var out []poi
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "|")
		if len(cols) < 6 {
			continue
		}
		g, ok1 := lonLat(cols[4])
		w, ok2 := lonLat(cols[5])
		if ok1 && ok2 {
			out = append(out, poi{g, w})
		}
	}
	if len(out) < 10 {
		t.Fatalf("SITE-LOCATIONS.md: %d points read", len(out))
	}
	return out
}

func lonLat(s string) (orb.Point, bool) {
	a, b, ok := strings.Cut(strings.TrimSpace(s), ",")
	lon, err1 := strconv.ParseFloat(strings.TrimSpace(a), 64)
	lat, err2 := strconv.ParseFloat(strings.TrimSpace(b), 64)
	return orb.Point{lon, lat}, ok && err1 == nil && err2 == nil && lon > 100
}

// dotServer draws a black dot, radius 3 px, at each point on white tiles.
func dotServer(pts []orb.Point) *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var z, x, y int
		fmt.Sscanf(r.URL.Path, "/%d/%d/%d.png", &z, &x, &y)
		img := image.NewRGBA(image.Rect(0, 0, 256, 256))
		for i := range img.Pix {
			img.Pix[i] = 255
		}
		for _, p := range pts {
			px, py := geo.ToPixel(p, float64(z))
			px, py = px-float64(x*256), py-float64(y*256)
			for j := int(py) - 4; j <= int(py)+4; j++ {
				for i := int(px) - 4; i <= int(px)+4; i++ {
					if math.Hypot(float64(i)+0.5-px, float64(j)+0.5-py) <= 3 {
						img.SetRGBA(i, j, color.RGBA{0, 0, 0, 255})
					}
				}
			}
		}
		var buf bytes.Buffer
		png.Encode(&buf, img)
		w.Header().Set("Content-Type", "image/png")
		w.Write(buf.Bytes())
	}))
}

// ringServer draws a red ring, radius 16 px, around each point on pale
// tiles: wide enough to be seen around a marker drawn on it.
func ringServer(pts []orb.Point) *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var z, x, y int
		fmt.Sscanf(r.URL.Path, "/%d/%d/%d.png", &z, &x, &y)
		img := image.NewRGBA(image.Rect(0, 0, 256, 256))
		draw.Draw(img, img.Bounds(), image.NewUniform(color.RGBA{242, 239, 233, 255}), image.Point{}, draw.Src)
		for _, p := range pts {
			px, py := geo.ToPixel(p, float64(z))
			px, py = px-float64(x*256), py-float64(y*256)
			for j := int(py) - 20; j <= int(py)+20; j++ {
				for i := int(px) - 20; i <= int(px)+20; i++ {
					if d := math.Hypot(float64(i)+0.5-px, float64(j)+0.5-py); d >= 14.5 && d <= 17.5 {
						img.SetRGBA(i, j, color.RGBA{213, 94, 0, 255})
					}
				}
			}
		}
		var buf bytes.Buffer
		png.Encode(&buf, img)
		w.Header().Set("Content-Type", "image/png")
		w.Write(buf.Bytes())
	}))
}

// dotNear returns the centroid of the dark pixels within r of (x, y).
func dotNear(img *image.RGBA, x, y float64, r int) (float64, float64, bool) {
	var sx, sy, n float64
	for j := int(y) - r; j <= int(y)+r; j++ {
		for i := int(x) - r; i <= int(x)+r; i++ {
			if image.Pt(i, j).In(img.Bounds()) && img.RGBAAt(i, j).R < 128 {
				sx, sy, n = sx+float64(i)+0.5, sy+float64(j)+0.5, n+1
			}
		}
	}
	return sx / n, sy / n, n > 0
}

// TestMarkersOnGCJ02Basemap: with a GCJ-02 basemap each marker centre is
// within 1 px of its school's dot at z17; with a WGS-84 basemap, on the
// WGS-84 dot; and an unshifted frame misses the GCJ-02 dots by far.
func TestMarkersOnGCJ02Basemap(t *testing.T) {
	pois := sitePOIs(t)
	var sites []data.Site
	var gcj, wgs []orb.Point
	for i, p := range pois {
		sites = append(sites, data.Site{ID: fmt.Sprint("P", i), Name: fmt.Sprint("P", i), Location: p.wgs, Located: true, Level: data.Primary})
		gcj, wgs = append(gcj, p.gcj), append(wgs, p.wgs)
	}
	sc := NewScene(sites, 0)
	tests := []struct {
		name  string
		dots  []orb.Point
		datum tile.Datum
		shift bool
		miss  bool
	}{
		{"gcj02 basemap", gcj, tile.GCJ02, true, false},
		{"wgs84 basemap", wgs, tile.WGS84, false, false},
		{"gcj02 basemap unshifted", gcj, tile.GCJ02, false, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv := dotServer(tc.dots)
			defer srv.Close()
			b := tile.NewBasemap([]tile.Source{{Name: "dots", URLTemplate: srv.URL + "/{z}/{x}/{y}.png",
				MaxZoom: 19, TileSize: 256, Datum: tc.datum}}, tile.BasemapOptions{Online: true, NoDisk: true})
			defer b.Close()
			for i, s := range sites {
				checkMarker(t, b, sc, View{Center: s.Location, Zoom: 17, Width: 256, Height: 256, GCJ02: tc.shift}, i, tc.miss)
			}
		})
	}
}

func checkMarker(t *testing.T, b *tile.Basemap, sc *Scene, v View, i int, miss bool) {
	t.Helper()
	set, missing, err := b.Load(context.Background(), v.Tiles(), nil)
	if err != nil || missing > 0 {
		t.Fatalf("tiles: %v, %d missing", err, missing)
	}
	r := &Renderer{Tiles: set}
	dst := image.NewRGBA(image.Rect(0, 0, v.Width, v.Height))
	r.Render(dst, v, nil, false)
	ox, oy := v.Origin()
	for _, p := range place(sc, v) {
		if p.Index != i {
			continue
		}
		mx, my := p.Anchor[0]-ox, p.Anchor[1]-oy
		dx, dy, ok := dotNear(dst, mx, my, 12)
		switch {
		case miss && ok:
			t.Errorf("site %d: unshifted marker still on a dot", i)
		case !miss && !ok:
			t.Errorf("site %d: no dot near the marker at %.1f,%.1f", i, mx, my)
		case !miss && math.Hypot(dx-mx, dy-my) > 1:
			t.Errorf("site %d: marker %.2f px from its dot", i, math.Hypot(dx-mx, dy-my))
		}
		return
	}
	t.Errorf("site %d not placed", i)
}

// TestGCJ02ViewRoundTrip: a click on a GCJ-02 basemap reads back the
// WGS-84 point drawn there, and pans keep the centre in WGS-84.
func TestGCJ02ViewRoundTrip(t *testing.T) {
	p := orb.Point{113.2295, 23.1167}
	v := View{Center: p, Zoom: 17, Width: 800, Height: 600, GCJ02: true}
	x, y := v.ToScreen(p)
	if math.Abs(x-400) > 0.5 || math.Abs(y-300) > 0.5 {
		t.Errorf("centre drawn at %.2f,%.2f", x, y)
	}
	back := v.FromScreen(x+100, y-50)
	x2, y2 := v.ToScreen(back)
	if math.Abs(x2-x-100) > 1e-3 || math.Abs(y2-y+50) > 1e-3 {
		t.Errorf("click round trip %.4f,%.4f", x2-x, y2-y)
	}
	plain := View{Center: p, Zoom: 17, Width: 800, Height: 600}
	if q := plain.FromScreen(x+100, y-50); q.Equal(back) {
		t.Error("GCJ-02 view reads clicks as if unshifted")
	}
	if c := v.Pan(0, 0).Center; math.Abs(c[0]-p[0]) > 1e-7 || math.Abs(c[1]-p[1]) > 1e-7 {
		t.Errorf("pan by 0 moved the centre to %v", c)
	}
}

// TestGoldenGCJ02Basemap draws the plan's sites on a synthetic GCJ-02
// basemap (a black dot at each site's GCJ-02 point, as on a 高德 street
// map): left unshifted, the markers miss their dots by the GCJ-02 offset;
// right, with the shift the app applies on GCJ-02 basemaps, each marker
// sits on its dot. The golden doubles as the README's figure.
func TestGoldenGCJ02Basemap(t *testing.T) {
	sc := testScene(t)
	sc.Layers[Catchments].On, sc.Layers[Halos].On = false, false
	var dots []orb.Point
	for _, s := range sc.Sites {
		if s.Located {
			dots = append(dots, geo.WGS84ToGCJ02(s.Location))
		}
	}
	srv := ringServer(dots)
	defer srv.Close()
	b := tile.NewBasemap([]tile.Source{{Name: "rings", URLTemplate: srv.URL + "/{z}/{x}/{y}.png",
		MaxZoom: 19, TileSize: 256, Datum: tile.GCJ02}}, tile.BasemapOptions{Online: true, NoDisk: true})
	defer b.Close()
	out := image.NewRGBA(image.Rect(0, 0, 2*420+10, 420))
	for i, shift := range []bool{false, true} {
		v := View{Center: orb.Point{113.236, 23.076}, Zoom: 15, Width: 420, Height: 420, GCJ02: shift}
		set, missing, err := b.Load(context.Background(), v.Tiles(), nil)
		if err != nil || missing > 0 {
			t.Fatalf("tiles: %v, %d missing", err, missing)
		}
		frame := image.NewRGBA(image.Rect(0, 0, v.Width, v.Height))
		(&Renderer{Tiles: set, Fonts: testFonts(t)}).Render(frame, v, sc, false)
		draw.Draw(out, frame.Bounds().Add(image.Pt(i*430, 0)), frame, image.Point{}, draw.Src)
	}
	assertGolden(t, "gcj02-basemap", out)
}
