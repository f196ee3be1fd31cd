package data

import (
	"strings"
	"testing"

	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/data/vector"
	"github.com/liwan-edu/schoolmap/geo/crs"
)

// Two rows of one file naming the same subdistrict ("多宝街" and
// "多宝街道") keep the first, never a 23rd row, and the import says so,
// naming both rows.
func TestDuplicateSubdistrictRowsWarned(t *testing.T) {
	first, second := square(113.23, 23.12, 0.01), square(113.25, 23.12, 0.01)
	set := &vector.Set{Path: "b.geojson", CRS: crs.WGS84, Features: []vector.Feature{
		{Where: "要素 1", Geometry: first, Props: map[string]string{"name": "多宝街"}},
		{Where: "要素 2", Geometry: square(113.24, 23.10, 0.01), Props: map[string]string{"name": "华林街"}},
		{Where: "要素 3", Geometry: second, Props: map[string]string{"name": "多宝街道"}},
	}}
	subs, probs := Subdistricts(set, BoundaryMapping{Name: "name", CRS: crs.WGS84})
	if len(subs) != 2 || len(probs) != 1 {
		t.Fatalf("%d boundaries, problems %v", len(subs), probs)
	}
	merged, added := MergeSubdistrictsReport(LiwanSubdistricts(), subs)
	if len(merged) != 22 || len(added) != 0 {
		t.Fatalf("%d rows, added %v", len(merged), added)
	}
	for _, s := range merged {
		if s.Name == "多宝" && s.Boundary.Bound() != first.Bound() {
			t.Errorf("多宝 took the second row's boundary %v", s.Boundary.Bound())
		}
	}
	msg := probs[0].String()
	for _, want := range []string{"要素 3", "多宝街道", "要素 1", "多宝街", "多宝"} {
		if !strings.Contains(msg, want) {
			t.Errorf("problem %q lacks %q", msg, want)
		}
	}

	pop := &vector.Set{Path: "p.csv", Features: []vector.Feature{
		{Where: "第 2 行", Props: map[string]string{"街道": "多宝街", "人口": "42000"}},
		{Where: "第 3 行", Props: map[string]string{"街道": "多宝街道", "人口": "50000"}},
	}}
	got, probs := ApplyPopulation(merged, pop, "街道", "人口")
	if len(got) != 22 || len(probs) != 1 {
		t.Fatalf("%d rows, problems %v", len(got), probs)
	}
	for _, s := range got {
		if s.Name == "多宝" && s.Population != 42000 {
			t.Errorf("多宝 has %d residents, want the first row's 42000", s.Population)
		}
	}
	msg = probs[0].String()
	for _, want := range []string{"第 3 行", "多宝街道", "第 2 行", "多宝街", "42000"} {
		if !strings.Contains(msg, want) {
			t.Errorf("problem %q lacks %q", msg, want)
		}
	}
	if r := i18n.EnglishRun(msg); r != "" {
		t.Errorf("English in %q: %q", msg, r)
	}
}
