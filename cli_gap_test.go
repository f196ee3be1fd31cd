package main

import (
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/liwan-edu/schoolmap/assets"
	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/vector"
	"github.com/liwan-edu/schoolmap/geo/crs"
)

// jieProject saves a project holding the synthetic boundaries named
// "多宝街" etc. with the population table keyed the same way.
func jieProject(t *testing.T, path string) {
	t.Helper()
	fx := filepath.Join("testdata", "boundaries")
	set, err := vector.Open(filepath.Join(fx, "synthetic-22-jie.geojson"), "", "auto")
	if err != nil {
		t.Fatal(err)
	}
	m := data.GuessBoundaryMapping(set.Fields)
	m.CRS = crs.WGS84
	imported, _ := data.Subdistricts(set, m)
	subs := data.MergeSubdistricts(data.LiwanSubdistricts(), imported)
	pop, err := vector.Open(filepath.Join(fx, "population-22-jie.csv"), "", "auto")
	if err != nil {
		t.Fatal(err)
	}
	subs, _ = data.ApplyPopulation(subs, pop, "街道", "常住人口")
	sites, err := data.ParseSites(assets.SitesGeoJSON)
	if err != nil {
		t.Fatal(err)
	}
	if err := data.SaveProject(path, &data.Project{Sites: sites, Subdistricts: subs, Norms: data.DefaultNorms()}); err != nil {
		t.Fatal(err)
	}
}

// The files planners write ("多宝街" boundaries and populations) give 22
// rows, the same table as the project holding them; `export --tables`
// prints the project's table counted by polygon.
func TestCLIGapOneTruth(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", dir)
	fx := filepath.Join("testdata", "boundaries")
	fromFiles, fromProject, proj := filepath.Join(dir, "files.csv"), filepath.Join(dir, "project.csv"), filepath.Join(dir, "p.gpkg")
	code, _, stderr := runCmd(t, "coverage", "--boundaries", filepath.Join(fx, "synthetic-22-jie.geojson"), "--crs", "EPSG:4326",
		"--population", filepath.Join(fx, "population-22-jie.csv"), "--year", "2025", "--out", fromFiles)
	if code != 0 || strings.Contains(stderr, "已添加") || strings.Contains(stderr, "不匹配") {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	jieProject(t, proj)
	if code, _, stderr := runCmd(t, "coverage", "--project", proj, "--year", "2025", "--out", fromProject); code != 0 {
		t.Fatalf("coverage --project: exit %d: %s", code, stderr)
	}
	a, _ := os.ReadFile(fromFiles)
	b, _ := os.ReadFile(fromProject)
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(a), "\ufeff"))).ReadAll()
	if err != nil || string(a) != string(b) {
		t.Fatalf("the files and the project give different tables (err %v):\n%s\n---\n%s", err, a, b)
	}
	names := map[string]bool{}
	for _, r := range recs[1:] {
		names[r[1]] = true
	}
	if len(names) != 23 || names["多宝街"] || !names["多宝"] { // 22 and the sites in none
		t.Errorf("%d subdistricts in the table: %v", len(names), names)
	}
	needCLITool(t, "pdftotext")
	pdf := filepath.Join(dir, "p.pdf")
	if code, _, stderr := runCmd(t, "export", "--project", proj, "--tables", "--paper", "A4", "--dpi", "50", "--year", "2025",
		"--offline", "--layers", "sites", "--out", pdf); code != 0 {
		t.Fatalf("export: exit %d: %s", code, stderr)
	}
	txt, err := exec.Command("pdftotext", "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(txt), "街道学位缺口") || strings.Contains(string(txt), "按项目属性") {
		t.Errorf("the project's tables page does not count by boundary:\n%s", txt)
	}
}

// A boundary or population name matching none of the 22 is listed with
// the nearest official name, on the command line as in the app.
func TestCLIUnmatchedNamesSuggest(t *testing.T) {
	dir := t.TempDir()
	fx := filepath.Join("testdata", "boundaries")
	gj, err := os.ReadFile(filepath.Join(fx, "synthetic-22-jie.geojson"))
	if err != nil {
		t.Fatal(err)
	}
	pop, err := os.ReadFile(filepath.Join(fx, "population-22-jie.csv"))
	if err != nil {
		t.Fatal(err)
	}
	bounds, popCSV := filepath.Join(dir, "b.geojson"), filepath.Join(dir, "p.csv")
	os.WriteFile(bounds, []byte(strings.Replace(string(gj), "白鹤洞街", "白鹤峒街", 1)), 0o644)
	os.WriteFile(popCSV, []byte(strings.Replace(string(pop), "石围塘街", "石围堂街道", 1)), 0o644)
	code, _, stderr := runCmd(t, "coverage", "--boundaries", bounds, "--crs", "EPSG:4326", "--population", popCSV,
		"--year", "2025", "--out", filepath.Join(dir, "t.csv"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"白鹤峒街（最接近的官方名称：白鹤洞？）", "石围堂街道", "石围塘？"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}
