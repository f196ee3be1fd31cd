package export

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/paulmach/orb"
	orbgeo "github.com/paulmach/orb/geo"
	"github.com/paulmach/orb/maptile"

	"github.com/liwan-edu/schoolmap/assets"
	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/geo/golden"
	"github.com/liwan-edu/schoolmap/geo/render"
	"github.com/liwan-edu/schoolmap/geo/tile"
)

// synthLoader serves every tile as a flat checker: a tile server without a
// network.
type synthLoader struct{ calls atomic.Int32 }

func (s *synthLoader) Load(ctx context.Context, tiles []maptile.Tile, progress func(int, int)) (tile.Set, int, error) {
	set := tile.Set{}
	for i, t := range tiles {
		if err := ctx.Err(); err != nil {
			return nil, 0, err
		}
		img := image.NewRGBA(image.Rect(0, 0, 256, 256))
		v := uint8(226 + 10*((t.X+t.Y)%2))
		for p := 0; p < len(img.Pix); p += 4 {
			img.Pix[p], img.Pix[p+1], img.Pix[p+2], img.Pix[p+3] = v, v, v-8, 255
		}
		set[t] = img
		if progress != nil {
			progress(i+1, len(tiles))
		}
	}
	s.calls.Add(1)
	return set, 0, nil
}

var liwanExtent = orb.Bound{Min: orb.Point{113.18, 23.055}, Max: orb.Point{113.26, 23.16}}

func testExporter(t testing.TB) *Exporter {
	t.Helper()
	f, err := render.NewFonts(assets.FontTTF)
	if err != nil {
		t.Fatal(err)
	}
	return &Exporter{FontTTF: assets.FontTTF, Fonts: f, Tiles: &synthLoader{}}
}

func testOptions(t testing.TB, format Format) Options {
	t.Helper()
	sites, err := data.ParseSites(assets.SitesGeoJSON)
	if err != nil {
		t.Fatal(err)
	}
	return Options{Format: format, Paper: "A4", Landscape: true, DPI: 60, Extent: liwanExtent,
		Title: `荔湾区"十四五"教育设施建设项目分布图 (2023年)`, Subtitle: "规划附件 25 个项目 · 位置为公开资料推定",
		Date: time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC), Sources: "数据：荔湾区教育事业发展“十四五”规划附件；位置：公开资料",
		Attribution: "© OpenStreetMap contributors", Scene: render.NewScene(sites, 2023)}
}

func writeTo(t testing.TB, e *Exporter, o Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := e.Write(context.Background(), &buf, o, nil); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestPNGSizeAndDPI(t *testing.T) {
	tests := []struct {
		name string
		mod  func(o *Options)
		w, h int
		dpi  float64
	}{
		{"A4 landscape 60 dpi", func(o *Options) {}, 702, 496, 60},
		{"A4 portrait 60 dpi", func(o *Options) { o.Landscape = false }, 496, 702, 60},
		{"A3 landscape 40 dpi", func(o *Options) { o.Paper, o.DPI = "A3", 40 }, 661, 468, 40},
		{"pixel size", func(o *Options) { o.Paper, o.WidthPx, o.HeightPx, o.DPI = "", 1000, 640, 150 }, 1000, 640, 150},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := testOptions(t, PNG)
			tt.mod(&o)
			b := writeTo(t, testExporter(t), o)
			img, err := png.Decode(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			if img.Bounds().Dx() != tt.w || img.Bounds().Dy() != tt.h {
				t.Errorf("size %v, want %dx%d", img.Bounds().Size(), tt.w, tt.h)
			}
			if dpi := golden.ReadDPI(b); math.Abs(dpi-tt.dpi) > 0.1 {
				t.Errorf("pHYs says %.2f dpi, want %g", dpi, tt.dpi)
			}
		})
	}
}

func TestGoldenPage(t *testing.T) {
	o := testOptions(t, PNG)
	o.DPI = 96
	b := writeTo(t, testExporter(t), o)
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	rgba := image.NewRGBA(img.Bounds())
	for y := 0; y < img.Bounds().Dy(); y++ {
		for x := 0; x < img.Bounds().Dx(); x++ {
			rgba.Set(x, y, img.At(x, y))
		}
	}
	assertGolden(t, "a4-landscape-2023", rgba)
}

// assertGolden compares an image with testdata/NAME.png (see package golden).
var assertGolden = golden.Assert

func TestPDFPagesFontsAndSize(t *testing.T) {
	o := testOptions(t, PDF)
	o.Paper, o.DPI, o.Tables = "A3", 100, true
	b := writeTo(t, testExporter(t), o)
	if !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatal("not a PDF")
	}
	if !bytes.Contains(b, []byte("/FontFile2")) {
		t.Error("the CJK font is not embedded (no /FontFile2)")
	}
	if got := len(regexp.MustCompile(`/Type /Page\b`).FindAll(b, -1)); got != 2 {
		t.Errorf("%d pages, want 2 (map and tables)", got)
	}
	path := filepath.Join(t.TempDir(), "plan.pdf")
	os.WriteFile(path, b, 0o644)
	if _, err := exec.LookPath("pdfinfo"); err != nil {
		t.Log("pdfinfo not installed: page size checked from the PDF bytes only")
		if !bytes.Contains(b, []byte("/MediaBox [0 0 1190.55 841.89]")) {
			t.Error("MediaBox is not A3 landscape")
		}
		return
	}
	info, err := exec.Command("pdfinfo", path).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo: %v\n%s", err, info)
	}
	if !regexp.MustCompile(`Pages:\s+2\n`).Match(info) || !regexp.MustCompile(`Page size:\s+1190.55 x 841.89 pts \(A3\)`).Match(info) {
		t.Errorf("pdfinfo:\n%s", info)
	}
	fonts, err := exec.Command("pdffonts", path).CombinedOutput()
	if err != nil {
		t.Fatalf("pdffonts: %v\n%s", err, fonts)
	}
	if !regexp.MustCompile(`CID TrueType\s+Identity-H\s+yes`).Match(fonts) {
		t.Errorf("CJK font not embedded:\n%s", fonts)
	}
	// Only the glyphs used are embedded: the whole font is 4.6 MB.
	if len(b) > 1<<20 {
		t.Errorf("PDF is %d bytes: the font was not subset", len(b))
	}
	if txt, err := exec.Command("pdftotext", path, "-").Output(); err == nil {
		for _, want := range []string{"荔湾区", "OpenStreetMap", "北", "km", "初中 1000 m"} {
			if !strings.Contains(string(txt), want) {
				t.Errorf("PDF text lacks %q (text must be real, searchable text)", want)
			}
		}
	}
}

func TestScaleBarMatchesGround(t *testing.T) {
	e := testExporter(t)
	for _, tc := range []struct {
		paper string
		dpi   float64
		ext   orb.Bound
	}{
		{"A4", 150, liwanExtent},
		{"A3", 300, liwanExtent},
		{"A4", 96, orb.Bound{Min: orb.Point{113.23, 23.07}, Max: orb.Point{113.25, 23.08}}},
	} {
		o := testOptions(t, PNG)
		o.Paper, o.DPI, o.Extent = tc.paper, tc.dpi, tc.ext
		w, h, _ := o.pageMM()
		g := pageGeometry(w, h, true, 3)
		v := e.fit(o, int(o.px(g.mapBox.w)), int(o.px(g.mapBox.h)))
		meters, mm := chooseScale(v.MetersPerPixel()*o.px(1), 35*g.k)
		// Lay the bar across the map centre and measure it on the ground.
		cx, cy := float64(v.Width)/2, float64(v.Height)/2
		a, b := v.FromScreen(cx-o.px(mm)/2, cy), v.FromScreen(cx+o.px(mm)/2, cy)
		ground := orbgeo.Distance(a, b)
		if math.Abs(ground-meters)/meters > 0.01 {
			t.Errorf("%s %g dpi: bar of %g m covers %.1f m of ground", tc.paper, tc.dpi, meters, ground)
		}
		if first := meters / math.Pow(10, math.Floor(math.Log10(meters))); first != 1 && first != 2 && first != 5 {
			t.Errorf("scale length %g is not round", meters)
		}
	}
}

func TestExportCancelAndBadOptions(t *testing.T) {
	e := testExporter(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var buf bytes.Buffer
	if err := e.Write(ctx, &buf, testOptions(t, PNG), nil); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled export: %v", err)
	}
	if buf.Len() != 0 {
		t.Errorf("a cancelled export wrote %d bytes", buf.Len())
	}
	for _, mod := range []func(*Options){
		func(o *Options) { o.DPI = 0 },
		func(o *Options) { o.DPI = math.NaN() },
		func(o *Options) { o.DPI = math.Inf(1) },
		func(o *Options) { o.Paper = "B5" },
		func(o *Options) { o.Paper, o.WidthPx = "", 10 },
		func(o *Options) { o.Scene = nil },
	} {
		o := testOptions(t, PNG)
		mod(&o)
		if err := e.Write(context.Background(), &buf, o, nil); !errors.Is(err, ErrOption) {
			t.Errorf("bad option accepted: %v", err)
		}
	}
}

func TestOfflineExportNotesMissingTiles(t *testing.T) {
	e := testExporter(t)
	e.Tiles = tile.NewStore(tile.OSM(), tile.StoreOptions{}) // no fetcher, no cache
	defer e.Tiles.(*tile.Store).Close()
	o := testOptions(t, PDF)
	b := writeTo(t, e, o)
	if len(b) == 0 {
		t.Fatal("offline export wrote nothing")
	}
}

func benchExport(b *testing.B, o Options) {
	e := testExporter(b)
	var peak atomic.Uint64
	stop := make(chan struct{})
	go func() {
		var ms runtime.MemStats
		for {
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
			}
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peak.Load() {
				peak.Store(ms.HeapInuse)
			}
		}
	}()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		// Each export starts from a collected heap: the figure is the
		// memory one export needs, not garbage left by the previous one.
		b.StopTimer()
		runtime.GC()
		b.StartTimer()
		var buf bytes.Buffer
		if err := e.Write(context.Background(), &buf, o, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	close(stop)
	b.ReportMetric(float64(peak.Load())/(1<<20), "peak-heap-MB")
}

func BenchmarkA3Landscape300dpiPNG(b *testing.B) {
	o := testOptions(b, PNG)
	o.Paper, o.DPI = "A3", 300
	benchExport(b, o)
}

func BenchmarkA4PDF300dpi(b *testing.B) {
	o := testOptions(b, PDF)
	o.DPI = 300
	benchExport(b, o)
}
