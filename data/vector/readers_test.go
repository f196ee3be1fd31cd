package vector

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/paulmach/orb"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/liwan-edu/schoolmap/data/gpkg"
	"github.com/liwan-edu/schoolmap/geo/crs"
)

// needTool returns a GDAL tool's path; a missing tool skips the test
// outside CI and fails it in CI.
func needTool(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s (GDAL) is needed in CI", name)
		}
		t.Skipf("%s (GDAL) not installed", name)
	}
	return p
}

func run(t testing.TB, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(needTool(t, name), args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

// dbfBytes builds a .dbf of character fields from raw bytes, with the
// language driver byte ldid.
func dbfBytes(ldid byte, names [][]byte, recs [][][]byte) []byte {
	le := binary.LittleEndian
	const width = 20
	h := make([]byte, 32)
	h[0], h[29] = 3, ldid
	le.PutUint32(h[4:], uint32(len(recs)))
	le.PutUint16(h[8:], uint16(32+32*len(names)+1))
	le.PutUint16(h[10:], uint16(1+width*len(names)))
	var b bytes.Buffer
	b.Write(h)
	for _, n := range names {
		d := make([]byte, 32)
		copy(d[:10], n)
		d[11], d[16] = 'C', width
		b.Write(d)
	}
	b.WriteByte(0x0D)
	for _, r := range recs {
		b.WriteByte(' ')
		for _, v := range r {
			b.Write(v)
			b.Write(bytes.Repeat([]byte(" "), width-len(v)))
		}
	}
	return b.Bytes()
}

func gbk(s string) []byte {
	b, _ := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	return b
}

func TestDBFEncodingPerFile(t *testing.T) {
	cp1250, _ := charmap.Windows1250.NewEncoder().Bytes([]byte("Łódź"))
	cp1252, _ := charmap.Windows1252.NewEncoder().Bytes([]byte("Café"))
	cases := []struct {
		name, forced, cpg string
		ldid              byte
		value             []byte
		want, enc, basis  string
	}{
		{"GBK 站前 valid as UTF-8, no .cpg", "", "", 0, gbk("站前"), "站前", "GBK", "whole file"},
		{"GBK by language driver", "", "", 0x4D, gbk("站前"), "站前", "GBK", "language driver"},
		{"UTF-8 by .cpg", "", "UTF-8", 0x4D, []byte("站前"), "站前", "UTF-8", ".cpg"},
		{"plain UTF-8 guessed", "", "", 0, []byte("站前街道"), "站前街道", "UTF-8", "whole file"},
		{".cpg ANSI 1250", "", "ANSI 1250", 0, cp1250, "Łódź", "Windows-1250", ".cpg"},
		{".cpg 1252", "", "1252", 0, cp1252, "Café", "Windows-1252", ".cpg"},
		{"forced GBK beats .cpg", "GBK", "UTF-8", 0, gbk("站前"), "站前", "GBK", "planner"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := dbfBytes(c.ldid, [][]byte{[]byte("NAME")}, [][][]byte{{c.value}, {[]byte("x")}})
			tb, err := parseDBF("a.dbf", b, c.forced, c.cpg)
			if err != nil {
				t.Fatal(err)
			}
			if got := tb.records[0]["NAME"]; got != c.want || tb.enc != c.enc || !strings.Contains(tb.basis, c.basis) {
				t.Errorf("%q in %s (%s); want %q in %s (%s)", got, tb.enc, tb.basis, c.want, c.enc, c.basis)
			}
		})
	}
}

// TestFieldNamesCutMidCharacter: GDAL cuts UTF-8 names at 10 bytes.
func TestFieldNamesCutMidCharacter(t *testing.T) {
	cut := func(s string) []byte { return []byte(s)[:10] }
	b := dbfBytes(0, [][]byte{cut("街道名称"), cut("街道名字"), cut("街道代码")}, [][][]byte{{[]byte("站前"), []byte("a"), []byte("440103001000")}})
	tb, err := parseDBF("a.dbf", b, "", "UTF-8")
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(tb.names(), ","); got != "街道名,街道名_2,街道代" {
		t.Errorf("names %s", got)
	}
}

// TestQGISShapefileAndGeoPackages reads files GDAL writes: a UTF-8
// shapefile with cut Chinese field names, a 3-D GeoPackage, and a
// multi-layer GeoPackage.
func TestQGISShapefileAndGeoPackages(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "src.geojson")
	os.WriteFile(src, []byte(`{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[113.2,23.1,5],[113.3,23.1,5],[113.3,23.2,5],[113.2,23.1,5]]]},"properties":{"街道名称":"站前","街道代码":"440103001000"}}]}`), 0o644)
	shp := filepath.Join(dir, "q.shp")
	run(t, "ogr2ogr", "-f", "ESRI Shapefile", shp, src, "-lco", "ENCODING=UTF-8")
	set, err := ReadShapefile(shp, "")
	if err != nil || len(set.Features) != 1 || set.Features[0].Props["街道名"] != "站前" {
		t.Fatalf("UTF-8 shapefile: %v %+v", err, set)
	}
	for _, dim := range []string{"XYZ", "XYM", "XYZM"} {
		p := filepath.Join(dir, dim+".gpkg")
		run(t, "ogr2ogr", "-f", "GPKG", "-dim", dim, p, src)
		set, err := Open(p, "", "")
		if err != nil || len(set.Features) != 1 || set.Features[0].Geometry.(orb.Polygon)[0][1] != (orb.Point{113.3, 23.1}) {
			t.Errorf("%s GeoPackage: %v %+v", dim, err, set)
		}
	}
}

func multiLayer(t *testing.T) string {
	p := filepath.Join(t.TempDir(), "multi.gpkg")
	pt := gpkg.Feature{Geometry: orb.Point{113.2, 23.1}, Values: []any{"甲"}}
	poly := gpkg.Feature{Geometry: orb.MultiPolygon{{square(113.2, 23.1, 0.01)}}, Values: []any{"站前"}}
	f := []gpkg.Field{{Name: "name", Type: gpkg.Text}}
	err := gpkg.Write(p, []*gpkg.Layer{{Name: "a_schools", GeomType: "POINT", Fields: f, Features: []gpkg.Feature{pt, pt}},
		{Name: "b_boundaries", GeomType: "MULTIPOLYGON", Fields: f, Features: []gpkg.Feature{poly}},
		{Name: "c_more_schools", GeomType: "POINT", Fields: f, Features: []gpkg.Feature{pt}}})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestMultiLayerGeoPackage(t *testing.T) {
	p := multiLayer(t)
	set, err := OpenWith(p, Options{Want: WantPolygon})
	if err != nil || set.Layer != "b_boundaries" || set.Features[0].Props["name"] != "站前" {
		t.Errorf("polygons: %v %+v", err, set)
	}
	_, err = OpenWith(p, Options{Want: WantPoint})
	var lc *LayerChoiceError
	if !errors.As(err, &lc) || !strings.Contains(err.Error(), "a_schools (POINT, 2 features)") || len(lc.candidates()) != 2 {
		t.Errorf("two point layers: %v", err)
	}
	if set, err := OpenWith(p, Options{Want: WantPoint, Layer: "c_more_schools"}); err != nil || len(set.Features) != 1 {
		t.Errorf("named layer: %v", err)
	}
	if _, err := OpenWith(p, Options{Layer: "nope"}); !errors.Is(err, ErrLayerChoice) || !strings.Contains(err.Error(), `no feature layer "nope"`) {
		t.Errorf("missing layer: %v", err)
	}
}

func TestGeoPackageReadCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := OpenWith(multiLayer(t), Options{Want: WantPolygon, Context: ctx}); !errors.Is(err, gpkg.ErrLimit) {
		t.Errorf("cancelled read: %v", err)
	}
}

func TestGeoPackageSRS(t *testing.T) {
	for _, c := range []struct {
		srs     gpkg.SRS
		want    crs.CRS
		unnamed bool
	}{
		{gpkg.SRS{ID: 0, Organization: "NONE", OrgID: 0, Definition: "undefined"}, crs.Unknown, true},
		{gpkg.SRS{ID: 4547, Organization: "EPSG", OrgID: 4547, Definition: "undefined"}, crs.CGCS2000GK114, true},
		{gpkg.SRS{ID: 4547, Organization: "EPSG", OrgID: 4547, Definition: "garbage"}, crs.CGCS2000GK114, true},
		{gpkg.SRS{ID: 32650, Organization: "EPSG", OrgID: 32650, Definition: ""}, crs.Unknown, false},
		{gpkg.SRS{ID: -1, Organization: "NONE", OrgID: -1, Definition: "undefined"}, crs.Unknown, true},
		// A custom system (as GDAL writes one without a code) that is not supported is named, not undeclared:
		{gpkg.SRS{ID: 100000, Organization: "NONE", OrgID: 100000, Definition: `PROJCS["local Albers",GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563]]],PROJECTION["Albers_Conic_Equal_Area"],UNIT["metre",1]]`}, crs.Unknown, false},
	} {
		got, err := srsCRS(c.srs)
		if got != c.want || (err == nil) != c.unnamed {
			t.Errorf("%+v: %v, %v", c.srs, got, err)
		}
	}
}

func TestUnsupportedPRJIsNamed(t *testing.T) {
	base := filepath.Join(t.TempDir(), "a")
	prj := `PROJCS["Asia_North_Albers_Equal_Area_Conic",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137,298.257223563]]],PROJECTION["Albers"],UNIT["Meter",1],AUTHORITY["ESRI","102025"]]`
	writeShapefile(base, []orb.Geometry{orb.Point{1, 2}}, []string{"N"}, [][]string{{"x"}}, false, prj, "")
	set, err := ReadShapefile(base+".shp", "")
	if err != nil || set.CRS != crs.Unknown || !errors.Is(set.CRSError, crs.ErrUnknownCRS) || !strings.Contains(set.CRSError.Error(), "ESRI:102025 Asia_North_Albers") {
		t.Errorf("%v, CRS %v, CRSError %v", err, set.CRS, set.CRSError)
	}
}

func TestGeoJSONUnsupportedCRSIsNamed(t *testing.T) {
	p := filepath.Join(t.TempDir(), "a.geojson")
	os.WriteFile(p, []byte(`{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::32650"}},"features":[]}`), 0o644)
	set, err := ReadGeoJSON(p)
	if err != nil || set.CRS != crs.Unknown || set.CRSError == nil || !strings.Contains(set.CRSError.Error(), "EPSG::32650") {
		t.Errorf("%v %+v", err, set)
	}
}

// TestHostileFiles is the table of hostile inputs: each is refused or
// read with a note, quickly, never hangs.
func TestHostileFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.csv")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	zero := filepath.Join(dir, "zero.csv")
	os.Symlink("/dev/zero", zero)
	huge := dbfBytes(0, [][]byte{[]byte("N")}, [][][]byte{{[]byte("a")}})
	binary.LittleEndian.PutUint32(huge[4:], 0xFFFFFFFF)
	tiny := make([]byte, 32+33+MaxFeatures+1)
	binary.LittleEndian.PutUint32(tiny[4:], MaxFeatures+1)
	binary.LittleEndian.PutUint16(tiny[8:], 33)
	binary.LittleEndian.PutUint16(tiny[10:], 1)
	tiny[32] = 0x0D
	long := filepath.Join(dir, "long.csv")
	nuls := strings.Repeat("\x00", 1<<20)
	os.WriteFile(long, []byte(nuls+","+nuls+"\n1,2\n"), 0o644)
	sparse := filepath.Join(dir, "huge.geojson")
	os.WriteFile(sparse, nil, 0o644)
	os.Truncate(sparse, 252<<20) // 252 MB that take no disk
	cases := []struct {
		name string
		read func() (any, error)
		want error
		msg  string
	}{
		{"FIFO named .csv", func() (any, error) { return ReadCSV(fifo, "") }, ErrNotFile, ""},
		{"link to /dev/zero", func() (any, error) { return ReadCSV(zero, "") }, ErrNotFile, ""},
		{".dbf header shorter than 32 bytes", func() (any, error) { return parseDBF("a.dbf", huge[:20], "", "") }, ErrFormat, "header damaged"},
		{"252 MB GeoJSON", func() (any, error) { return ReadGeoJSON(sparse) }, ErrTooLarge, "GeoPackage"},
		{"1-byte records beyond the cap", func() (any, error) { return parseDBF("a.dbf", tiny, "", "") }, ErrTooLarge, ""},
		{"1 MB of NULs as a repeated column name", func() (any, error) { return ReadCSV(long, "") }, ErrFormat, "more characters"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			_, err := c.read()
			if !errors.Is(err, c.want) || !strings.Contains(err.Error(), c.msg) || len(err.Error()) > 300 {
				t.Errorf("%.300v, want %v %q", err, c.want, c.msg)
			}
			if time.Since(start) > 5*time.Second {
				t.Errorf("took %v", time.Since(start))
			}
		})
	}
	wide := dbfBytes(0, make([][]byte, 200), nil) // 200 fields of 20 bytes
	binary.LittleEndian.PutUint32(wide[4:], 60000)
	wide = append(wide, make([]byte, 60000*4001)...)
	if _, err := parseDBF("w.dbf", wide, "", ""); !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "MB of memory") {
		t.Errorf("240 MB of 200-field records: %v", err)
	}
	tb, err := parseDBF("a.dbf", huge, "", "")
	if err != nil || len(tb.records) != 1 || len(tb.notes) != 1 || !strings.Contains(tb.notes[0], "claims 4294967295 records") {
		t.Errorf("4 billion records claimed: %v %+v", err, tb)
	}
}
