package network

import (
	"errors"
	"math"

	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/data/i18n"
)

// MaxGridCells bounds the raster of Access: 25 million cells (100 MB of
// distances, a few times that with the GeoTIFF and the zone sums). The
// plan's sites with their margin are 160,000 cells at 25 m and 100 million
// at 1 m (1.47 GB, which failed under a 2 GB address-space limit).
var MaxGridCells = 25_000_000

// ScaleGridLimit lowers MaxGridCells to what avail bytes of memory hold at
// 16 bytes a cell (never under 1 million); main calls it once at start.
func ScaleGridLimit(avail int64) {
	MaxGridCells = max(1_000_000, min(MaxGridCells, int(avail/16)))
}

// ErrGridTooLarge marks an extent and cell size over MaxGridCells.
var ErrGridTooLarge = errors.New("network: grid too large")

// GridError is a raster over MaxGridCells: its size and the smallest
// cell, in whole metres, that fits.
type GridError struct {
	W, H    int
	MinCell float64
}

func (e *GridError) Error() string {
	return i18n.T("limits.grid", e.W, e.H, MaxGridCells/1_000_000, e.MinCell)
}

func (e *GridError) Unwrap() error { return ErrGridTooLarge }

// CheckGrid refuses, before any cell is allocated, an Access over ext
// with cells of cell metres whose raster would exceed MaxGridCells.
func CheckGrid(ext orb.Bound, cell float64) error {
	_, _, w, h := gridShape(ext, cell)
	if float64(w)*float64(h) <= float64(MaxGridCells) {
		return nil
	}
	return &GridError{W: w, H: h, MinCell: math.Ceil(cell * math.Sqrt(float64(w)*float64(h)/float64(MaxGridCells)))}
}

// gridShape is the raster of ext at cell metres: its corner in Mercator
// metres, the cell in Mercator metres, and the size in cells.
func gridShape(ext orb.Bound, cell float64) (corner orb.Point, c float64, w, h int) {
	kx, _ := groundScale((ext.Min[1] + ext.Max[1]) / 2)
	c = cell / kx
	lo, hi := mercator(ext.Min), mercator(ext.Max)
	w = max(1, int(math.Ceil((hi[0]-lo[0])/c)))
	h = max(1, int(math.Ceil((hi[1]-lo[1])/c)))
	return orb.Point{lo[0], hi[1]}, c, w, h
}
