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
	"net/http"
	"net/url"
	"sync"
	"time"

	"github.com/paulmach/orb/maptile"
)

// Errors of a fetch; test with errors.Is.
var (
	ErrStatus   = errors.New("tile: server refused the tile")
	ErrTooLarge = errors.New("tile: response larger than the size cap")
	ErrNotImage = errors.New("tile: response is not a decodable image")
	ErrNetwork  = errors.New("tile: network unavailable")
)

// Fetcher downloads tiles over HTTP with at most PerHost requests in flight
// to any one host, a timeout per request and a cap on the response size.
// Responses are decoded before they are returned, so garbage never reaches
// a cache.
type Fetcher struct {
	Source    Source
	Client    *http.Client
	UserAgent string
	MaxBytes  int64
	Timeout   time.Duration
	PerHost   int

	mu    sync.Mutex
	hosts map[string]chan struct{}
}

// NewFetcher returns a fetcher with the defaults the OSM policy expects:
// 2 connections per host, 20 s timeout, 1 MiB cap.
func NewFetcher(src Source, userAgent string) *Fetcher {
	return &Fetcher{Source: src, Client: &http.Client{}, UserAgent: userAgent,
		MaxBytes: 1 << 20, Timeout: 20 * time.Second, PerHost: 2}
}

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
	release, err := f.acquire(ctx, u)
	if err != nil {
		return Result{}, err
	}
	defer release()
	ctx, cancel := context.WithTimeout(ctx, f.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
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
		return Result{}, fmt.Errorf("%w: %s: %v", ErrNetwork, Name(t), err)
	}
	defer resp.Body.Close()
	now := time.Now()
	if resp.StatusCode == http.StatusNotModified && prev != nil {
		m := metaFrom(resp.Header, now)
		if m.ETag == "" {
			m.ETag = prev.ETag
		}
		if m.LastModified == "" {
			m.LastModified = prev.LastModified
		}
		return Result{Meta: m, NotModified: true}, nil
	}
	if resp.StatusCode != http.StatusOK {
		return Result{}, fmt.Errorf("%w: %s: HTTP %d", ErrStatus, Name(t), resp.StatusCode)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, f.MaxBytes+1))
	if err != nil {
		return Result{}, fmt.Errorf("%w: %s: %v", ErrNetwork, Name(t), err)
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

// acquire takes one of the PerHost slots of the URL's host.
func (f *Fetcher) acquire(ctx context.Context, rawURL string) (func(), error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("tile: bad URL %q: %w", rawURL, err)
	}
	f.mu.Lock()
	if f.hosts == nil {
		f.hosts = map[string]chan struct{}{}
	}
	sem, ok := f.hosts[u.Host]
	if !ok {
		n := f.PerHost
		if n < 1 {
			n = 1
		}
		sem = make(chan struct{}, n)
		f.hosts[u.Host] = sem
	}
	f.mu.Unlock()
	select {
	case sem <- struct{}{}:
		return func() { <-sem }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}
