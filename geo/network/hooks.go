package network

import (
	"errors"
	"math"
	"path/filepath"

	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/data/regularfile"
	"github.com/liwan-edu/schoolmap/geo/coverage"
	"github.com/liwan-edu/schoolmap/geo/render"
)

// RenderShapes hands the set's catchments to the renderer as capsules in
// WGS-84; a nil set gives nil (the renderer draws circles).
func (s *SiteSet) RenderShapes() render.CatchShapeFunc {
	if s == nil {
		return nil
	}
	return func(id string, l data.Level) ([]render.Capsule, bool) {
		c, ok := s.By[SiteKey{ID: id, Served: l}]
		if !ok {
			return nil, false
		}
		caps := make([]render.Capsule, len(c.Shape.Segs))
		for i, sg := range c.Shape.Segs {
			caps[i] = render.Capsule{A: s.G.Proj.Inverse(sg.A), B: s.G.Proj.Inverse(sg.B), R: c.Shape.R}
		}
		return caps, true
	}
}

// CoverageShapes hands the set's catchments to the coverage analysis; a
// nil set gives nil (the analysis uses circles).
func (s *SiteSet) CoverageShapes() coverage.ShapeFunc {
	if s == nil {
		return nil
	}
	return func(site *data.Site, l data.Level, project func(orb.Point) orb.Point) coverage.Shape {
		if c := s.Capsules(site.ID, l, project); c != nil {
			return c
		}
		return nil
	}
}

// Explain words a reader error for the planner, in the current language:
// the file, what went wrong and what to do.
func Explain(path string, err error) error {
	base := filepath.Base(path)
	switch {
	case errors.Is(err, regularfile.ErrNotRegular):
		return errors.New(i18n.T("limits.not_regular", base))
	case errors.Is(err, ErrTooMuchWork):
		return errors.New(i18n.T("limits.pbf.work", base))
	case errors.Is(err, ErrCanceled):
		return errors.New(i18n.T("limits.canceled", base))
	case errors.Is(err, ErrTruncated):
		return errors.New(i18n.T("network.err.truncated", base))
	case errors.Is(err, ErrNoLines):
		return errors.New(i18n.T("network.err.nolines", base))
	case errors.Is(err, ErrFormat):
		return errors.New(i18n.T("network.err.format", base, err))
	}
	return errors.New(i18n.T("network.err.other", base, err))
}

// PadMetres grows a WGS-84 bound by m metres each way.
func PadMetres(b orb.Bound, m float64) orb.Bound {
	dlat := m / 111320
	dlon := m / (111320 * math.Cos((b.Min[1]+b.Max[1])/2*math.Pi/180))
	return orb.Bound{Min: orb.Point{b.Min[0] - dlon, b.Min[1] - dlat}, Max: orb.Point{b.Max[0] + dlon, b.Max[1] + dlat}}
}
