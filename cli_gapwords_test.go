package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/liwan-edu/schoolmap/data/i18n"
)

// The coverage and export commands, fed the planners' files (and a file
// in the wrong coordinate system, and one naming 多宝 twice), say
// everything in Chinese under --lang zh.
func TestCLIGapWordsChinese(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", dir)
	fx := filepath.Join("testdata", "boundaries")
	jie, pop := filepath.Join(fx, "synthetic-22-jie.geojson"), filepath.Join(fx, "population-22-jie.csv")
	gj, err := os.ReadFile(jie)
	if err != nil {
		t.Fatal(err)
	}
	twice := filepath.Join(dir, "twice.geojson") // 华林 named 多宝街道 too: a second 多宝
	os.WriteFile(twice, []byte(strings.Replace(string(gj), "华林街", "多宝街道", 1)), 0o644)
	popTwice, popZh := filepath.Join(dir, "两次.csv"), filepath.Join(dir, "人口.csv")
	pb, _ := os.ReadFile(pop)
	os.WriteFile(popZh, pb, 0o644)
	os.WriteFile(popTwice, append(pb, []byte("多宝街道,1\n")...), 0o644)
	gk := filepath.Join(dir, "边界.shp") // projected metres, read as degrees below
	for _, ext := range []string{".shp", ".dbf", ".prj"} {
		b, err := os.ReadFile(filepath.Join(fx, "synthetic-cgcs2000-gk114"+ext))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(strings.TrimSuffix(gk, ".shp")+ext, b, 0o644)
	}
	runs := [][]string{
		{"coverage", "--boundaries", jie, "--population", pop, "--year", "2025", "--out", filepath.Join(dir, "a.csv")},
		{"coverage", "--boundaries", filepath.Join(fx, "synthetic-gcj02.geojson"), "--crs", "EPSG:4326", "--year", "2025", "--out", filepath.Join(dir, "b.csv")},
		{"coverage", "--boundaries", twice, "--population", popTwice, "--year", "2025", "--out", filepath.Join(dir, "c.xlsx")},
		{"coverage", "--boundaries", gk, "--crs", "EPSG:4326", "--year", "2025", "--out", filepath.Join(dir, "d.csv")},
		{"export", "--boundaries", jie, "--population", pop, "--tables", "--offline", "--dpi", "40", "--year", "2025", "--out", filepath.Join(dir, "a.pdf")},
		{"export", "--boundaries", filepath.Join(fx, "synthetic-gcj02.geojson"), "--crs", "EPSG:4326", "--offline", "--dpi", "40", "--out", filepath.Join(dir, "b.png")},
		{"export", "--boundaries", twice, "--population", popTwice, "--offline", "--dpi", "40", "--out", filepath.Join(dir, "c.png")},
	}
	for name, body := range map[string]string{"重复列.csv": "街道,人口,人口\n多宝,1,2\n", "引号.csv": "街道,常住人口\n多宝,\"1\n",
		"坏.geojson": `{"type":"Feature"`, "坏.shp": "\xff\xfe\x00\x01", "坏.dbf": "", "无属性.shp": "", "坏.txt": "x\n"} {
		os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644)
	}
	ok := len(runs)
	runs = append(runs[:3], runs[4:]...) // 边界.shp: no boundary left, exit 1
	runs = append(runs, []string{"coverage", "--boundaries", gk, "--crs", "EPSG:4326", "--out", filepath.Join(dir, "d.csv")})
	ok--
	for _, bad := range [][]string{{"--boundaries", jie, "--population", filepath.Join(dir, "重复列.csv")},
		{"--boundaries", jie, "--population", filepath.Join(dir, "引号.csv")},
		{"--boundaries", jie, "--population", filepath.Join(dir, "无.csv")},
		{"--boundaries", filepath.Join(dir, "坏.geojson")}, {"--boundaries", filepath.Join(dir, "坏.shp")},
		{"--boundaries", filepath.Join(dir, "无属性.shp")}, {"--boundaries", filepath.Join(dir, "坏.txt")},
		{"--boundaries", filepath.Join(dir, "无.geojson")}, {"--boundaries", jie, "--population", popZh, "--encoding", "klingon"}} {
		runs = append(runs, append(append([]string{"coverage"}, bad...), "--out", filepath.Join(dir, "x.csv")))
	}
	warned := map[string]bool{}
	for i, args := range runs {
		code, stdout, stderr := runCmd(t, append([]string{"--lang", "zh"}, args...)...)
		if (code == 0) != (i < ok) {
			t.Errorf("%v: exit %d: %s", args[1:len(args)-2], code, stderr)
		}
		for _, line := range strings.Split(stdout+stderr, "\n") {
			if r := i18n.EnglishRun(line); r != "" {
				t.Errorf("%v: English %q in %q", args[1:len(args)-2], r, line)
			}
			for _, w := range []string{"GCJ-02", "多宝街道"} {
				warned[w] = warned[w] || strings.Contains(line, w)
			}
		}
	}
	if !warned["GCJ-02"] || !warned["多宝街道"] {
		t.Errorf("the offset or the duplicate was not reported: %v", warned)
	}
}
