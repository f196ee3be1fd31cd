package tile

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
)

// TiandituAttribution is the credit the 天地图 terms ask for.
const TiandituAttribution = "© 天地图 / 国家地理信息公共服务平台"

// ErrKeyRefused is reported when 天地图 rejects the key (HTTP 403, or an
// error document instead of an image).
var ErrKeyRefused = errors.New("tile: tianditu key refused")

// Tianditu returns the two layers of a 天地图 Web Mercator ("_w") basemap:
// the map ("vec" or "img") and its annotation ("cva" or "cia"), drawn in
// that order. The key is not part of the templates: KeyTransport adds it
// to each request, so it never appears in a URL the app prints.
func Tianditu(layer string) []Source {
	ann := map[string]string{"vec": "cva", "img": "cia"}[layer]
	out := []Source{}
	for _, l := range []string{layer, ann} {
		out = append(out, Source{
			Name: "tianditu-" + l,
			URLTemplate: "https://t{s}.tianditu.gov.cn/" + l + "_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=" +
				l + "&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}",
			Attribution: TiandituAttribution,
			MinZoom:     1, MaxZoom: 18, TileSize: 256,
			Subdomains: []string{"0", "1", "2", "3", "4", "5", "6", "7"},
		})
	}
	return out
}

// Amap is the 高德 street map, drawn in GCJ-02.
func Amap() Source {
	return Source{
		Name:        "amap",
		URLTemplate: "https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}",
		Attribution: "© 高德地图 AutoNavi",
		MinZoom:     3, MaxZoom: 18, TileSize: 256,
		Subdomains: []string{"1", "2", "3", "4"},
		Datum:      GCJ02,
	}
}

// KeyTransport adds a secret query parameter (天地图's tk) to each request
// on a copy, so the key is sent but never part of the request the client
// reports in errors. It records a refusal of the key: Refused reports it.
type KeyTransport struct {
	Base  http.RoundTripper // nil: http.DefaultTransport
	Param string
	Key   string

	refused atomic.Bool
}

// RoundTrip sends the request with the key. An error document in place of
// an image, or HTTP 403, counts as a refusal and is answered as a bare 403.
func (k *KeyTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	r := req.Clone(req.Context())
	q := r.URL.Query()
	q.Set(k.Param, k.Key)
	r.URL.RawQuery = q.Encode()
	base := k.Base
	if base == nil {
		base = http.DefaultTransport
	}
	resp, err := base.RoundTrip(r)
	if err != nil {
		return nil, errors.New(strings.ReplaceAll(err.Error(), k.Key, "***"))
	}
	if resp.StatusCode == http.StatusForbidden || resp.StatusCode == http.StatusOK && !isImage(resp) {
		resp.Body.Close()
		k.refused.Store(true)
		return &http.Response{StatusCode: http.StatusForbidden, Status: "403 key refused", Header: http.Header{},
			Body: io.NopCloser(bytes.NewReader(nil)), Request: req}, nil
	}
	return resp, nil
}

// Refused reports whether the server refused the key.
func (k *KeyTransport) Refused() bool { return k.refused.Load() }

// isImage peeks at a response: an image content type, or PNG/JPEG magic.
func isImage(resp *http.Response) bool {
	ct := resp.Header.Get("Content-Type")
	if strings.HasPrefix(ct, "image/") {
		return true
	}
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 8))
	resp.Body = struct {
		io.Reader
		io.Closer
	}{io.MultiReader(bytes.NewReader(body), resp.Body), resp.Body}
	return bytes.HasPrefix(body, []byte("\x89PNG")) || bytes.HasPrefix(body, []byte("\xff\xd8"))
}
