package data

import (
	"errors"
	"fmt"

	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/data/i18n"
)

// BoundaryError says where a boundary is invalid: its polygon (from 1),
// the ring for a ring fault, the place of a self-crossing.
type BoundaryError struct {
	Polygon, Ring int // Ring 0: the fault is the polygon's, not one ring's
	At            orb.Point
	Err           error // ErrSelfCrossing or a ring error
}

func (e *BoundaryError) Error() string {
	if errors.Is(e.Err, ErrSelfCrossing) {
		return fmt.Sprintf("polygon %d: %v near %.6f, %.6f (repair it in QGIS: Vector ▸ Geometry Tools ▸ Fix Geometries)", e.Polygon, e.Err, e.At[0], e.At[1])
	}
	return fmt.Sprintf("polygon %d, ring %d: %v", e.Polygon, e.Ring, e.Err)
}

func (e *BoundaryError) Unwrap() error { return e.Err }

// geomFaults name the boundary errors in the tables.
var geomFaults = []struct {
	err error
	key string
}{{ErrRingEmpty, "words.geom.empty"}, {ErrRingOpen, "words.geom.open"}, {ErrRingShort, "words.geom.short"},
	{ErrZeroArea, "words.geom.zero"}, {ErrNotFiniteGeom, "words.geom.nan"}}

// boundaryProblem is a boundary's fault as an import problem in the
// current language; other errors (a coordinate system's) as they are.
func boundaryProblem(err error) string {
	var be *BoundaryError
	var ee *ExtentError
	switch {
	case errors.As(err, &be) && errors.Is(err, ErrSelfCrossing):
		return i18n.T("words.geom.crossing", be.Polygon, be.At[0], be.At[1])
	case errors.As(err, &be):
		return i18n.T("words.geom.ring", be.Polygon, be.Ring, boundaryProblem(be.Err))
	case errors.As(err, &ee):
		return i18n.T("words.geom.extent", ee.Name, ee.Code, ee.WidthKm, ee.HeightKm, MaxExtentKm)
	}
	for _, f := range geomFaults {
		if errors.Is(err, f.err) {
			return i18n.T(f.key)
		}
	}
	return err.Error()
}
