package vector

import (
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
)

const sweepSource = `{"type":"FeatureCollection","features":[
{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[113.2,23.1,1],[113.3,23.1,2],[113.3,23.2,3],[113.2,23.1,1]],[[113.25,23.12,0],[113.27,23.12,0],[113.27,23.14,0],[113.25,23.12,0]]]},"properties":{"名称":"站前","n":1}},
{"type":"Feature","geometry":null,"properties":{"名称":"无几何","n":2}},
{"type":"Feature","geometry":{"type":"MultiPolygon","coordinates":[[[[113.4,23.1,0],[113.5,23.1,0],[113.5,23.2,0],[113.4,23.1,0]]],[[[113.6,23.1,0],[113.7,23.1,0],[113.7,23.2,0],[113.6,23.1,0]]]]},"properties":{"名称":"两块","n":3}}]}`

var featureCount = regexp.MustCompile(`Feature Count: (\d+)`)

// TestShapefileSweep generates a corpus of odd but valid shapefiles with
// GDAL (points, lines and polygons in 2-D, Z, M and ZM; null shapes; an
// empty file; a trailing zero-length record; .cpg variants) and checks
// that every file GDAL opens, the app opens, with the same feature count.
func TestShapefileSweep(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "src.geojson")
	os.WriteFile(src, []byte(sweepSource), 0o644)
	var files []string
	gen := func(name string, args ...string) string {
		p := filepath.Join(dir, name+".shp")
		run(t, "ogr2ogr", append([]string{"-f", "ESRI Shapefile", p, src}, args...)...)
		files = append(files, p)
		return p
	}
	for _, nlt := range []string{"POLYGON", "MULTIPOLYGON", "LINESTRING", "MULTILINESTRING", "POINT", "MULTIPOINT"} {
		for _, dim := range []string{"XY", "XYZ", "XYM", "XYZM"} {
			args := []string{"-nlt", nlt, "-dim", dim, "-lco", "ENCODING=UTF-8"}
			if nlt == "POINT" || nlt == "MULTIPOINT" {
				args = append(args, "-dialect", "SQLite", "-sql", "SELECT ST_PointOnSurface(geometry) AS geometry, * FROM src")
			}
			gen(fmt.Sprintf("%s_%s", nlt, dim), args...)
		}
	}
	gen("empty", "-where", "n > 99")
	gen("cp936", "-lco", "ENCODING=CP936")
	gen("latin1", "-lco", "ENCODING=ISO-8859-1", "-select", "n")
	trailing := gen("trailing", "-nlt", "POLYGON")
	appendEmptyRecord(t, trailing)
	for _, p := range files {
		t.Run(filepath.Base(p), func(t *testing.T) {
			m := featureCount.FindStringSubmatch(run(t, "ogrinfo", "-ro", "-so", "-al", p))
			if m == nil {
				t.Skip("GDAL does not open it")
			}
			want, _ := strconv.Atoi(m[1])
			set, err := ReadShapefile(p, "")
			if err != nil {
				t.Fatalf("GDAL opens it (%d features), the app: %v", want, err)
			}
			if len(set.Features) != want {
				t.Errorf("%d features, GDAL %d", len(set.Features), want)
			}
			for _, f := range set.Features {
				if f.Problem != "" {
					t.Errorf("%s: %s", f.Where, f.Problem)
				}
			}
		})
	}
}

// appendEmptyRecord adds a zero-length record at the end of the .shp, as
// another project's test corpus has it.
func appendEmptyRecord(t *testing.T, path string) {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rec := make([]byte, 8)
	binary.BigEndian.PutUint32(rec, 99)
	b = append(b, rec...)
	binary.BigEndian.PutUint32(b[24:], uint32(len(b)/2))
	os.WriteFile(path, b, 0o644)
}
