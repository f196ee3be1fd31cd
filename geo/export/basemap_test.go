package export

import (
	"strings"
	"testing"

	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/geo/render"
)

// TestBasemapNoneFooter: with no basemap, or none of its tiles, the page
// says so instead of counting unavailable tiles.
func TestBasemapNoneFooter(t *testing.T) {
	i18n.SetLanguage("en")
	defer i18n.SetLanguage("zh")
	o := testOptions(t, PNG)
	e := testExporter(t)
	v := render.View{Center: liwanExtent.Center(), Zoom: 14, Width: 600, Height: 400}
	g := pageGeometry(297, 210, false, 0)
	n := len(v.Tiles())
	tests := []struct {
		name    string
		tiles   bool
		missing int
		want    string
	}{
		{"no basemap", false, 0, "basemap: none"},
		{"nothing loaded", true, n, "basemap: none"},
		{"some missing", true, 2, "(2 tiles unavailable"},
		{"all there", true, 0, "© OpenStreetMap contributors"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e.Tiles = nil
			if tc.tiles {
				e.Tiles = &synthLoader{}
			}
			f := e.furniture(newRasterPage(1754, 1240, 150, e.Fonts), o, v, g, pageNotes(o, e.Tiles != nil), tileReport{missing: tc.missing})
			if got := strings.Join(f.notes, " | "); !strings.Contains(got, tc.want) {
				t.Errorf("notes %q, want %q", got, tc.want)
			}
		})
	}
}
