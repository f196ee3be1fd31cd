// Package tile fetches and caches XYZ raster tiles: the job go-staticmaps
// would do, with bounded per-host concurrency, timeouts, a size cap, HTTP
// cache semantics and atomic disk writes.
//
// Floor: features (imports ground only).
package tile

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/paulmach/orb/maptile"
)

// Source describes an XYZ tile service.
type Source struct {
	Name        string // short id, also the cache folder name
	URLTemplate string // with {z}, {x}, {y}
	Attribution string // must be shown on the map and on exports
	MinZoom     int
	MaxZoom     int
	TileSize    int
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

// URL fills the template for a tile.
func (s Source) URL(t maptile.Tile) string {
	return strings.NewReplacer(
		"{z}", strconv.Itoa(int(t.Z)),
		"{x}", strconv.FormatUint(uint64(t.X), 10),
		"{y}", strconv.FormatUint(uint64(t.Y), 10),
	).Replace(s.URLTemplate)
}

// Valid reports whether t exists in this source.
func (s Source) Valid(t maptile.Tile) bool {
	if int(t.Z) < s.MinZoom || int(t.Z) > s.MaxZoom {
		return false
	}
	n := uint32(1) << t.Z
	return t.X < n && t.Y < n
}

// UserAgent identifies the app to tile servers, as the OSM policy asks.
const UserAgent = "LiwanSchoolMap/0.1 (desktop education-planning GIS; Liwan District, Guangzhou)"

// DefaultCacheDir is a source's tile cache under the OS user cache folder
// ("" when the OS has none).
func DefaultCacheDir(src Source) string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "liwan-schoolmap", "tiles", src.Name)
}
