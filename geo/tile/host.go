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

// strike counts a failure against the host: with wait > 0 (a 429 or
// 503) it is backed off for wait at once; otherwise the failure is a
// slowness point (see slower).
func (f *Fetcher) strike(h *host, wait time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if wait > 0 {
		h.strikes++
		h.until = time.Now().Add(min(wait, f.maxWait()))
		return
	}
	f.slower(h)
}

// slowAnswer counts an answer that took longer than SlowAfter.
func (f *Fetcher) slowAnswer(h *host) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.slower(h)
}

// slower adds a slowness point; at Strikes points the host is backed off
// for a rest doubling from 1 s, and keeps all but one point, so the next
// slow answer backs it off again for twice as long. Called under f.mu.
func (f *Fetcher) slower(h *host) {
	limit := float64(f.Strikes)
	if limit <= 0 {
		limit = 3
	}
	h.slow++
	if h.slow < limit {
		return
	}
	h.until = time.Now().Add(min(time.Second<<min(h.rests, 9), f.maxWait()))
	h.rests++
	h.slow = limit - 1
}

func (f *Fetcher) maxWait() time.Duration {
	if f.MaxWait > 0 {
		return f.MaxWait
	}
	return 10 * time.Minute
}

func (f *Fetcher) slowAfter() time.Duration {
	if f.SlowAfter > 0 {
		return f.SlowAfter
	}
	return f.Timeout / 4
}

// timeoutFor is the request timeout for the host: Timeout, or SlowAfter
// while the host has a slowness score (a slow answer then counts as a
// timeout without holding a connection for the whole Timeout).
func (f *Fetcher) timeoutFor(h *host) time.Duration {
	f.mu.Lock()
	defer f.mu.Unlock()
	if h.slow > 0 {
		return min(f.Timeout, f.slowAfter())
	}
	return f.Timeout
}

// clear records a quick success: the 429 count starts again and the
// slowness score loses half a point.
func (f *Fetcher) clear(h *host) {
	f.mu.Lock()
	defer f.mu.Unlock()
	h.strikes = 0
	h.slow = max(0, h.slow-0.5)
	if h.slow == 0 {
		h.rests = 0
	}
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
