package data

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/paulmach/orb"
)

func TestProjectKeepsStreetNetwork(t *testing.T) {
	path := filepath.Join(t.TempDir(), "plan.gpkg")
	streets := []orb.LineString{{{113.25, 23.1}, {113.26, 23.1}}, {{113.26, 23.1}, {113.26, 23.11}, {113.27, 23.11}}}
	p := &Project{Norms: DefaultNorms(), Streets: streets, StreetsSource: "guangdong.osm.pbf"}
	if err := SaveProject(path, p); err != nil {
		t.Fatal(err)
	}
	q, err := OpenProject(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(q.Streets) != 2 || len(q.Streets[1]) != 3 || q.Streets[1][2] != streets[1][2] || q.StreetsSource != "guangdong.osm.pbf" {
		t.Errorf("streets back: %v from %q", q.Streets, q.StreetsSource)
	}
	if _, err := exec.LookPath("ogrinfo"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("ogrinfo is required in CI")
		}
		return
	}
	out, err := exec.Command("ogrinfo", "-ro", "-so", path, "street_network").CombinedOutput()
	if err != nil || !strings.Contains(string(out), "Line String") || !strings.Contains(string(out), "Feature Count: 2") {
		t.Errorf("ogrinfo: %v\n%s", err, out)
	}
}
