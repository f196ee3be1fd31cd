package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/geo/coverage"
)

// zoneFixture is three of the 22 subdistricts placed as squares north-west
// of the district, where no site lies: 沙面 large (the map's extent lies
// inside it), 岭南 and 华林 small, with populations far apart so their
// gaps are three distinct values, 沙面's the middle one.
var zoneFixture = []struct {
	code, name string
	square     orb.Bound
	population int
}{
	{"440103001000", "沙面", orb.Bound{Min: orb.Point{113.00, 23.20}, Max: orb.Point{113.10, 23.30}}, 100000},
	{"440103002000", "岭南", orb.Bound{Min: orb.Point{113.00, 23.16}, Max: orb.Point{113.02, 23.18}}, 1000},
	{"440103003000", "华林", orb.Bound{Min: orb.Point{113.03, 23.16}, Max: orb.Point{113.05, 23.18}}, 1000000},
}

// zoneBBox lies inside 沙面, off its centre (where its name is written).
const zoneBBox = "113.01,23.21,113.04,23.24"

func ring(b orb.Bound) orb.Ring {
	return orb.Ring{b.Min, {b.Max[0], b.Min[1]}, b.Max, {b.Min[0], b.Max[1]}, b.Min}
}

// writeZoneFixture writes the squares as GeoJSON (code, name) and the
// populations as a CSV keyed by code.
func writeZoneFixture(t *testing.T, dir string) (boundaries, population string) {
	var fs []string
	pop := "code,population\n"
	for _, z := range zoneFixture {
		r := ring(z.square)
		var pts []string
		for _, p := range r {
			pts = append(pts, fmt.Sprintf("[%g,%g]", p[0], p[1]))
		}
		fs = append(fs, fmt.Sprintf(`{"type":"Feature","properties":{"code":%q,"name":%q},"geometry":{"type":"Polygon","coordinates":[[%s]]}}`, z.code, z.name, strings.Join(pts, ",")))
		pop += fmt.Sprintf("%s,%d\n", z.code, z.population)
	}
	boundaries, population = filepath.Join(dir, "squares.geojson"), filepath.Join(dir, "population.csv")
	os.WriteFile(boundaries, []byte(`{"type":"FeatureCollection","features":[`+strings.Join(fs, ",")+"]}"), 0o644)
	os.WriteFile(population, []byte(pop), 0o644)
	return boundaries, population
}

// fixtureGaps reads the kindergarten gaps of the three squares from the
// table `schoolmap coverage` writes for the same files.
func fixtureGaps(t *testing.T, dir, boundaries, population string) map[string]float64 {
	t.Helper()
	out := filepath.Join(dir, "coverage.csv")
	if code, _, stderr := runCmd(t, "coverage", "--boundaries", boundaries, "--population", population, "--out", out); code != 0 {
		t.Fatalf("coverage: exit %d: %s", code, stderr)
	}
	b, _ := os.ReadFile(out)
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := func(name string) int { return slices.Index(coverage.Columns, name) }
	gaps := map[string]float64{}
	for _, r := range rows[1:] {
		if r[col("level")] == data.Kindergarten.String() {
			if g, err := strconv.ParseFloat(r[col("gap")], 64); err == nil {
				gaps[r[col("subdistrict_code")]] = g
			}
		}
	}
	return gaps
}

// expectedFill is 沙面's choropleth colour: the legend class of its gap
// among the three (quantiles of three distinct values: one class each),
// painted at the layer's alpha 150 over the background bg.
func expectedFill(t *testing.T, gaps map[string]float64, bg color.RGBA) (want color.RGBA, others []color.RGBA) {
	t.Helper()
	var vals []float64
	for _, z := range zoneFixture {
		g, ok := gaps[z.code]
		if !ok {
			t.Fatalf("no gap for %s in the table: %v", z.name, gaps)
		}
		vals = append(vals, g)
	}
	sorted := slices.Clone(vals)
	slices.Sort(sorted)
	if sorted[0] == sorted[1] || sorted[1] == sorted[2] {
		t.Fatalf("gaps %v are not three distinct values", vals)
	}
	class := slices.Index(sorted, vals[0])
	pal := coverage.Palette(coverage.MeasureGap, 3)
	blend := func(c color.RGBA) color.RGBA {
		mix := func(f, b uint8) uint8 { return uint8((int(f)*150 + int(b)*105 + 127) / 255) }
		return color.RGBA{mix(c.R, bg.R), mix(c.G, bg.G), mix(c.B, bg.B), 255}
	}
	for k, c := range pal {
		if k != class {
			others = append(others, blend(c))
		}
	}
	return blend(pal[class]), others
}

func near(a, b color.RGBA, tol int) bool {
	d := func(x, y uint8) bool { return int(x)-int(y) <= tol && int(y)-int(x) <= tol }
	return d(a.R, b.R) && d(a.G, b.G) && d(a.B, b.B)
}

func readPNG(t *testing.T, path string) *image.RGBA {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	out := image.NewRGBA(img.Bounds())
	for y := img.Bounds().Min.Y; y < img.Bounds().Max.Y; y++ {
		for x := img.Bounds().Min.X; x < img.Bounds().Max.X; x++ {
			out.Set(x, y, img.At(x, y))
		}
	}
	return out
}

// centreShare is the share of the 21×21 pixels at the image's centre
// (inside the map frame, inside 沙面) that are within tol of c.
func centreShare(img *image.RGBA, c color.RGBA, tol int) float64 {
	b := img.Bounds()
	cx, cy, n, hit := (b.Min.X+b.Max.X)/2, (b.Min.Y+b.Max.Y)/2, 0, 0
	for y := cy - 10; y <= cy+10; y++ {
		for x := cx - 10; x <= cx+10; x++ {
			n++
			if near(img.RGBAAt(x, y), c, tol) {
				hit++
			}
		}
	}
	return float64(hit) / float64(n)
}

// centreMode is the most frequent colour of the 21×21 pixels at the
// image's centre.
func centreMode(img *image.RGBA) color.RGBA {
	b := img.Bounds()
	cx, cy := (b.Min.X+b.Max.X)/2, (b.Min.Y+b.Max.Y)/2
	count := map[color.RGBA]int{}
	var best color.RGBA
	for y := cy - 10; y <= cy+10; y++ {
		for x := cx - 10; x <= cx+10; x++ {
			c := img.RGBAAt(x, y)
			if count[c]++; count[c] > count[best] {
				best = c
			}
		}
	}
	return best
}

// TestCLIExportChoropleth: `export` with boundaries and population (from
// files, or saved in a project) fills 沙面 with the legend class of its
// gap as the coverage table gives it; without subdistricts in --layers
// the same place shows the plain background.
func TestCLIExportChoropleth(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", dir)
	boundaries, population := writeZoneFixture(t, dir)
	gaps := fixtureGaps(t, dir, boundaries, population)
	export := func(t *testing.T, name, layers string, extra ...string) *image.RGBA {
		t.Helper()
		out := filepath.Join(dir, name+".png")
		args := append([]string{"export", "--out", out, "--paper", "A4", "--dpi", "50", "--offline", "--bbox", zoneBBox, "--layers", layers}, extra...)
		if code, _, stderr := runCmd(t, args...); code != 0 {
			t.Fatalf("export: exit %d: %s", code, stderr)
		}
		return readPNG(t, out)
	}
	plain := export(t, "plain", "sites,labels", "--boundaries", boundaries, "--population", population)
	bg := centreMode(plain) // the map's background (a graticule line may cross the centre)
	want, others := expectedFill(t, gaps, bg)
	for _, o := range others {
		if near(o, want, 6) {
			t.Fatalf("classes %v and %v cannot be told apart", want, o)
		}
	}
	if s := centreShare(plain, want, 4); s > 0 {
		t.Errorf("without the subdistricts layer %.0f%% of the centre has the class colour %v", 100*s, want)
	}
	p := &data.Project{Norms: data.DefaultNorms(), Subdistricts: data.LiwanSubdistricts()}
	embedded, _ := loadProject("")
	p.Sites = embedded.Sites
	for i := range p.Subdistricts {
		for _, z := range zoneFixture {
			if p.Subdistricts[i].Code == z.code {
				s := &p.Subdistricts[i]
				s.Boundary, s.Population, s.PopKnown = orb.MultiPolygon{{ring(z.square)}}, z.population, true
			}
		}
	}
	project := filepath.Join(dir, "p.gpkg")
	if err := data.SaveProject(project, p); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		extra []string
	}{
		{"boundaries and population files", []string{"--boundaries", boundaries, "--population", population}},
		{"saved in a project", []string{"--project", project}},
	} {
		t.Run(c.name, func(t *testing.T) {
			img := export(t, strings.ReplaceAll(c.name, " ", "-"), "subdistricts,sites,labels", c.extra...)
			if s := centreShare(img, want, 4); s < 0.6 {
				t.Errorf("%.0f%% of the centre (inside 沙面, gap %.0f) has its class colour %v; centre pixel %v", 100*s, gaps[zoneFixture[0].code], want, img.RGBAAt(img.Bounds().Dx()/2, img.Bounds().Dy()/2))
			}
		})
	}
}

// TestCLIExportZoneErrors: the choropleth's flags fail as the coverage
// command's do: bad arguments exit 2, unreadable files 1, and nothing is
// written.
func TestCLIExportZoneErrors(t *testing.T) {
	dir := t.TempDir()
	fx := filepath.Join("testdata", "boundaries")
	noPrj := filepath.Join(dir, "noprj.shp")
	for _, ext := range []string{".shp", ".dbf", ".shx"} {
		if b, err := os.ReadFile(filepath.Join(fx, "synthetic-cgcs2000-gk114"+ext)); err == nil {
			os.WriteFile(strings.TrimSuffix(noPrj, ".shp")+ext, b, 0o644)
		}
	}
	noPop := filepath.Join(dir, "nopop.csv")
	os.WriteFile(noPop, []byte("甲,乙\n1,2\n"), 0o644)
	out := filepath.Join(dir, "map.png")
	for _, c := range []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"unknown level", []string{"--zone-level", "senior"}, exitUsage, "--zone-level"},
		{"missing boundaries", []string{"--boundaries", filepath.Join(dir, "none.geojson")}, exitError, "none.geojson"},
		{"no coordinate system", []string{"--boundaries", noPrj}, exitUsage, "--crs"},
		{"population without columns", []string{"--boundaries", filepath.Join(fx, "synthetic-wgs84.geojson"), "--population", noPop}, exitError, "nopop.csv"},
	} {
		t.Run(c.name, func(t *testing.T) {
			args := append([]string{"export", "--out", out, "--offline", "--layers", "subdistricts,sites", "--dpi", "50"}, c.args...)
			code, _, stderr := runCmd(t, args...)
			if code != c.code || !strings.Contains(stderr, c.msg) {
				t.Errorf("exit %d: %s; want %d and %q", code, stderr, c.code, c.msg)
			}
			if _, err := os.Stat(out); err == nil {
				t.Error("a map was written")
			}
		})
	}
}
