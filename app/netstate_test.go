package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/geo/network"
	"github.com/liwan-edu/schoolmap/geo/render"
)

// liwanGrid is a street grid over Liwan, one line per block side so the
// crossings are shared nodes.
func liwanGrid(step float64) []orb.LineString {
	var out []orb.LineString
	nx, ny := int(0.15/step), int(0.16/step)
	pt := func(i, j int) orb.Point { return orb.Point{113.15 + float64(i)*step, 23.02 + float64(j)*step} }
	for i := 0; i <= nx; i++ {
		for j := 0; j <= ny; j++ {
			if j < ny {
				out = append(out, orb.LineString{pt(i, j), pt(i, j+1)})
			}
			if i < nx {
				out = append(out, orb.LineString{pt(i, j), pt(i+1, j)})
			}
		}
	}
	return out
}

func TestNetworkCatchmentsInTheApp(t *testing.T) {
	u := newTestUI(t)
	st := u.sh.st
	if st.scene.CatchShapes != nil {
		t.Fatal("circles before any network")
	}
	lines := liwanGrid(0.002)
	g, err := network.Build(lines, network.Options{})
	if err != nil {
		t.Fatal(err)
	}
	st.setNetwork(lines, "grid.geojson", g)
	if st.scene.CatchShapes == nil || st.net.set == nil {
		t.Fatal("network loaded but catchments are still circles")
	}
	var id string
	for _, s := range st.scene.Sites {
		if s.Located && s.Level == data.Kindergarten {
			id = s.ID
			break
		}
	}
	st.selectSite(id)
	text := u.details.view.Text()
	if !strings.Contains(text, " m") || !strings.Contains(text, "%") {
		t.Errorf("details lack snap distance and share of circle:\n%s", text)
	}
	u.Map.RenderNow()
	st.setNetworkMode(false)
	if st.scene.CatchShapes != nil {
		t.Error("straight-line mode still draws the network")
	}
	st.setNetworkMode(true)
	path := filepath.Join(t.TempDir(), "plan.gpkg")
	if err := data.SaveProject(path, u.file.project()); err != nil {
		t.Fatal(err)
	}
	p, err := data.OpenProject(path)
	if err != nil || len(p.Streets) != len(lines) || p.StreetsSource != "grid.geojson" {
		t.Fatalf("network not saved in the project: %d lines, %v", len(p.Streets), err)
	}
	u.file.load(&data.Project{Sites: p.Sites, Norms: p.Norms}, "", false)
	if st.net.graph != nil || st.scene.CatchShapes != nil {
		t.Error("a project without a network kept the old one")
	}
	u.file.load(p, path, false)
	if st.net.graph == nil || st.scene.CatchShapes == nil {
		t.Error("the saved network was not restored")
	}
}

func TestAccessibilityLayer(t *testing.T) {
	u := newTestUI(t)
	st := u.sh.st
	a := st.access
	if a == nil || !a.on.Disabled() {
		t.Fatal("the accessibility switch should wait for a network")
	}
	lines := liwanGrid(0.002)
	g, _ := network.Build(lines, network.Options{})
	st.setNetwork(lines, "grid.geojson", g)
	a.on.SetChecked(true)
	deadline := time.Now().Add(20 * time.Second)
	for st.scene.Access == nil && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	acc := st.scene.Access
	if acc == nil || acc.Img.Bounds().Dx() < 100 || !strings.Contains(acc.Title, "2023") {
		t.Fatalf("no accessibility map for 2023: %+v", acc)
	}
	st.update(func(sc *render.Scene) { sc.Year = 2025 })
	for (st.scene.Access == acc || st.scene.Access == nil) && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if st.scene.Access == acc || !strings.Contains(st.scene.Access.Title, "2025") {
		t.Error("the map did not follow the year")
	}
	a.on.SetChecked(false)
	if st.scene.Access != nil {
		t.Error("switching off left the map")
	}
}

func TestDataExportWithNetworkCatchments(t *testing.T) {
	u := newTestUI(t)
	st := u.sh.st
	lines := liwanGrid(0.002)
	g, _ := network.Build(lines, network.Options{})
	st.setNetwork(lines, "grid.geojson", g)
	path := filepath.Join(t.TempDir(), "sites.geojson")
	if err := writeDataExportNet(path, st.editor.Sites(), st.scene.Norms, 2025, st.networkSet()); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(data.CatchmentsPath(path)) // sites and catchments are a pair of files
	if !strings.Contains(string(b), `"method":"network"`) || !strings.Contains(string(b), "MultiPolygon") || !strings.Contains(string(b), "share_of_circle") {
		t.Errorf("export lacks network catchments: %.400s", b)
	}
}

func TestCoverageFollowsTheCatchmentKind(t *testing.T) {
	u := newTestUI(t)
	st := u.sh.st
	lines := liwanGrid(0.002)
	g, _ := network.Build(lines, network.Options{})
	st.setNetwork(lines, "grid.geojson", g)
	if !strings.Contains(st.scene.ZoneTitle, i18n.T("network.ui.network")) {
		t.Errorf("the analysis does not say it uses the network: %q", st.scene.ZoneTitle)
	}
	st.setNetworkMode(false)
	if strings.Contains(st.scene.ZoneTitle, i18n.T("network.ui.network")) {
		t.Errorf("straight-line analysis still says network: %q", st.scene.ZoneTitle)
	}
}

func TestLateralSpeedAndAccessExport(t *testing.T) {
	u := newTestUI(t)
	st := u.sh.st
	lines := liwanGrid(0.002)
	g, _ := network.Build(lines, network.Options{})
	st.setNetwork(lines, "grid.geojson", g)
	st.setLateral(100)
	for _, c := range st.net.set.By {
		if c.Shape.R != 100 {
			t.Fatalf("buffer %v after choosing 100 m", c.Shape.R)
		}
	}
	a := st.access
	a.on.SetChecked(true)
	a.speed.SetSelected("5 km/h")
	deadline := time.Now().Add(20 * time.Second)
	want := i18n.T("network.ui.accessclass", 0.0, 300.0, 4.0)
	for (a.raster == nil || !strings.Contains(sceneLegend(st.scene), want)) && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if !strings.Contains(sceneLegend(st.scene), want) { // 300 m at 5 km/h = 3.6 min
		t.Fatalf("legend minutes do not follow the speed: %s", sceneLegend(st.scene))
	}
	dir := t.TempDir()
	for k, name := range []string{"m.tif", "min.tif", "a.png"} {
		path := filepath.Join(dir, name)
		if err := writeAccess(path, a.raster, k, 5); err != nil {
			t.Fatal(err)
		}
		b, _ := os.ReadFile(path)
		if len(b) < 100 || (k < 2 && string(b[:4]) != "II*\x00") || (k == 2 && string(b[1:4]) != "PNG") {
			t.Errorf("%s: %q…", name, b[:min(8, len(b))])
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "a.pgw")); err != nil {
		t.Error("no world file beside the PNG")
	}
}

func sceneLegend(sc *render.Scene) string {
	var b strings.Builder
	for _, it := range render.Legend(sc) {
		b.WriteString(it.Label + "|")
	}
	return b.String()
}

func TestLineLayersOfAGeoPackage(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.gpkg")
	p := &data.Project{Norms: data.DefaultNorms(), Streets: liwanGrid(0.05), StreetsSource: "x"}
	if err := data.SaveProject(path, p); err != nil {
		t.Fatal(err)
	}
	if got := lineLayers(path); len(got) != 1 || got[0] != "street_network" {
		t.Errorf("line layers %v", got)
	}
	if got := lineLayers("roads.shp"); got != nil {
		t.Errorf("shapefile: %v", got)
	}
}
