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
// had (offline, a server error) are left out and counted in missing; only
// cancellation or a too-large request is an error. progress, when set, is
// called after each tile, from the loading goroutines but never two calls
// at once.
func (s *Store) Load(ctx context.Context, tiles []maptile.Tile, progress func(done, total int)) (set Set, missing int, err error) {
	if len(tiles) > MaxLoadTiles {
		return nil, 0, fmt.Errorf("%w: %d (at most %d)", ErrTooManyTiles, len(tiles), MaxLoadTiles)
	}
	set = Set{}
	var mu sync.Mutex
	work := make(chan maptile.Tile)
	var wg sync.WaitGroup
	done := 0
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for t := range work {
				img, ok := s.mem.Get(t)
				if !ok && s.loadNow(t) {
					img, ok = s.mem.Get(t)
				}
				mu.Lock()
				if ok {
					set[t] = img
				} else {
					missing++
				}
				done++
				if progress != nil {
					progress(done, len(tiles)) // under mu: calls never overlap
				}
				mu.Unlock()
			}
		}()
	}
	for _, t := range tiles {
		if !s.Source.Valid(t) {
			continue
		}
		select {
		case work <- t:
		case <-ctx.Done():
			close(work)
			wg.Wait()
			return nil, 0, ctx.Err()
		}
	}
	close(work)
	wg.Wait()
	return set, missing, ctx.Err()
}
