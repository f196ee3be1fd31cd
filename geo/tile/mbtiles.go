package tile

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/maptile"
	_ "modernc.org/sqlite" // pure-Go SQLite driver "sqlite"

	"github.com/liwan-edu/schoolmap/data/regularfile"
)

// Errors of offline basemap files; test with errors.Is. The wrapped
// message names the file.
var (
	ErrVectorTiles = errors.New("tile: vector tiles are not supported yet; use a raster file")
	ErrBadFile     = errors.New("tile: not a readable tile file (corrupt or truncated)")
	ErrNoTiles     = errors.New("tile: no tiles found")
	// ErrTileTooLarge is a tile of a file over MaxFileTile: a bad tile.
	ErrTileTooLarge = errors.New("tile: tile too large")
)

// MaxFileZoom is the deepest zoom level an offline file may hold.
const MaxFileZoom = 30

// Zoom range faults of offline files: ErrZoomMeta is a warning (the file
// is used with its tiles' own levels), ErrZoomLevels refuses the file.
var (
	ErrZoomMeta   = errors.New("tile: zoom metadata impossible or without tiles; the tiles' own levels are used")
	ErrZoomLevels = errors.New("tile: tiles at zoom levels outside 0–30")
)

// ZoomError says which zoom range a file declared and which levels its
// tiles are at (Lo–Hi).
type ZoomError struct {
	Declared string // as the file gives it: `minzoom="20", maxzoom="5"`
	Lo, Hi   int
	Err      error // ErrZoomMeta or ErrZoomLevels
}

func (e *ZoomError) Error() string {
	return fmt.Sprintf("%v (%s; tiles at %d–%d)", e.Err, e.Declared, e.Lo, e.Hi)
}
func (e *ZoomError) Unwrap() error { return e.Err }

// MaxFileTile is the largest tile an offline basemap may hold, 4 MiB:
// real 256- and 512-pixel tiles are well under 1 MiB. Larger ones are
// refused unread and drawn as missing, so a broken or hostile file costs
// no more memory than this per tile.
const MaxFileTile = 4 << 20

// FileError is a problem with an offline basemap file or folder.
type FileError struct {
	Path string
	Err  error
}

func (e *FileError) Error() string { return e.Err.Error() + ": " + e.Path }
func (e *FileError) Unwrap() error { return e.Err }

// MBTiles reads a raster MBTiles file (SQLite; rows in TMS order) in
// place.
type MBTiles struct {
	db   *sql.DB
	stmt *sql.Stmt
	path string
	Info Source // zoom range, bounds, attribution from the metadata table
	// Warnings are faults the file was opened despite (*FileError
	// wrapping a *ZoomError); Message words them.
	Warnings []error
}

var _ TileSource = (*MBTiles)(nil)

// OpenMBTiles opens path read-only and checks that it holds raster tiles.
// A path that is not a regular file (a FIFO, a device) is refused before
// SQLite opens it.
func OpenMBTiles(path string) (*MBTiles, error) {
	if err := regularfile.Check(path); err != nil {
		return nil, &FileError{path, err}
	}
	db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: path}).EscapedPath()+"?mode=ro")
	if err != nil {
		return nil, &FileError{path, fmt.Errorf("%w: %v", ErrBadFile, err)}
	}
	m := &MBTiles{db: db, path: path}
	if err := m.init(); err != nil {
		db.Close()
		return nil, err
	}
	return m, nil
}

func (m *MBTiles) init() error {
	meta, err := m.metadata()
	if err != nil {
		return &FileError{m.path, fmt.Errorf("%w: %v", ErrBadFile, err)}
	}
	if f := strings.ToLower(meta["format"]); f == "pbf" || f == "mvt" {
		return &FileError{m.path, ErrVectorTiles}
	}
	m.stmt, err = m.db.Prepare("SELECT length(tile_data), CASE WHEN length(tile_data) <= ? THEN tile_data END FROM tiles WHERE zoom_level=? AND tile_column=? AND tile_row=?")
	if err != nil {
		return &FileError{m.path, fmt.Errorf("%w: %v", ErrBadFile, err)}
	}
	m.Info = Source{Name: "mbtiles", Attribution: meta["attribution"], TileSize: 256}
	if err := m.zooms(meta); err != nil {
		return err
	}
	m.Info.Bounds = parseBounds(meta["bounds"])
	return m.checkSample()
}

func (m *MBTiles) metadata() (map[string]string, error) {
	rows, err := m.db.Query("SELECT name, value FROM metadata")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	meta := map[string]string{}
	for rows.Next() {
		var k, v sql.NullString
		if err := rows.Scan(&k, &v); err != nil {
			return nil, err
		}
		meta[strings.ToLower(k.String)] = v.String
	}
	return meta, rows.Err()
}

// zooms takes the zoom range from the metadata when it is sound and
// has tiles; otherwise from the tiles themselves, with a warning when the
// metadata named an impossible range (min above max, negative, beyond
// MaxFileZoom, not a number) or levels without tiles. Tiles at
// impossible levels refuse the file.
func (m *MBTiles) zooms(meta map[string]string) error {
	lo, hi, ok, bad := metaZooms(meta)
	if ok {
		has, err := m.hasTiles(lo, hi)
		if err != nil {
			return &FileError{m.path, fmt.Errorf("%w: %v", ErrBadFile, err)}
		}
		if has {
			m.Info.MinZoom, m.Info.MaxZoom = lo, hi
			return nil
		}
		bad = fmt.Sprintf("minzoom=%d, maxzoom=%d", lo, hi)
	}
	var a, b sql.NullInt64
	if err := m.db.QueryRow("SELECT MIN(zoom_level), MAX(zoom_level) FROM tiles").Scan(&a, &b); err != nil {
		return &FileError{m.path, fmt.Errorf("%w: %v", ErrBadFile, err)}
	}
	if !a.Valid {
		return &FileError{m.path, ErrNoTiles}
	}
	lo, hi = int(a.Int64), int(b.Int64)
	if lo < 0 || hi > MaxFileZoom {
		return &FileError{m.path, &ZoomError{Declared: bad, Lo: lo, Hi: hi, Err: ErrZoomLevels}}
	}
	if bad != "" {
		m.Warnings = append(m.Warnings, &FileError{m.path, &ZoomError{Declared: bad, Lo: lo, Hi: hi, Err: ErrZoomMeta}})
	}
	m.Info.MinZoom, m.Info.MaxZoom = lo, hi
	return nil
}

// metaZooms reads minzoom and maxzoom: ok when both are whole numbers
// with 0 ≤ min ≤ max ≤ MaxFileZoom. bad quotes them when a value given is
// impossible; keys left out are no fault (the tiles then tell).
func metaZooms(meta map[string]string) (lo, hi int, ok bool, bad string) {
	minS, hasMin := meta["minzoom"]
	maxS, hasMax := meta["maxzoom"]
	lo, err1 := strconv.Atoi(strings.TrimSpace(minS))
	hi, err2 := strconv.Atoi(strings.TrimSpace(maxS))
	valid := func(z int, err error) bool { return err == nil && z >= 0 && z <= MaxFileZoom }
	switch {
	case hasMin && !valid(lo, err1), hasMax && !valid(hi, err2), hasMin && hasMax && lo > hi:
		return 0, 0, false, fmt.Sprintf("minzoom=%s, maxzoom=%s", short(minS), short(maxS))
	case hasMin && hasMax:
		return lo, hi, true, ""
	}
	return 0, 0, false, ""
}

// short quotes a metadata value for a message, cut at 20 characters.
func short(v string) string {
	if r := []rune(v); len(r) > 20 {
		v = string(r[:20]) + "…"
	}
	return strconv.Quote(v)
}

// hasTiles reports whether the file holds a tile between levels lo and
// hi (through the tiles index: one lookup).
func (m *MBTiles) hasTiles(lo, hi int) (bool, error) {
	var one int
	err := m.db.QueryRow("SELECT 1 FROM tiles WHERE zoom_level BETWEEN ? AND ? LIMIT 1", lo, hi).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return err == nil, err
}

// checkSample reads one tile: a file that is truncated or holds vector
// tiles without saying so fails here, at open, not tile by tile.
func (m *MBTiles) checkSample() error {
	var data []byte
	err := m.db.QueryRow("SELECT substr(tile_data, 1, 16) FROM tiles LIMIT 1").Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return &FileError{m.path, ErrNoTiles}
	}
	if err != nil {
		return &FileError{m.path, fmt.Errorf("%w: %v", ErrBadFile, err)}
	}
	return sniff(m.path, data)
}

// Tile reads t (XYZ numbering; the file's rows are TMS). A tile larger
// than MaxFileTile is refused without being read (ErrTileTooLarge).
func (m *MBTiles) Tile(ctx context.Context, t maptile.Tile) ([]byte, error) {
	row := (uint32(1) << t.Z) - 1 - t.Y
	var n sql.NullInt64
	var data []byte
	err := m.stmt.QueryRowContext(ctx, MaxFileTile, int(t.Z), int(t.X), int(row)).Scan(&n, &data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("%w: %s", ErrNoTile, Name(t))
	}
	if err != nil {
		return nil, &FileError{m.path, fmt.Errorf("%w: %v", ErrBadFile, err)}
	}
	if n.Int64 > MaxFileTile {
		return nil, fmt.Errorf("%w: %s (%d bytes)", ErrTileTooLarge, Name(t), n.Int64)
	}
	return data, nil
}

// Close closes the file.
func (m *MBTiles) Close() error { return m.db.Close() }

// parseBounds reads "minlon,minlat,maxlon,maxlat"; anything else is the
// zero bound (no limit).
func parseBounds(s string) orb.Bound {
	p := strings.Split(s, ",")
	if len(p) != 4 {
		return orb.Bound{}
	}
	var v [4]float64
	for i := range p {
		f, err := strconv.ParseFloat(strings.TrimSpace(p[i]), 64)
		if err != nil {
			return orb.Bound{}
		}
		v[i] = f
	}
	return orb.Bound{Min: orb.Point{v[0], v[1]}, Max: orb.Point{v[2], v[3]}}
}

// sniff tells raster tiles from vector ones by their first bytes.
func sniff(path string, data []byte) error {
	switch {
	case hasPrefix(data, "\x89PNG"), hasPrefix(data, "\xff\xd8"), hasPrefix(data, "RIFF"):
		return nil
	case hasPrefix(data, "\x1f\x8b"), len(data) > 0 && data[0] == 0x1a:
		return &FileError{path, ErrVectorTiles}
	}
	return &FileError{path, fmt.Errorf("%w: tiles are neither PNG nor JPEG", ErrBadFile)}
}

func hasPrefix(b []byte, p string) bool { return len(b) >= len(p) && string(b[:len(p)]) == p }
