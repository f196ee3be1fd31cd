package vector

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// BenchmarkReadGeoJSON100k reads 100,000 five-vertex polygons (about
// 25 MB) and reports the heap in use after reading, per MB of file.
func BenchmarkReadGeoJSON100k(b *testing.B) {
	var sb strings.Builder
	sb.WriteString(`{"type":"FeatureCollection","features":[`)
	for i := 0; i < 100_000; i++ {
		if i > 0 {
			sb.WriteByte(',')
		}
		x, y := 113+float64(i%300)*0.001, 23+float64(i/300)*0.001
		fmt.Fprintf(&sb, `{"type":"Feature","properties":{"name":"p%d","pop":%d},"geometry":{"type":"Polygon","coordinates":[[[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f]]]}}`,
			i, i, x, y, x+0.001, y, x+0.001, y+0.001, x, y+0.001, x, y)
	}
	sb.WriteString("]}")
	p := filepath.Join(b.TempDir(), "big.geojson")
	os.WriteFile(p, []byte(sb.String()), 0o644)
	mb := float64(sb.Len()) / (1 << 20)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		set, err := ReadGeoJSON(p)
		if err != nil || len(set.Features) != 100_000 {
			b.Fatal(err)
		}
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		b.ReportMetric(float64(m.HeapInuse)/(1<<20)/mb, "heapMB/fileMB")
		runtime.KeepAlive(set)
	}
}
