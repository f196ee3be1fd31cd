package vector

import (
	"encoding/binary"
	"strings"

	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/geo/crs"

	"github.com/liwan-edu/schoolmap/data/i18n"
)

// ReadShapefile reads path (.shp, or any of its sibling files) with its
// .dbf attributes, .prj coordinate system and .cpg encoding. A bad record
// is kept as a feature with its Problem set, so the rest still import.
func ReadShapefile(path, encoding string) (*Set, error) {
	base := strings.TrimSuffix(path, path[len(path)-4:])
	shp, err := readCapped(base + ".shp")
	if err != nil {
		return nil, shpPartFault(base+".shp", err)
	}
	dbf, err := readCapped(base + ".dbf")
	if err != nil {
		return nil, shpPartFault(base+".dbf", err)
	}
	cpg, _ := readSmall(base + ".cpg")
	shx, _ := readCapped(base + ".shx")
	set := &Set{Path: base + ".shp"}
	if prj, err := readSmall(base + ".prj"); err == nil {
		set.CRS, set.CRSError = crs.FromWKT(string(prj))
	}
	shapes, err := parseSHP(base+".shp", shp, shx)
	if err != nil {
		return nil, err
	}
	t, err := parseDBF(base+".dbf", dbf, encoding, string(cpg))
	if err != nil {
		return nil, err
	}
	set.Fields, set.Encoding, set.EncodingBasis, set.Notes = t.names(), t.enc, t.basis, t.notes
	n := len(t.records)
	if len(shapes) != n {
		set.Notes = append(set.Notes, i18n.T("words.vector.shp_count", len(shapes), n, min(n, len(shapes))))
		n = min(n, len(shapes))
	}
	for i := 0; i < n; i++ {
		if t.records[i] == nil {
			continue // deleted record
		}
		f := Feature{Geometry: shapes[i].geom, Props: t.records[i], Where: i18n.T("words.vector.record", i+1)}
		f.Problem = strings.Trim(shapes[i].problem+"; "+t.problems[i], "; ")
		set.Features = append(set.Features, f)
	}
	return set, nil
}

// readSmall reads a side file (.prj, .cpg) of at most 64 kB.
func readSmall(path string) ([]byte, error) {
	b, err := readLimited(path, 64<<10)
	if err != nil {
		return nil, err
	}
	return b, nil
}

// Shape types of the ESRI Shapefile Technical Description (1998).
const (
	shpNull       = 0
	shpPoint      = 1
	shpPolyLine   = 3
	shpPolygon    = 5
	shpMultiPoint = 8
)

type shape struct {
	geom    orb.Geometry
	problem string
}

// parseSHP reads the shapes of a .shp, through the .shx index when it is
// there and agrees with the file (as GDAL does), else sequentially; Z and M
// variants are read as 2-D. A trailing zero-length record is dropped; a
// damaged record becomes a shape with a problem.
func parseSHP(path string, b, shx []byte) ([]shape, error) {
	if len(b) < 100 || binary.BigEndian.Uint32(b) != 9994 {
		return nil, &FileError{Path: path, Where: i18n.T("words.vector.header"), Err: newFault(ErrFormat, "gap.vector.not_shapefile")}
	}
	offsets := shxOffsets(shx, len(b))
	if offsets == nil {
		offsets = scanOffsets(b)
	}
	if len(offsets) > MaxFeatures {
		return nil, &FileError{Path: path, Err: newFault(ErrTooLarge, "gap.vector.too_many", len(offsets), MaxFeatures)}
	}
	out := make([]shape, 0, len(offsets))
	for n, off := range offsets {
		out = append(out, readRecord(b, off, n+1))
	}
	return out, nil
}

// shxOffsets reads record offsets from the index; nil when it is missing
// or points outside the .shp.
func shxOffsets(shx []byte, shpLen int) []int {
	if len(shx) < 100 || binary.BigEndian.Uint32(shx) != 9994 {
		return nil
	}
	var out []int
	for i := 100; i+8 <= len(shx); i += 8 {
		off := int(binary.BigEndian.Uint32(shx[i:])) * 2
		if off < 100 || off+8 > shpLen {
			return nil
		}
		out = append(out, off)
	}
	return out
}

// scanOffsets walks the records; it stops at a record header that runs
// past the end (the last record is then read as damaged) and drops a
// trailing record of zero length.
func scanOffsets(b []byte) []int {
	var out []int
	for off := 100; off+8 <= len(b); {
		size := int(binary.BigEndian.Uint32(b[off+4:])) * 2
		if size == 0 && off+8 == len(b) {
			break
		}
		out = append(out, off)
		if size < 4 {
			size = 4
		}
		off += 8 + size
	}
	return out
}

func readRecord(b []byte, off, n int) shape {
	size := int(binary.BigEndian.Uint32(b[off+4:])) * 2
	if size == 0 {
		return shape{} // an empty record: a null shape, as GDAL reads it
	}
	if off+8+size > len(b) || size < 4 {
		return shape{problem: i18n.T("words.vector.shape_short", n, size)}
	}
	g, err := parseShape(b[off+8 : off+8+size])
	if err != nil {
		return shape{problem: i18n.T("words.vector.shape_bad", n, err)}
	}
	return shape{geom: g}
}
