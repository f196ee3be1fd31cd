package tile

import (
	"context"
	"database/sql"
	"errors"
	"image/color"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/maptile"

	"github.com/liwan-edu/schoolmap/data/i18n"
)

// zoomFile writes an MBTiles file whose metadata says minzoom and maxzoom
// (left out when "-") and whose tiles cover at at the zoom levels given.
func zoomFile(t *testing.T, minz, maxz string, at orb.Point, levels ...int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "zoom.mbtiles")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	exec := func(q string, args ...any) {
		if _, err := db.Exec(q, args...); err != nil {
			t.Fatal(err)
		}
	}
	exec("CREATE TABLE metadata (name text, value text)")
	exec("CREATE TABLE tiles (zoom_level integer, tile_column integer, tile_row integer, tile_data blob)")
	exec("CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row)")
	exec("INSERT INTO metadata VALUES ('format', 'png'), ('name', 'zoom test')")
	for k, v := range map[string]string{"minzoom": minz, "maxzoom": maxz} {
		if v != "-" {
			exec("INSERT INTO metadata VALUES (?, ?)", k, v)
		}
	}
	red := pngTile(t, 256, color.RGBA{220, 30, 30, 255})
	for _, z := range levels {
		tl := maptile.At(at, maptile.Zoom(z))
		exec("INSERT INTO tiles VALUES (?, ?, ?, ?)", z, tl.X, (1<<z)-1-int(tl.Y), red)
	}
	return path
}

// TestMBTilesZoomMetadata: a file whose zoom metadata is impossible or
// names levels without tiles is opened with the tiles' own levels and a
// warning naming the file; tiles with impossible levels refuse the file.
// Never a silent blank map, never a hang.
func TestMBTilesZoomMetadata(t *testing.T) {
	at := orb.Point{113.23, 23.12}
	tests := []struct {
		name, minz, maxz string
		levels           []int
		warn             bool
		refuse           error
	}{
		{"sound metadata", "14", "15", []int{14, 15}, false, nil},
		{"min above max", "20", "5", []int{14, 15}, true, nil},
		{"negative", "-3", "-1", []int{14, 15}, true, nil},
		{"beyond 30", "14", "99", []int{14, 15}, true, nil},
		{"not a number", "fourteen", "15", []int{14, 15}, true, nil},
		{"no tiles at the levels it names", "3", "5", []int{14, 15}, true, nil},
		{"tiles at level 40", "-", "-", []int{40}, false, ErrZoomLevels},
	}
	i18n.SetLanguage("en")
	defer i18n.SetLanguage("zh")
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := zoomFile(t, tc.minz, tc.maxz, at, tc.levels...)
			sp, err := ParseSpec(path, "")
			if err != nil {
				t.Fatal(err)
			}
			b, err := Open(sp, BasemapOptions{})
			if tc.refuse != nil {
				if !errors.Is(err, tc.refuse) || !strings.Contains(Message(err), path) {
					t.Fatalf("got %v (%q), want %v naming the file", err, Message(err), tc.refuse)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			defer b.Close()
			var warned []string
			for _, w := range b.Warnings() {
				warned = append(warned, Message(w))
			}
			if got := len(warned) > 0; got != tc.warn || tc.warn && !strings.Contains(warned[0], path) {
				t.Errorf("warnings %q, want a warning naming the file: %v", warned, tc.warn)
			}
			if b.Source.MinZoom != 14 || b.Source.MaxZoom != 15 {
				t.Errorf("zoom range %d–%d, want the tiles' 14–15", b.Source.MinZoom, b.Source.MaxZoom)
			}
			// The map at z16 over the tiles shows them (scaled up), in bounded time.
			tl := maptile.At(at, 16)
			done := make(chan Set, 1)
			go func() { s, _, _ := b.Load(context.Background(), []maptile.Tile{tl}, nil); done <- s }()
			select {
			case s := <-done:
				img, ok := s[tl]
				if !ok {
					t.Fatal("no tile drawn: a blank map")
				}
				if c := img.RGBAAt(128, 128); c.R < 200 || c.G > 60 {
					t.Errorf("tile colour %v, want the file's red", c)
				}
			case <-time.After(10 * time.Second):
				t.Fatal("loading a tile did not return")
			}
		})
	}
}
