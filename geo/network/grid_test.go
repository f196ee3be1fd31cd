package network

import (
	"errors"
	"testing"

	"github.com/paulmach/orb"
)

// TestCheckGrid: Liwan with its margin at 1 m is refused with the
// smallest cell that fits, which is then accepted (and the raster Access
// makes there has the size CheckGrid measured); 25 m passes.
func TestCheckGrid(t *testing.T) {
	liwan := PadMetres(orb.Bound{Min: orb.Point{113.17, 23.04}, Max: orb.Point{113.27, 23.16}}, 3000)
	err := CheckGrid(liwan, 1)
	var ge *GridError
	if !errors.As(err, &ge) || !errors.Is(err, ErrGridTooLarge) {
		t.Fatalf("1 m: %v, want a GridError", err)
	}
	if ge.W*ge.H <= MaxGridCells || ge.MinCell <= 1 {
		t.Errorf("1 m: %+v", ge)
	}
	if err := CheckGrid(liwan, ge.MinCell); err != nil {
		t.Errorf("the suggested %g m: %v", ge.MinCell, err)
	}
	if err := CheckGrid(liwan, 25); err != nil {
		t.Errorf("25 m: %v", err)
	}
	r := newRaster(liwan, ge.MinCell)
	if _, _, w, h := gridShape(liwan, ge.MinCell); r.W != w || r.H != h || w*h > MaxGridCells {
		t.Errorf("raster %d×%d, CheckGrid measured %d×%d", r.W, r.H, w, h)
	}
}
