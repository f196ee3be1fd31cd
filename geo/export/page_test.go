package export

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/liwan-edu/schoolmap/geo/render"
)

// pdfText writes the export and returns the text of each page.
func pdfText(t *testing.T, e *Exporter, o Options) []string {
	t.Helper()
	needTool(t, "pdftotext")
	path := filepath.Join(t.TempDir(), "p.pdf")
	if err := os.WriteFile(path, writeTo(t, e, o), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimRight(string(out), "\f\n"), "\f")
}

func TestTablesWrapAndRepeatHeadings(t *testing.T) {
	e := testExporter(t)
	o := testOptions(t, PDF)
	o.Landscape, o.Tables = false, true
	// Four times the sites: the site table runs over several pages.
	sites := o.Scene.Sites
	for i := 0; i < 3; i++ {
		sites = append(sites, o.Scene.Sites...)
	}
	sc := *o.Scene
	sc.Sites = sites
	o.Scene = &sc
	pages := pdfText(t, e, o)
	if len(pages) < 3 {
		t.Fatalf("%d pages, want the map and at least two of tables", len(pages))
	}
	for i, p := range pages[1:] {
		sites := strings.Contains(p, "规划状态") && strings.Contains(p, "序号")
		subs := strings.Contains(p, "街道") && strings.Contains(p, "建成使用")
		if !sites && !subs {
			t.Errorf("table page %d lacks the column headings", i+2)
		}
		if strings.Contains(p, "…") {
			t.Errorf("table page %d cuts a cell with …", i+2)
		}
	}
	if !strings.Contains(strings.Join(pages[2:], ""), "(续)") {
		t.Error("continued table is not marked (续)")
	}
}

func TestPageNotes(t *testing.T) {
	e := testExporter(t)
	o := testOptions(t, PDF)
	text := pdfText(t, e, o)[0]
	for _, want := range []string{"另有 2 个项目未定位", "学位 = 班数 × 每班人数 (幼 30, 小 45, 初 50)", "虚线圆圈", "秋季学期", "2023年 规划状态"} {
		if !strings.Contains(strings.ReplaceAll(text, "\n", ""), want) {
			t.Errorf("map page lacks %q", want)
		}
	}
	o.Scene.Layers[render.Halos].On = false
	o.Tables = true
	text = pdfText(t, e, o)[0]
	if strings.Contains(text, "虚线圆圈") {
		t.Error("dashed-circle note without halos")
	}
	if strings.Contains(text, "未定位") {
		t.Error("unlocated note on a page followed by the tables, which list them")
	}
}

// TestLegendCoversNothing: the legend box never lies over a marker,
// label, halo or catchment; beside the frame when the page has room.
func TestLegendCoversNothing(t *testing.T) {
	e := testExporter(t)
	for _, tc := range []struct {
		name      string
		paper     string
		landscape bool
		outside   bool
		aspect    float64 // the extent widened to this width/height (Mercator), 0: as it is
	}{{"A4 landscape", "A4", true, true, 0}, {"A3 landscape", "A3", true, true, 0},
		// Portrait, the district as it is: beside costs at most 10% of the
		// scale. An extent of the frame's own shape leaves no strip empty:
		// the legend goes over the map, in the quietest corner.
		{"A4 portrait", "A4", false, true, 0}, {"A4 portrait, extent of the frame's shape", "A4", false, false, 0.8}} {
		t.Run(tc.name, func(t *testing.T) {
			o := testOptions(t, PNG)
			o.Paper, o.Landscape, o.DPI = tc.paper, tc.landscape, 96
			if b, ok := render.ContentBound(o.Scene, 0.05); ok {
				o.Extent = b
			}
			if ew, eh := extentSize(o.Extent); tc.aspect > 0 {
				grow := (tc.aspect*eh/ew - 1) * (o.Extent.Max[0] - o.Extent.Min[0]) / 2
				o.Extent.Min[0], o.Extent.Max[0] = o.Extent.Min[0]-grow, o.Extent.Max[0]+grow
			}
			w, h, _ := o.pageMM()
			page := newRasterPage(int(o.px(w)), int(o.px(h)), o.DPI, e.Fonts)
			g, v, _ := e.layout(page, o, w, h)
			if g.outside != tc.outside {
				t.Errorf("legend outside = %v, want %v (frame %+v, legend %+v, notes at x=%.0f)", g.outside, tc.outside, g.mapBox, g.legend, g.notesX)
			}
			mb := g.mapBox
			img := (&render.Renderer{Fonts: e.Fonts}).Overlay(v, o.Scene)
			sx, sy := float64(v.Width)/mb.w, float64(v.Height)/mb.h
			covered := 0
			for y := int((g.legend.y - mb.y) * sy); y < int((g.legend.y+g.legend.h-mb.y)*sy); y++ {
				for x := int((g.legend.x - mb.x) * sx); x < int((g.legend.x+g.legend.w-mb.x)*sx); x++ {
					if x >= 0 && y >= 0 && x < v.Width && y < v.Height && img.Pix[img.PixOffset(x, y)+3] > 0 {
						covered++
					}
				}
			}
			// Outside: nothing at all. Inside (no room): the measured
			// quietest corner, nearly empty here.
			area := g.legend.w * sx * g.legend.h * sy
			if tc.outside && covered > 0 || float64(covered) > area/100 {
				t.Errorf("legend lies over %d of %.0f pixels of map content", covered, area)
			}
		})
	}
}
