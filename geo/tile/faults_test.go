package tile

import (
	"bytes"
	"context"
	"image/color"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/paulmach/orb/maptile"
)

// faultServer is an httptest server whose handler gets the tile's index
// in the test grid, counting requests, connections and conditional asks.
type faultServer struct {
	*httptest.Server
	requests, conns, conditional atomic.Int32
}

func newFaultServer(t *testing.T, h func(w http.ResponseWriter, r *http.Request, i int)) *faultServer {
	fs := &faultServer{}
	fs.Server = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fs.requests.Add(1)
		if r.Header.Get("If-None-Match") != "" {
			fs.conditional.Add(1)
		}
		parts := strings.Split(strings.TrimSuffix(r.URL.Path, ".png"), "/")
		x, _ := strconv.Atoi(parts[len(parts)-2])
		y, _ := strconv.Atoi(parts[len(parts)-1])
		h(w, r, (y-int(grid[0].Y))*4+x-int(grid[0].X))
	}))
	fs.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			fs.conns.Add(1)
		}
	}
	fs.Start()
	t.Cleanup(fs.Close)
	return fs
}

// grid is the 4×3 tiles an export of a small view asks for.
var grid = func() []maptile.Tile {
	var out []maptile.Tile
	for y := range 3 {
		for x := range 4 {
			out = append(out, maptile.Tile{X: liwan.X + uint32(x), Y: liwan.Y + uint32(y), Z: 16})
		}
	}
	return out
}()

func stall(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() }

// faultStore is a store with the short timeouts of the tests.
func faultStore(t *testing.T, url, dir string) (*Store, *Fetcher) {
	src := testSource(url)
	f := NewFetcher(src, "test")
	f.Timeout = 300 * time.Millisecond
	s := NewStore(src, StoreOptions{Fetcher: f, Disk: &DiskCache{Dir: dir}, RetryFailed: 200 * time.Millisecond})
	t.Cleanup(s.Close)
	return s, f
}

// TestFaultMatrix runs an export's tile load against misbehaving servers:
// the load ends in bounded time, shows every valid tile, caches nothing
// bad, keeps to the connection cap where the server lets connections be
// reused, and never judges the network down for a server that answers.
func TestFaultMatrix(t *testing.T) {
	good := pngTile(t, 256, color.RGBA{1, 2, 3, 255})
	var sent429 atomic.Int32
	tests := []struct {
		name     string
		h        func(w http.ResponseWriter, r *http.Request, i int)
		shown    int
		maxConns int32 // 0: not checked (the client must drop a connection it timed out on)
		maxReqs  int32 // 0: not checked
		budget   time.Duration
	}{
		{"500", func(w http.ResponseWriter, r *http.Request, _ int) { http.Error(w, "boom", 500) }, 0, 2, 0, 2 * time.Second},
		{"404", func(w http.ResponseWriter, r *http.Request, _ int) { http.NotFound(w, r) }, 0, 2, 0, 2 * time.Second},
		{"429 Retry-After", func(w http.ResponseWriter, r *http.Request, _ int) {
			if sent429.Add(1) <= 2 {
				w.Header().Set("Retry-After", "1")
				http.Error(w, "slow down", http.StatusTooManyRequests)
				return
			}
			w.Write(good)
		}, 0, 2, 2, time.Second},
		{"stall", func(w http.ResponseWriter, r *http.Request, _ int) { stall(w, r) }, 0, 0, 4, 3 * time.Second},
		{"trickle", func(w http.ResponseWriter, r *http.Request, _ int) {
			w.Header().Set("Content-Length", strconv.Itoa(len(good)))
			for _, b := range good {
				if _, err := w.Write([]byte{b}); err != nil {
					return
				}
				w.(http.Flusher).Flush()
				time.Sleep(20 * time.Millisecond)
			}
		}, 0, 0, 4, 3 * time.Second},
		{"garbage", func(w http.ResponseWriter, r *http.Request, _ int) { w.Write([]byte("<html>rate limited</html>")) }, 0, 2, 0, 2 * time.Second},
		{"truncated", func(w http.ResponseWriter, r *http.Request, _ int) {
			w.Header().Set("Content-Length", strconv.Itoa(len(good)))
			w.Write(good[:len(good)/2])
		}, 0, 0, 0, 2 * time.Second},
		{"50 MB", func(w http.ResponseWriter, r *http.Request, _ int) {
			chunk := bytes.Repeat([]byte{0x89}, 1<<20)
			for range 50 {
				if _, err := w.Write(chunk); err != nil {
					return
				}
			}
		}, 0, 0, 4, 5 * time.Second},
		{"redirect loop", func(w http.ResponseWriter, r *http.Request, _ int) { http.Redirect(w, r, r.URL.Path, http.StatusFound) }, 0, 2, 0, 3 * time.Second},
		{"mixed", func(w http.ResponseWriter, r *http.Request, i int) {
			switch {
			case i == 5:
				stall(w, r)
			case i == 9:
				http.Redirect(w, r, r.URL.Path, http.StatusFound)
			case i%4 == 0:
				w.Write(good)
			case i%4 == 1:
				http.NotFound(w, r)
			case i%4 == 2:
				w.Write([]byte("garbage"))
			default:
				http.Error(w, "boom", 500)
			}
		}, 3, 0, 0, 3 * time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newFaultServer(t, tt.h)
			dir := t.TempDir()
			s, _ := faultStore(t, srv.URL, dir)
			start := time.Now()
			set, missing, err := s.Load(context.Background(), grid, nil)
			took := time.Since(start)
			t.Logf("%s: %v, %d shown, %d missing, %d requests, %d connections", tt.name, took.Round(time.Millisecond), len(set), missing, srv.requests.Load(), srv.conns.Load())
			if err != nil || len(set) != tt.shown || len(set)+missing != len(grid) {
				t.Errorf("err %v, %d shown (want %d), %d missing", err, len(set), tt.shown, missing)
			}
			if raceEnabled {
				tt.budget *= 10
			}
			if took > tt.budget {
				t.Errorf("took %v, budget %v", took, tt.budget)
			}
			if n := countFiles(t, dir); n != tt.shown {
				t.Errorf("%d tiles cached, want the %d valid ones", n, tt.shown)
			}
			if tt.maxConns > 0 && srv.conns.Load() > tt.maxConns {
				t.Errorf("%d connections, want ≤ %d", srv.conns.Load(), tt.maxConns)
			}
			if tt.maxReqs > 0 && srv.requests.Load() > tt.maxReqs {
				t.Errorf("%d requests, want ≤ %d (back-off not honoured)", srv.requests.Load(), tt.maxReqs)
			}
			if off, _ := s.Offline(); off {
				t.Error("a server that answers was judged a network down")
			}
		})
	}
	t.Run("429 then recovered", func(t *testing.T) {
		sent429.Store(0)
		srv := newFaultServer(t, tests[2].h)
		s, _ := faultStore(t, srv.URL, t.TempDir())
		s.Load(context.Background(), grid, nil)
		if set, _, _ := s.Load(context.Background(), grid, nil); len(set) != 0 {
			t.Errorf("%d tiles fetched inside the Retry-After", len(set))
		}
		time.Sleep(1100 * time.Millisecond)
		if set, _, _ := s.Load(context.Background(), grid, nil); len(set) != len(grid) {
			t.Errorf("%d tiles after the Retry-After, want %d", len(set), len(grid))
		}
	})
}

// TestExportUsesStaleTileAtOnce: a stale cached tile is drawn without
// waiting, and revalidated in the background with a conditional request.
// The server holds every request until the load has returned: a load
// that waited on revalidation would not return.
func TestExportUsesStaleTileAtOnce(t *testing.T) {
	good := pngTile(t, 256, color.RGBA{9, 9, 9, 255})
	release := make(chan struct{})
	var answered atomic.Int32
	srv := newFaultServer(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		<-release
		answered.Add(1)
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Write(good)
	})
	dir := t.TempDir()
	disk := &DiskCache{Dir: dir}
	for _, tl := range grid {
		disk.Put(tl, good, Meta{ETag: `"v1"`, Fetched: time.Now().Add(-30 * 24 * time.Hour), Expires: time.Now().Add(-time.Hour)})
	}
	src := testSource(srv.URL)
	f := NewFetcher(src, "test") // the default 20 s timeout: waiting would show
	s := NewStore(src, StoreOptions{Fetcher: f, Disk: disk})
	defer s.Close()
	start := time.Now()
	set, missing, err := s.Load(context.Background(), grid, nil)
	took := time.Since(start)
	if err != nil || len(set) != len(grid) || missing != 0 || answered.Load() != 0 {
		t.Fatalf("%d shown, %d missing, %d answered before the load returned, %v", len(set), missing, answered.Load(), err)
	}
	close(release)
	waitFor(t, func() bool { return srv.conditional.Load() == int32(len(grid)) })
	waitFor(t, func() bool { _, m, _ := disk.Get(grid[0]); return m.Fresh(time.Now()) })
	t.Logf("stale export: %v; %d conditional requests, %d connections", took.Round(time.Millisecond), srv.conditional.Load(), srv.conns.Load())
}

// TestOneBadTileKeepsTheBasemap: a tile that times out fails alone.
func TestOneBadTileKeepsTheBasemap(t *testing.T) {
	good := pngTile(t, 256, color.White)
	srv := newFaultServer(t, func(w http.ResponseWriter, r *http.Request, i int) {
		if i == 0 {
			stall(w, r)
			return
		}
		w.Write(good)
	})
	s, _ := faultStore(t, srv.URL, t.TempDir())
	s.Get(grid[0])
	waitFor(t, func() bool { _, f := s.failedErr(grid[0]); return f })
	for _, tl := range grid[1:] {
		s.Get(tl)
	}
	waitFor(t, func() bool {
		for _, tl := range grid[1:] {
			if _, ok := s.mem.Get(tl); !ok {
				return false
			}
		}
		return true
	})
	if off, _ := s.Offline(); off {
		t.Error("one timed-out tile judged the network down")
	}
	waitFor(t, func() bool { at, f := s.failedErr(grid[0]); return !f || time.Now().After(at) }) // retried later
}
