package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCLIOverlappingBoundaries: boundaries drawn over each other are
// warned about with both names and the area; boundaries sharing their
// border exactly are not.
func TestCLIOverlappingBoundaries(t *testing.T) {
	dir := t.TempDir()
	src, _ := os.ReadFile(filepath.Join("testdata", "boundaries", "synthetic-wgs84.geojson"))
	var fc map[string]any
	if err := json.Unmarshal(src, &fc); err != nil {
		t.Fatal(err)
	}
	for _, f := range fc["features"].([]any) {
		f := f.(map[string]any)
		if f["properties"].(map[string]any)["name"] != "测试乙" {
			continue
		}
		for _, pt := range f["geometry"].(map[string]any)["coordinates"].([]any)[0].([]any) {
			pt.([]any)[1] = pt.([]any)[1].(float64) - 0.001 // about 110 m south, over 测试甲
		}
	}
	b, _ := json.Marshal(fc)
	over := filepath.Join(dir, "overlap.geojson")
	os.WriteFile(over, b, 0o644)
	for _, c := range []struct {
		name, path, lang string
		want             []string
	}{
		{"overlap, zh", over, "zh", []string{"测试甲", "测试乙", "公顷", "重叠"}},
		{"overlap, en", over, "en", []string{"测试甲", "测试乙", " ha", "overlap"}},
		{"shared border", filepath.Join("testdata", "boundaries", "synthetic-wgs84.geojson"), "zh", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, _, stderr := runCmd(t, "--lang", c.lang, "coverage", "--year", "2025", "--boundaries", c.path, "--out", filepath.Join(dir, "t.csv"))
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			for _, w := range c.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, stderr)
				}
			}
			if c.want == nil && (strings.Contains(stderr, "重叠") || strings.Contains(stderr, "overlap")) {
				t.Errorf("boundaries sharing a border warned about:\n%s", stderr)
			}
		})
	}
}
