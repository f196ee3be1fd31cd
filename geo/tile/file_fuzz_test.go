package tile

import (
	"context"
	"image/color"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/paulmach/orb/maptile"
)

// fileTiles are the tiles the fuzz targets ask for: the one at zoom 0
// and one of zoom 1.
var fileTiles = []maptile.Tile{maptile.New(0, 0, 0), maptile.New(1, 0, 1)}

// checkFileTiles reads fileTiles from src: never more than MaxFileTile
// bytes a tile, and what is returned goes through the fetcher's decode
// check without a panic.
func checkFileTiles(t *testing.T, src TileSource) {
	for _, tl := range fileTiles {
		b, err := src.Tile(context.Background(), tl)
		if err != nil {
			continue
		}
		if len(b) > MaxFileTile {
			t.Fatalf("%s: %d bytes, over MaxFileTile", Name(tl), len(b))
		}
		decode(b, 256)
	}
}

// FuzzOpenMBTiles: any bytes named .mbtiles open as a raster file or give
// an error, never a panic or an unbounded tile; seeded with a real
// two-tile file and its damaged copies.
func FuzzOpenMBTiles(f *testing.F) {
	path := filepath.Join(f.TempDir(), "seed.mbtiles")
	writeMBTiles(f, path, map[maptile.Tile][]byte{fileTiles[0]: pngTile(f, 256, color.White), fileTiles[1]: []byte("\x89PNG not really")})
	seed, err := os.ReadFile(path)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add(seed[:len(seed)/2])
	f.Add([]byte("SQLite format 3\x00"))
	f.Fuzz(func(t *testing.T, b []byte) {
		p := filepath.Join(t.TempDir(), "f.mbtiles")
		os.WriteFile(p, b, 0o644)
		m, err := OpenMBTiles(p)
		if err != nil {
			return
		}
		defer m.Close()
		checkFileTiles(t, m)
	})
}

// FuzzFolder: a tile folder holding one file of any name and bytes opens
// or gives an error, and its tiles are bounded; never a panic.
func FuzzFolder(f *testing.F) {
	f.Add("0.png", pngTile(f, 256, color.White))
	f.Add("0.jpg", []byte("\xff\xd8\xff\xe0 truncated jpeg"))
	f.Add("0.webp", []byte("RIFF\x00\x00\x00\x00WEBPVP8 "))
	f.Add("0.png", []byte("\x1f\x8b vector tile"))
	f.Add("00.png", []byte{})
	f.Fuzz(func(t *testing.T, name string, b []byte) {
		if name == "" || name == "." || name == ".." || strings.ContainsAny(name, "/\\\x00") {
			return
		}
		root := t.TempDir()
		dir := filepath.Join(root, "0", "0")
		os.MkdirAll(dir, 0o755)
		if os.WriteFile(filepath.Join(dir, name), b, 0o644) != nil {
			return
		}
		src, err := OpenFolder(root)
		if err != nil {
			return
		}
		checkFileTiles(t, src)
	})
}
