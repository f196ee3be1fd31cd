package main

import (
	"bytes"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const plotsGeoJSON = `{"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"code":"AF040422"},"geometry":{"type":"Polygon","coordinates":[[[113.21,23.08],[113.25,23.08],[113.25,23.11],[113.21,23.11],[113.21,23.08]]]}}]}`

func countColour(t *testing.T, path string, want color.RGBA) int {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for y := img.Bounds().Min.Y; y < img.Bounds().Max.Y; y++ {
		for x := img.Bounds().Min.X; x < img.Bounds().Max.X; x++ {
			if color.RGBAModel.Convert(img.At(x, y)).(color.RGBA) == want {
				n++
			}
		}
	}
	return n
}

func TestCLIExportReference(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", dir)
	plots := filepath.Join(dir, "plots.geojson")
	os.WriteFile(plots, []byte(plotsGeoJSON), 0o644)
	out := filepath.Join(dir, "ref.png")
	code, _, stderr := runCmd(t, "export", "--out", out, "--dpi", "50", "--bbox", "113.2,23.07,113.26,23.12",
		"--layers", "sites", "--basemap", "none", "--reference", plots+",stroke=#00ff00,width=3")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if n := countColour(t, out, color.RGBA{0, 255, 0, 255}); n < 200 {
		t.Errorf("%d outline pixels of the reference layer", n)
	}
}

func TestCLIReferenceErrors(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.geojson")
	os.WriteFile(empty, []byte(`{"type":"FeatureCollection","features":[]}`), 0o644)
	plots := filepath.Join(dir, "plots.geojson")
	os.WriteFile(plots, []byte(plotsGeoJSON), 0o644)
	out := filepath.Join(dir, "x.png")
	for _, tc := range []struct{ name, ref, msg string }{
		{"no geometry", empty, "no geometry"},
		{"bad style", plots + ",stroke=green", "#rrggbb"},
		{"missing file", filepath.Join(dir, "nope.shp"), "nope.shp"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := runCmd(t, "--lang", "en", "export", "--out", out, "--basemap", "none", "--dpi", "40", "--reference", tc.ref)
			if code == 0 || !strings.Contains(stderr, tc.msg) {
				t.Errorf("exit %d, %q, want %q", code, stderr, tc.msg)
			}
		})
	}
}

func TestSplitRef(t *testing.T) {
	for _, tc := range []struct{ in, path, layer, style string }{
		{"a.gpkg", "a.gpkg", "", ""},
		{"a.gpkg:控规地块,width=2", "a.gpkg", "控规地块", "width=2"},
		{`C:\data\roads.shp,stroke=#112233`, `C:\data\roads.shp`, "", "stroke=#112233"},
	} {
		p, l, s := splitRef(tc.in)
		if p != tc.path || l != tc.layer || s != tc.style {
			t.Errorf("splitRef(%q) = %q %q %q", tc.in, p, l, s)
		}
	}
}
