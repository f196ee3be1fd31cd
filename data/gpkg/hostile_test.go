package gpkg

import (
	"database/sql"
	"encoding/binary"
	"errors"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"syscall"
	"testing"
	"time"

	"github.com/paulmach/orb"
)

// alter writes the sample layers to a new file and runs stmts on it.
func alter(t testing.TB, stmts ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "x.gpkg")
	if err := Write(path, sampleLayers()); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	return path
}

const registerView = `INSERT INTO gpkg_contents (table_name, data_type, identifier) VALUES ('v', 'features', 'v')`

// TestHostileGeoPackages is the table of hostile files the reader must
// refuse quickly, with the right error, instead of hanging or running out
// of memory.
func TestHostileGeoPackages(t *testing.T) {
	defer func(d time.Duration) { ReadTimeout = d }(ReadTimeout)
	ReadTimeout = 3 * time.Second
	fifo := filepath.Join(t.TempDir(), "fifo.gpkg")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(t.TempDir(), "zero.gpkg")
	if err := os.Symlink("/dev/zero", link); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		path string
		want error
	}{
		{"recursive view", alter(t, `CREATE VIEW v AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT x AS fid, NULL AS geom FROM c`,
			registerView, `INSERT INTO gpkg_geometry_columns VALUES ('v', 'geom', 'POINT', 4326, 0, 0)`), ErrView},
		{"text in geometry column", alter(t, `UPDATE sites SET geom = 'POINT(1 2)' WHERE name = '一中初中部'`), ErrGeometry},
		{"fifo", fifo, ErrNotRegular},
		{"symlink to /dev/zero", link, ErrNotRegular},
		{"registered table missing", alter(t, `DROP TABLE subdistricts`), ErrNotGeoPackage},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			_, err := Read(c.path)
			if !errors.Is(err, c.want) {
				t.Errorf("Read: %v, want %v", err, c.want)
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

func TestReadTimeoutAndFeatureCap(t *testing.T) {
	defer func(d time.Duration, n int) { ReadTimeout, MaxFeatures = d, n }(ReadTimeout, MaxFeatures)
	MaxFeatures = 1
	if _, err := Read(alter(t)); !errors.Is(err, ErrLimit) {
		t.Errorf("2 sites with MaxFeatures 1: %v", err)
	}
	MaxFeatures, ReadTimeout = 100, time.Nanosecond
	if _, err := Read(alter(t)); !errors.Is(err, ErrLimit) {
		t.Errorf("timeout: %v", err)
	}
}

func TestListLayers(t *testing.T) {
	path := alter(t, `CREATE VIEW v AS SELECT * FROM sites`, registerView)
	got, err := List(path)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][2]any{"liwan_settings": {"", 1}, "sites": {"POINT", 2}, "subdistricts": {"MULTIPOLYGON", 1}, "v": {"", -1}}
	if len(got) != len(want) {
		t.Fatalf("%d layers: %+v", len(got), got)
	}
	for _, l := range got {
		if w := want[l.Name]; l.GeomType != w[0] || l.Count != w[1] || l.View != (l.Name == "v") {
			t.Errorf("%+v, want %v", l, w)
		}
	}
	f, err := ReadLayers(t.Context(), path, "subdistricts")
	if err != nil || len(f.Layers) != 1 || f.Layers[0].Name != "subdistricts" {
		t.Errorf("ReadLayers: %v %v", f, err)
	}
}

// TestReadWALLeavesNoFiles opens a WAL-mode file (as QGIS leaves a project
// it edited) and checks no -wal or -shm file remains.
func TestReadWALLeavesNoFiles(t *testing.T) {
	path := alter(t, "PRAGMA journal_mode = WAL")
	os.Remove(path + "-wal")
	os.Remove(path + "-shm")
	if _, err := Read(path); err != nil {
		t.Fatal(err)
	}
	if _, err := List(path); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(path + s); err == nil {
			t.Errorf("reading left %s", filepath.Base(path+s))
		}
	}
}

// wkbOf builds little-endian ISO WKB of type typ with the given ordinates.
func wkbOf(typ uint32, counts []uint32, ords ...float64) []byte {
	b := []byte{1}
	b = binary.LittleEndian.AppendUint32(b, typ)
	for _, c := range counts {
		b = binary.LittleEndian.AppendUint32(b, c)
	}
	for _, v := range ords {
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(v))
	}
	return b
}

func TestWKBDimensions(t *testing.T) {
	line := orb.LineString{{1, 2}, {3, 4}}
	cases := []struct {
		name string
		wkb  []byte
		want orb.Geometry
	}{
		{"point XYZ", wkbOf(1001, nil, 1, 2, 9), orb.Point{1, 2}},
		{"point XYM", wkbOf(2001, nil, 1, 2, 9), orb.Point{1, 2}},
		{"point XYZM", wkbOf(3001, nil, 1, 2, 9, 8), orb.Point{1, 2}},
		{"point EWKB Z", wkbOf(0x80000001, nil, 1, 2, 9), orb.Point{1, 2}},
		{"line XYZ", wkbOf(1002, []uint32{2}, 1, 2, 0, 3, 4, 0), line},
		{"line XYZM", wkbOf(3002, []uint32{2}, 1, 2, 0, 0, 3, 4, 0, 0), line},
		{"polygon XYM", wkbOf(2003, []uint32{1, 4}, 0, 0, 5, 1, 0, 5, 1, 1, 5, 0, 0, 5), orb.Polygon{{{0, 0}, {1, 0}, {1, 1}, {0, 0}}}},
		{"multipolygon XYZ", append(wkbOf(1006, []uint32{1}), wkbOf(1003, []uint32{1, 4}, 0, 0, 5, 1, 0, 5, 1, 1, 5, 0, 0, 5)...),
			orb.MultiPolygon{{{{0, 0}, {1, 0}, {1, 1}, {0, 0}}}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			g, err := decodeWKB(c.wkb)
			if err != nil || !reflect.DeepEqual(g, c.want) {
				t.Errorf("got %v, %v; want %v", g, err, c.want)
			}
		})
	}
	for _, bad := range [][]byte{wkbOf(1002, []uint32{1 << 30}), wkbOf(4001, nil, 1, 2), wkbOf(7, []uint32{1})} {
		if _, err := decodeWKB(bad); !errors.Is(err, ErrGeometry) {
			t.Errorf("% x: %v", bad, err)
		}
	}
}
