package data

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestReferenceSizeLimit: a GeoJSON over MaxReferenceBytes, or a
// shapefile whose .dbf makes it so, is refused at once, unread (the files
// are sparse: reading them would take seconds); so is a GeoJSON of 10
// million coordinates under the size limit; a small file is read.
func TestReferenceSizeLimit(t *testing.T) {
	dir := t.TempDir()
	sparse := func(name string, size int64) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, nil, 0o644)
		if err := os.Truncate(p, size); err != nil {
			t.Fatal(err)
		}
		return p
	}
	big := sparse("plots.geojson", MaxReferenceBytes+1)
	shp := sparse("roads.shp", 1<<20)
	sparse("roads.dbf", MaxReferenceBytes)
	for _, p := range []string{big, shp} {
		start := time.Now()
		if _, err := LoadReference(p, ""); !errors.Is(err, ErrRefTooLarge) {
			t.Errorf("%s: %v, want ErrRefTooLarge", filepath.Base(p), err)
		}
		if d := time.Since(start); d > time.Second {
			t.Errorf("%s: refused after %v", filepath.Base(p), d)
		}
	}
	// 10 million coordinates in 60 MB, under the size limit.
	dense := filepath.Join(dir, "dense.geojson")
	os.WriteFile(dense, []byte(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[`+
		strings.Repeat("[1,2],", 10_000_000-1)+`[1,2]]]}}]}`), 0o644)
	if _, err := LoadReference(dense, ""); !errors.Is(err, ErrRefTooLarge) {
		t.Errorf("10 M coordinates: %v, want ErrRefTooLarge", err)
	}
	small := filepath.Join(dir, "small.geojson")
	os.WriteFile(small, []byte(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[113.24,23.1]}}]}`), 0o644)
	if _, err := LoadReference(small, ""); err != nil {
		t.Errorf("small file: %v", err)
	}
}
