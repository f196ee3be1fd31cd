package tile

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/paulmach/orb/maptile"
)

// fileURL is the template offline sources are given, so the Store's one
// pipeline (memory cache, background workers, decode check) serves them
// through a FileTransport with no network involved.
const fileURL = "tiles://file/{z}/{x}/{y}"

// FileTransport answers the Fetcher's requests for fileURL from a
// TileSource: 200 with the tile, 404 where the source has none.
type FileTransport struct{ Src TileSource }

// RoundTrip serves one tile.
func (ft FileTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	t, ok := parseTilePath(req.URL.Path)
	resp := &http.Response{StatusCode: http.StatusNotFound, Header: http.Header{}, Request: req,
		Body: io.NopCloser(bytes.NewReader(nil))}
	if !ok {
		return resp, nil
	}
	data, err := ft.Src.Tile(req.Context(), t)
	if errors.Is(err, ErrNoTile) {
		return resp, nil
	}
	if err != nil {
		return nil, err
	}
	resp.StatusCode = http.StatusOK
	resp.Header.Set("Cache-Control", "max-age=31536000")
	resp.Body = io.NopCloser(bytes.NewReader(data))
	return resp, nil
}

func parseTilePath(p string) (maptile.Tile, bool) {
	parts := strings.Split(strings.Trim(p, "/"), "/")
	if len(parts) != 3 {
		return maptile.Tile{}, false
	}
	var v [3]uint64
	for i, s := range parts {
		n, err := strconv.ParseUint(s, 10, 32)
		if err != nil {
			return maptile.Tile{}, false
		}
		v[i] = n
	}
	if v[0] > 30 {
		return maptile.Tile{}, false
	}
	return maptile.New(uint32(v[1]), uint32(v[2]), maptile.Zoom(v[0])), true
}
