package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// internals are what a Chinese message must not show: Go package
// prefixes, Go's infinities, the OS's English error texts, and runs of
// three or more English words.
var internals = []*regexp.Regexp{
	regexp.MustCompile(`\b(tile|crs|vector|gpkg|data|network|export|render|coverage|atomicfile|shp|pmtiles|mbtiles):`),
	regexp.MustCompile(`[+-]Inf|NaN`),
	regexp.MustCompile(`(?i)no such file|not a directory|permission denied|invalid character|is not a database`),
	regexp.MustCompile(`[A-Za-z]{2,}[ ,]+[A-Za-z]{2,}[ ,]+[A-Za-z]{2,}`),
}

// checkChinese fails when the message (its last line: the one that
// explains the failure) shows internals. The arguments of the run, which
// a message may quote, are not internals.
func checkChinese(t *testing.T, stderr string, args []string) {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	last := lines[len(lines)-1]
	for _, a := range args {
		if len(a) > 1 {
			last = strings.ReplaceAll(last, a, "")
		}
	}
	for _, re := range internals {
		if m := re.FindString(last); m != "" {
			t.Errorf("Chinese message shows %q: %s", m, last)
		}
	}
}

// fileFlags are every flag that names an input file, as the arguments of
// a run that fails on that file alone (the other inputs are good).
func fileFlags(dir string, file func(ext string) string) map[string][]string {
	png := filepath.Join(dir, "x.png")
	tif := filepath.Join(dir, "a.tif")
	csv := filepath.Join(dir, "c.csv")
	bnd := filepath.Join("testdata", "boundaries", "synthetic-wgs84.geojson")
	return map[string][]string{
		"export --project":         {"export", "--out", png, "--offline", "--project", file(".gpkg")},
		"export --basemap mbtiles": {"export", "--out", png, "--offline", "--basemap", file(".mbtiles")},
		"export --basemap pmtiles": {"export", "--out", png, "--offline", "--basemap", file(".pmtiles")},
		"export --reference":       {"export", "--out", png, "--offline", "--basemap", "none", "--reference", file(".gpkg")},
		"export --network pbf":     {"export", "--out", png, "--offline", "--basemap", "none", "--network", file(".osm.pbf")},
		"export --network gpkg":    {"export", "--out", png, "--offline", "--basemap", "none", "--network", file(".gpkg")},
		"export --boundaries":      {"export", "--out", png, "--offline", "--basemap", "none", "--boundaries", file(".geojson")},
		"export --population":      {"export", "--out", png, "--offline", "--basemap", "none", "--boundaries", bnd, "--population", file(".csv")},
		"coverage --boundaries":    {"coverage", "--out", csv, "--boundaries", file(".geojson")},
		"coverage --crs .prj":      {"coverage", "--out", csv, "--boundaries", bnd, "--crs", file(".prj")},
		"export --crs .prj":        {"export", "--out", png, "--offline", "--basemap", "none", "--boundaries", bnd, "--crs", file(".prj")},
		"coverage --population":    {"coverage", "--out", csv, "--boundaries", bnd, "--population", file(".csv")},
		"coverage --existing":      {"coverage", "--out", csv, "--boundaries", bnd, "--existing", file(".geojson")},
		"coverage --project":       {"coverage", "--out", csv, "--boundaries", bnd, "--project", file(".gpkg")},
		"coverage --network":       {"coverage", "--out", csv, "--boundaries", bnd, "--network", file(".osm.pbf")},
		"access --network":         {"access", "--out", tif, "--network", file(".osm.pbf")},
		"access --boundaries":      {"access", "--out", tif, "--network", file(".shp"), "--boundaries", file(".geojson")},
		"access --existing":        {"access", "--out", tif, "--network", file(".shp"), "--existing", file(".geojson")},
		"access --project":         {"access", "--out", tif, "--network", file(".shp"), "--project", file(".gpkg")},
	}
}

// TestCLIMissingFiles: a file that does not exist is "not found" (找不到),
// never "corrupt", whichever flag names it, with the same exit code (1:
// the work failed), naming the file, in plain Chinese; nothing is
// written.
func TestCLIMissingFiles(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", dir)
	missing := func(ext string) string { return filepath.Join(dir, "gone", "missing"+ext) }
	for name, args := range fileFlags(dir, missing) {
		t.Run(name, func(t *testing.T) {
			code, _, stderr := runCmd(t, args...)
			if code != exitError {
				t.Errorf("exit %d, want %d: %s", code, exitError, stderr)
			}
			if !strings.Contains(stderr, "找不到") || !strings.Contains(stderr, "missing") || strings.Contains(stderr, "损坏") {
				t.Errorf("message does not say the file is not found: %s", stderr)
			}
			checkChinese(t, stderr, args)
		})
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("failed runs left files: %v", entries)
	}
}

// TestCLIDamagedFiles: a file of garbage gives exit 1 whichever flag names
// it, and a message naming the file in plain Chinese.
func TestCLIDamagedFiles(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", dir)
	junk := func(ext string) string {
		p := filepath.Join(dir, "junk"+ext)
		os.WriteFile(p, []byte("%%%% ＃＃＃＃ 0x00 乱码\n"), 0o644)
		return p
	}
	for name, args := range fileFlags(dir, junk) {
		t.Run(name, func(t *testing.T) {
			code, _, stderr := runCmd(t, args...)
			if code != exitError {
				t.Errorf("exit %d, want %d: %s", code, exitError, stderr)
			}
			if !strings.Contains(stderr, "junk") {
				t.Errorf("message does not name the file: %s", stderr)
			}
			checkChinese(t, stderr, args)
		})
	}
}

// TestCLIBadValuesInChinese: values that are not files but are wrong are
// bad arguments (exit 2), worded without Go internals.
func TestCLIBadValuesInChinese(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", dir)
	png := filepath.Join(dir, "x.png")
	bnd := filepath.Join("testdata", "boundaries", "synthetic-wgs84.geojson")
	tests := []struct {
		name string
		args []string
		msg  string
	}{
		{"format", []string{"export", "--out", filepath.Join(dir, "x.docx")}, "docx"},
		{"paper", []string{"export", "--out", png, "--paper", "B5"}, "A4"},
		{"basemap name", []string{"export", "--out", png, "--basemap", "osmx"}, "osmx"},
		{"basemap zoom", []string{"export", "--out", png, "--basemap-zoom", "5-x"}, "5-x"},
		{"basemap datum", []string{"export", "--out", png, "--basemap-datum", "bd09"}, "bd09"},
		{"coverage crs", []string{"coverage", "--out", filepath.Join(dir, "c.csv"), "--boundaries", bnd, "--crs", "EPSG:9999"}, "EPSG:9999"},
		{"access network crs", []string{"access", "--out", filepath.Join(dir, "a.tif"), "--network", filepath.Join(dir, "n.shp"), "--network-crs", "EPSG:9999"}, "EPSG:9999"},
		{"export network crs", []string{"export", "--out", png, "--network", filepath.Join(dir, "n.shp"), "--network-crs", "EPSG:9999"}, "EPSG:9999"},
		{"crs bad WKT", []string{"export", "--out", png, "--boundaries", bnd, "--crs", `PROJCS["x"`}, "WKT"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := runCmd(t, tc.args...)
			if code != exitUsage || !strings.Contains(stderr, tc.msg) {
				t.Errorf("exit %d, want %d, and %q in: %s", code, exitUsage, tc.msg, stderr)
			}
			checkChinese(t, stderr, tc.args)
		})
	}
}
