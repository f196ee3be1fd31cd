package vector

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// TestTrailingRecordFixture reads the kept fixture: a polygon shapefile
// whose .shp ends with a zero-length record (as in another project's test
// corpus), through its .shx and without it, as GDAL counts it.
func TestTrailingRecordFixture(t *testing.T) {
	fx := filepath.Join("testdata", "trailing-record.shp")
	m := featureCount.FindStringSubmatch(run(t, "ogrinfo", "-ro", "-so", "-al", fx))
	want, _ := strconv.Atoi(m[1])
	dir := t.TempDir()
	for _, ext := range []string{".shp", ".dbf", ".prj", ".cpg"} {
		b, _ := os.ReadFile(filepath.Join("testdata", "trailing-record"+ext))
		os.WriteFile(filepath.Join(dir, "t"+ext), b, 0o644)
	}
	for _, p := range []string{fx, filepath.Join(dir, "t.shp")} {
		set, err := ReadShapefile(p, "")
		if err != nil || len(set.Features) != want || set.Features[0].Props["name"] != "站前" {
			t.Errorf("%s: %v, %+v; GDAL counts %d", p, err, set, want)
		}
	}
}

// FuzzSHPIndex fuzzes the .shp with its .shx index.
func FuzzSHPIndex(f *testing.F) {
	shp, _ := os.ReadFile(filepath.Join("testdata", "trailing-record.shp"))
	shx, _ := os.ReadFile(filepath.Join("testdata", "trailing-record.shx"))
	f.Add(shp, shx)
	f.Fuzz(func(t *testing.T, shp, shx []byte) { parseSHP("f.shp", shp, shx) })
}
