package vector

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGeoJSONWeight: a polygon of 10 million coordinates packed in 60 MB
// (under MaxGeoJSONBytes) is refused before decoding; a small file reads.
func TestGeoJSONWeight(t *testing.T) {
	dir := t.TempDir()
	dense := filepath.Join(dir, "dense.geojson")
	os.WriteFile(dense, []byte(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[`+
		strings.Repeat("[1,2],", 10_000_000-1)+`[1,2]]]}}]}`), 0o644)
	if _, err := ReadGeoJSON(dense); !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "weight") {
		t.Errorf("10 M coordinates: %v, want ErrTooLarge", err)
	}
	small := filepath.Join(dir, "small.geojson")
	os.WriteFile(small, []byte(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}]}`), 0o644)
	if _, err := ReadGeoJSON(small); err != nil {
		t.Errorf("small: %v", err)
	}
	if w := Weight([]byte(`{"a":[[1,2],[3,4]]}`)); w != 3+8 {
		t.Errorf("Weight = %d, want 11", w)
	}
}
