package data

import (
	"errors"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/assets"
	"github.com/liwan-edu/schoolmap/data/gpkg"
)

// editedProject is the default data with every kind of edit a planner
// makes: moved and placed sites, recorded progress, overrides, notes, an
// existing school, a candidate, subdistricts with and without boundary.
func editedProject(t testing.TB) *Project {
	t.Helper()
	sites, err := ParseSites(assets.SitesGeoJSON)
	if err != nil {
		t.Fatal(err)
	}
	sites[0].Location, sites[0].PrecisionM, sites[0].Confidence = orb.Point{113.2301234, 23.1165432}, 5, ConfidenceSurveyed
	sites[0].Basis += "; moved by planner 2026-11-26 (surveyed)"
	sites[4].Located, sites[4].Location, sites[4].PrecisionM, sites[4].Basis = true, orb.Point{113.255, 23.126}, 50, "placed on the map by planner"
	sites[5].ActualStatus, sites[5].ActualYear, sites[5].ProgressNote = InService, 2024, "2024年9月开学"
	sites[6].SeatsOverride, sites[6].Notes = 1750, "用地调整，班数待定 “引号” 'quote' \\ backslash"
	sites[7].ActualStatus = UnderConstruction
	sites = append(sites,
		Site{ID: "EX-0001", Name: "荔湾区启明幼儿园", ShortName: "启明幼儿园", Level: Kindergarten, Kind: KindExisting, Classes: 9,
			Located: true, Location: orb.Point{113.24, 23.12}, PrecisionM: 30, Confidence: ConfidenceHigh, Basis: "imported CSV line 2", Source: "existing.csv"},
		Site{ID: "CD-0001", Name: "候选用地 A", ShortName: "候选A", Level: Primary, Kind: KindCandidate, Classes: 24})
	subs := LiwanSubdistricts()
	subs[12].Population, subs[12].PopKnown, subs[12].Source = 61234, true, "pop.csv"
	subs[12].Boundary = orb.MultiPolygon{{{{113.21, 23.13}, {113.23, 23.13}, {113.23, 23.145}, {113.21, 23.13}}}}
	n := DefaultNorms()
	n.RadiusM[Kindergarten] = Norm{Value: 350, Source: "planner"}
	n.PerClass[Primary] = Norm{Value: 40, Source: "local"}
	n.Per1000[Kindergarten] = Norm{Value: 50, Source: "区教育局 2026"}
	return &Project{Sites: sites, Subdistricts: subs, Norms: n, View: View{Center: orb.Point{113.23, 23.1}, Zoom: 14, Year: 2024}}
}

func TestProjectRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "荔湾规划.gpkg")
	in := editedProject(t)
	if err := SaveProject(path, in); err != nil {
		t.Fatal(err)
	}
	out, err := OpenProject(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Sites) != len(in.Sites) {
		t.Fatalf("%d sites back, want %d", len(out.Sites), len(in.Sites))
	}
	byID := map[string]Site{}
	for _, s := range out.Sites {
		byID[s.ID] = s
	}
	for _, want := range in.Sites {
		got := byID[want.ID]
		if !reflect.DeepEqual(got, want) {
			gv, wv := reflect.ValueOf(got), reflect.ValueOf(want)
			for i := 0; i < gv.NumField(); i++ {
				if !reflect.DeepEqual(gv.Field(i).Interface(), wv.Field(i).Interface()) {
					t.Errorf("%s field %s: got %v, want %v", want.ID, gv.Type().Field(i).Name, gv.Field(i).Interface(), wv.Field(i).Interface())
				}
			}
		}
	}
	if !reflect.DeepEqual(out.Subdistricts, in.Subdistricts) {
		t.Errorf("subdistricts differ:\n%v\n%v", out.Subdistricts[12], in.Subdistricts[12])
	}
	if !reflect.DeepEqual(out.Norms, in.Norms) || out.View != in.View {
		t.Errorf("norms/view differ: %+v %+v", out.Norms, out.View)
	}
}

func TestOpenProjectErrors(t *testing.T) {
	dir := t.TempDir()
	foreign := filepath.Join(dir, "foreign.gpkg")
	gpkg.Write(foreign, []*gpkg.Layer{{Name: "roads", GeomType: "POINT", Fields: []gpkg.Field{{Name: "x", Type: gpkg.Text}}}})
	if _, err := OpenProject(foreign); !errors.Is(err, ErrNotProject) {
		t.Errorf("foreign GeoPackage: %v", err)
	}
	text := filepath.Join(dir, "notes.gpkg")
	os.WriteFile(text, []byte("meeting notes"), 0o644)
	if _, err := OpenProject(text); !errors.Is(err, gpkg.ErrNotGeoPackage) {
		t.Errorf("text file: %v", err)
	}
	// A project whose record was damaged names the layer, feature, field.
	p := editedProject(t)
	good := filepath.Join(dir, "good.gpkg")
	SaveProject(good, p)
	f, _ := gpkg.Read(good)
	l, _ := f.Layer(layerSites)
	l.Features[3].Values[l.Field("classes")] = int64(-4)
	bad := filepath.Join(dir, "bad.gpkg")
	gpkg.Write(bad, f.Layers)
	_, err := OpenProject(bad)
	var fe *FeatureError
	if !errors.As(err, &fe) || fe.Index != 3 || fe.Field != "classes" || !strings.Contains(err.Error(), layerSites) {
		t.Errorf("damaged record: %v", err)
	}
}

func TestProjectOGRInfo(t *testing.T) {
	ogrinfoOrSkip(t)
	path := filepath.Join(t.TempDir(), "p.gpkg")
	if err := SaveProject(path, editedProject(t)); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("ogrinfo", "-ro", "-so", "-al", path).CombinedOutput()
	if err != nil {
		t.Fatalf("ogrinfo: %v\n%s", err, out)
	}
	for _, want := range []string{"Layer name: plan_sites", "Feature Count: 26", "Layer name: existing_schools", "Feature Count: 1",
		"Layer name: subdistricts", "Geometry: Multi Polygon", "Feature Count: 22", "Geometry: Point", `ID["EPSG",4326]`,
		"name: String", "classes: Integer", "precision_m: Real", "seats: Integer"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("ogrinfo lacks %q", want)
		}
	}
	vals, _ := exec.Command("ogrinfo", "-ro", "-q", path, "plan_sites", "-where", "id = 'LW-01'").CombinedOutput()
	for _, want := range []string{"POINT (113.2301234 23.1165432)", "广州市第一中学初中部教学楼及配套设施改扩建工程", "confidence (String) = surveyed", "seats (Integer64) = (null)"} {
		if !strings.Contains(string(vals), want) {
			t.Errorf("ogrinfo values lack %q:\n%s", want, vals)
		}
	}
}

// TestSaveSurvivesKill kills a process in the middle of saving, again and
// again at random moments: the file on disk is always a complete project,
// the old one or the new one.
func TestSaveSurvivesKill(t *testing.T) {
	if os.Getenv("LIWAN_SAVE_LOOP") != "" {
		saveLoop(t, os.Getenv("LIWAN_SAVE_LOOP"))
		return
	}
	if testing.Short() {
		t.Skip("short mode")
	}
	path := filepath.Join(t.TempDir(), "project.gpkg")
	if err := SaveProject(path, markedProject(t, "v0")); err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewSource(time.Now().UnixNano()))
	for round := 0; round < 12; round++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestSaveSurvivesKill$")
		cmd.Env = append(os.Environ(), "LIWAN_SAVE_LOOP="+path)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(150+rng.Intn(400)) * time.Millisecond)
		cmd.Process.Kill()
		cmd.Wait()
		p, err := OpenProject(path)
		if err != nil {
			t.Fatalf("round %d: after a kill the project does not open: %v", round, err)
		}
		if mark := p.Sites[0].Notes; !strings.HasPrefix(mark, "v") || len(p.Sites) != 25 {
			t.Fatalf("round %d: project is neither old nor new: mark %q, %d sites", round, mark, len(p.Sites))
		}
	}
}

func markedProject(t testing.TB, mark string) *Project {
	sites, err := ParseSites(assets.SitesGeoJSON)
	if err != nil {
		t.Fatal(err)
	}
	sites[0].Notes = mark
	return &Project{Sites: sites, Subdistricts: LiwanSubdistricts(), Norms: DefaultNorms()}
}

func saveLoop(t *testing.T, path string) {
	for i := 1; ; i++ {
		if err := SaveProject(path, markedProject(t, fmt.Sprintf("v%d", i))); err != nil {
			t.Fatal(err)
		}
	}
}
