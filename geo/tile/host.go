package tile

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// acquire takes one of the PerHost slots of the URL's host; it fails at
// once with ErrBackoff while the host is backed off.
func (f *Fetcher) acquire(ctx context.Context, rawURL string) (*host, func(), error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, nil, fmt.Errorf("tile: bad URL %q: %w", rawURL, err)
	}
	h := f.host(u.Host)
	if wait := f.waiting(h); wait > 0 {
		return nil, nil, fmt.Errorf("%w: %s for another %v", ErrBackoff, u.Host, wait.Round(time.Millisecond))
	}
	select {
	case h.sem <- struct{}{}:
		if wait := f.waiting(h); wait > 0 { // backed off while queued
			<-h.sem
			return nil, nil, fmt.Errorf("%w: %s for another %v", ErrBackoff, u.Host, wait.Round(time.Millisecond))
		}
		return h, func() { <-h.sem }, nil
	case <-ctx.Done():
		return nil, nil, ctx.Err()
	}
}

func (f *Fetcher) host(name string) *host {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.hosts == nil {
		f.hosts = map[string]*host{}
	}
	h, ok := f.hosts[name]
	if !ok {
		h = &host{sem: make(chan struct{}, max(1, f.PerHost))}
		f.hosts[name] = h
	}
	return h
}

func (f *Fetcher) waiting(h *host) time.Duration {
	f.mu.Lock()
	defer f.mu.Unlock()
	return time.Until(h.until)
}

// strike counts a failure against the host; after Strikes in a row (or at
// once when wait > 0) the host is backed off for wait, or for a back-off
// doubling from 1 s.
func (f *Fetcher) strike(h *host, wait time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	h.strikes++
	limit := f.Strikes
	if limit <= 0 {
		limit = 3
	}
	if wait <= 0 && h.strikes < limit {
		return
	}
	if wait <= 0 {
		wait = time.Second << min(h.strikes-limit, 9)
	}
	h.until = time.Now().Add(min(wait, f.maxWait()))
}

func (f *Fetcher) maxWait() time.Duration {
	if f.MaxWait > 0 {
		return f.MaxWait
	}
	return 10 * time.Minute
}

// clear records a success: the host's strikes start again.
func (f *Fetcher) clear(h *host) {
	f.mu.Lock()
	defer f.mu.Unlock()
	h.strikes = 0
}

// backoffFor backs the host off for Retry-After (seconds or an HTTP
// date), or without one for a back-off doubling with each 429/503 in a
// row from 1 s.
func (f *Fetcher) backoffFor(h *host, retryAfter string, now time.Time) time.Duration {
	wait := parseRetryAfter(retryAfter, now)
	if wait <= 0 {
		f.mu.Lock()
		wait = time.Second << min(h.strikes, 9)
		f.mu.Unlock()
	}
	f.strike(h, wait)
	return min(wait, f.maxWait())
}

// parseRetryAfter reads a Retry-After header: delay-seconds or an HTTP
// date; 0 when absent or unreadable.
func parseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if n, err := strconv.ParseInt(v, 10, 64); err == nil && n >= 0 {
		return time.Duration(min(n, 1<<30)) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		return t.Sub(now)
	}
	return 0
}
