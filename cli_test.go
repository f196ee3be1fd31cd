package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/geo/golden"
)

func runCmd(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	t.Cleanup(func() { i18n.SetLanguage("zh") }) // --lang sets the language of the process
	handled, code := runCLI(args, &out, &errb)
	if !handled {
		t.Fatalf("%v not handled", args)
	}
	return code, out.String(), errb.String()
}

func TestCLIExportPNGAndPDF(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", dir) // no tile cache of the user's
	pngPath := filepath.Join(dir, "plan-2023.png")
	code, _, stderr := runCmd(t, "export", "--out", pngPath, "--paper", "A4", "--landscape", "--dpi", "50",
		"--year", "2023", "--layers", "sites,catchments,status", "--offline", "--fit")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, err := os.ReadFile(pngPath)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil || img.Bounds().Dx() != 585 || golden.ReadDPI(b) < 49.9 {
		t.Errorf("png %v, dpi %.1f, err %v", img.Bounds(), golden.ReadDPI(b), err)
	}
	pdfPath := filepath.Join(dir, "plan.pdf")
	code, _, stderr = runCmd(t, "export", "--out", pdfPath, "--format", "pdf", "--paper", "A3", "--landscape",
		"--dpi", "72", "--year", "2023", "--title", "测试标题", "--bbox", "113.2,23.05,113.26,23.12", "--offline", "--tables")
	if code != 0 {
		t.Fatalf("pdf exit %d: %s", code, stderr)
	}
	if b, _ := os.ReadFile(pdfPath); !bytes.HasPrefix(b, []byte("%PDF")) {
		t.Error("not a PDF")
	}
}

func TestCLIExportErrors(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a-file")
	os.WriteFile(file, []byte("x"), 0o644)
	tests := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"no out", []string{"export"}, exitUsage, "--out FILE is required"},
		{"bad format", []string{"export", "--out", filepath.Join(dir, "x.tiff")}, exitUsage, "give png, pdf"},
		{"bad paper", []string{"export", "--out", filepath.Join(dir, "x.png"), "--paper", "B5"}, exitUsage, "A4 or A3"},
		{"bad bbox", []string{"export", "--out", filepath.Join(dir, "x.png"), "--bbox", "113,23,112,24"}, exitUsage, "min must be below max"},
		{"bad layer", []string{"export", "--out", filepath.Join(dir, "x.png"), "--layers", "sites,roads"}, exitUsage, `unknown layer "roads"`},
		{"bbox and fit", []string{"export", "--out", filepath.Join(dir, "x.png"), "--fit", "--bbox", "1,2,3,4"}, exitUsage, "not both"},
		{"unknown flag", []string{"export", "--colour", "red"}, exitUsage, "flag provided but not defined"},
		{"folder is a file", []string{"export", "--out", filepath.Join(file, "x.png"), "--offline", "--dpi", "40"}, exitError, "its folder does not exist (or is a file)"},
		{"no such folder", []string{"export", "--out", filepath.Join(dir, "typo", "x.png"), "--offline", "--dpi", "40"}, exitError, "its folder does not exist"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCmd(t, append([]string{"--lang", "en"}, tt.args...)...)
			if code != tt.code || !strings.Contains(stderr, tt.msg) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr, tt.code, tt.msg)
			}
		})
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("failed exports left files behind: %d entries", len(entries))
	}
}

func TestCLIDataExports(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"sites.gpkg", "sites.geojson", "sites.csv"} {
		code, stdout, stderr := runCmd(t, "export", "--out", filepath.Join(dir, name), "--year", "2024")
		if code != 0 || !strings.Contains(stdout, i18n.T("cli.wrote", filepath.Join(dir, name))) {
			t.Errorf("%s: exit %d %s", name, code, stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "sites_catchments.csv")); err != nil {
		t.Error("csv export wrote no catchments file")
	}
	b, _ := os.ReadFile(filepath.Join(dir, "sites.geojson"))
	cb, _ := os.ReadFile(filepath.Join(dir, "sites_catchments.geojson"))
	if !strings.Contains(string(b), `"plan_status":"in_service"`) || !strings.Contains(string(cb), `"type":"Polygon"`) || strings.Contains(string(b), `"Polygon"`) {
		t.Error("geojson lacks statuses, or catchments are not in their own file")
	}
	// --project uses a saved project, with its edits.
	p, _ := loadProject("")
	p.Sites[0].Name = "项目文件中的名称"
	proj := filepath.Join(dir, "p.gpkg")
	if err := data.SaveProject(proj, p); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "from-project.geojson")
	if code, _, stderr := runCmd(t, "export", "--out", out, "--project", proj); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if b, _ := os.ReadFile(out); !strings.Contains(string(b), "项目文件中的名称") {
		t.Error("--project not used")
	}
	if code, _, stderr := runCmd(t, "export", "--out", out, "--project", filepath.Join(dir, "missing.gpkg")); code != exitError || !strings.Contains(stderr, "找不到文件") {
		t.Errorf("missing project: %d %s", code, stderr)
	}
}

func TestNotACommand(t *testing.T) {
	if handled, _ := runCLI([]string{"--offline"}, nil, nil); handled {
		t.Error("app flags taken for a subcommand")
	}
}

func TestCLICoverage(t *testing.T) {
	dir := t.TempDir()
	fx := filepath.Join("testdata", "boundaries")
	existing := filepath.Join(dir, "existing.csv")
	os.WriteFile(existing, []byte("名称,类型,班数,经度,纬度\n示例幼儿园,幼儿园,9,113.2361,23.0732\n坏行,幼儿园,x,1,1\n"), 0o644)
	tests := []struct {
		name string
		args []string
	}{
		{"geojson wgs84", []string{"--boundaries", filepath.Join(fx, "synthetic-wgs84.geojson")}},
		{"shapefile gk114 gbk", []string{"--boundaries", filepath.Join(fx, "synthetic-cgcs2000-gk114.shp")}},
		{"geopackage", []string{"--boundaries", filepath.Join(fx, "synthetic-wgs84.gpkg")}},
		{"gcj02 declared", []string{"--boundaries", filepath.Join(fx, "synthetic-gcj02.geojson"), "--crs", "gcj02"}},
	}
	var first string
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "-")+".csv")
			args := append([]string{"coverage", "--year", "2025", "--out", out, "--population", filepath.Join(fx, "population-gbk.csv"), "--existing", existing}, tt.args...)
			code, stdout, stderr := runCmd(t, args...)
			if code != 0 || !strings.Contains(stdout, out) {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			if !strings.Contains(stderr, i18n.T("words.vector.line", 3)) {
				t.Errorf("bad existing row not reported: %s", stderr)
			}
			b, _ := os.ReadFile(out)
			s := string(b)
			if !strings.Contains(s, "测试甲") || !strings.Contains(s, "桥中") || !strings.HasPrefix(s, "\ufeff街道代码,") {
				t.Errorf("table lacks rows:\n%.300s", s)
			}
			// Every format gives the same table (to float rounding: the
			// shapefile's coordinates went through Gauss-Krüger and back).
			if first == "" {
				first = s
			} else if d := tableDiff(first, s); d != "" {
				t.Errorf("tables differ between formats of the same boundaries: %s", d)
			}
		})
	}
	code, _, stderr := runCmd(t, "coverage", "--boundaries", filepath.Join(fx, "synthetic-wgs84.geojson"), "--crs", "EPSG:32650", "--out", filepath.Join(dir, "x.csv"))
	if code != exitUsage || !strings.Contains(stderr, "EPSG:4547") {
		t.Errorf("unsupported crs: %d %s", code, stderr)
	}
	code, _, _ = runCmd(t, "coverage", "--boundaries", filepath.Join(fx, "synthetic-wgs84.geojson"), "--out", filepath.Join(dir, "x.xlsx"), "--year", "2023")
	if code != 0 {
		t.Error("xlsx output failed")
	}
}

// tableDiff compares two CSV tables cell by cell, numbers to 1e-4
// relative; "" when they agree.
func tableDiff(a, b string) string {
	ra, _ := csv.NewReader(strings.NewReader(a)).ReadAll()
	rb, _ := csv.NewReader(strings.NewReader(b)).ReadAll()
	if len(ra) != len(rb) {
		return fmt.Sprintf("%d rows vs %d", len(ra), len(rb))
	}
	for i := range ra {
		for j := range ra[i] {
			x, errx := strconv.ParseFloat(ra[i][j], 64)
			y, erry := strconv.ParseFloat(rb[i][j], 64)
			if errx == nil && erry == nil {
				if math.Abs(x-y) > 1e-4*math.Max(1, math.Abs(x)) {
					return fmt.Sprintf("row %d col %d: %s vs %s", i, j, ra[i][j], rb[i][j])
				}
			} else if ra[i][j] != rb[i][j] {
				return fmt.Sprintf("row %d col %d: %q vs %q", i, j, ra[i][j], rb[i][j])
			}
		}
	}
	return ""
}
