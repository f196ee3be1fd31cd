package export

import (
	"strings"
	"testing"

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
