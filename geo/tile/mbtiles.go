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

// zooms takes the zoom range from the metadata, or from the tiles when
// the metadata lacks it.
func (m *MBTiles) zooms(meta map[string]string) error {
	lo, err1 := strconv.Atoi(meta["minzoom"])
	hi, err2 := strconv.Atoi(meta["maxzoom"])
	if err1 != nil || err2 != nil {
		var a, b sql.NullInt64
		if err := m.db.QueryRow("SELECT MIN(zoom_level), MAX(zoom_level) FROM tiles").Scan(&a, &b); err != nil {
			return &FileError{m.path, fmt.Errorf("%w: %v", ErrBadFile, err)}
		}
		if !a.Valid {
			return &FileError{m.path, ErrNoTiles}
		}
		lo, hi = int(a.Int64), int(b.Int64)
	}
	m.Info.MinZoom, m.Info.MaxZoom = lo, hi
	return nil
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
