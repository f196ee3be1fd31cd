package tile

import (
	"cmp"
	"context"
	"image"
	"image/draw"
	"io"
	"net/http"
	"sync"
	"time"

	"github.com/paulmach/orb/maptile"
	xdraw "golang.org/x/image/draw"
	_ "golang.org/x/image/webp" // PMTiles and folders may hold WebP

	"github.com/liwan-edu/schoolmap/data/i18n"
)

// Basemap is what the map and the exports draw under the data: one or
// more Stores (天地图's map and annotation are two), composited, with the
// last zoom scaled up beyond the source's maximum and a neutral tile
// outside its bounds. It answers the renderer (Get) and the exporter
// (Load) like a Store.
type Basemap struct {
	Source Source // the bottom layer: zoom range, bounds, datum
	Label  string // attribution to show
	layers []*Store
	key    *KeyTransport
	files  []io.Closer
	made   *LRU // composites and scaled-up tiles
	bg     *image.RGBA
	mu     sync.Mutex

	warnings []error // faults the basemap was opened despite
}

// Background is the neutral colour outside a basemap's bounds (the
// renderer's background).
var Background = image.NewUniform(colorBG)

// BasemapOptions configure Open.
type BasemapOptions struct {
	Online    bool                // fetch over the network (offline files are read either way)
	Key       string              // 天地图 key (tk); kept in memory only
	NoDisk    bool                // no disk cache (tests)
	CacheRoot string              // "" = the user cache folder
	CacheFor  func(Source) string // when set, a source's cache folder ("" = none)
	Client    *http.Client        // nil = a default client; tests point it at httptest
	OnReady   func(maptile.Tile)  // from a worker goroutine
	Timeout   time.Duration       // per-tile request timeout (0 = the fetcher's default)
}

// Open builds the basemap a Spec names. KindNone returns nil, nil.
func Open(sp Spec, o BasemapOptions) (*Basemap, error) {
	switch sp.Kind {
	case KindNone:
		return nil, nil
	case KindMBTiles, KindPMTiles, KindFolder:
		return openFile(sp, o)
	}
	if sp.NeedsKey() && o.Key == "" {
		return nil, ErrNoKey
	}
	return NewBasemap(sp.Sources(), o), nil
}

// NewBasemap fetches srcs (bottom first) over HTTP, each with its own
// cache folder.
func NewBasemap(srcs []Source, o BasemapOptions) *Basemap {
	b := newBasemap(srcs[0])
	var rt http.RoundTripper
	if o.Client != nil {
		rt = o.Client.Transport
	}
	if o.Key != "" {
		b.key = &KeyTransport{Base: rt, Param: "tk", Key: o.Key}
		rt = b.key
	}
	for _, s := range srcs {
		so := StoreOptions{OnReady: o.OnReady}
		if o.Online {
			so.Fetcher = NewFetcher(s, UserAgent)
			so.Fetcher.Client = &http.Client{Transport: rt}
			if o.Timeout > 0 {
				so.Fetcher.Timeout = o.Timeout
			}
		}
		if dir := cacheDir(s, o); dir != "" {
			so.Disk = &DiskCache{Dir: dir}
		}
		b.layers = append(b.layers, NewStore(s, so))
	}
	return b
}

func cacheDir(s Source, o BasemapOptions) string {
	switch {
	case o.CacheFor != nil:
		return o.CacheFor(s)
	case o.NoDisk:
		return ""
	case o.CacheRoot != "":
		return o.CacheRoot + "/" + s.Name
	}
	return DefaultCacheDir(s)
}

func newBasemap(s Source) *Basemap {
	bg := image.NewRGBA(image.Rect(0, 0, 256, 256))
	draw.Draw(bg, bg.Bounds(), Background, image.Point{}, draw.Src)
	b := &Basemap{Source: s, Label: s.Attribution, made: NewLRU(256), bg: bg}
	if s.Datum == GCJ02 {
		b.Label += " · " + i18n.T("basemap.gcj02_note")
	}
	return b
}

// Close stops the workers and closes the files.
func (b *Basemap) Close() {
	for _, l := range b.layers {
		l.Close()
	}
	for _, f := range b.files {
		f.Close()
	}
}

// Problem reports a lasting fault the user must fix: ErrKeyRefused.
func (b *Basemap) Problem() error {
	if b.key != nil && b.key.Refused() {
		return ErrKeyRefused
	}
	return nil
}

// Warnings are faults an offline file was opened despite (an impossible
// zoom range in its metadata); Message words each. The map shows anyway.
func (b *Basemap) Warnings() []error {
	if b == nil {
		return nil
	}
	return b.warnings
}

// Offline reports whether the bottom layer's network is down.
func (b *Basemap) Offline() (bool, error) { return b.layers[0].Offline() }

// GCJ02 reports whether data must be shifted to sit on this basemap.
func (b *Basemap) GCJ02() bool { return b != nil && b.Source.Datum == GCJ02 }

// Want queues the tiles of the current view (their parents beyond the
// last zoom), dropping older requests.
func (b *Basemap) Want(tiles []maptile.Tile) {
	need := b.needed(tiles)
	for _, l := range b.layers {
		l.Want(need)
	}
}

// needed maps tiles to the tiles of the source that draw them.
func (b *Basemap) needed(tiles []maptile.Tile) []maptile.Tile {
	seen := map[maptile.Tile]bool{}
	var out []maptile.Tile
	for _, t := range tiles {
		if s, ok := b.sourceTile(t); ok && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// sourceTile is the tile of the source that draws t: t itself, or its
// ancestor at the last zoom; false outside the source (background).
func (b *Basemap) sourceTile(t maptile.Tile) (maptile.Tile, bool) {
	if int(t.Z) < b.Source.MinZoom || !b.Source.Covers(t) {
		return t, false
	}
	if int(t.Z) > b.Source.MaxZoom {
		return ancestor(t, b.Source.MaxZoom), true
	}
	return t, true
}

func ancestor(t maptile.Tile, z int) maptile.Tile {
	for int(t.Z) > z && t.Z > 0 {
		t = t.Parent()
	}
	return t
}

// Get answers the renderer at once: a composite from memory, or false
// while a layer is still coming.
func (b *Basemap) Get(t maptile.Tile) (*image.RGBA, bool) {
	return b.compose(t, func(i int, s maptile.Tile) (*image.RGBA, bool) { return b.layers[i].Get(s) })
}

// Load brings the tiles of an export in, waiting for them; missing counts
// the tiles inside the source that could not be had. When ctx ends, the
// tiles that arrived are still returned, with ctx's error (see
// Store.Load); a layer that did not arrive is left out of the composites.
func (b *Basemap) Load(ctx context.Context, tiles []maptile.Tile, progress func(done, total int)) (Set, int, error) {
	need := b.needed(tiles)
	sets := make([]Set, len(b.layers))
	var ended error
	for i, l := range b.layers {
		s, _, err := l.Load(ctx, need, progress)
		if err != nil && ctx.Err() == nil {
			return nil, 0, err
		}
		sets[i], ended = s, cmp.Or(ended, err)
	}
	out, missing := Set{}, 0
	for _, t := range tiles {
		img, ok := b.compose(t, func(i int, s maptile.Tile) (*image.RGBA, bool) { return sets[i].Get(s) })
		if ok {
			out[t] = img
		} else {
			missing++
		}
	}
	return out, missing, ended
}

// compose draws t from the layers' tiles given by get.
func (b *Basemap) compose(t maptile.Tile, get func(int, maptile.Tile) (*image.RGBA, bool)) (*image.RGBA, bool) {
	s, ok := b.sourceTile(t)
	if !ok {
		return b.bg, true
	}
	if img, ok := b.made.Get(t); ok {
		return img, true
	}
	base, ok := get(0, s)
	if !ok {
		return nil, false
	}
	if len(b.layers) == 1 && s == t {
		return base, true
	}
	out, complete := b.stack(base, s, get)
	if s != t {
		out = zoomIn(out, s, t)
	}
	if complete {
		b.made.Put(t, out)
	}
	return out, true
}

// stack draws the upper layers over a copy of base; complete is false
// when one is still missing (the result is then not kept).
func (b *Basemap) stack(base *image.RGBA, s maptile.Tile, get func(int, maptile.Tile) (*image.RGBA, bool)) (*image.RGBA, bool) {
	if len(b.layers) == 1 {
		return base, true
	}
	out := image.NewRGBA(base.Bounds())
	draw.Draw(out, out.Bounds(), base, base.Bounds().Min, draw.Src)
	complete := true
	for i := 1; i < len(b.layers); i++ {
		if ov, ok := get(i, s); ok {
			draw.Draw(out, out.Bounds(), ov, ov.Bounds().Min, draw.Over)
		} else {
			complete = false
		}
	}
	return out, complete
}

// zoomIn scales up the part of src (tile s) that covers t, a descendant.
func zoomIn(src *image.RGBA, s, t maptile.Tile) *image.RGBA {
	dz := uint(t.Z - s.Z)
	size := src.Bounds().Dx()
	part := float64(size) / float64(uint32(1)<<dz)
	ox := float64(t.X-s.X<<dz) * part
	oy := float64(t.Y-s.Y<<dz) * part
	r := image.Rect(int(ox), int(oy), max(int(ox+part+0.5), int(ox)+1), max(int(oy+part+0.5), int(oy)+1)).Add(src.Bounds().Min)
	out := image.NewRGBA(image.Rect(0, 0, size, size))
	xdraw.BiLinear.Scale(out, out.Bounds(), src, r, draw.Src, nil)
	return out
}
