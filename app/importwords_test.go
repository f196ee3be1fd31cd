package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/data/vector"
	"github.com/liwan-edu/schoolmap/geo/crs"
)

// In Chinese, the boundary import check (a GCJ-02 file read as WGS-84,
// one subdistrict named twice, a point among the polygons) and the
// population import's problems (a name twice) read without English.
func TestBoundaryImportNotesChinese(t *testing.T) {
	i18n.SetLanguage("zh")
	u := newTestUI(t)
	dir := t.TempDir()
	gj, err := os.ReadFile(filepath.Join("..", "testdata", "boundaries", "synthetic-gcj02.geojson"))
	if err != nil {
		t.Fatal(err)
	}
	extra := `{"type":"Feature","properties":{"name":"测试甲街道"},"geometry":{"type":"Polygon","coordinates":[[[113.2,23.1],[113.21,23.1],[113.21,23.11],[113.2,23.1]]]}},` +
		`{"type":"Feature","properties":{"name":"多宝"},"geometry":{"type":"Point","coordinates":[113.2,23.1]}},`
	b := filepath.Join(dir, "边界.geojson")
	os.WriteFile(b, []byte(strings.Replace(string(gj), `"features":[`, `"features":[`+extra, 1)), 0o644)
	set, err := vector.Open(b, "", "auto")
	if err != nil {
		t.Fatal(err)
	}
	m := data.GuessBoundaryMapping(set.Fields)
	m.CRS = crs.WGS84
	subs, probs := data.Subdistricts(set, m)
	if len(probs) < 2 {
		t.Fatalf("fixture: problems %v", probs)
	}
	u.dlg.imports.confirmBoundaries(set, subs, probs, crs.WGS84)
	text := dialogText(t, u.Window)
	if !strings.Contains(text, "GCJ-02") || !strings.Contains(text, "测试甲") {
		t.Fatalf("the check does not show the offset and the duplicate:\n%s", text)
	}
	for _, line := range strings.Split(text, "\n") {
		noEnglish(t, "boundary import check", line)
	}
	p := filepath.Join(dir, "人口.csv")
	os.WriteFile(p, []byte("街道,常住人口\n多宝街,1\n多宝街道,2\n沙面,很多\n"), 0o644)
	pop, err := vector.ReadCSV(p, "auto")
	if err != nil {
		t.Fatal(err)
	}
	_, probs = data.ApplyPopulation(u.sh.st.subdistricts, pop, "街道", "常住人口")
	if len(probs) != 2 {
		t.Fatalf("population problems %v", probs)
	}
	for _, pr := range probs {
		noEnglish(t, "population import", pr.String())
	}
}
