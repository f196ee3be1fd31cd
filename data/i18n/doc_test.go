package i18n

import (
	"strings"
	"testing"
)

// TestDocs: every document exists in every language with the same
// sections, and the guide covers what the issue asks a planner to learn.
func TestDocs(t *testing.T) {
	for _, name := range Docs {
		var heads []int
		for _, lang := range Languages {
			d := DocIn(lang, name, docArgs(name)...)
			if d == "" || strings.Contains(d, "%!") {
				t.Fatalf("%s.%s: empty or bad verbs: %.200q", name, lang, d)
			}
			heads = append(heads, strings.Count(d, "\n## "))
		}
		if heads[0] != heads[1] || heads[0] < 2 {
			t.Errorf("%s: sections per language %v", name, heads)
		}
	}
	for _, tc := range []struct {
		lang, doc string
		want      []string
	}{
		{"zh", "guide", []string{"精度", "导入边界", "人口", "导出地图", "MBTiles", "天地图"}},
		{"en", "guide", []string{"precise", "Import boundaries", "population", "Export map", "MBTiles", "console.tianditu.gov.cn"}},
		{"zh", "about", []string{"1.2.3", "2030-01-02", "Apache License 2.0", "ODbL", "天地图"}},
		{"en", "about", []string{"1.2.3", "2030-01-02", "Apache License 2.0", "ODbL", "Tianditu"}},
	} {
		d := DocIn(tc.lang, tc.doc, docArgs(tc.doc)...)
		for _, w := range tc.want {
			if !strings.Contains(d, w) {
				t.Errorf("%s.%s lacks %q", tc.doc, tc.lang, w)
			}
		}
	}
}

func docArgs(name string) []any {
	if name == "about" {
		return []any{"1.2.3", ", 2030-01-02"}
	}
	return nil
}
