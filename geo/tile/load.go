package tile

import (
	"context"
	"errors"
	"fmt"
	"image"
	"sync"

	"github.com/paulmach/orb/maptile"
)

// MaxLoadTiles caps one Load: a larger request is a bulk download, which
// the OSM tile policy forbids.
const MaxLoadTiles = 2000

// ErrTooManyTiles is returned when a Load asks for more than MaxLoadTiles.
var ErrTooManyTiles = errors.New("tile: too many tiles for one request")

// Set is a fixed set of tiles held for one job (an export), independent of
// the memory cache's evictions. It implements the renderer's TileGetter.
type Set map[maptile.Tile]*image.RGBA

// Get returns a tile of the set.
func (s Set) Get(t maptile.Tile) (*image.RGBA, bool) {
	img, ok := s[t]
	return img, ok
}

// Load brings tiles into a Set, waiting for each one: from memory, disk or
// the network (through the fetcher's per-host cap). Tiles that cannot be
// had (offline, a server error) are left out and counted in missing. When
// ctx ends (an export's tile budget, or a cancel) Load returns at once,
// without waiting for requests under way: set holds the tiles that
// arrived, missing counts the others, and err is ctx's error. A
// too-large request is an error without tiles. progress, when set, is
// called after each tile, from the loading goroutines but never two calls
// at once.
func (s *Store) Load(ctx context.Context, tiles []maptile.Tile, progress func(done, total int)) (set Set, missing int, err error) {
	if len(tiles) > MaxLoadTiles {
		return nil, 0, fmt.Errorf("%w: %d (at most %d)", ErrTooManyTiles, len(tiles), MaxLoadTiles)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	defer context.AfterFunc(s.ctx, cancel)() // Close ends the wait too
	var valid []maptile.Tile
	for _, t := range tiles {
		if s.Source.Valid(t) {
			valid = append(valid, t)
		}
	}
	l := &loading{set: Set{}, total: len(tiles), progress: progress}
	work := make(chan maptile.Tile, len(valid))
	for _, t := range valid {
		work <- t
	}
	close(work)
	finished := make(chan struct{})
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for t := range work {
				if ctx.Err() != nil {
					return
				}
				img, ok := s.mem.Get(t)
				if !ok && s.loadNow(ctx, t) {
					img, ok = s.mem.Get(t)
				}
				l.add(t, img, ok)
			}
		}()
	}
	go func() { wg.Wait(); close(finished) }()
	select {
	case <-finished:
	case <-ctx.Done():
	}
	set, got := l.result()
	return set, len(valid) - got, context.Cause(ctx)
}

// loading collects the tiles of one Load; after result, late arrivals
// are dropped.
type loading struct {
	mu       sync.Mutex
	set      Set
	done     int
	total    int
	closed   bool
	progress func(done, total int)
}

func (l *loading) add(t maptile.Tile, img *image.RGBA, ok bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		return
	}
	if ok {
		l.set[t] = img
	}
	l.done++
	if l.progress != nil {
		l.progress(l.done, l.total) // under mu: calls never overlap
	}
}

func (l *loading) result() (Set, int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.closed = true
	return l.set, len(l.set)
}
