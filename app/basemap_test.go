package app

import (
	"bytes"
	"database/sql"
	"image"
	"image/color"
	"image/png"
	"path/filepath"
	"strings"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/maptile"
	_ "modernc.org/sqlite"

	"github.com/liwan-edu/schoolmap/data/i18n"
)

// redMBTiles writes an MBTiles of plain red tiles over Liwan, z10–z14.
func redMBTiles(t *testing.T) string {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 256, 256))
	for i := 0; i < len(img.Pix); i += 4 {
		img.Pix[i], img.Pix[i+3] = 230, 255
	}
	var buf bytes.Buffer
	png.Encode(&buf, img)
	path := filepath.Join(t.TempDir(), "liwan.mbtiles")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.Exec("CREATE TABLE metadata (name text, value text)")
	db.Exec("CREATE TABLE tiles (zoom_level int, tile_column int, tile_row int, tile_data blob)")
	db.Exec("INSERT INTO metadata VALUES ('format','png'),('minzoom','10'),('maxzoom','14'),('bounds','113.1,23.0,113.35,23.2')")
	for z := maptile.Zoom(10); z <= 14; z++ {
		lo, hi := maptile.At(orb.Point{113.1, 23.2}, z), maptile.At(orb.Point{113.35, 23.0}, z)
		for x := lo.X; x <= hi.X; x++ {
			for y := lo.Y; y <= hi.Y; y++ {
				db.Exec("INSERT INTO tiles VALUES (?,?,?,?)", z, x, (1<<z)-1-y, buf.Bytes())
			}
		}
	}
	return path
}

func redShare(img image.Image) float64 {
	b := img.Bounds()
	red, n := 0, 0
	for y := b.Min.Y; y < b.Max.Y; y += 7 {
		for x := b.Min.X; x < b.Max.X; x += 7 {
			if c := color.RGBAModel.Convert(img.At(x, y)).(color.RGBA); c.R > 200 && c.G < 60 && c.B < 60 {
				red++
			}
			n++
		}
	}
	return float64(red) / float64(n)
}

// TestBasemapChooser: an offline MBTiles opened from the panel fills the
// map and is remembered; 高德 shifts the data; 天地图 without a key says
// so and keeps the map as it was.
func TestBasemapChooser(t *testing.T) {
	i18n.SetLanguage("en")
	defer i18n.SetLanguage("zh")
	u := newTestUI(t)
	if redShare(u.Map.Image()) > 0.05 {
		t.Fatal("fixture: the map is red before the file is opened")
	}
	mb := redMBTiles(t)
	if !u.layers.basemap.choose(mb, "") {
		t.Fatalf("opening %s: %s", mb, u.layers.basemap.note.Text)
	}
	if !eventually(func() bool { u.Map.RenderNow(); return redShare(u.Map.Image()) > 0.3 }) {
		t.Errorf("the offline basemap does not show: %.2f red", redShare(u.Map.Image()))
	}
	if got := u.sh.prefs.String(prefBasemap); got != mb {
		t.Errorf("remembered basemap %q", got)
	}
	if !strings.Contains(u.layers.basemap.live.Attribution(), "liwan.mbtiles") {
		t.Errorf("attribution %q", u.layers.basemap.live.Attribution())
	}
	if !u.layers.basemap.choose("amap", "") || !u.Map.View().GCJ02 || !strings.Contains(u.layers.basemap.live.Attribution(), "GCJ-02") {
		t.Errorf("amap: gcj02 view %v, attribution %q", u.Map.View().GCJ02, u.layers.basemap.live.Attribution())
	}
	u.FitAll()
	if !u.Map.View().GCJ02 {
		t.Error("fitting the map dropped the GCJ-02 shift")
	}
	if u.layers.basemap.choose("tianditu-vec", "") || !strings.Contains(u.layers.basemap.note.Text, "TIANDITU_KEY") || !u.Map.View().GCJ02 {
		t.Errorf("tianditu without a key: note %q", u.layers.basemap.note.Text)
	}
	u.sh.prefs.SetString(prefTiandituKey, "k-123")
	if !u.layers.basemap.choose("tianditu-vec", "") || u.Map.View().GCJ02 || !strings.Contains(u.layers.basemap.live.Attribution(), "天地图") {
		t.Errorf("tianditu with a key: %q", u.layers.basemap.note.Text)
	}
	if u.sh.prefs.String(prefBasemap) != "tianditu-vec" || strings.Contains(u.sh.prefs.String(prefBasemap), "k-123") {
		t.Error("choice not remembered, or the key went with it")
	}
	if !u.layers.basemap.choose("none", "") {
		t.Fatal("none")
	}
	if off, _ := u.layers.basemap.live.Offline(); off {
		t.Error("a basemap chosen off is reported as unavailable")
	}
}

// TestBasemapRemembered: a new window opens on the remembered basemap.
func TestBasemapRemembered(t *testing.T) {
	u := newTestUI(t)
	mb := redMBTiles(t)
	u.sh.prefs.SetString(prefBasemap, mb)
	u.layers.basemap.start(u.layers.basemap.live.cur.Load())
	if !eventually(func() bool { u.Map.RenderNow(); return redShare(u.Map.Image()) > 0.3 }) {
		t.Error("the remembered offline basemap does not show")
	}
}

// TestProjectKeepsBasemapChoice: the saved project carries the basemap
// choice (never the key), and opening it shows that basemap.
func TestProjectKeepsBasemapChoice(t *testing.T) {
	u := newTestUI(t)
	mb := redMBTiles(t)
	u.sh.prefs.SetString(prefTiandituKey, "secret-k")
	if !u.layers.basemap.choose(mb, "gcj02") {
		t.Fatal(u.layers.basemap.note.Text)
	}
	p := u.file.project()
	if p.Basemap.Value != mb || p.Basemap.Datum != "gcj02" {
		t.Errorf("project basemap %+v", p.Basemap)
	}
	u2 := newTestUI(t)
	u2.file.load(p, "/projects/p.gpkg", false)
	if u2.layers.basemap.current.Value != mb || !u2.Map.View().GCJ02 {
		t.Errorf("reopened on %q, gcj02 %v", u2.layers.basemap.current.Value, u2.Map.View().GCJ02)
	}
}

// TestOfflineOffersFile: with no tile to show, the panel offers an
// offline basemap.
func TestOfflineOffersFile(t *testing.T) {
	i18n.SetLanguage("en")
	defer i18n.SetLanguage("zh")
	u := newTestUI(t)
	u.showStatus(u.Map.View())
	if !strings.Contains(u.layers.basemap.note.Text, "Open offline basemap") {
		t.Errorf("note %q", u.layers.basemap.note.Text)
	}
}

// TestCustomTemplateChoice: a template without {x} is refused in words;
// a good one with GCJ-02 shifts the data.
func TestCustomTemplateChoice(t *testing.T) {
	i18n.SetLanguage("en")
	defer i18n.SetLanguage("zh")
	u := newTestUI(t)
	if u.layers.basemap.choose("https://h/{z}/{y}.png", "") || !strings.Contains(u.layers.basemap.note.Text, "needs {z}, {x} and {y}") {
		t.Errorf("bad template: %q", u.layers.basemap.note.Text)
	}
	if !u.layers.basemap.choose("https://{s}.h/{z}/{x}/{y}.png", "gcj02") || !u.Map.View().GCJ02 {
		t.Error("good GCJ-02 template not taken")
	}
	if u.layers.basemap.choose(t.TempDir(), "") || !strings.Contains(u.layers.basemap.note.Text, "no tiles found") {
		t.Errorf("empty folder: %q", u.layers.basemap.note.Text)
	}
}

// TestBasemapZoomWarning: an MBTiles whose zoom metadata is impossible
// opens with its tiles' levels, and the panel says so.
func TestBasemapZoomWarning(t *testing.T) {
	u := newTestUI(t)
	mb := redMBTiles(t)
	db, err := sql.Open("sqlite", mb)
	if err != nil {
		t.Fatal(err)
	}
	db.Exec("UPDATE metadata SET value='20' WHERE name='minzoom'")
	db.Exec("UPDATE metadata SET value='5' WHERE name='maxzoom'")
	db.Close()
	if !u.layers.basemap.choose(mb, "") {
		t.Fatalf("refused: %s", u.layers.basemap.note.Text)
	}
	if note := u.layers.basemap.note.Text; !strings.Contains(note, "缩放级别") || !strings.Contains(note, "10–14") {
		t.Errorf("panel note %q does not warn about the zoom metadata", note)
	}
}
