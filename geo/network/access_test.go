package network

import (
	"bytes"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/geo"
)

// gridOracle is the walk from a school on the crossing (500, 500) of a
// 100 m grid to point p: along the grid (Manhattan distance, exact on a
// grid) to the point of a 100 m street segment nearest p, then straight to
// p; best over the segments within maxOff whose straight leg is at most
// slack longer than the leg to the nearest segment.
func gridOracle(p orb.Point, maxOff, slack float64) float64 {
	type leg struct{ walk, off float64 }
	var legs []leg
	nearest := math.Inf(1)
	for k := 0.0; k <= 1000; k += 100 {
		for m := 0.0; m < 1000; m += 100 {
			for _, q := range []orb.Point{
				{k, math.Max(m, math.Min(m+100, p[1]))}, // on the vertical segment x=k, m..m+100
				{math.Max(m, math.Min(m+100, p[0])), k},
			} {
				off := math.Hypot(p[0]-q[0], p[1]-q[1])
				legs = append(legs, leg{math.Abs(q[0]-500) + math.Abs(q[1]-500), off})
				nearest = math.Min(nearest, off)
			}
		}
	}
	best := math.NaN()
	for _, l := range legs {
		if d := l.walk + l.off; l.off <= maxOff && l.off <= nearest+slack && !(best <= d) {
			best = d
		}
	}
	return best
}

func TestAccessGridAgainstOracle(t *testing.T) {
	g := build(t, gridLines(11, 100))
	ext := orb.Bound{Min: at(-300, -300), Max: at(1300, 1300)}
	r, snaps := g.Access([]orb.Point{at(500, 500)}, ext, AccessOptions{Cell: 25, MaxOffset: 200})
	if !snaps[0].OK {
		t.Fatal("school not snapped")
	}
	checked, worst := 0, 0.0
	for j := 0; j < r.H; j++ {
		for i := 0; i < r.W; i++ {
			p := geo.LiwanAlbers.Forward(r.Center(i, j))
			want, got := gridOracle(p, 200, 25), float64(r.Val[j*r.W+i])
			if math.IsNaN(want) != math.IsNaN(got) {
				if math.Abs(distToGrid(p)-200) < 0.5 { // on the offset limit: either is right
					continue
				}
				t.Fatalf("cell %d,%d at %.1f,%.1f: got %v want %v", i, j, p[0], p[1], got, want)
			}
			if !math.IsNaN(want) {
				worst = math.Max(worst, math.Abs(got-want))
				checked++
			}
		}
	}
	if worst > 0.3 || checked < 1000 {
		t.Errorf("worst error %.3f m over %d cells", worst, checked)
	}
	area, _ := r.ClassShares(DefaultBreaks, nil)
	if math.Abs(sum(area)-1) > 1e-9 || area[0] <= 0 || area[4] <= 0 {
		t.Errorf("class shares %v", area)
	}
}

func distToGrid(p orb.Point) float64 {
	dx := math.Max(math.Max(0, -p[0]), p[0]-1000)
	dy := math.Max(math.Max(0, -p[1]), p[1]-1000)
	return math.Hypot(dx, dy)
}

func TestClassSharesWithPopulation(t *testing.T) {
	g := build(t, gridLines(11, 100))
	ext := orb.Bound{Min: at(0, 0), Max: at(1000, 1000)}
	r, _ := g.Access([]orb.Point{at(0, 0)}, ext, AccessOptions{})
	near := orb.Polygon{orb.Ring{at(0, 0), at(100, 0), at(100, 100), at(0, 100), at(0, 0)}}
	far := orb.Polygon{orb.Ring{at(800, 800), at(1000, 800), at(1000, 1000), at(800, 1000), at(800, 800)}}
	_, pop := r.ClassShares(DefaultBreaks, []Zone{{orb.MultiPolygon{near}, 1000}, {orb.MultiPolygon{far}, 3000}})
	// the near block is all within 300 m, the far one all beyond 1500 m
	if math.Abs(pop[0]-0.25) > 1e-9 || math.Abs(pop[4]-0.75) > 1e-9 {
		t.Errorf("population shares %v, want 0.25 within 300 m and 0.75 beyond 1500 m", pop)
	}
}

func needTool(t *testing.T, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is required in CI (apt-get install gdal-bin osmium-tool)", name)
		}
		t.Skipf("%s not installed", name)
	}
}

func TestGeoTIFFReadByGDAL(t *testing.T) {
	needTool(t, "gdallocationinfo")
	g := build(t, gridLines(11, 100))
	ext := orb.Bound{Min: at(-100, -100), Max: at(1100, 1100)}
	r, _ := g.Access([]orb.Point{at(500, 500)}, ext, AccessOptions{})
	path := filepath.Join(t.TempDir(), "access.tif")
	var buf bytes.Buffer
	if err := r.WriteGeoTIFF(&buf, 1); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(path, buf.Bytes(), 0o644)
	info, err := exec.Command("gdalinfo", path).CombinedOutput()
	if err != nil || !strings.Contains(string(info), `ID["EPSG",3857]`) || !strings.Contains(string(info), "NoData Value=nan") || !strings.Contains(string(info), "Size is "+strconv.Itoa(r.W)+", "+strconv.Itoa(r.H)) {
		t.Fatalf("gdalinfo: %v\n%s", err, info)
	}
	for _, c := range [][2]int{{r.W / 2, r.H / 2}, {3, 5}, {r.W - 2, 1}} {
		p := r.Center(c[0], c[1])
		out, err := exec.Command("gdallocationinfo", "-valonly", "-wgs84", path, fmtF(p[0]), fmtF(p[1])).Output()
		if err != nil {
			t.Fatalf("gdallocationinfo: %v %s", err, out)
		}
		got, _ := strconv.ParseFloat(strings.TrimSpace(string(out)), 64)
		if want := float64(r.Val[c[1]*r.W+c[0]]); math.Abs(got-want) > 1e-3 {
			t.Errorf("cell %v: GDAL reads %v, raster holds %v", c, got, want)
		}
	}
}

func fmtF(v float64) string { return strconv.FormatFloat(v, 'f', 9, 64) }

// TestAccessDoesNotCrossRiver: two streets 150 m apart on the banks of a
// river, joined only by a bridge at x = 900; the school is on the south
// street at x = 100. A cell beside the north street is reached over the
// bridge (about 1,750 m), not by the 150 m straight leg from the south
// street, which crosses the water.
func TestAccessDoesNotCrossRiver(t *testing.T) {
	g := build(t, []orb.LineString{
		line([2]float64{0, 0}, [2]float64{900, 0}, [2]float64{1000, 0}),
		line([2]float64{0, 150}, [2]float64{900, 150}, [2]float64{1000, 150}),
		line([2]float64{900, 0}, [2]float64{900, 150}), // the bridge
	})
	ext := orb.Bound{Min: at(0, -100), Max: at(1000, 300)}
	const cell = 10.0
	r, _ := g.Access([]orb.Point{at(100, 0)}, ext, AccessOptions{Cell: cell, MaxOffset: 200})
	checked := 0
	for j := 0; j < r.H; j++ {
		for i := 0; i < r.W; i++ {
			p := geo.LiwanAlbers.Forward(r.Center(i, j))
			toNorth := math.Abs(p[1] - 150)
			if p[0] < 50 || p[0] > 600 || toNorth > 30 {
				continue // only cells along the north bank, well west of the bridge
			}
			want := 800 + 150 + (900 - p[0]) + toNorth // east, over the bridge, back west, then off the street
			got := float64(r.Val[j*r.W+i])
			if !(math.Abs(got-want) < 1) {
				t.Fatalf("cell at %.0f,%.0f (%.0f m from the north street, %.0f m across the river): %.0f m, want %.0f m over the bridge",
					p[0], p[1], toNorth, math.Abs(p[1]), got, want)
			}
			checked++
		}
	}
	if checked < 100 {
		t.Errorf("only %d cells checked", checked)
	}
	// The south bank still reads the short walk.
	k := cellAt(r, at(300, -10))
	p := geo.LiwanAlbers.Forward(r.Center(k%r.W, k/r.W))
	if got, want := float64(r.Val[k]), math.Abs(p[0]-100)+math.Abs(p[1]); math.Abs(got-want) > 1 {
		t.Errorf("cell at %.1f,%.1f reads %.1f m, want %.1f", p[0], p[1], got, want)
	}
}

// cellAt is the index of the cell holding p.
func cellAt(r *Raster, p orb.Point) int {
	m := mercator(p)
	i, j := int((m[0]-r.X0)/r.Cell), int((r.Y0-m[1])/r.Cell)
	return j*r.W + i
}

// TestAccessRoundsMatchBruteForce: the two rounds over blocks give, on a
// jittered grid with gaps (a park, streets ending), the values of the rule
// applied to every cell and every street.
func TestAccessRoundsMatchBruteForce(t *testing.T) {
	var lines []orb.LineString
	for k, l := range districtLines(12, 90) {
		if k%5 != 3 { // drop some streets: open ground farther than two cells
			lines = append(lines, l)
		}
	}
	g := build(t, lines)
	ext := orb.Bound{Min: at(-250, -250), Max: at(1300, 1300)}
	opt := AccessOptions{Cell: 20, MaxOffset: 200}
	sites := []orb.Point{at(300, 420), at(900, 100)}
	r, _ := g.Access(sites, ext, opt)

	s := g.NewSearch()
	var srcs []Source
	on := map[int32][]onEdge{}
	for _, p := range sites {
		sn := g.SnapPoint(p, 5000)
		srcs = append(srcs, g.Sources(sn)...)
		on[int32(sn.Edge)] = append(on[int32(sn.Edge)], onEdge{sn.T, sn.Dist})
	}
	s.Run(srcs, math.Inf(1))
	sp := newSplat(r, g, s, on, opt.withDefaults())
	checked := 0
	for j := 0; j < r.H; j++ {
		for i := 0; i < r.W; i++ {
			nearest, best := math.Inf(1), math.NaN()
			legs := map[int32][2]float64{}
			for _, e := range sp.edges {
				eg := sp.edge(e)
				tt, off2 := eg.leg(r, i, eg.rowY(r, j))
				if off := math.Sqrt(off2); off <= opt.MaxOffset {
					legs[e] = [2]float64{tt, off}
					nearest = math.Min(nearest, off)
				}
			}
			for e, l := range legs {
				if l[1] > nearest+opt.Cell {
					continue
				}
				d := math.Min(s.Dist[g.EU[e]]+l[0]*g.ELen[e], s.Dist[g.EV[e]]+(1-l[0])*g.ELen[e])
				for _, o := range on[e] {
					d = math.Min(d, o.d+math.Abs(l[0]-o.t)*g.ELen[e])
				}
				if !(best <= d+l[1]) {
					best = d + l[1]
				}
			}
			got := float64(r.Val[j*r.W+i])
			if math.IsNaN(got) != math.IsNaN(best) || math.Abs(got-best) > 0.01 {
				t.Fatalf("cell %d,%d: %v, brute force %v (nearest street %.1f m)", i, j, got, best, nearest)
			}
			if nearest > 2*opt.Cell && nearest <= opt.MaxOffset {
				checked++
			}
		}
	}
	if checked < 50 {
		t.Errorf("only %d cells farther than two cells from a street", checked)
	}
}
