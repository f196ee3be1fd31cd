// Package tile fetches, caches and reads raster map tiles: XYZ services
// (OpenStreetMap, 天地图, 高德, any URL template) with bounded per-host
// concurrency, timeouts, a size cap, HTTP cache semantics and atomic disk
// writes, and offline files (MBTiles, PMTiles v3, tile folders) read in
// place. Floor: features (imports ground packages and modernc's SQLite).
package tile

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/maptile"
)

// TileSource is the seam every basemap reader sits behind: the encoded
// bytes (PNG or JPEG) of a tile, or an error wrapping ErrNoTile when the
// source has none there.
type TileSource interface {
	Tile(ctx context.Context, t maptile.Tile) ([]byte, error)
}

// ErrNoTile is returned by a TileSource for a tile it does not hold.
var ErrNoTile = errors.New("tile: no tile there")

// Datum is the geodetic datum a basemap is drawn in.
type Datum int

// Datums of basemaps: WGS-84 (OSM, 天地图, most files) or GCJ-02 (高德 and
// other published Chinese street maps).
const (
	WGS84 Datum = iota
	GCJ02
)

// String is the datum's CLI name.
func (d Datum) String() string {
	if d == GCJ02 {
		return "gcj02"
	}
	return "wgs84"
}

// ParseDatum reads "wgs84" or "gcj02" (case-insensitive; "" is WGS-84).
func ParseDatum(s string) (Datum, error) {
	switch strings.ToLower(strings.ReplaceAll(s, "-", "")) {
	case "", "wgs84":
		return WGS84, nil
	case "gcj02":
		return GCJ02, nil
	}
	return WGS84, fmt.Errorf("tile: unknown datum %q (wgs84 or gcj02)", s)
}

// Source describes a tile layer.
type Source struct {
	Name        string // short id, also the cache folder name
	URLTemplate string // {z} {x} {y}, optional {s} and {-y} (TMS row)
	Attribution string // must be shown on the map and on exports
	MinZoom     int
	MaxZoom     int
	TileSize    int
	Subdomains  []string  // rotated into {s} by tile position
	Datum       Datum     // what the tiles are drawn in
	Bounds      orb.Bound // where tiles exist; the zero bound is the world
}

// OSM is the OpenStreetMap standard tile layer. Its usage policy asks for a
// distinct User-Agent, caching, visible attribution and no bulk download.
func OSM() Source {
	return Source{
		Name:        "osm",
		URLTemplate: "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
		Attribution: "© OpenStreetMap contributors",
		MinZoom:     0,
		MaxZoom:     19,
		TileSize:    256,
	}
}

// URL fills the template for a tile. {s} rotates through the subdomains
// with x+y, so neighbouring tiles go to different hosts.
func (s Source) URL(t maptile.Tile) string {
	sub := ""
	if len(s.Subdomains) > 0 {
		sub = s.Subdomains[int((uint64(t.X)+uint64(t.Y))%uint64(len(s.Subdomains)))]
	}
	n := uint64(1) << t.Z
	return strings.NewReplacer(
		"{z}", strconv.Itoa(int(t.Z)),
		"{x}", strconv.FormatUint(uint64(t.X), 10),
		"{-y}", strconv.FormatUint(n-1-uint64(t.Y), 10),
		"{y}", strconv.FormatUint(uint64(t.Y), 10),
		"{s}", sub,
	).Replace(s.URLTemplate)
}

// Valid reports whether t exists in this source: inside its zoom range
// and touching its bounds.
func (s Source) Valid(t maptile.Tile) bool {
	if int(t.Z) < s.MinZoom || int(t.Z) > s.MaxZoom {
		return false
	}
	n := uint32(1) << t.Z
	return t.X < n && t.Y < n && s.Covers(t)
}

// Covers reports whether t touches the source's bounds (always, without
// bounds).
func (s Source) Covers(t maptile.Tile) bool {
	if s.Bounds == (orb.Bound{}) {
		return true
	}
	return t.Bound().Intersects(s.Bounds)
}

// ErrTemplate is returned for a URL template the app cannot use.
var ErrTemplate = errors.New("tile: bad URL template")

// CheckTemplate reports what is wrong with a custom URL template: it needs
// {z}, {x} and {y} (or {-y}), and {s} needs subdomains.
func CheckTemplate(tmpl string, subdomains []string) error {
	for _, p := range []string{"{z}", "{x}"} {
		if !strings.Contains(tmpl, p) {
			return fmt.Errorf("%w: %q has no %s", ErrTemplate, tmpl, p)
		}
	}
	if !strings.Contains(tmpl, "{y}") && !strings.Contains(tmpl, "{-y}") {
		return fmt.Errorf("%w: %q has no {y} or {-y}", ErrTemplate, tmpl)
	}
	if strings.Contains(tmpl, "{s}") && len(subdomains) == 0 {
		return fmt.Errorf("%w: %q has {s} but no subdomains", ErrTemplate, tmpl)
	}
	return nil
}

// UserAgent identifies the app to tile servers, as the OSM policy asks.
const UserAgent = "LiwanSchoolMap/0.1 (desktop education-planning GIS; Liwan District, Guangzhou)"

// DefaultCacheDir is a source's tile cache under the OS user cache folder
// ("" when the OS has none). Each online source has its own folder.
func DefaultCacheDir(src Source) string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "liwan-schoolmap", "tiles", src.Name)
}
