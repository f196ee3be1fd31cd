package network

import (
	"fmt"
	"strings"

	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/data/vector"
	"github.com/liwan-edu/schoolmap/geo/crs"
)

// LineOptions choose the walkable features of a line layer.
type LineOptions struct {
	Layer string  // GeoPackage layer ("" the first)
	CRS   crs.CRS // the file's system when it does not say (Unknown: WGS-84 when coordinates look like degrees)
	// NoWalkField names a field marking roads pedestrians cannot use;
	// a feature is left out when its value is one of NoWalkValues
	// (default: 1, true, yes, y, t, 是). Without a field, a layer with
	// OSM-style highway (and foot, access) fields follows WalkRules.
	NoWalkField  string
	NoWalkValues []string
}

var defaultNoWalk = []string{"1", "true", "yes", "y", "t", "是"}

// LineStats counts a line layer's features.
type LineStats struct {
	Features, Lines, NotWalkable, NotLines int
}

// ReadLines reads a Shapefile, GeoPackage or GeoJSON line layer into
// WGS-84 lines. A layer with no walkable lines is ErrNoLines.
func ReadLines(path string, opt LineOptions) ([]orb.LineString, LineStats, error) {
	set, err := vector.Open(path, opt.Layer, "auto")
	if err != nil {
		return nil, LineStats{}, &FileError{Path: path, Err: fmt.Errorf("%w: %w", ErrFormat, err)}
	}
	lines, st, err := LinesFromSet(set, opt)
	if err != nil {
		return nil, st, &FileError{Path: path, Err: err}
	}
	return lines, st, nil
}

// LinesFromSet takes the walkable lines of a read layer.
func LinesFromSet(set *vector.Set, opt LineOptions) ([]orb.LineString, LineStats, error) {
	c := set.CRS
	if c == crs.Unknown {
		c = opt.CRS
	}
	if opt.NoWalkField != "" && !hasField(set, opt.NoWalkField) {
		return nil, LineStats{}, fmt.Errorf("%w: no field %q (fields: %s)", ErrFormat, opt.NoWalkField, strings.Join(set.Fields, ", "))
	}
	var out []orb.LineString
	st := LineStats{Features: len(set.Features)}
	for _, f := range set.Features {
		ls := lineParts(f.Geometry)
		if len(ls) == 0 {
			st.NotLines++
			continue
		}
		if !walkableFeature(f, opt, hasField(set, "highway")) {
			st.NotWalkable++
			continue
		}
		for _, l := range ls {
			w, err := toWGS84(l, c)
			if err != nil {
				return nil, st, fmt.Errorf("%s: %w", f.Where, err)
			}
			out = append(out, w)
		}
	}
	st.Lines = len(out)
	if len(out) == 0 {
		return nil, st, ErrNoLines
	}
	return out, st, nil
}

func hasField(set *vector.Set, name string) bool {
	for _, f := range set.Fields {
		if f == name {
			return true
		}
	}
	return false
}

func lineParts(g orb.Geometry) []orb.LineString {
	switch g := g.(type) {
	case orb.LineString:
		if len(g) >= 2 {
			return []orb.LineString{g}
		}
	case orb.MultiLineString:
		var out []orb.LineString
		for _, l := range g {
			if len(l) >= 2 {
				out = append(out, l)
			}
		}
		return out
	}
	return nil
}

func walkableFeature(f vector.Feature, opt LineOptions, osmTags bool) bool {
	if opt.NoWalkField != "" {
		vals := opt.NoWalkValues
		if len(vals) == 0 {
			vals = defaultNoWalk
		}
		v := strings.TrimSpace(f.Props[opt.NoWalkField])
		for _, nv := range vals {
			if strings.EqualFold(v, nv) {
				return false
			}
		}
		return true
	}
	if osmTags {
		return Walkable(func(k string) string { return f.Props[k] })
	}
	return true
}

// toWGS84 converts a line (an unknown system is taken as WGS-84);
// results that are not degrees mean the file's system is not what it
// says, and are an error.
func toWGS84(l orb.LineString, c crs.CRS) (orb.LineString, error) {
	out := make(orb.LineString, len(l))
	for i, p := range l {
		q := p
		if c != crs.Unknown {
			var err error
			if q, err = c.ToWGS84(p); err != nil {
				return nil, err
			}
		}
		if !(q[0] >= -180 && q[0] <= 180 && q[1] >= -90 && q[1] <= 90) {
			return nil, fmt.Errorf("%w: coordinates %v are not longitude/latitude in %s: set the file's coordinate system", ErrFormat, p, c)
		}
		out[i] = q
	}
	return out, nil
}
