package vector

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestUTF8DBFWithoutCPGCutNames: a UTF-8 .dbf whose .cpg was lost, its
// Chinese field names cut mid-character at 10 bytes (常住人口数 is 15
// bytes in UTF-8: GDAL keeps 3 characters and 1 byte of the fourth), is
// read as UTF-8. The cut bytes are not UTF-8, but they must not make the
// whole file GBK: then every record fails.
func TestUTF8DBFWithoutCPGCutNames(t *testing.T) {
	cut := func(s string) []byte { return []byte(s)[:10] }
	hand := dbfBytes(0, [][]byte{cut("街道名称"), cut("常住人口数")},
		[][][]byte{{[]byte("站前街道"), []byte("52000")}, {[]byte("彩虹街道"), []byte("61000")}})
	gdalTable := func(t *testing.T) []byte {
		dir := t.TempDir()
		src := filepath.Join(dir, "pop.geojson")
		os.WriteFile(src, []byte(`{"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"街道名称":"站前街道","常住人口数":52000},"geometry":{"type":"Point","coordinates":[113.25,23.13]}},
{"type":"Feature","properties":{"街道名称":"彩虹街道","常住人口数":61000},"geometry":{"type":"Point","coordinates":[113.24,23.12]}}]}`), 0o644)
		run(t, "ogr2ogr", "-f", "ESRI Shapefile", filepath.Join(dir, "pop.shp"), src, "-lco", "ENCODING=UTF-8")
		if _, err := os.Stat(filepath.Join(dir, "pop.cpg")); err != nil {
			t.Fatalf("GDAL wrote no .cpg to delete: %v", err)
		}
		os.Remove(filepath.Join(dir, "pop.cpg"))
		set, err := ReadShapefile(filepath.Join(dir, "pop.shp"), "")
		if err != nil {
			t.Fatal(err)
		}
		checkCutNamesSet(t, set.Encoding, set.Fields, func(i int) map[string]string { return set.Features[i].Props },
			func(i int) string { return set.Features[i].Problem }, len(set.Features))
		b, _ := os.ReadFile(filepath.Join(dir, "pop.dbf"))
		return b
	}
	for _, c := range []struct {
		name string
		dbf  func(t *testing.T) []byte
	}{
		{"written byte by byte", func(*testing.T) []byte { return hand }},
		{"written by ogr2ogr, .cpg deleted", gdalTable},
	} {
		t.Run(c.name, func(t *testing.T) {
			tb, err := parseDBF("pop.dbf", c.dbf(t), "", "")
			if err != nil {
				t.Fatal(err)
			}
			checkCutNamesSet(t, tb.enc, tb.names(), func(i int) map[string]string { return tb.records[i] },
				func(i int) string { return tb.problems[i] }, len(tb.records))
		})
	}
}

func checkCutNamesSet(t *testing.T, enc string, fields []string, rec func(int) map[string]string, problem func(int) string, n int) {
	t.Helper()
	if enc != "UTF-8" || strings.Join(fields, ",") != "街道名,常住人" || n != 2 {
		t.Fatalf("read as %s, fields %q, %d records", enc, fields, n)
	}
	for i, want := range []string{"站前街道", "彩虹街道"} {
		if got := rec(i)["街道名"]; got != want || problem(i) != "" {
			t.Errorf("record %d: %q (problem %q), want %q", i+1, got, problem(i), want)
		}
	}
	if got := strings.TrimSpace(rec(0)["常住人"]); got != "52000" {
		t.Errorf("population %q", got)
	}
}
