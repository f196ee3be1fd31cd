package vector

import (
	"encoding/binary"
	"fmt"
	"math"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

func parseShape(c []byte) (orb.Geometry, error) {
	le := binary.LittleEndian
	f64 := func(i int) float64 { return math.Float64frombits(le.Uint64(c[i:])) }
	typ := int(le.Uint32(c))
	base := typ % 10
	if typ >= 30 || (typ >= 10 && base != shpPoint && base != shpPolyLine && base != shpPolygon && base != shpMultiPoint) {
		return nil, fmt.Errorf("unsupported shape type %d", typ)
	}
	switch base {
	case shpNull:
		return nil, nil
	case shpPoint:
		if len(c) < 20 {
			return nil, fmt.Errorf("point too short")
		}
		return orb.Point{f64(4), f64(12)}, nil
	case shpMultiPoint:
		if len(c) < 40 {
			return nil, fmt.Errorf("multipoint too short")
		}
		np := int(le.Uint32(c[36:]))
		if np < 0 || 40+16*np > len(c) {
			return nil, fmt.Errorf("multipoint of %d points does not fit", np)
		}
		mp := make(orb.MultiPoint, np)
		for i := range mp {
			mp[i] = orb.Point{f64(40 + 16*i), f64(48 + 16*i)}
		}
		return mp, nil
	}
	if len(c) < 44 {
		return nil, fmt.Errorf("shape too short")
	}
	nParts, nPts := int(le.Uint32(c[36:])), int(le.Uint32(c[40:]))
	if nParts == 0 || nPts == 0 {
		return nil, nil // an empty shape, as GDAL reads it
	}
	if nParts > nPts || 44+4*nParts+16*nPts > len(c) {
		return nil, fmt.Errorf("%d parts and %d points do not fit the record", nParts, nPts)
	}
	pts := 44 + 4*nParts
	var parts [][]orb.Point
	for p := 0; p < nParts; p++ {
		start := int(le.Uint32(c[44+4*p:]))
		end := nPts
		if p+1 < nParts {
			end = int(le.Uint32(c[44+4*(p+1):]))
		}
		if start < 0 || end > nPts || start >= end {
			return nil, fmt.Errorf("part %d spans points %d–%d of %d", p, start, end, nPts)
		}
		part := make([]orb.Point, 0, end-start)
		for i := start; i < end; i++ {
			part = append(part, orb.Point{f64(pts + 16*i), f64(pts + 16*i + 8)})
		}
		parts = append(parts, part)
	}
	if base == shpPolyLine {
		ml := orb.MultiLineString{}
		for _, p := range parts {
			ml = append(ml, p)
		}
		return ml, nil
	}
	return ringsToMultiPolygon(parts)
}

// ringsToMultiPolygon groups shapefile rings: clockwise rings are outer
// boundaries, counter-clockwise ones holes of the outer ring containing
// them.
func ringsToMultiPolygon(parts [][]orb.Point) (orb.Geometry, error) {
	var mp orb.MultiPolygon
	var holes []orb.Ring
	for _, p := range parts {
		r := orb.Ring(p)
		if len(r) < 4 {
			return nil, fmt.Errorf("ring of %d points (a closed ring needs 4)", len(r))
		}
		if !r.Closed() {
			r = append(r, r[0])
		}
		if r.Orientation() == orb.CW {
			mp = append(mp, orb.Polygon{r})
		} else {
			holes = append(holes, r)
		}
	}
	for _, h := range holes {
		placed := false
		for i := range mp {
			if planar.RingContains(mp[i][0], h[0]) {
				mp[i] = append(mp[i], h)
				placed = true
				break
			}
		}
		if !placed { // a lone counter-clockwise ring: read it as an outer ring
			rev := append(orb.Ring(nil), h...)
			rev.Reverse()
			mp = append(mp, orb.Polygon{rev})
		}
	}
	return mp, nil
}
