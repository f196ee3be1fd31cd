package tile

import (
	"context"
	"errors"
	"image"
	"image/color"
	"net/http"
	"testing"
	"time"

	"github.com/paulmach/orb/maptile"
)

// fetchGrid fetches the grid's tiles one after another and counts the
// answers that were refused at once because the host was backed off.
func fetchGrid(t *testing.T, f *Fetcher) (backoffs int) {
	t.Helper()
	for _, tl := range grid {
		if _, err := f.Fetch(context.Background(), tl, nil); errors.Is(err, ErrBackoff) {
			backoffs++
		}
	}
	return backoffs
}

// TestSlowHostBacksOff: a host that fails or crawls on every other tile is
// backed off although each failure is followed by a success; a host that
// answers quickly with one odd timeout is not.
func TestSlowHostBacksOff(t *testing.T) {
	good := pngTile(t, 256, color.RGBA{5, 6, 7, 255})
	tests := []struct {
		name        string
		h           func(w http.ResponseWriter, r *http.Request, i int)
		slowAfter   time.Duration
		wantBackoff bool
	}{
		{"every other tile times out", func(w http.ResponseWriter, r *http.Request, i int) {
			if i%2 == 1 {
				stall(w, r)
				return
			}
			w.Write(good)
		}, 0, true},
		{"every other tile slow", func(w http.ResponseWriter, r *http.Request, i int) {
			if i%2 == 1 {
				time.Sleep(150 * time.Millisecond)
			}
			w.Write(good)
		}, 50 * time.Millisecond, true},
		{"one timeout among quick tiles", func(w http.ResponseWriter, r *http.Request, i int) {
			if i == 3 {
				stall(w, r)
				return
			}
			w.Write(good)
		}, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newFaultServer(t, tt.h)
			f := NewFetcher(testSource(srv.URL), "test")
			f.Timeout, f.SlowAfter = 300*time.Millisecond, tt.slowAfter
			if raceEnabled {
				f.Timeout *= 5
			}
			n := fetchGrid(t, f)
			t.Logf("%d of %d tiles refused by the back-off, %d requests", n, len(grid), srv.requests.Load())
			if got := n > 0; got != tt.wantBackoff {
				t.Errorf("backed off: %v, want %v", got, tt.wantBackoff)
			}
		})
	}
}

// TestLoadBudget: a load whose context ends keeps the tiles that arrived,
// counts the others missing and returns at once, although the server's
// stalls would hold each request for the fetcher's whole timeout.
func TestLoadBudget(t *testing.T) {
	good := pngTile(t, 256, color.RGBA{5, 6, 7, 255})
	srv := newFaultServer(t, func(w http.ResponseWriter, r *http.Request, i int) {
		if i%2 == 1 {
			stall(w, r)
			return
		}
		w.Write(good)
	})
	src := testSource(srv.URL)
	f := NewFetcher(src, "test")
	f.Timeout = 10 * time.Second
	s := NewStore(src, StoreOptions{Fetcher: f})
	defer s.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	defer cancel()
	start := time.Now()
	set, missing, err := s.Load(ctx, grid, nil)
	took := time.Since(start)
	t.Logf("budget 0.5 s: returned after %v with %d tiles, %d missing", took.Round(time.Millisecond), len(set), missing)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err %v, want the deadline", err)
	}
	if len(set) == 0 || len(set)+missing != len(grid) {
		t.Errorf("%d tiles kept, %d missing; want the arrived ones and the rest counted (%d)", len(set), missing, len(grid))
	}
	if took > 5*time.Second {
		t.Errorf("the load returned after %v: it waited for the stalled requests", took)
	}
	// The budget ran out; the tiles did not fail: the next view asks again.
	if _, failed := s.failedErr(grid[1]); failed {
		t.Error("a tile cut off by the budget was marked failed")
	}
}

// BenchmarkLoadWarm: the 651 tiles of an A3 300-dpi export, all in
// memory: the cost of Load itself (its workers, the budget's context,
// the set).
func BenchmarkLoadWarm(b *testing.B) {
	s := NewStore(testSource("http://127.0.0.1:9"), StoreOptions{MemTiles: 700})
	defer s.Close()
	img := image.NewRGBA(image.Rect(0, 0, 256, 256))
	var tiles []maptile.Tile
	for i := range 651 {
		tl := maptile.Tile{X: liwan.X + uint32(i%31), Y: liwan.Y + uint32(i/31), Z: 16}
		s.mem.Put(tl, img)
		tiles = append(tiles, tl)
	}
	b.ReportAllocs()
	for b.Loop() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		set, missing, err := s.Load(ctx, tiles, nil)
		cancel()
		if err != nil || missing != 0 || len(set) != len(tiles) {
			b.Fatalf("%d tiles, %d missing, %v", len(set), missing, err)
		}
	}
}
