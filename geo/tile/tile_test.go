package tile

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/paulmach/orb/maptile"
)

func pngTile(t testing.TB, size int, c color.Color) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	for i := 0; i < len(img.Pix); i += 4 {
		r, g, b, a := c.RGBA()
		img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = uint8(r>>8), uint8(g>>8), uint8(b>>8), uint8(a>>8)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func testSource(url string) Source {
	return Source{Name: "test", URLTemplate: url + "/{z}/{x}/{y}.png", Attribution: "test", MaxZoom: 19, TileSize: 256}
}

var liwan = maptile.Tile{X: 53374, Y: 28495, Z: 16}

func TestFetchSendsUserAgentAndPath(t *testing.T) {
	tile := pngTile(t, 256, color.White)
	var gotUA, gotPath string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotUA, gotPath = r.UserAgent(), r.URL.Path
		w.Write(tile)
	}))
	defer srv.Close()
	f := NewFetcher(testSource(srv.URL), "LiwanSchoolMap/1.0 (+test)")
	res, err := f.Fetch(context.Background(), liwan, nil)
	if err != nil {
		t.Fatal(err)
	}
	if gotUA != "LiwanSchoolMap/1.0 (+test)" {
		t.Errorf("User-Agent %q", gotUA)
	}
	if gotPath != "/16/53374/28495.png" {
		t.Errorf("path %q", gotPath)
	}
	if res.Image.Bounds().Dx() != 256 || !res.Meta.Fresh(time.Now().Add(6*24*time.Hour)) {
		t.Errorf("image %v, meta %+v", res.Image.Bounds(), res.Meta)
	}
}

func TestFetchConcurrencyCap(t *testing.T) {
	tile := pngTile(t, 256, color.White)
	var inFlight, peak atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := inFlight.Add(1)
		defer inFlight.Add(-1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		time.Sleep(30 * time.Millisecond)
		w.Write(tile)
	}))
	defer srv.Close()
	f := NewFetcher(testSource(srv.URL), "test")
	var wg sync.WaitGroup
	for i := 0; i < 12; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			if _, err := f.Fetch(context.Background(), maptile.Tile{X: uint32(i), Y: 1, Z: 5}, nil); err != nil {
				t.Error(err)
			}
		}(i)
	}
	wg.Wait()
	if p := peak.Load(); p > 2 || p < 2 {
		t.Errorf("peak concurrent requests %d, want exactly the cap of 2", p)
	}
}

func TestFetchBadResponses(t *testing.T) {
	good := pngTile(t, 256, color.White)
	tests := []struct {
		name    string
		handler http.HandlerFunc
		want    error
	}{
		{"404", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) }, ErrStatus},
		{"500", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "boom", 500) }, ErrStatus},
		{"garbage", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("<html>rate limited</html>")) }, ErrNotImage},
		{"truncated png", func(w http.ResponseWriter, r *http.Request) { w.Write(good[:len(good)/2]) }, ErrNotImage},
		{"wrong size", func(w http.ResponseWriter, r *http.Request) { w.Write(pngTile(t, 64, color.White)) }, ErrNotImage},
		{"oversized", func(w http.ResponseWriter, r *http.Request) { w.Write(bytes.Repeat([]byte{0x89}, 3<<20)) }, ErrTooLarge},
		{"slow", func(w http.ResponseWriter, r *http.Request) {
			select {
			case <-time.After(2 * time.Second):
			case <-r.Context().Done():
			}
			w.Write(good)
		}, ErrTile}, // a timeout is about this tile, not the network
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(tt.handler)
			defer srv.Close()
			f := NewFetcher(testSource(srv.URL), "test")
			f.Timeout = 200 * time.Millisecond
			_, err := f.Fetch(context.Background(), liwan, nil)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			// Through the store: nothing is cached, nothing panics.
			dir := t.TempDir()
			s := NewStore(f.Source, StoreOptions{Fetcher: f, Disk: &DiskCache{Dir: dir}})
			defer s.Close()
			s.Get(liwan)
			waitFor(t, func() bool { _, e := s.failedErr(liwan); return e })
			if _, ok := s.mem.Get(liwan); ok {
				t.Error("bad response reached the memory cache")
			}
			if n := countFiles(t, dir); n != 0 {
				t.Errorf("%d files cached from a bad response", n)
			}
		})
	}
}

func (s *Store) failedErr(t maptile.Tile) (time.Time, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	at, ok := s.failed[t]
	return at, ok
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second) // a bound, not the usual time
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not reached in 20 s")
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func countFiles(t *testing.T, dir string) int {
	n := 0
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			n++
		}
		return nil
	})
	return n
}

func TestStoreCachesAndRevalidates(t *testing.T) {
	tile := pngTile(t, 256, color.RGBA{10, 20, 30, 255})
	var hits, notModified atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		if r.Header.Get("If-None-Match") == `"v1"` {
			notModified.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Cache-Control", "max-age=60")
		w.Write(tile)
	}))
	defer srv.Close()
	dir := t.TempDir()
	disk := &DiskCache{Dir: dir}
	src := testSource(srv.URL)
	ready := make(chan maptile.Tile, 4)
	s := NewStore(src, StoreOptions{Fetcher: NewFetcher(src, "test"), Disk: disk, OnReady: func(t maptile.Tile) { ready <- t }})
	if _, ok := s.Get(liwan); ok {
		t.Fatal("cold store returned a tile")
	}
	<-ready
	img, ok := s.Get(liwan)
	if !ok || img.Pix[0] != 10 {
		t.Fatal("tile not in memory after OnReady")
	}
	s.Close()
	_, m, err := disk.Get(liwan)
	if err != nil || m.ETag != `"v1"` || !m.Fresh(time.Now().Add(6*24*time.Hour)) {
		t.Fatalf("disk entry %+v, %v (max-age=60 must still give 7 days)", m, err)
	}

	// A fresh disk entry is used without the network.
	s2 := NewStore(src, StoreOptions{Fetcher: NewFetcher(src, "test"), Disk: disk, OnReady: func(t maptile.Tile) { ready <- t }})
	s2.Get(liwan)
	<-ready
	s2.Close()
	if hits.Load() != 1 {
		t.Errorf("fresh cached tile fetched again: %d requests", hits.Load())
	}

	// A stale entry is shown and revalidated with If-None-Match.
	data, m, _ := disk.Get(liwan)
	m.Expires = time.Now().Add(-time.Hour)
	disk.Put(liwan, data, m)
	s3 := NewStore(src, StoreOptions{Fetcher: NewFetcher(src, "test"), Disk: disk, OnReady: func(t maptile.Tile) { ready <- t }})
	s3.Get(liwan)
	<-ready // the stale copy is drawn at once…
	if _, ok := s3.mem.Get(liwan); !ok {
		t.Fatal("stale tile not in memory when reported ready")
	}
	waitFor(t, func() bool { return notModified.Load() == 1 }) // …and revalidated
	waitFor(t, func() bool { _, m, _ := disk.Get(liwan); return m.Fresh(time.Now()) })
	s3.Close()
	if notModified.Load() != 1 {
		t.Fatalf("stale tile not revalidated (304s: %d)", notModified.Load())
	}
	_, m, _ = disk.Get(liwan)
	if !m.Fresh(time.Now()) || m.ETag != `"v1"` {
		t.Errorf("304 did not renew the entry: %+v", m)
	}
}

func TestStoreOffline(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close() // nothing listens there now
	src := testSource(url)
	s := NewStore(src, StoreOptions{Fetcher: NewFetcher(src, "test")})
	defer s.Close()
	s.Get(liwan)
	waitFor(t, func() bool { _, failed := s.failedErr(liwan); return failed })
	if off, _ := s.Offline(); off {
		t.Error("one connection failure judged the network down")
	}
	for i := range DownAfter { // several in a row do
		s.Get(maptile.Tile{X: liwan.X + 1 + uint32(i), Y: liwan.Y, Z: liwan.Z})
	}
	waitFor(t, func() bool { off, _ := s.Offline(); return off })
	_, err := s.Offline()
	if !errors.Is(err, ErrNetwork) {
		t.Errorf("offline error %v", err)
	}
	noFetch := NewStore(src, StoreOptions{})
	defer noFetch.Close()
	if off, _ := noFetch.Offline(); !off {
		t.Error("a store without fetcher must report offline")
	}
}

func TestDiskCacheCorruptAndAtomic(t *testing.T) {
	dir := t.TempDir()
	c := &DiskCache{Dir: dir}
	if _, _, err := c.Get(liwan); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("missing entry: %v", err)
	}
	if err := c.Put(liwan, []byte("img"), Meta{ETag: "x"}); err != nil {
		t.Fatal(err)
	}
	if n := countFiles(t, dir); n != 1 {
		t.Errorf("%d files after one Put: temporary files left behind", n)
	}
	os.WriteFile(c.path(liwan), []byte("LWT1\xff\xff\xff\xffjunk"), 0o644)
	if _, _, err := c.Get(liwan); !errors.Is(err, ErrCorrupt) {
		t.Errorf("corrupt entry: %v", err)
	}
	if _, err := os.Stat(c.path(liwan)); !os.IsNotExist(err) {
		t.Error("corrupt entry not removed")
	}
	// An unwritable cache folder gives an error, not a panic.
	bad := &DiskCache{Dir: filepath.Join(dir, "file")}
	os.WriteFile(filepath.Join(dir, "file"), nil, 0o644)
	if err := bad.Put(liwan, []byte("x"), Meta{}); err == nil {
		t.Error("Put under a file succeeded")
	}
}

func TestMetaFromHeaders(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		header map[string]string
		want   time.Duration
	}{
		{"no headers: 7 days", nil, MinFresh},
		{"short max-age raised to 7 days", map[string]string{"Cache-Control": "public, max-age=3600"}, MinFresh},
		{"long max-age honoured", map[string]string{"Cache-Control": "max-age=1209600"}, 14 * 24 * time.Hour},
		{"expires honoured", map[string]string{"Expires": now.Add(30 * 24 * time.Hour).Format(http.TimeFormat)}, 30 * 24 * time.Hour},
		{"max-age beats expires", map[string]string{"Cache-Control": "max-age=864000", "Expires": now.Add(30 * 24 * time.Hour).Format(http.TimeFormat)}, 10 * 24 * time.Hour},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := http.Header{}
			for k, v := range tt.header {
				h.Set(k, v)
			}
			m := metaFrom(h, now)
			if got := m.Expires.Sub(now); got != tt.want {
				t.Errorf("lifetime %v, want %v", got, tt.want)
			}
		})
	}
}

func TestSourceURL(t *testing.T) {
	if got := OSM().URL(liwan); got != "https://tile.openstreetmap.org/16/53374/28495.png" {
		t.Errorf("URL %q", got)
	}
	if !strings.Contains(OSM().Attribution, "OpenStreetMap") {
		t.Error("OSM attribution missing")
	}
	if OSM().Valid(maptile.Tile{X: 1 << 3, Y: 0, Z: 3}) || OSM().Valid(maptile.Tile{Z: 20}) {
		t.Error("Valid accepted a tile outside the source")
	}
}
