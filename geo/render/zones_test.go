package render

import (
	"image"
	"image/color"
	"strings"
	"testing"

	"github.com/paulmach/orb"
)

func testZones() []Zone {
	sq := func(x0, y0, x1, y1 float64) orb.MultiPolygon {
		return orb.MultiPolygon{{{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}}}
	}
	holed := sq(113.215, 23.06, 113.235, 23.08)
	holed[0] = append(holed[0], orb.Ring{{113.222, 23.067}, {113.222, 23.073}, {113.228, 23.073}, {113.228, 23.067}, {113.222, 23.067}})
	return []Zone{
		{Name: "测试甲", Boundary: holed, Fill: color.RGBA{241, 163, 64, 255}, Gap: true},
		{Name: "测试乙", Boundary: sq(113.235, 23.06, 113.255, 23.08), Fill: color.RGBA{84, 39, 136, 255}},
		{Name: "无数据", Boundary: sq(113.215, 23.08, 113.255, 23.09)},
	}
}

func TestGoldenZones(t *testing.T) {
	sc := testScene(t)
	sc.Layers[Catchments].On, sc.Layers[Halos].On = false, false
	sc.Zones = testZones()
	sc.ZoneTitle = "学位缺口 seat gap"
	sc.ZoneClasses = []ZoneClass{{color.RGBA{84, 39, 136, 255}, "< 0"}, {color.RGBA{241, 163, 64, 255}, "≥ 0"}}
	r := &Renderer{Tiles: &synthTiles{}, Fonts: testFonts(t)}
	dst := image.NewRGBA(image.Rect(0, 0, guanggang.Width, guanggang.Height))
	r.Render(dst, guanggang, sc, false)
	assertGolden(t, "zones", dst)
	// The hole is not filled: its centre shows the basemap.
	x, y := guanggang.ToScreen(orb.Point{113.225, 23.07})
	if got := dst.RGBAAt(int(x), int(y)); got.R != got.G {
		t.Errorf("hole centre %v is tinted: hole filled", got)
	}
	leg := legendText(sc)
	if !strings.Contains(leg, "学位缺口") || !strings.Contains(leg, "缺口街道") || !strings.HasSuffix(strings.TrimSpace(leg), "缺口街道") {
		t.Errorf("legend:\n%s", leg)
	}
	sc.Layers[Subdistricts].On = false
	if strings.Contains(legendText(sc), "学位缺口") {
		t.Error("hidden subdistrict layer in the legend")
	}
}
