package tile

import (
	"container/list"
	"image"
	"sync"

	"github.com/paulmach/orb/maptile"
)

// LRU is a bounded in-memory cache of decoded tiles, safe for concurrent
// use.
type LRU struct {
	mu    sync.Mutex
	max   int
	order *list.List // front = most recent
	items map[maptile.Tile]*list.Element
}

type lruEntry struct {
	t   maptile.Tile
	img *image.RGBA
}

// NewLRU holds at most max tiles (256 KiB each at 256 px).
func NewLRU(max int) *LRU {
	return &LRU{max: max, order: list.New(), items: map[maptile.Tile]*list.Element{}}
}

// Get returns the tile image and marks it recently used.
func (c *LRU) Get(t maptile.Tile) (*image.RGBA, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.items[t]
	if !ok {
		return nil, false
	}
	c.order.MoveToFront(e)
	return e.Value.(*lruEntry).img, true
}

// Put adds or replaces a tile, evicting the least recently used.
func (c *LRU) Put(t maptile.Tile, img *image.RGBA) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.items[t]; ok {
		e.Value.(*lruEntry).img = img
		c.order.MoveToFront(e)
		return
	}
	c.items[t] = c.order.PushFront(&lruEntry{t, img})
	for c.order.Len() > c.max {
		last := c.order.Back()
		c.order.Remove(last)
		delete(c.items, last.Value.(*lruEntry).t)
	}
}

// Len is the number of tiles held.
func (c *LRU) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.order.Len()
}
