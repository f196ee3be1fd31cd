package export

import (
	"fmt"
	"image/color"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/geo/render"
)

// TestEverySiteNamed: every located site inside the map frame is either
// labelled on the map or named in the footer's "未标注：…" line, on
// crowded pages (portrait, small type) as on roomy ones.
func TestEverySiteNamed(t *testing.T) {
	e := testExporter(t)
	dropped := 0
	for _, tc := range []struct {
		name      string
		paper     string
		landscape bool
		dpi       float64
	}{{"A4 portrait 150 dpi", "A4", false, 150}, {"A4 landscape 300 dpi", "A4", true, 300}, {"A3 landscape 100 dpi", "A3", true, 100}} {
		t.Run(tc.name, func(t *testing.T) {
			o := testOptions(t, PDF)
			o.Paper, o.Landscape, o.DPI = tc.paper, tc.landscape, tc.dpi
			if b, ok := render.ContentBound(o.Scene, 0.05); ok {
				o.Extent = b
			}
			w, h, _ := o.pageMM()
			doc, err := newPDF(w, h, e.FontTTF, o.Title, "test", o.date())
			if err != nil {
				t.Fatal(err)
			}
			g, v, notes := e.layout(doc, o, w, h)
			f := (&render.Renderer{Fonts: e.Fonts, Keep: g.keep(v)}).Paint(nopPainter{}, v, o.Scene)
			labelled := map[int]bool{}
			for _, l := range f.Labels {
				labelled[l.Index] = true
			}
			footer := strings.Join(notes, "")
			for _, p := range f.Placed {
				x, y := p.Anchor[0]-f.Origin[0], p.Anchor[1]-f.Origin[1]
				if labelled[p.Index] || x < 0 || y < 0 || x > float64(v.Width) || y > float64(v.Height) {
					continue
				}
				dropped++
				s := o.Scene.Sites[p.Index]
				if !strings.Contains(footer, "未标注") || !strings.Contains(footer, s.ShortName) {
					t.Errorf("%s is neither labelled nor listed in the footer %q", s.ShortName, footer)
				}
			}
		})
	}
	if dropped == 0 {
		t.Error("fixture: every site was labelled on every page; nothing tested")
	}
}

// gridZones covers the extent with n×n subdistricts, as imported
// boundaries cover the district.
func gridZones(ext orb.Bound, n int) []render.Zone {
	var zs []render.Zone
	dx, dy := (ext.Max[0]-ext.Min[0])/float64(n), (ext.Max[1]-ext.Min[1])/float64(n)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			b := orb.Bound{Min: orb.Point{ext.Min[0] + float64(i)*dx, ext.Min[1] + float64(j)*dy},
				Max: orb.Point{ext.Min[0] + float64(i+1)*dx, ext.Min[1] + float64(j+1)*dy}}
			zs = append(zs, render.Zone{Name: fmt.Sprintf("街%d", i*n+j), Boundary: orb.MultiPolygon{b.ToPolygon()},
				Fill: color.RGBA{84, 39, 136, 255}})
		}
	}
	return zs
}

// TestChoroplethLegendOffTheMap: with subdistricts drawn, every part of
// the frame is a subdistrict, so the legend goes beside or below the map
// on every paper, portrait too; the frame still fits the extent.
func TestChoroplethLegendOffTheMap(t *testing.T) {
	e := testExporter(t)
	for _, tc := range []struct {
		name      string
		paper     string
		landscape bool
	}{{"A4 portrait", "A4", false}, {"A3 portrait", "A3", false}, {"A4 landscape", "A4", true}, {"A3 landscape", "A3", true}} {
		t.Run(tc.name, func(t *testing.T) {
			o := testOptions(t, PNG)
			o.Paper, o.Landscape, o.DPI = tc.paper, tc.landscape, 96
			ext, _ := render.ContentBound(o.Scene, 0.05)
			o.Scene.Zones = gridZones(ext, 5)
			o.Scene.ZoneTitle = "学位缺口"
			o.Scene.ZoneClasses = []render.ZoneClass{{Fill: color.RGBA{84, 39, 136, 255}, Label: "< 0"}}
			o.Extent, _ = render.ContentBound(o.Scene, 0.05)
			w, h, _ := o.pageMM()
			page := newRasterPage(int(o.px(w)), int(o.px(h)), o.DPI, e.Fonts)
			g, _, _ := e.layout(page, o, w, h)
			if !g.outside {
				t.Errorf("legend at %+v lies over the subdistricts (frame %+v)", g.legend, g.mapBox)
			}
			if overlapArea(g.legend, g.mapBox) > 0 {
				t.Errorf("legend %+v overlaps the frame %+v", g.legend, g.mapBox)
			}
		})
	}
}

// TestLandscapeUsesItsWidth: the district is taller than wide, so on a
// landscape sheet the map is limited by its height; the legend and the
// notes then go in a column beside it and the map gets the sheet's full
// height, a larger scale than with the notes beneath.
func TestLandscapeUsesItsWidth(t *testing.T) {
	e := testExporter(t)
	for _, paper := range []string{"A4", "A3"} {
		t.Run(paper, func(t *testing.T) {
			o := testOptions(t, PDF)
			o.Paper, o.Landscape, o.DPI = paper, true, 96
			o.Extent, _ = render.ContentBound(o.Scene, 0.05)
			w, h, _ := o.pageMM()
			page := newRasterPage(int(o.px(w)), int(o.px(h)), o.DPI, e.Fonts)
			g, _, notes := e.layout(page, o, w, h)
			if bottom := g.mapBox.y + g.mapBox.h; bottom < h-g.margin-0.5 {
				t.Errorf("the map ends %.0f mm above the sheet's margin; %d note lines beneath it", h-g.margin-bottom, len(notes))
			}
			if g.notesX <= g.mapBox.x+g.mapBox.w {
				t.Errorf("notes at x=%.0f mm, within the map frame (ends at %.0f)", g.notesX, g.mapBox.x+g.mapBox.w)
			}
			for _, l := range notes {
				if lw := page.TextWidth(l, 7*g.k); g.notesX+lw > w-g.margin+0.5 {
					t.Errorf("note line %q runs past the sheet's margin", l)
				}
			}
		})
	}
}

// TestWrapKeepsPunctuationOnItsLine: a CJK line never starts with a
// closing mark (。，；：、）), which belongs to the line before.
func TestWrapKeepsPunctuationOnItsLine(t *testing.T) {
	e := testExporter(t)
	page := newRasterPage(800, 600, 96, e.Fonts)
	for _, mark := range []string{"。", "，", "；", "：", "、", "）"} {
		s := strings.Repeat("字", 30) + mark + strings.Repeat("字", 10)
		width := page.TextWidth(strings.Repeat("字", 30), 7) + 0.01
		lines := wrap(page, s, 7, width)
		for _, l := range lines[1:] {
			if strings.HasPrefix(l, mark) {
				t.Errorf("a line starts with %q: %q", mark, lines)
			}
		}
		if strings.Join(lines, "") != s {
			t.Errorf("wrapping lost text: %q", lines)
		}
	}
}
