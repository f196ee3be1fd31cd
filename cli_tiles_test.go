package main

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func solidPNG(t *testing.T, c color.RGBA) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 256, 256))
	for i := 0; i < len(img.Pix); i += 4 {
		img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = c.R, c.G, c.B, c.A
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestCLIExportAgainstFaultyTiles: `export --tiles` against a server that
// answers some tiles well, some 404, some garbage and stalls on others:
// the export ends in bounded time, every good tile is on the page, only
// good tiles are cached.
func TestCLIExportAgainstFaultyTiles(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", dir)
	defer func(d time.Duration) { tileTimeout = d }(tileTimeout)
	tileTimeout = 300 * time.Millisecond
	good := solidPNG(t, color.RGBA{200, 30, 30, 255})
	var served, conns, requests atomic.Int32
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch n := len(r.URL.Path) % 4; {
		case requests.Add(1) == 1:
			<-r.Context().Done() // the first tile stalls
		case n == 0 || n == 1:
			served.Add(1)
			w.Write(good)
		case n == 2:
			http.NotFound(w, r)
		default:
			w.Write([]byte("<html>garbage</html>"))
		}
	}))
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1)
		}
	}
	srv.Start()
	defer srv.Close()
	out := filepath.Join(dir, "map.png")
	start := time.Now()
	code, _, stderr := runCmd(t, "export", "--out", out, "--dpi", "40", "--layers", "basemap,sites",
		"--bbox", "113.2,23.05,113.26,23.12", "--tiles", srv.URL+"/{z}/{x}/{y}.png")
	took := time.Since(start)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, _ := os.ReadFile(out)
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	red := 0
	bb := img.Bounds()
	for y := bb.Min.Y; y < bb.Max.Y; y += 4 {
		for x := bb.Min.X; x < bb.Max.X; x += 4 {
			if r, g, _, _ := img.At(x, y).RGBA(); r>>8 > 150 && g>>8 < 80 {
				red++
			}
		}
	}
	cached := 0
	filepath.WalkDir(filepath.Join(dir, "liwan-schoolmap"), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".tile") {
			cached++
		}
		return nil
	})
	t.Logf("export took %v; %d good tiles served, %d cached, %d connections, %d red samples", took.Round(time.Millisecond), served.Load(), cached, conns.Load(), red)
	if took > 15*time.Second {
		t.Errorf("export took %v", took)
	}
	if served.Load() == 0 || red == 0 {
		t.Error("no good tile on the page")
	}
	if int32(cached) != served.Load() {
		t.Errorf("%d tiles cached, %d good ones served", cached, served.Load())
	}
	if code, _, _ := runCmd(t, "export", "--out", out, "--tiles", "ftp://x/{z}"); code != exitUsage {
		t.Errorf("a bad template exits %d", code)
	}
}
