package gpkg

import (
	"encoding/binary"
	"fmt"
	"math"

	"github.com/paulmach/orb"
)

// wkbReader decodes well-known binary in 2-D: ISO Z, M and ZM types
// (1001…3007) and the EWKB Z/M flags are read, their extra ordinates
// skipped, as GDAL's `-dim XYZ` and QGIS's measured layers write them.
// Every count is checked against the bytes left before anything is
// allocated, so a hostile blob costs at most its own size.
type wkbReader struct {
	b     []byte
	off   int
	depth int
}

// maxWKBDepth bounds nested geometry collections.
const maxWKBDepth = 8

func decodeWKB(b []byte) (orb.Geometry, error) {
	r := &wkbReader{b: b}
	g, err := r.geometry()
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrGeometry, err)
	}
	return g, nil
}

// header reads byte order and type; it returns the base type (1–7) and the
// number of ordinates per point (2, 3 or 4).
func (r *wkbReader) header() (order binary.ByteOrder, base, dims int, err error) {
	if r.off+5 > len(r.b) {
		return nil, 0, 0, fmt.Errorf("truncated WKB header")
	}
	switch r.b[r.off] {
	case 0:
		order = binary.BigEndian
	case 1:
		order = binary.LittleEndian
	default:
		return nil, 0, 0, fmt.Errorf("byte order %d", r.b[r.off])
	}
	t := order.Uint32(r.b[r.off+1:])
	r.off += 5
	dims = 2
	if t&0x80000000 != 0 { // EWKB Z
		dims++
	}
	if t&0x40000000 != 0 { // EWKB M
		dims++
	}
	t &= 0x0fffffff
	switch t / 1000 {
	case 1, 2:
		dims++
	case 3:
		dims += 2
	}
	base = int(t % 1000)
	if base < 1 || base > 7 || t/1000 > 3 || dims > 4 {
		return nil, 0, 0, fmt.Errorf("unsupported geometry type %d", t)
	}
	return order, base, dims, nil
}

func (r *wkbReader) count(order binary.ByteOrder, each int) (int, error) {
	if r.off+4 > len(r.b) {
		return 0, fmt.Errorf("truncated count")
	}
	n := int(order.Uint32(r.b[r.off:]))
	r.off += 4
	if n < 0 || n > (len(r.b)-r.off)/each {
		return 0, fmt.Errorf("count %d does not fit the %d bytes left", n, len(r.b)-r.off)
	}
	return n, nil
}

func (r *wkbReader) points(order binary.ByteOrder, dims int) ([]orb.Point, error) {
	n, err := r.count(order, 8*dims)
	if err != nil {
		return nil, err
	}
	pts := make([]orb.Point, n)
	for i := range pts {
		pts[i] = r.point(order, dims)
	}
	return pts, nil
}

func (r *wkbReader) point(order binary.ByteOrder, dims int) orb.Point {
	x := math.Float64frombits(order.Uint64(r.b[r.off:]))
	y := math.Float64frombits(order.Uint64(r.b[r.off+8:]))
	r.off += 8 * dims
	return orb.Point{x, y}
}

func (r *wkbReader) rings(order binary.ByteOrder, dims int) (orb.Polygon, error) {
	n, err := r.count(order, 4)
	if err != nil {
		return nil, err
	}
	p := make(orb.Polygon, 0, n)
	for i := 0; i < n; i++ {
		pts, err := r.points(order, dims)
		if err != nil {
			return nil, err
		}
		p = append(p, orb.Ring(pts))
	}
	return p, nil
}

func (r *wkbReader) geometry() (orb.Geometry, error) {
	order, base, dims, err := r.header()
	if err != nil {
		return nil, err
	}
	switch base {
	case 1:
		if r.off+8*dims > len(r.b) {
			return nil, fmt.Errorf("truncated point")
		}
		return r.point(order, dims), nil
	case 2:
		pts, err := r.points(order, dims)
		return orb.LineString(pts), err
	case 3:
		return r.rings(order, dims)
	}
	return r.multi(order, base)
}

// multi reads MultiPoint, MultiLineString, MultiPolygon and
// GeometryCollection: each member is a whole WKB geometry.
func (r *wkbReader) multi(order binary.ByteOrder, base int) (orb.Geometry, error) {
	if r.depth++; r.depth > maxWKBDepth {
		return nil, fmt.Errorf("collections nested deeper than %d", maxWKBDepth)
	}
	defer func() { r.depth-- }()
	n, err := r.count(order, 9)
	if err != nil {
		return nil, err
	}
	var mp orb.MultiPoint
	var ml orb.MultiLineString
	var mpoly orb.MultiPolygon
	var col orb.Collection
	for i := 0; i < n; i++ {
		g, err := r.geometry()
		if err != nil {
			return nil, fmt.Errorf("member %d: %v", i+1, err)
		}
		ok := true
		switch base {
		case 4:
			var p orb.Point
			p, ok = g.(orb.Point)
			mp = append(mp, p)
		case 5:
			var l orb.LineString
			l, ok = g.(orb.LineString)
			ml = append(ml, l)
		case 6:
			var p orb.Polygon
			p, ok = g.(orb.Polygon)
			mpoly = append(mpoly, p)
		default:
			col = append(col, g)
		}
		if !ok {
			return nil, fmt.Errorf("member %d is a %s", i+1, g.GeoJSONType())
		}
	}
	switch base {
	case 4:
		return mp, nil
	case 5:
		return ml, nil
	case 6:
		return mpoly, nil
	}
	return col, nil
}
