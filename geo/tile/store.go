package tile

import (
	"context"
	"errors"
	"image"
	"image/draw"
	"io/fs"
	"sync"
	"time"

	"github.com/paulmach/orb/maptile"
)

// Store serves decoded tiles to the renderer without ever blocking it:
// Get answers from memory at once and queues what is missing; background
// workers fill the memory cache from disk or the network and call OnReady.
// Only tiles asked for are fetched (no prefetch, as the OSM policy asks).
type Store struct {
	Source  Source
	fetch   *Fetcher   // nil when offline
	disk    *DiskCache // nil without a disk cache
	mem     *LRU
	onReady func(maptile.Tile)

	mu       sync.Mutex
	queue    []maptile.Tile
	queued   map[maptile.Tile]bool
	failed   map[maptile.Tile]time.Time
	offUntil time.Time // network considered down until then
	connFail int       // connection failures in a row
	retry    time.Duration
	downAt   int
	lastErr  error
	wake     chan struct{}
	ctx      context.Context
	stop     context.CancelFunc
	wg       sync.WaitGroup
}

// RetryAfter is how long a failed tile, or a network found down, is left
// alone before it is tried again (StoreOptions.RetryFailed changes it).
const RetryAfter = 30 * time.Second

// DownAfter is how many connection failures in a row make the network
// count as down; a timeout or a bad answer is about one tile only.
const DownAfter = 3

// StoreOptions configure a Store. Fetcher nil means offline: cached tiles
// only. Disk nil means no disk cache.
type StoreOptions struct {
	Fetcher  *Fetcher
	Disk     *DiskCache
	MemTiles int                // LRU size; default 384
	Workers  int                // default 4 (network use is capped by the Fetcher)
	OnReady  func(maptile.Tile) // called from a worker goroutine
	// RetryFailed is how long a failed tile waits before it is tried
	// again; default RetryAfter.
	RetryFailed time.Duration
}

// NewStore starts the workers; Close stops them.
func NewStore(src Source, o StoreOptions) *Store {
	if o.MemTiles <= 0 {
		o.MemTiles = 384
	}
	if o.Workers <= 0 {
		o.Workers = 4
	}
	if o.RetryFailed <= 0 {
		o.RetryFailed = RetryAfter
	}
	ctx, cancel := context.WithCancel(context.Background())
	s := &Store{Source: src, fetch: o.Fetcher, disk: o.Disk, mem: NewLRU(o.MemTiles), onReady: o.OnReady,
		queued: map[maptile.Tile]bool{}, failed: map[maptile.Tile]time.Time{},
		wake: make(chan struct{}, 1), ctx: ctx, stop: cancel, retry: o.RetryFailed, downAt: DownAfter}
	for i := 0; i < o.Workers; i++ {
		s.wg.Add(1)
		go s.work()
	}
	return s
}

// Close stops the workers and waits for them.
func (s *Store) Close() {
	s.stop()
	s.wg.Wait()
}

// Get returns the tile if it is in memory; otherwise it queues it and
// returns false.
func (s *Store) Get(t maptile.Tile) (*image.RGBA, bool) {
	if img, ok := s.mem.Get(t); ok {
		return img, true
	}
	s.request(t)
	return nil, false
}

// Want replaces the queue with the tiles of the current view, so tiles of
// views already left are not fetched.
func (s *Store) Want(tiles []maptile.Tile) {
	s.mu.Lock()
	s.queue = s.queue[:0]
	s.queued = map[maptile.Tile]bool{}
	s.mu.Unlock()
	for _, t := range tiles {
		if _, ok := s.mem.Get(t); !ok {
			s.request(t)
		}
	}
}

// Offline reports whether the network was found unavailable recently (or
// the store has no fetcher), with the last error.
func (s *Store) Offline() (bool, error) {
	if s.fetch == nil {
		return true, nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return time.Now().Before(s.offUntil), s.lastErr
}

func (s *Store) request(t maptile.Tile) {
	if !s.Source.Valid(t) {
		return
	}
	s.mu.Lock()
	if s.queued[t] || time.Now().Before(s.failed[t]) {
		s.mu.Unlock()
		return
	}
	s.queued[t] = true
	s.queue = append(s.queue, t)
	s.mu.Unlock()
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// next pops the most recently requested tile: the newest view first.
func (s *Store) next() (maptile.Tile, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.queue) == 0 {
		return maptile.Tile{}, false
	}
	t := s.queue[len(s.queue)-1]
	s.queue = s.queue[:len(s.queue)-1]
	return t, true
}

func (s *Store) work() {
	defer s.wg.Done()
	for {
		t, ok := s.next()
		if !ok {
			select {
			case <-s.ctx.Done():
				return
			case <-s.wake:
				continue
			}
		}
		if s.ctx.Err() != nil {
			return
		}
		if s.load(t) && s.onReady != nil {
			s.onReady(t)
		}
		s.mu.Lock()
		delete(s.queued, t)
		s.mu.Unlock()
	}
}

// load brings t into memory: from disk when fresh, else from the network
// (conditionally when a stale copy exists); a stale copy is still shown
// when the network fails.
func (s *Store) load(t maptile.Tile) bool {
	shown, stale := s.fromDisk(t)
	if shown && stale == nil {
		return true
	}
	if shown && s.onReady != nil {
		s.onReady(t) // draw the stale copy now, not after revalidation
	}
	return s.fromNetwork(s.ctx, t, stale)
}

// loadNow is load for a job that must not wait on revalidation (an
// export): a stale copy is used at once and revalidated in the background.
// ctx ends the job's wait (its budget or a cancel).
func (s *Store) loadNow(ctx context.Context, t maptile.Tile) bool {
	shown, stale := s.fromDisk(t)
	if shown {
		if stale != nil {
			s.request(t) // the workers revalidate it
		}
		return true
	}
	return s.fromNetwork(ctx, t, nil)
}

// fromDisk puts the disk copy of t in memory; stale is its meta when it
// needs revalidation.
func (s *Store) fromDisk(t maptile.Tile) (shown bool, stale *Meta) {
	if s.disk == nil {
		return false, nil
	}
	data, m, err := s.disk.Get(t)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, ErrCorrupt) {
			s.fail(t, err, false)
		}
		return false, nil
	}
	img, derr := decode(data, s.Source.TileSize)
	if derr != nil {
		return false, nil
	}
	s.mem.Put(t, toRGBA(img))
	if m.Fresh(time.Now()) {
		return true, nil
	}
	return true, &m
}

// fromNetwork fetches t (conditionally with stale) and caches it; it
// reports whether a new image reached memory. A fetch cut off because
// ctx ended is not a failure of the tile.
func (s *Store) fromNetwork(ctx context.Context, t maptile.Tile, stale *Meta) bool {
	if s.fetch == nil || s.networkDown() {
		return false
	}
	res, err := s.fetch.Fetch(ctx, t, stale)
	if err != nil && ctx.Err() != nil {
		return false
	}
	if err != nil {
		network := errors.Is(err, ErrNetwork)
		if !network && !errors.Is(err, context.Canceled) && !errors.Is(err, ErrBackoff) {
			s.up() // a server answered (or timed out): the network works
		}
		s.fail(t, err, network)
		return false
	}
	s.up()
	if res.NotModified {
		if data, _, derr := s.disk.Get(t); derr == nil {
			s.disk.Put(t, data, res.Meta)
		}
		return false
	}
	s.mem.Put(t, toRGBA(res.Image))
	if s.disk != nil {
		// A full disk must not break the map: the tile is shown from memory.
		if err := s.disk.Put(t, res.Data, res.Meta); err != nil {
			s.fail(t, err, false)
			s.mu.Lock()
			delete(s.failed, t)
			s.mu.Unlock()
		}
	}
	return true
}

func (s *Store) networkDown() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return time.Now().Before(s.offUntil)
}

// fail records a failed tile (tried again after the retry delay) and, for
// a connection failure, counts towards judging the network down.
func (s *Store) fail(t maptile.Tile, err error, network bool) {
	if s.ctx.Err() != nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.lastErr = err
	s.failed[t] = time.Now().Add(s.retry)
	if !network {
		return
	}
	s.connFail++
	if s.connFail >= s.downAt {
		s.offUntil = time.Now().Add(s.retry)
	}
}

// up records that the server answered: the network works.
func (s *Store) up() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.offUntil = time.Time{}
	s.connFail = 0
}

func toRGBA(img image.Image) *image.RGBA {
	if r, ok := img.(*image.RGBA); ok {
		return r
	}
	r := image.NewRGBA(img.Bounds())
	draw.Draw(r, r.Bounds(), img, img.Bounds().Min, draw.Src)
	return r
}
