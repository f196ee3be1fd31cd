package tile

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"image/color"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/paulmach/orb/maptile"

	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/data/regularfile"
)

// writeMBTiles makes a raster MBTiles at path whose tiles are given by
// XYZ tile (rows are written in TMS order, as the format wants).
func writeMBTiles(t testing.TB, path string, tiles map[maptile.Tile][]byte) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`CREATE TABLE metadata (name text, value text);
		INSERT INTO metadata VALUES ('format','png'), ('minzoom','0'), ('maxzoom','1');
		CREATE TABLE tiles (zoom_level int, tile_column int, tile_row int, tile_data blob)`); err != nil {
		t.Fatal(err)
	}
	for tl, b := range tiles {
		if _, err := db.Exec("INSERT INTO tiles VALUES (?,?,?,?)", tl.Z, tl.X, (1<<tl.Z)-1-tl.Y, b); err != nil {
			t.Fatal(err)
		}
	}
}

// TestFileTileLimits: a tile of a folder that is a FIFO, a link to
// /dev/zero or a 3 GB sparse file, and an MBTiles tile over MaxFileTile,
// are bad tiles, refused at once and unread (not ErrNoTile: they count
// as missing, not as outside the file).
func TestFileTileLimits(t *testing.T) {
	dir := t.TempDir()
	good := pngTile(t, 256, color.White)
	bad := map[string]func(p string){
		"fifo": func(p string) { syscall.Mkfifo(p, 0o644) },
		"zero": func(p string) { os.Symlink("/dev/zero", p) },
		"huge": func(p string) { os.WriteFile(p, good, 0o644); os.Truncate(p, 3<<30) },
	}
	for name, make := range bad {
		t.Run("folder "+name, func(t *testing.T) {
			root := filepath.Join(dir, name)
			os.MkdirAll(filepath.Join(root, "0", "0"), 0o755)
			os.WriteFile(filepath.Join(root, "0", "0", "0.png"), good, 0o644)
			os.MkdirAll(filepath.Join(root, "1", "1"), 0o755)
			make(filepath.Join(root, "1", "1", "0.png"))
			f, err := OpenFolder(root)
			if err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			b, err := f.Tile(context.Background(), maptile.New(1, 0, 1))
			if err == nil || errors.Is(err, ErrNoTile) || len(b) > 0 {
				t.Errorf("got %d bytes, %v; want a refused tile", len(b), err)
			}
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
	t.Run("mbtiles tile over the cap", func(t *testing.T) {
		path := filepath.Join(dir, "big.mbtiles")
		huge := append(bytes.Clone(good), make([]byte, MaxFileTile)...)
		writeMBTiles(t, path, map[maptile.Tile][]byte{maptile.New(0, 0, 0): good, maptile.New(1, 0, 1): huge})
		m, err := OpenMBTiles(path)
		if err != nil {
			t.Fatal(err)
		}
		defer m.Close()
		if b, err := m.Tile(context.Background(), maptile.New(1, 0, 1)); !errors.Is(err, ErrTileTooLarge) || b != nil {
			t.Errorf("got %d bytes, %v; want ErrTileTooLarge", len(b), err)
		}
		if b, err := m.Tile(context.Background(), maptile.New(0, 0, 0)); err != nil || !bytes.Equal(b, good) {
			t.Errorf("good tile: %d bytes, %v", len(b), err)
		}
	})
}

// TestSpecialBasemapFiles: a FIFO named .mbtiles or .pmtiles, or a FIFO
// tile read at open, is refused at once with a message naming it.
func TestSpecialBasemapFiles(t *testing.T) {
	dir := t.TempDir()
	folder := filepath.Join(dir, "tiles")
	os.MkdirAll(filepath.Join(folder, "0", "0"), 0o755)
	paths := []string{filepath.Join(dir, "a.mbtiles"), filepath.Join(dir, "a.pmtiles"), filepath.Join(folder, "0", "0", "0.png")}
	for _, p := range paths {
		if err := syscall.Mkfifo(p, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	i18n.SetLanguage("en")
	defer i18n.SetLanguage("zh")
	for _, p := range []string{paths[0], paths[1], folder} {
		done := make(chan error, 1)
		go func() {
			sp, err := ParseSpec(p, "")
			if err == nil {
				_, err = Open(sp, BasemapOptions{})
			}
			done <- err
		}()
		select {
		case err := <-done:
			if !errors.Is(err, regularfile.ErrNotRegular) {
				t.Errorf("%s: %v, want not regular", p, err)
			}
			if msg := Message(err); !strings.Contains(msg, "not a regular file") {
				t.Errorf("%s: message %q", p, msg)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: open blocked", p)
		}
	}
}
