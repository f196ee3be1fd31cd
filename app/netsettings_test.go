package app

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/geo/network"
)

// The network settings show their defaults, are kept in the project and
// the preferences, and come back when a project opens.
func TestNetworkSettingsSavedAndRestored(t *testing.T) {
	u := newTestUI(t)
	st := u.sh.st
	if st.Dirty() {
		t.Fatal("a fresh window counts as changed")
	}
	if st.net.cfg != data.DefaultNetworkSettings() {
		t.Fatalf("fresh settings %+v, want the defaults", st.net.cfg)
	}
	a := st.access
	if !strings.HasPrefix(a.speed.Selected, "4 km/h") || !strings.Contains(a.speed.Selected, i18n.T("network.ui.default")) ||
		!strings.HasPrefix(a.cell.Selected, "25 m") {
		t.Fatalf("defaults not shown: speed %q cell %q", a.speed.Selected, a.cell.Selected)
	}
	lines := liwanGrid(0.002)
	g, _ := network.Build(lines, network.Options{})
	st.setNetwork(lines, "grid.geojson", g)
	a.speed.SetSelected("5 km/h")
	a.cell.SetSelected("50 m")
	u.sh.changeNetSettings(func(n *data.NetworkSettings) { n.LateralM = 75; n.Catchments = "circle" })
	want := data.NetworkSettings{Catchments: "circle", LateralM: 75, SpeedKmh: 5, CellM: 50}
	if st.net.cfg != want || st.net.on {
		t.Fatalf("settings %+v on=%v, want %+v circles", st.net.cfg, st.net.on, want)
	}
	if got := loadNetPrefs(u.sh.prefs); got != want {
		t.Errorf("preferences remember %+v, want %+v", got, want)
	}
	path := filepath.Join(t.TempDir(), "p.gpkg")
	if err := data.SaveProject(path, u.file.project()); err != nil {
		t.Fatal(err)
	}
	// Another session with other remembered settings opens the project.
	u2 := newTestUI(t)
	u2.sh.changeNetSettings(func(n *data.NetworkSettings) { *n = data.DefaultNetworkSettings() })
	p, err := data.OpenProject(path)
	if err != nil {
		t.Fatal(err)
	}
	u2.file.load(p, path, false)
	st2 := u2.sh.st
	if st2.Dirty() {
		t.Error("opening a project with network settings counts as a change")
	}
	if st2.net.cfg != want || st2.net.graph == nil || st2.net.on {
		t.Fatalf("restored %+v (graph %v, on %v), want %+v", st2.net.cfg, st2.net.graph != nil, st2.net.on, want)
	}
	if !strings.HasPrefix(st2.access.speed.Selected, "5 km/h") || !strings.HasPrefix(st2.access.cell.Selected, "50 m") {
		t.Errorf("selects not restored: %q %q", st2.access.speed.Selected, st2.access.cell.Selected)
	}
	for _, c := range st2.net.graph.ForSites(st2.scene.Sites, st2.scene.Norms, st2.net.cfg.LateralM).By {
		if c.Shape.R != 75 {
			t.Fatalf("restored buffer %v, want 75", c.Shape.R)
		}
	}
	if got := loadNetPrefs(u2.sh.prefs); got != want {
		t.Errorf("opening did not remember the project's settings: %+v", got)
	}
}
