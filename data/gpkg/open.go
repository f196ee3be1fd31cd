package gpkg

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"time"

	"modernc.org/sqlite"
)

// Limits of a read. A planner's GeoPackage (a few thousand features, a few
// MB) is far inside them; a hostile one is refused with ErrLimit instead of
// exhausting memory or running forever.
var (
	MaxFileBytes int64 = 256 << 20
	MaxFeatures        = 2_000_000
	ReadTimeout        = 60 * time.Second
)

// Errors of a read beyond the limits above, of a view layer, and of a path
// that is not a regular file (a FIFO, a device, /dev/zero behind a link).
var (
	ErrLimit      = errors.New("gpkg: file beyond the reader's limits")
	ErrView       = errors.New("gpkg: layer is a SQL view; only tables are read")
	ErrNotRegular = errors.New("gpkg: not a regular file")
)

// sqliteLimits are sqlite3_limit settings for reading untrusted files
// (ids of sqlite3.h: LENGTH, SQL_LENGTH, COLUMN, EXPR_DEPTH,
// COMPOUND_SELECT, VARIABLE_NUMBER, TRIGGER_DEPTH).
var sqliteLimits = [][2]int{{0, 64 << 20}, {1, 100_000}, {2, 2000}, {3, 100}, {4, 50}, {9, 999}, {10, 10}}

type reader struct {
	db     *sql.DB
	conn   *sql.Conn
	budget int
}

// open checks the path is a regular file within MaxFileBytes, then opens
// it read-only. A WAL-mode file (as QGIS leaves it) without a -wal log is
// opened immutable, so reading creates no -wal/-shm files beside it.
func open(ctx context.Context, path string) (*reader, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%w: %s", ErrNotRegular, path)
	}
	if st.Size() > MaxFileBytes {
		return nil, fmt.Errorf("%w: %d MB is larger than %d MB", ErrLimit, st.Size()>>20, MaxFileBytes>>20)
	}
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() + "?mode=ro"
	if walWithoutLog(path) {
		dsn += "&immutable=1"
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	r := &reader{db: db, budget: MaxFeatures}
	if r.conn, err = db.Conn(ctx); err != nil {
		db.Close()
		return nil, err
	}
	for _, l := range sqliteLimits {
		sqlite.Limit(r.conn, l[0], l[1])
	}
	if err := r.checkGeoPackage(ctx, path); err != nil {
		r.close()
		return nil, err
	}
	return r, nil
}

func (r *reader) close() {
	r.conn.Close()
	r.db.Close()
}

// walWithoutLog reports whether the SQLite header says WAL mode (bytes 18
// and 19 are 2) while no -wal file exists, so there is nothing to replay.
func walWithoutLog(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	var h [20]byte
	if n, _ := f.Read(h[:]); n < 20 || h[18] != 2 || h[19] != 2 {
		return false
	}
	_, err = os.Stat(path + "-wal")
	return errors.Is(err, os.ErrNotExist)
}

func (r *reader) checkGeoPackage(ctx context.Context, path string) error {
	var n int
	err := r.conn.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('gpkg_contents','gpkg_spatial_ref_sys')`).Scan(&n)
	if err == nil && n != 2 {
		err = errors.New("no gpkg_contents table")
	}
	if err != nil {
		return fmt.Errorf("%w: %s: %v", ErrNotGeoPackage, path, err)
	}
	return nil
}

// fail turns an interrupted query (timeout or cancel) into ErrLimit.
func failCtx(ctx context.Context, err error) error {
	if err == nil {
		return nil
	}
	if ctx.Err() != nil {
		return fmt.Errorf("%w: reading took longer than %v or was cancelled (%v)", ErrLimit, ReadTimeout, err)
	}
	return err
}
