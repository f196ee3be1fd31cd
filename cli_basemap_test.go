package main

import (
	"bytes"
	"database/sql"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/maptile"
)

// redMBTiles writes an MBTiles of plain red tiles over Liwan at z11–z12.
func redMBTiles(t *testing.T, path string) {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 256, 256))
	for i := 0; i < len(img.Pix); i += 4 {
		img.Pix[i], img.Pix[i+3] = 230, 255
	}
	var buf bytes.Buffer
	png.Encode(&buf, img)
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range []string{"CREATE TABLE metadata (name text, value text)",
		"CREATE TABLE tiles (zoom_level int, tile_column int, tile_row int, tile_data blob)",
		"INSERT INTO metadata VALUES ('format','png'),('minzoom','11'),('maxzoom','12'),('attribution','红色测试底图')"} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	b := orb.Bound{Min: orb.Point{113.15, 23.02}, Max: orb.Point{113.30, 23.18}}
	for z := maptile.Zoom(11); z <= 12; z++ {
		lo, hi := maptile.At(orb.Point{b.Min[0], b.Max[1]}, z), maptile.At(orb.Point{b.Max[0], b.Min[1]}, z)
		for x := lo.X; x <= hi.X; x++ {
			for y := lo.Y; y <= hi.Y; y++ {
				db.Exec("INSERT INTO tiles VALUES (?,?,?,?)", z, x, (1<<z)-1-y, buf.Bytes())
			}
		}
	}
}

func countRed(t *testing.T, path string) int {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for y := img.Bounds().Min.Y; y < img.Bounds().Max.Y; y += 4 {
		for x := img.Bounds().Min.X; x < img.Bounds().Max.X; x += 4 {
			if c := color.RGBAModel.Convert(img.At(x, y)).(color.RGBA); c.R > 200 && c.G < 40 && c.B < 40 {
				n++
			}
		}
	}
	return n
}

func TestCLIExportOfflineBasemaps(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", dir)
	mb := filepath.Join(dir, "liwan.mbtiles")
	redMBTiles(t, mb)
	for _, tc := range []struct {
		name string
		args []string
		red  bool
	}{
		{"mbtiles", []string{"--basemap", mb}, true},
		{"mbtiles gcj02 overzoomed", []string{"--basemap", mb, "--basemap-datum", "gcj02", "--dpi", "200"}, true},
		{"none", []string{"--basemap", "none"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(dir, tc.name+".png")
			args := append([]string{"export", "--out", out, "--dpi", "50", "--bbox", "113.2,23.07,113.26,23.12", "--layers", "basemap,sites", "--offline"}, tc.args...)
			code, _, stderr := runCmd(t, args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			if n := countRed(t, out); (n > 1000) != tc.red {
				t.Errorf("%d red samples", n)
			}
		})
	}
}

func TestCLIBasemapErrors(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", dir)
	t.Setenv("TIANDITU_KEY", "")
	junk := filepath.Join(dir, "junk.mbtiles")
	os.WriteFile(junk, []byte("this is not sqlite"), 0o644)
	empty := filepath.Join(dir, "empty")
	os.Mkdir(empty, 0o755)
	out := filepath.Join(dir, "x.png")
	tests := []struct {
		name string
		args []string
		msg  string
	}{
		{"template without x", []string{"--basemap", "https://h/{z}/{y}.png"}, "needs {z}, {x} and {y}"},
		{"tianditu without key", []string{"--basemap", "tianditu-vec"}, "TIANDITU_KEY"},
		{"corrupt file", []string{"--basemap", junk}, junk},
		{"empty folder", []string{"--basemap", empty}, "no tiles found"},
		{"bad datum", []string{"--basemap", "osm", "--basemap-datum", "bd09"}, "bd09"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := runCmd(t, append([]string{"--lang", "en", "export", "--out", out, "--offline", "--dpi", "40"}, tc.args...)...)
			if code == 0 || !strings.Contains(stderr, tc.msg) {
				t.Errorf("exit %d, stderr %q, want %q", code, stderr, tc.msg)
			}
		})
	}
}

// TestCLITiandituKeyNotPrinted: the key given on the command line appears
// in no output.
func TestCLITiandituKeyNotPrinted(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", dir)
	const key = "cli-secret-key-42"
	out := filepath.Join(dir, "t.pdf")
	code, stdout, stderr := runCmd(t, "export", "--out", out, "--basemap", "tianditu-img", "--tianditu-key", key,
		"--offline", "--dpi", "40", "--bbox", "113.2,23.07,113.26,23.12")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, _ := os.ReadFile(out)
	if strings.Contains(stdout+stderr, key) || bytes.Contains(b, []byte(key)) {
		t.Error("key printed or written")
	}
}
