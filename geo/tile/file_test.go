package tile

import (
	"context"
	"database/sql"
	"errors"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/maptile"

	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/geo"
)

// The fixture: a raster of Liwan in four coloured quadrants, georeferenced
// by GDAL, so the readers are checked against files they did not write.
var (
	fixtureBound = orb.Bound{Min: orb.Point{113.20, 23.06}, Max: orb.Point{113.28, 23.14}}
	quadrants    = []struct {
		name string
		at   orb.Point
		c    color.RGBA
	}{
		{"NW", orb.Point{113.22, 23.12}, color.RGBA{220, 30, 30, 255}},
		{"NE", orb.Point{113.26, 23.12}, color.RGBA{30, 200, 30, 255}},
		{"SW", orb.Point{113.22, 23.08}, color.RGBA{30, 30, 220, 255}},
		{"SE", orb.Point{113.26, 23.08}, color.RGBA{230, 220, 20, 255}},
	}
)

// needTool finds an external program: a test that needs it fails in CI
// (CI set) and is skipped elsewhere when it is missing.
func needTool(t testing.TB, names ...string) string {
	t.Helper()
	if p := findTool(names...); p != "" {
		return p
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("%s not installed (CI must install it)", names[0])
	}
	t.Skipf("%s not installed", names[0])
	return ""
}

// findTool looks in PATH, then in GOPATH/bin (where go install puts the
// protomaps pmtiles command, named go-pmtiles).
func findTool(names ...string) string {
	for _, n := range names {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
		if gp, err := exec.Command("go", "env", "GOPATH").Output(); err == nil {
			p := filepath.Join(strings.TrimSpace(string(gp)), "bin", n)
			if _, err := os.Stat(p); err == nil {
				return p
			}
		}
	}
	return ""
}

func run(t testing.TB, name string, args ...string) {
	t.Helper()
	if out, err := exec.Command(name, args...).CombinedOutput(); err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
}

var (
	fixtureOnce sync.Once
	fixtureDir  string
	fixturePath string
)

// TestMain removes the shared fixture folder.
func TestMain(m *testing.M) {
	code := m.Run()
	if fixtureDir != "" {
		os.RemoveAll(fixtureDir)
	}
	os.Exit(code)
}

// gdalMBTiles returns the quadrant raster as MBTiles written by GDAL,
// overviews by gdaladdo; made once per test run, never to be modified.
func gdalMBTiles(t *testing.T, _ string) string {
	needTool(t, "gdal_translate")
	needTool(t, "gdaladdo")
	fixtureOnce.Do(func() {
		fixtureDir, _ = os.MkdirTemp("", "tilefixture")
		fixturePath = makeMBTiles(t, fixtureDir)
	})
	if fixturePath == "" {
		t.Fatal("no fixture")
	}
	return fixturePath
}

func makeMBTiles(t testing.TB, dir string) string {
	gt := needTool(t, "gdal_translate")
	add := needTool(t, "gdaladdo")
	img := image.NewRGBA(image.Rect(0, 0, 400, 400))
	for y := 0; y < 400; y++ {
		for x := 0; x < 400; x++ {
			img.SetRGBA(x, y, quadrants[(y/200)*2+x/200].c)
		}
	}
	src := filepath.Join(dir, "q.png")
	f, err := os.Create(src)
	if err != nil {
		t.Fatal(err)
	}
	png.Encode(f, img)
	f.Close()
	out := filepath.Join(dir, "liwan.mbtiles")
	run(t, gt, "-q", "-of", "MBTILES", "-a_srs", "EPSG:4326", "-a_ullr", "113.20", "23.14", "113.28", "23.06",
		"-co", "TILE_FORMAT=PNG", src, out)
	run(t, add, "-q", "-r", "nearest", out, "2", "4", "8")
	return out
}

func pmtilesFrom(t *testing.T, mb string) string {
	pm := needTool(t, "pmtiles", "go-pmtiles")
	out := filepath.Join(t.TempDir(), "liwan.pmtiles")
	run(t, pm, "convert", mb, out)
	return out
}

// colourAt loads the tile under p at zoom z and returns its pixel there.
func colourAt(t *testing.T, b *Basemap, p orb.Point, z int) (color.RGBA, int) {
	t.Helper()
	x, y := geo.ToPixel(p, float64(z))
	tl := maptile.Tile{X: uint32(x / 256), Y: uint32(y / 256), Z: maptile.Zoom(z)}
	set, missing, err := b.Load(context.Background(), []maptile.Tile{tl}, nil)
	if err != nil {
		t.Fatal(err)
	}
	img, ok := set[tl]
	if !ok {
		return color.RGBA{}, missing
	}
	if img.Bounds().Dx() != 256 {
		t.Errorf("tile %v is %d px wide", tl, img.Bounds().Dx())
	}
	return img.RGBAAt(int(x)%256, int(y)%256), missing
}

func near(a, b color.RGBA) bool {
	d := func(x, y uint8) int { return max(int(x)-int(y), int(y)-int(x)) }
	return d(a.R, b.R) < 24 && d(a.G, b.G) < 24 && d(a.B, b.B) < 24
}

func TestGDALFiles(t *testing.T) {
	dir := t.TempDir()
	mb := gdalMBTiles(t, dir)
	t.Run("mbtiles", func(t *testing.T) { checkFixture(t, mb) })
	t.Run("pmtiles", func(t *testing.T) { checkFixture(t, pmtilesFrom(t, mb)) })
}

func checkFixture(t *testing.T, path string) {
	sp, err := ParseSpec(path, "")
	if err != nil {
		t.Fatal(err)
	}
	b, err := Open(sp, BasemapOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	maxZ := b.Source.MaxZoom
	if maxZ < 11 || !b.Source.Bounds.Intersects(fixtureBound) {
		t.Fatalf("metadata: zoom %d-%d, bounds %v", b.Source.MinZoom, maxZ, b.Source.Bounds)
	}
	for _, z := range []int{b.Source.MinZoom, maxZ, maxZ + 3} {
		for _, q := range quadrants {
			got, missing := colourAt(t, b, q.at, z)
			if !near(got, q.c) || missing != 0 {
				t.Errorf("z%d %s: colour %v, want %v (%d missing)", z, q.name, got, q.c, missing)
			}
		}
	}
	// Outside the bounds: the neutral background, not a missing tile.
	got, missing := colourAt(t, b, orb.Point{116.4, 39.9}, maxZ)
	if got != colorBG || missing != 0 {
		t.Errorf("outside bounds: %v, %d missing", got, missing)
	}
}

func TestMBTilesRowsAreTMS(t *testing.T) {
	mb := gdalMBTiles(t, t.TempDir())
	m, err := OpenMBTiles(mb)
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	z := m.Info.MaxZoom
	x, y := geo.ToPixel(quadrants[0].at, float64(z))
	xyz := maptile.Tile{X: uint32(x / 256), Y: uint32(y / 256), Z: maptile.Zoom(z)}
	if _, err := m.Tile(context.Background(), xyz); err != nil {
		t.Fatalf("XYZ tile %v: %v", xyz, err)
	}
	var rows int
	db, _ := sql.Open("sqlite", mb)
	defer db.Close()
	db.QueryRow("SELECT COUNT(*) FROM tiles WHERE zoom_level=? AND tile_row=?", z, xyz.Y).Scan(&rows)
	if rows != 0 {
		t.Errorf("file has a row %d at z%d: the fixture does not tell TMS from XYZ", xyz.Y, z)
	}
}

// TestPMTilesOpensLargeFileQuickly grows a real archive to 2 GB (sparse)
// and opens it: only the header and root directory are read.
func TestPMTilesOpensLargeFileQuickly(t *testing.T) {
	dir := t.TempDir()
	pm := pmtilesFrom(t, gdalMBTiles(t, dir))
	if err := os.Truncate(pm, 2<<30); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	p, err := OpenPMTiles(pm)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	if d := time.Since(start); d > 200*time.Millisecond {
		t.Errorf("opening a 2 GB archive took %v", d)
	}
	x, y := geo.ToPixel(quadrants[3].at, float64(p.Info.MaxZoom))
	if _, err := p.Tile(context.Background(), maptile.Tile{X: uint32(x / 256), Y: uint32(y / 256), Z: maptile.Zoom(p.Info.MaxZoom)}); err != nil {
		t.Error(err)
	}
}

func TestFolder(t *testing.T) {
	mb := gdalMBTiles(t, t.TempDir())
	dir := filepath.Join(t.TempDir(), "tiles")
	db, err := sql.Open("sqlite", mb)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := db.Query("SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var z, x, y int
		var data []byte
		if err := rows.Scan(&z, &x, &y, &data); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, itoa(z), itoa(x), itoa((1<<z)-1-y)+".png")
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rows.Close()
	db.Close()
	checkFixture(t, dir)
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestBadFiles(t *testing.T) {
	dir := t.TempDir()
	mb := gdalMBTiles(t, dir)
	whole, _ := os.ReadFile(mb)
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, b, 0o644)
		return p
	}
	vec := filepath.Join(dir, "vector.mbtiles")
	db, _ := sql.Open("sqlite", vec)
	db.Exec("CREATE TABLE metadata (name text, value text); INSERT INTO metadata VALUES ('format','pbf');" +
		"CREATE TABLE tiles (zoom_level int, tile_column int, tile_row int, tile_data blob)")
	db.Close()
	empty := filepath.Join(dir, "empty")
	os.MkdirAll(filepath.Join(empty, "notes"), 0o755)
	pmHeader := append([]byte("PMTiles\x03"), make([]byte, 119)...)
	pmHeader[99] = 1
	tests := []struct {
		name, path string
		want       error
	}{
		{"truncated mbtiles", write("cut.mbtiles", whole[:len(whole)/3]), ErrBadFile},
		{"garbage mbtiles", write("junk.mbtiles", []byte("not a database at all, just text")), ErrBadFile},
		{"vector mbtiles", vec, ErrVectorTiles},
		{"truncated pmtiles", write("cut.pmtiles", []byte("PMTiles\x03\x00")), ErrBadFile},
		{"vector pmtiles", write("vec.pmtiles", pmHeader), ErrVectorTiles},
		{"empty folder", empty, ErrNoTiles},
		{"missing mbtiles", filepath.Join(dir, "gone", "liwan.mbtiles"), ErrNotFound},
		{"missing pmtiles", filepath.Join(dir, "gone", "liwan.pmtiles"), ErrNotFound},
		{"missing folder", filepath.Join(dir, "gone", "tiles"), ErrNotFound},
	}
	i18n.SetLanguage("en")
	defer i18n.SetLanguage("zh")
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sp, err := ParseSpec(tc.path, "")
			if err == nil {
				_, err = Open(sp, BasemapOptions{})
			}
			if !errors.Is(err, tc.want) {
				t.Fatalf("got %v, want %v", err, tc.want)
			}
			if msg := Message(err); !strings.Contains(msg, tc.path) {
				t.Errorf("message %q does not name the file", msg)
			}
		})
	}
}

func TestHilbertID(t *testing.T) {
	tests := []struct {
		t    maptile.Tile
		want uint64
	}{
		{maptile.Tile{}, 0},
		{maptile.Tile{X: 0, Y: 0, Z: 1}, 1},
		{maptile.Tile{X: 0, Y: 1, Z: 1}, 2},
		{maptile.Tile{X: 1, Y: 1, Z: 1}, 3},
		{maptile.Tile{X: 1, Y: 0, Z: 1}, 4},
		{maptile.Tile{X: 0, Y: 0, Z: 2}, 5},
	}
	for _, tc := range tests {
		if got := HilbertID(tc.t); got != tc.want {
			t.Errorf("HilbertID(%v) = %d, want %d", tc.t, got, tc.want)
		}
	}
}

// BenchmarkPMTilesOpen2GB opens a real archive grown to 2 GB (sparse).
func BenchmarkPMTilesOpen2GB(b *testing.B) {
	dir := b.TempDir()
	mb := makeMBTiles(b, dir)
	pm := filepath.Join(dir, "liwan.pmtiles")
	pmt := findTool("pmtiles", "go-pmtiles")
	if pmt == "" {
		b.Skip("pmtiles not installed")
	}
	if out, err := exec.Command(pmt, "convert", mb, pm).CombinedOutput(); err != nil {
		b.Fatal(err, string(out))
	}
	os.Truncate(pm, 2<<30)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p, err := OpenPMTiles(pm)
		if err != nil {
			b.Fatal(err)
		}
		p.Close()
	}
}

func FuzzDecodeDir(f *testing.F) {
	f.Add([]byte{1, 0, 1, 10, 1})
	f.Add([]byte{2, 0, 1, 1, 1, 5, 5, 1, 0})
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 0x0f})
	f.Fuzz(func(t *testing.T, b []byte) {
		es, err := decodeDir(b)
		if err == nil && len(es) > len(b) {
			t.Errorf("%d entries from %d bytes", len(es), len(b))
		}
		find(es, 3)
	})
}

func FuzzOpenPMTiles(f *testing.F) {
	hdr := make([]byte, 127)
	copy(hdr, "PMTiles\x03")
	hdr[99] = 2
	f.Add(hdr)
	f.Fuzz(func(t *testing.T, b []byte) {
		path := filepath.Join(t.TempDir(), "f.pmtiles")
		os.WriteFile(path, b, 0o644)
		p, err := OpenPMTiles(path)
		if err != nil {
			return
		}
		defer p.Close()
		p.Tile(context.Background(), maptile.Tile{X: 1, Y: 1, Z: 2})
	})
}
