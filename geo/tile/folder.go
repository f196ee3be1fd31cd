package tile

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/maptile"

	"github.com/liwan-edu/schoolmap/data/regularfile"
)

// Folder reads a tile folder laid out {z}/{x}/{y}.png (or .jpg, .jpeg,
// .webp), as QGIS "Generate XYZ tiles (Directory)" and tile downloaders
// write it.
type Folder struct {
	Dir  string
	exts []string
	Info Source
}

var _ TileSource = (*Folder)(nil)

// OpenFolder scans the zoom folders of dir: the zoom range, the bounds of
// the lowest zoom and the image type. A folder without tiles is an error.
func OpenFolder(dir string) (*Folder, error) {
	zs := numbered(dir, 30)
	if len(zs) == 0 {
		return nil, &FileError{dir, ErrNoTiles}
	}
	f := &Folder{Dir: dir, exts: []string{".png", ".jpg", ".jpeg", ".webp"}}
	f.Info = Source{Name: "folder", TileSize: 256, MinZoom: zs[0], MaxZoom: zs[len(zs)-1]}
	b, sample, ok := f.scan(zs[0])
	if !ok {
		return nil, &FileError{dir, ErrNoTiles}
	}
	f.Info.Bounds = b
	data, err := regularfile.ReadFile(sample, MaxFileTile)
	if err != nil {
		return nil, &FileError{sample, err}
	}
	if err := sniff(sample, data); err != nil {
		return nil, err
	}
	return f, nil
}

// numbered lists the subfolders of dir named by a number up to limit,
// in order.
func numbered(dir string, limit int) []int {
	es, _ := os.ReadDir(dir)
	var out []int
	for _, e := range es {
		if n, err := strconv.Atoi(e.Name()); err == nil && e.IsDir() && n >= 0 && n <= limit {
			out = append(out, n)
		}
	}
	sort.Ints(out)
	return out
}

// scan returns the bound of the tiles of zoom z and one tile file.
func (f *Folder) scan(z int) (orb.Bound, string, bool) {
	var b orb.Bound
	sample := ""
	for _, x := range numbered(filepath.Join(f.Dir, strconv.Itoa(z)), 1<<z-1) {
		es, _ := os.ReadDir(filepath.Join(f.Dir, strconv.Itoa(z), strconv.Itoa(x)))
		for _, e := range es {
			y, err := strconv.Atoi(strings.TrimSuffix(e.Name(), filepath.Ext(e.Name())))
			if err != nil || e.IsDir() {
				continue
			}
			tb := maptile.New(uint32(x), uint32(y), maptile.Zoom(z)).Bound()
			if sample == "" {
				b = tb
			}
			b = b.Union(tb)
			sample = filepath.Join(f.Dir, strconv.Itoa(z), strconv.Itoa(x), e.Name())
		}
	}
	return b, sample, sample != ""
}

// Tile reads the file of t, whichever image extension it has. A tile
// that is not a regular file (a FIFO, a link to a device) or is larger
// than MaxFileTile is refused unread, as a bad tile.
func (f *Folder) Tile(ctx context.Context, t maptile.Tile) ([]byte, error) {
	base := filepath.Join(f.Dir, strconv.Itoa(int(t.Z)), strconv.FormatUint(uint64(t.X), 10), strconv.FormatUint(uint64(t.Y), 10))
	for _, ext := range f.exts {
		data, err := regularfile.ReadFile(base+ext, MaxFileTile)
		if err == nil {
			return data, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, &FileError{base + ext, err}
		}
	}
	return nil, fmt.Errorf("%w: %s", ErrNoTile, Name(t))
}
