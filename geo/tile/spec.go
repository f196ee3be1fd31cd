package tile

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Kind is the sort of basemap a Spec names.
type Kind int

// Kinds of basemaps.
const (
	KindNone Kind = iota
	KindOSM
	KindTiandituVec
	KindTiandituImg
	KindAmap
	KindMBTiles
	KindPMTiles
	KindFolder
	KindTemplate
)

// Spec is a basemap choice as the user gives it (CLI --basemap, the
// Layers panel, a project's settings): a name or a path or URL template,
// and for files and templates their datum. It holds no key.
type Spec struct {
	Kind  Kind
	Value string // the name, path or template as given
	Datum Datum

	// Custom templates only; zero values take the defaults (z0–19, the
	// template's host as attribution, subdomains a, b, c).
	Attribution      string
	MinZoom, MaxZoom int
	Subdomains       []string
}

// ParseSpec reads osm, tianditu-vec, tianditu-img, amap, none, a path to
// an .mbtiles or .pmtiles file or a tile folder, or an http(s) URL
// template. datum applies to files and templates ("" is WGS-84); 高德 is
// always GCJ-02.
func ParseSpec(s, datum string) (Spec, error) {
	d, err := ParseDatum(datum)
	if err != nil {
		return Spec{}, err
	}
	sp := Spec{Value: s, Datum: d}
	named := map[string]Kind{"": KindOSM, "osm": KindOSM, "none": KindNone, "tianditu-vec": KindTiandituVec,
		"tianditu-img": KindTiandituImg, "amap": KindAmap}
	if k, ok := named[strings.ToLower(s)]; ok {
		sp.Kind = k
		if k != KindAmap {
			sp.Datum = WGS84
		} else {
			sp.Datum = GCJ02
		}
		return sp, nil
	}
	lower := strings.ToLower(s)
	switch {
	case strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://"):
		sp.Kind = KindTemplate
		return sp, CheckTemplate(s, []string{"a", "b", "c"})
	case strings.HasSuffix(lower, ".mbtiles"):
		sp.Kind = KindMBTiles
	case strings.HasSuffix(lower, ".pmtiles"):
		sp.Kind = KindPMTiles
	default:
		st, err := os.Stat(s)
		if errors.Is(err, fs.ErrNotExist) && looksLikePath(s) {
			return Spec{}, &FileError{s, ErrNotFound}
		}
		if err != nil || !st.IsDir() {
			return Spec{}, &ValueError{s}
		}
		sp.Kind = KindFolder
	}
	return sp, nil
}

// Errors of a basemap choice: ErrNotFound (in a *FileError) for a path
// that does not exist, ErrUnknownBasemap for a value that is no name,
// file, folder or template.
var (
	ErrNotFound       = fmt.Errorf("tile: file not found: %w", fs.ErrNotExist)
	ErrUnknownBasemap = errors.New("tile: not a basemap name, .mbtiles/.pmtiles file, tile folder or URL template")
)

// ValueError is a basemap choice that names nothing the app can open.
type ValueError struct{ Value string }

func (e *ValueError) Error() string { return fmt.Sprintf("%v: %q", ErrUnknownBasemap, e.Value) }
func (e *ValueError) Unwrap() error { return ErrUnknownBasemap }

// looksLikePath reports whether s names a file or folder rather than a
// basemap name: it has a path separator or starts with . or ~.
func looksLikePath(s string) bool {
	return strings.ContainsAny(s, `/\`) || strings.HasPrefix(s, ".") || strings.HasPrefix(s, "~")
}

// Online reports whether the basemap is fetched over the network.
func (s Spec) Online() bool {
	return s.Kind == KindOSM || s.Kind == KindTiandituVec || s.Kind == KindTiandituImg ||
		s.Kind == KindAmap || s.Kind == KindTemplate
}

// NeedsKey reports whether the basemap is 天地图's.
func (s Spec) NeedsKey() bool { return s.Kind == KindTiandituVec || s.Kind == KindTiandituImg }

// Sources returns the online layers of the spec, bottom first.
func (s Spec) Sources() []Source {
	switch s.Kind {
	case KindOSM:
		return []Source{OSM()}
	case KindTiandituVec:
		return Tianditu("vec")
	case KindTiandituImg:
		return Tianditu("img")
	case KindAmap:
		return []Source{Amap()}
	case KindTemplate:
		return []Source{s.templateSource()}
	}
	return nil
}

// templateSource is a custom XYZ layer with its own cache folder.
func (s Spec) templateSource() Source {
	h := sha256.Sum256([]byte(s.Value))
	src := Source{Name: "xyz-" + hex.EncodeToString(h[:6]), URLTemplate: s.Value, MinZoom: s.MinZoom, MaxZoom: s.MaxZoom,
		TileSize: 256, Subdomains: s.Subdomains, Datum: s.Datum, Attribution: s.Attribution}
	if src.MaxZoom == 0 {
		src.MaxZoom = 19
	}
	if len(src.Subdomains) == 0 {
		src.Subdomains = []string{"a", "b", "c"}
	}
	if src.Attribution == "" {
		src.Attribution = hostOf(s.Value)
	}
	return src
}

// ParseZoomRange reads "MIN-MAX" (0 ≤ MIN ≤ MAX ≤ 24).
func ParseZoomRange(s string) (int, int, error) {
	var lo, hi int
	if _, err := fmt.Sscanf(s, "%d-%d", &lo, &hi); err != nil || lo < 0 || hi < lo || hi > 24 {
		return 0, 0, fmt.Errorf("tile: zoom range %q: want MIN-MAX within 0-24", s)
	}
	return lo, hi, nil
}

func hostOf(tmpl string) string {
	rest := tmpl[strings.Index(tmpl, "//")+2:]
	if i := strings.IndexByte(rest, '/'); i >= 0 {
		rest = rest[:i]
	}
	return strings.ReplaceAll(rest, "{s}.", "")
}

// fileLabel is an offline file's name, as its attribution when it has none.
func fileLabel(path string) string { return filepath.Base(filepath.Clean(path)) }
