package data

import (
	"errors"
	"math"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/data/vector"
	"github.com/liwan-edu/schoolmap/geo/crs"
)

func TestValidBoundary(t *testing.T) {
	sq := orb.Ring{{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}}
	hole := orb.Ring{{0.2, 0.2}, {0.2, 0.8}, {0.8, 0.8}, {0.8, 0.2}, {0.2, 0.2}}
	cases := []struct {
		name string
		mp   orb.MultiPolygon
		want error
	}{
		{"square with hole", orb.MultiPolygon{{sq, hole}}, nil},
		{"empty ring", orb.MultiPolygon{{sq, {}}}, ErrRingEmpty},
		{"unclosed ring", orb.MultiPolygon{{sq[:4]}}, ErrRingOpen},
		{"short ring", orb.MultiPolygon{{{{0, 0}, {1, 1}, {0, 0}}}}, ErrRingShort},
		{"bow tie", orb.MultiPolygon{{{{0, 0}, {1, 1}, {1, 0}, {0, 1}, {0, 0}}}}, ErrSelfCrossing},
		{"hole crossing the outer ring", orb.MultiPolygon{{sq, {{0.5, 0.5}, {1.5, 0.5}, {1.5, 0.6}, {0.5, 0.6}, {0.5, 0.5}}}}, ErrSelfCrossing},
		{"flat", orb.MultiPolygon{{{{0, 0}, {1, 0}, {2, 0}, {0, 0}}}}, ErrZeroArea},
		{"NaN", orb.MultiPolygon{{{{0, 0}, {math.NaN(), 0}, {1, 1}, {0, 0}}}}, ErrNotFiniteGeom},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if _, err := validBoundary(c.mp, nil); !errors.Is(err, c.want) {
				t.Errorf("%v, want %v", err, c.want)
			}
		})
	}
}

// TestSubdistrictImportRefusesBadRings: through the import, a bad ring is
// a problem naming the feature (from 1), and the other features import.
func TestSubdistrictImportRefusesBadRings(t *testing.T) {
	set := &vector.Set{Path: filepath.Join("x", "b.geojson"), CRS: crs.WGS84, Features: []vector.Feature{
		{Where: "feature 1", Props: map[string]string{"name": "甲"}, Geometry: orb.Polygon{{{113.2, 23.1}, {113.21, 23.1}, {113.21, 23.11}, {113.2, 23.1}}}},
		{Where: "feature 2", Props: map[string]string{"name": "乙"}, Geometry: orb.Polygon{{{113.2, 23.1}, {113.21, 23.11}, {113.21, 23.1}, {113.2, 23.11}, {113.2, 23.1}}}},
	}}
	defer i18n.SetLanguage("zh")
	for lang, crosses := range map[string]string{"en": "crosses itself near 113.200000, 23.110000", "zh": "113.200000, 23.110000 附近自相交"} {
		i18n.SetLanguage(lang)
		subs, probs := Subdistricts(set, BoundaryMapping{Name: "name", CRS: crs.WGS84})
		if len(subs) != 1 || len(probs) != 1 || probs[0].Where != "feature 2" || !strings.Contains(probs[0].Msg, crosses) {
			t.Errorf("%s: %d subdistricts, problems %v", lang, len(subs), probs)
		}
	}
}

// BenchmarkValidBoundary2M checks a 2-million-vertex boundary.
func BenchmarkValidBoundary2M(b *testing.B) {
	const n = 2_000_000
	r := make(orb.Ring, 0, n+1)
	for i := 0; i < n; i++ {
		a := 2 * math.Pi * float64(i) / n
		rad := 0.05 * (1 + 0.1*math.Sin(40*a))
		r = append(r, orb.Point{113.2 + rad*math.Cos(a), 23.1 + rad*math.Sin(a)})
	}
	r = append(r, r[0])
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		if _, err := validBoundary(orb.MultiPolygon{{r}}, nil); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(time.Since(start).Seconds(), "s/polygon")
	}
}
