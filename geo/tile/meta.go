package tile

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// MinFresh is the least time a fetched tile is used without asking the
// server again, whatever the server says (the OSM policy asks for 7 days
// when headers are missing; longer server lifetimes are honoured).
const MinFresh = 7 * 24 * time.Hour

// Meta is what the cache keeps about a tile besides its bytes.
type Meta struct {
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	Fetched      time.Time `json:"fetched"`
	Expires      time.Time `json:"expires"`
}

// Fresh reports whether the tile may be used without revalidation.
func (m Meta) Fresh(now time.Time) bool { return now.Before(m.Expires) }

// metaFrom reads validators and lifetime from response headers: max-age
// (or s-maxage) from Cache-Control wins over Expires; the lifetime is
// never shorter than MinFresh.
func metaFrom(h http.Header, now time.Time) Meta {
	m := Meta{ETag: h.Get("ETag"), LastModified: h.Get("Last-Modified"), Fetched: now}
	life := time.Duration(0)
	if age, ok := maxAge(h.Get("Cache-Control")); ok {
		life = age
	} else if exp, err := http.ParseTime(h.Get("Expires")); err == nil {
		life = exp.Sub(now)
	}
	if life < MinFresh {
		life = MinFresh
	}
	m.Expires = now.Add(life)
	return m
}

func maxAge(cc string) (time.Duration, bool) {
	for _, d := range strings.Split(cc, ",") {
		k, v, _ := strings.Cut(strings.TrimSpace(strings.ToLower(d)), "=")
		if k == "max-age" || k == "s-maxage" {
			if n, err := strconv.ParseInt(strings.Trim(v, `"`), 10, 64); err == nil && n >= 0 {
				return time.Duration(n) * time.Second, true
			}
		}
	}
	return 0, false
}
