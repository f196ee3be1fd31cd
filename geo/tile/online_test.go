package tile

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image/color"
	"log"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/paulmach/orb/maptile"

	"github.com/liwan-edu/schoolmap/data/i18n"
)

// hostRewrite points a source's real host at a test server, keeping the
// subdomain visible as the first path segment.
func hostRewrite(s Source, server, host string) Source {
	i := strings.Index(s.URLTemplate, host)
	s.URLTemplate = server + "/" + strings.Replace(s.URLTemplate[strings.LastIndex(s.URLTemplate[:i], "/")+1:], host, "", 1)
	return s
}

type recorder struct {
	mu   sync.Mutex
	reqs []*http.Request
}

func (r *recorder) add(q *http.Request) {
	r.mu.Lock()
	r.reqs = append(r.reqs, q)
	r.mu.Unlock()
}

func TestOnlineSourceURLs(t *testing.T) {
	tests := []struct {
		name string
		src  Source
		tile maptile.Tile
		want string
	}{
		{"tianditu vec", Tianditu("vec")[0], liwan, "https://t5.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX=16&TILEROW=28495&TILECOL=53374"},
		{"tianditu cia", Tianditu("img")[1], maptile.Tile{X: 1, Y: 2, Z: 3}, "https://t3.tianditu.gov.cn/cia_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=cia&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX=3&TILEROW=2&TILECOL=1"},
		{"amap", Amap(), liwan, "https://webrd02.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x=53374&y=28495&z=16"},
		{"tms", Source{URLTemplate: "http://h/{z}/{x}/{-y}.png"}, maptile.Tile{X: 1, Y: 0, Z: 2}, "http://h/2/1/3.png"},
		{"subdomain", Source{URLTemplate: "http://{s}.h/{z}/{x}/{y}", Subdomains: []string{"a", "b", "c"}}, maptile.Tile{X: 4, Y: 1, Z: 3}, "http://c.h/3/4/1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.src.URL(tc.tile); got != tc.want {
				t.Errorf("URL\n got %s\nwant %s", got, tc.want)
			}
		})
	}
}

func TestSubdomainRotation(t *testing.T) {
	seen := map[string]bool{}
	src := Tianditu("vec")[0]
	for x := uint32(0); x < 8; x++ {
		u := src.URL(maptile.Tile{X: x, Y: 5, Z: 4})
		seen[u[len("https://"):strings.Index(u, ".")]] = true
	}
	if len(seen) != 8 {
		t.Errorf("8 neighbouring tiles used %d hosts: %v", len(seen), seen)
	}
}

func TestCheckTemplate(t *testing.T) {
	tests := []struct {
		name, tmpl string
		ok         bool
	}{
		{"xyz", "https://h/{z}/{x}/{y}.png", true},
		{"tms", "https://{s}.h/{z}/{x}/{-y}.png", true},
		{"no x", "https://h/{z}/{y}.png", false},
		{"no z", "https://h/{x}/{y}.png", false},
		{"no y", "https://h/{z}/{x}.png", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := CheckTemplate(tc.tmpl, []string{"a"})
			if (err == nil) != tc.ok || !tc.ok && !errors.Is(err, ErrTemplate) {
				t.Errorf("CheckTemplate(%q) = %v", tc.tmpl, err)
			}
		})
	}
	if _, err := ParseSpec("https://h/{z}/{y}.png", ""); !errors.Is(err, ErrTemplate) {
		t.Errorf("ParseSpec took a template without {x}: %v", err)
	}
}

// TestTiandituKeyAndComposite serves 天地图-shaped requests: the key is
// sent on every request, the annotation is drawn over the map, and the key
// appears in no log line, error or attribution.
func TestTiandituKeyAndComposite(t *testing.T) {
	const key = "secret-key-0123456789"
	red, clear := pngTile(t, 256, color.RGBA{200, 0, 0, 255}), pngTile(t, 256, color.RGBA{0, 0, 0, 0})
	dot := pngTile(t, 256, color.RGBA{0, 0, 255, 255})
	rec := &recorder{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec.add(r)
		w.Header().Set("Content-Type", "image/png")
		switch {
		case r.URL.Query().Get("tk") != key:
			w.WriteHeader(http.StatusForbidden)
		case strings.Contains(r.URL.Path, "vec_w"):
			w.Write(red)
		case r.URL.Query().Get("TILECOL") == "53374":
			w.Write(dot)
		default:
			w.Write(clear)
		}
	}))
	defer srv.Close()
	var logs bytes.Buffer
	log.SetOutput(&logs)
	defer log.SetOutput(nil)
	var srcs []Source
	for _, s := range Tianditu("vec") {
		srcs = append(srcs, hostRewrite(s, srv.URL, ".tianditu.gov.cn"))
	}
	b := NewBasemap(srcs, BasemapOptions{Online: true, Key: key, NoDisk: true})
	defer b.Close()
	tiles := []maptile.Tile{liwan, {X: liwan.X + 1, Y: liwan.Y, Z: 16}}
	set, missing, err := b.Load(context.Background(), tiles, nil)
	if err != nil || missing != 0 {
		t.Fatalf("Load: %v, %d missing", err, missing)
	}
	if c := set[tiles[0]].RGBAAt(10, 10); c != (color.RGBA{0, 0, 255, 255}) {
		t.Errorf("annotation not drawn over the map: %v", c)
	}
	if c := set[tiles[1]].RGBAAt(10, 10); c != (color.RGBA{200, 0, 0, 255}) {
		t.Errorf("map under a clear annotation: %v", c)
	}
	hosts := map[string]bool{}
	for _, r := range rec.reqs {
		hosts[strings.Split(strings.Trim(r.URL.Path, "/"), "/")[0]] = true
		if r.URL.Query().Get("tk") != key {
			t.Errorf("request without the key: %s", r.URL)
		}
	}
	if len(hosts) != 2 || !hosts["t5"] || !hosts["t6"] {
		t.Errorf("subdomains used: %v", hosts)
	}
	if b.Label != TiandituAttribution || b.Problem() != nil {
		t.Errorf("label %q, problem %v", b.Label, b.Problem())
	}
	for _, s := range []string{logs.String(), b.Label, fmt.Sprint(b.layers[0].Offline())} {
		if strings.Contains(s, key) {
			t.Errorf("key leaked: %q", s)
		}
	}
}

func TestTiandituKeyRefused(t *testing.T) {
	for _, tc := range []struct {
		name string
		h    http.HandlerFunc
	}{
		{"403", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusForbidden) }},
		{"error body", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			fmt.Fprint(w, `{"msg":"权限类型错误","resolve":"tk is wrong","code":"1"}`)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := httptest.NewServer(tc.h)
			defer srv.Close()
			srcs := []Source{hostRewrite(Tianditu("img")[0], srv.URL, ".tianditu.gov.cn")}
			b := NewBasemap(srcs, BasemapOptions{Online: true, Key: "bad-key-xyz", NoDisk: true})
			defer b.Close()
			_, missing, err := b.Load(context.Background(), []maptile.Tile{liwan}, nil)
			if err != nil || missing != 1 {
				t.Fatalf("Load: %v, %d missing", err, missing)
			}
			if !errors.Is(b.Problem(), ErrKeyRefused) {
				t.Fatalf("problem %v", b.Problem())
			}
			i18n.SetLanguage("en")
			defer i18n.SetLanguage("zh")
			msg := Message(b.Problem())
			if msg != "天地图 key refused: check it in Settings" {
				t.Errorf("message %q", msg)
			}
			_, lastErr := b.layers[0].Offline()
			if lastErr == nil || strings.Contains(lastErr.Error(), "bad-key-xyz") {
				t.Errorf("last error %v", lastErr)
			}
		})
	}
}

func TestOpenTiandituWithoutKey(t *testing.T) {
	sp, _ := ParseSpec("tianditu-vec", "")
	if _, err := Open(sp, BasemapOptions{}); !errors.Is(err, ErrNoKey) {
		t.Errorf("no key: %v", err)
	}
}

func TestAmapIsGCJ02(t *testing.T) {
	sp, err := ParseSpec("amap", "wgs84")
	if err != nil || sp.Datum != GCJ02 {
		t.Fatalf("amap spec %+v, %v", sp, err)
	}
	b, err := Open(sp, BasemapOptions{NoDisk: true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	i18n.SetLanguage("en")
	defer i18n.SetLanguage("zh")
	b2 := NewBasemap([]Source{Amap()}, BasemapOptions{NoDisk: true})
	defer b2.Close()
	if !b.GCJ02() || !strings.Contains(b2.Label, "GCJ-02 basemap; data shown shifted to match") {
		t.Errorf("label %q", b2.Label)
	}
}

func TestOwnCacheFolders(t *testing.T) {
	names := map[string]bool{}
	for _, k := range []string{"osm", "tianditu-vec", "tianditu-img", "amap", "https://a/{z}/{x}/{y}", "https://b/{z}/{x}/{y}"} {
		sp, err := ParseSpec(k, "")
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range sp.Sources() {
			if names[s.Name] {
				t.Errorf("cache folder %q shared", s.Name)
			}
			names[s.Name] = true
		}
	}
	if len(names) != 8 {
		t.Errorf("%d cache folders: %v", len(names), names)
	}
}

// TestCustomTemplate serves a TMS template with subdomains, a zoom range
// and an attribution from httptest.
func TestCustomTemplate(t *testing.T) {
	rec := &recorder{}
	tilePNG := pngTile(t, 256, color.RGBA{10, 20, 30, 255})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec.add(r)
		w.Write(tilePNG)
	}))
	defer srv.Close()
	sp, err := ParseSpec(srv.URL+"/{s}/{z}/{x}/{-y}.png", "gcj02")
	if err != nil {
		t.Fatal(err)
	}
	sp.Attribution, sp.MinZoom, sp.MaxZoom, sp.Subdomains = "© 测试", 10, 16, []string{"p", "q"}
	b, err := Open(sp, BasemapOptions{Online: true, NoDisk: true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	tiles := []maptile.Tile{{X: 53374, Y: 28495, Z: 16}, {X: 53375, Y: 28495, Z: 16}, {X: 1, Y: 1, Z: 4}}
	set, missing, err := b.Load(context.Background(), tiles, nil)
	if err != nil || missing != 0 || len(set) != 3 {
		t.Fatalf("load: %v, %d missing, %d tiles", err, missing, len(set))
	}
	var paths []string
	for _, r := range rec.reqs {
		paths = append(paths, r.URL.Path)
	}
	want := map[string]bool{"/q/16/53374/37040.png": true, "/p/16/53375/37040.png": true}
	if len(paths) != 2 || !want[paths[0]] || !want[paths[1]] {
		t.Errorf("requests %v (z4 is below the zoom range and must not be asked)", paths)
	}
	if !strings.HasPrefix(b.Label, "© 测试") || !b.GCJ02() {
		t.Errorf("label %q, gcj02 %v", b.Label, b.GCJ02())
	}
}
