package coverage

import (
	"io"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/liwan-edu/schoolmap/assets"
	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/vector"
)

// FuzzPipeline runs the coverage pipeline as the command does: boundaries
// (GeoJSON) → population (CSV) → analysis → CSV and XLSX tables. It must
// not panic or hang, and what it computes must be in range.
func FuzzPipeline(f *testing.F) {
	b, _ := os.ReadFile(filepath.Join("..", "..", "testdata", "boundaries", "synthetic-wgs84.geojson"))
	f.Add(b, []byte("街道,常住人口\n测试甲,53000\n测试乙,39500\n"), 500.0, 2025)
	f.Add([]byte(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"桥中"},"geometry":{"type":"Polygon","coordinates":[[[113.2,23.1],[113.3,23.1],[113.3,23.2],[113.2,23.1]]]}}]}`),
		[]byte("name,pop\n桥中,1e9\n"), 1e9, 2021)
	f.Add([]byte(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"x"},"geometry":{"type":"Polygon","coordinates":[[]]}}]}`),
		[]byte("name,pop\nx,-1\n"), -5.0, 0)
	f.Fuzz(pipeline)
}

var fuzzSites, _ = data.ParseSites(assets.SitesGeoJSON)

func pipeline(t *testing.T, boundaries, pop []byte, radius float64, year int) {
	sites := fuzzSites
	{
		if len(boundaries) > 64<<10 || len(pop) > 16<<10 {
			return // per-input work stays small: the readers have their own caps
		}
		dir := t.TempDir()
		bp, pp := filepath.Join(dir, "b.geojson"), filepath.Join(dir, "p.csv")
		os.WriteFile(bp, boundaries, 0o644)
		os.WriteFile(pp, pop, 0o644)
		set, err := vector.Open(bp, "", "auto")
		if err != nil {
			return
		}
		subs, _ := data.Subdistricts(set, data.GuessBoundaryMapping(set.Fields))
		merged, _ := data.MergeSubdistrictsReport(data.LiwanSubdistricts(), subs)
		if ps, err := vector.ReadCSV(pp, "auto"); err == nil && len(ps.Fields) >= 2 {
			merged, _ = data.ApplyPopulation(merged, ps, ps.Fields[0], ps.Fields[1])
		}
		n := data.DefaultNorms()
		if radius > 0 && radius < 1e7 {
			n.RadiusM[data.Kindergarten] = data.Norm{Value: radius}
		}
		res := Analyse(Input{Subdistricts: merged, Sites: sites, Norms: n, Year: year})
		if len(res.Rows) < len(merged)*len(Levels) {
			t.Fatalf("%d rows for %d subdistricts", len(res.Rows), len(merged))
		}
		for _, r := range res.Rows {
			for _, share := range []float64{r.AreaCovered, r.PopCovered} {
				if !math.IsNaN(share) && (share < -1e-9 || share > 1+1e-9) {
					t.Fatalf("%s share %v", r.Name, share)
				}
			}
		}
		if err := WriteCSV(io.Discard, res); err != nil {
			t.Fatal(err)
		}
		if err := WriteXLSX(io.Discard, res); err != nil {
			t.Fatal(err)
		}
	}
}
