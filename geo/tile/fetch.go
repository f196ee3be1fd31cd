package tile

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // tile servers send PNG or JPEG
	_ "image/png"
	"io"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/paulmach/orb/maptile"
)

// Errors of a fetch; test with errors.Is. Only ErrNetwork says the
// network may be down; the others are about one tile or one host.
var (
	ErrStatus   = errors.New("tile: server refused the tile")
	ErrTooLarge = errors.New("tile: response larger than the size cap")
	ErrNotImage = errors.New("tile: response is not a decodable image")
	ErrNetwork  = errors.New("tile: network unavailable")
	ErrTile     = errors.New("tile: this tile failed (timeout, redirect loop or cut-off response)")
	ErrBackoff  = errors.New("tile: server asked to wait (Retry-After) or is failing; backing off")
)

// Fetcher downloads tiles over HTTP with at most PerHost connections to
// any one host, a timeout per request and a cap on the response size.
// Responses are decoded before they are returned, so garbage never reaches
// a cache. Error bodies are drained so connections are reused. A host
// answering 429 or 503 is left alone for its Retry-After (or a doubling
// back-off when it gives none). A host is also backed off on slowness:
// each timeout, cut-off or oversized answer, and each answer slower than
// SlowAfter, adds one to its slowness score, each quick answer takes half
// a point off, and at Strikes points its tiles fail at once for a while
// instead of each waiting a timeout. So three timeouts in a row back a
// host off, and so does a host that stalls on every other tile; one odd
// timeout among quick answers does not. While a host has a score, its
// requests are cut at SlowAfter rather than the full Timeout.
type Fetcher struct {
	Source    Source
	Client    *http.Client
	UserAgent string
	MaxBytes  int64
	Timeout   time.Duration
	PerHost   int
	Strikes   int           // slowness points before a host is backed off; default 3
	MaxWait   time.Duration // longest back-off honoured; default 10 min
	// SlowAfter is how long an answer may take before it counts as slow;
	// 0 means a quarter of Timeout.
	SlowAfter time.Duration

	mu    sync.Mutex
	hosts map[string]*host
}

// host is the state of one tile server.
type host struct {
	sem     chan struct{}
	until   time.Time // no requests before
	strikes int       // 429/503 answers in a row, for the doubling back-off
	slow    float64   // slowness score (see Fetcher)
	rests   int       // back-offs for slowness since the last quick answer
}

// NewFetcher returns a fetcher with the defaults the OSM policy expects:
// 2 connections per host, 20 s timeout, 1 MiB cap, at most 5 redirects.
func NewFetcher(src Source, userAgent string) *Fetcher {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxConnsPerHost, tr.MaxIdleConnsPerHost = 2, 2
	client := &http.Client{Transport: tr, CheckRedirect: func(req *http.Request, via []*http.Request) error {
		if len(via) >= 5 {
			return errRedirects
		}
		return nil
	}}
	return &Fetcher{Source: src, Client: client, UserAgent: userAgent,
		MaxBytes: 1 << 20, Timeout: 20 * time.Second, PerHost: 2}
}

var errRedirects = errors.New("too many redirects")

// Result is a fetched tile. NotModified means the server confirmed the
// cached copy (ETag/Last-Modified); Data and Image are then nil.
type Result struct {
	Data        []byte
	Image       image.Image
	Meta        Meta
	NotModified bool
}

// Fetch downloads t. With prev set, it asks conditionally (If-None-Match,
// If-Modified-Since).
func (f *Fetcher) Fetch(ctx context.Context, t maptile.Tile, prev *Meta) (Result, error) {
	u := f.Source.URL(t)
	h, release, err := f.acquire(ctx, u)
	if err != nil {
		return Result{}, fmt.Errorf("%s: %w", Name(t), err)
	}
	defer release()
	start := time.Now()
	rctx, cancel := context.WithTimeout(ctx, f.timeoutFor(h))
	defer cancel()
	req, err := http.NewRequestWithContext(rctx, http.MethodGet, u, nil)
	if err != nil {
		return Result{}, fmt.Errorf("tile: %w", err)
	}
	req.Header.Set("User-Agent", f.UserAgent)
	if prev != nil {
		if prev.ETag != "" {
			req.Header.Set("If-None-Match", prev.ETag)
		}
		if prev.LastModified != "" {
			req.Header.Set("If-Modified-Since", prev.LastModified)
		}
	}
	resp, err := f.Client.Do(req)
	if err != nil {
		return Result{}, f.requestError(ctx, h, t, err)
	}
	defer resp.Body.Close()
	res, err := f.read(resp, h, t, prev)
	switch {
	case ctx.Err() != nil: // the caller gave up: says nothing of the host
	case err != nil && (errors.Is(err, ErrTile) || errors.Is(err, ErrTooLarge)):
		f.strike(h, 0)
	case time.Since(start) > f.slowAfter():
		f.slowAnswer(h)
	case err == nil:
		f.clear(h)
	}
	return res, err
}

// read turns a response into a Result.
func (f *Fetcher) read(resp *http.Response, h *host, t maptile.Tile, prev *Meta) (Result, error) {
	now := time.Now()
	switch {
	case resp.StatusCode == http.StatusNotModified && prev != nil:
		m := metaFrom(resp.Header, now)
		if m.ETag == "" {
			m.ETag = prev.ETag
		}
		if m.LastModified == "" {
			m.LastModified = prev.LastModified
		}
		return Result{Meta: m, NotModified: true}, nil
	case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable:
		drain(resp.Body)
		wait := f.backoffFor(h, resp.Header.Get("Retry-After"), now)
		return Result{}, fmt.Errorf("%w: %s: HTTP %d, waiting %v", ErrBackoff, Name(t), resp.StatusCode, wait.Round(time.Second))
	case resp.StatusCode != http.StatusOK:
		drain(resp.Body)
		return Result{}, fmt.Errorf("%w: %s: HTTP %d", ErrStatus, Name(t), resp.StatusCode)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, f.MaxBytes+1))
	if err != nil {
		return Result{}, fmt.Errorf("%w: %s: %v", ErrTile, Name(t), err)
	}
	if int64(len(data)) > f.MaxBytes {
		return Result{}, fmt.Errorf("%w: %s", ErrTooLarge, Name(t))
	}
	img, err := decode(data, f.Source.TileSize)
	if err != nil {
		return Result{}, fmt.Errorf("%s: %w", Name(t), err)
	}
	return Result{Data: data, Image: img, Meta: metaFrom(resp.Header, now)}, nil
}

// drain reads what is left of a small error body so the connection can be
// reused; a large one is cut off (the connection is then closed).
func drain(r io.Reader) { io.Copy(io.Discard, io.LimitReader(r, 64<<10)) }

// requestError classifies a failed request: a connection that could not be
// made is ErrNetwork; a timeout, a redirect loop or a cut-off answer is
// about this tile (ErrTile), and counts a strike against the host.
func (f *Fetcher) requestError(ctx context.Context, h *host, t maptile.Tile, err error) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	var op *net.OpError
	var dns *net.DNSError
	if (errors.As(err, &op) && op.Op == "dial") || errors.As(err, &dns) {
		return fmt.Errorf("%w: %s: %v", ErrNetwork, Name(t), err)
	}
	f.strike(h, 0)
	return fmt.Errorf("%w: %s: %v", ErrTile, Name(t), err)
}

// Name is the tile as z/x/y, for messages.
func Name(t maptile.Tile) string { return fmt.Sprintf("tile %d/%d/%d", t.Z, t.X, t.Y) }

// decode checks that data is an image of the tile size before anything
// is cached.
func decode(data []byte, size int) (image.Image, error) {
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotImage, err)
	}
	if size > 0 && (cfg.Width != size || cfg.Height != size) {
		return nil, fmt.Errorf("%w: %dx%d, want %dx%d", ErrNotImage, cfg.Width, cfg.Height, size, size)
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotImage, err)
	}
	return img, nil
}
