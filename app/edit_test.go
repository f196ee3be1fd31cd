package app

import (
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/data/vector"
)

func TestDragMarkerInEditMode(t *testing.T) {
	u := newTestUI(t)
	before := *u.sh.st.site("LW-13")
	pos, _ := u.Map.ScreenPos("LW-13")
	drag := func() {
		u.Map.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: pos.Add(fyne.NewPos(40, 0))}, Dragged: fyne.NewDelta(40, 0)})
		u.Map.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: pos.Add(fyne.NewPos(60, 30))}, Dragged: fyne.NewDelta(20, 30)})
		u.Map.DragEnd()
	}
	drag() // not in edit mode: pans
	if u.sh.st.site("LW-13").Location != before.Location || u.sh.st.Dirty() {
		t.Fatal("a drag outside edit mode moved a site")
	}
	u.FitAll()
	u.Map.RenderNow()
	pos, _ = u.Map.ScreenPos("LW-13")
	u.edit.SetEditMode(true)
	drag()
	tapDialogButton(t, u.Window, i18n.T("behave.edit.replace")) // LW-13's point is evidence: asked first
	after := *u.sh.st.site("LW-13")
	want := u.Map.PointAt(pos.Add(fyne.NewPos(60, 30)))
	if math.Abs(after.Location[0]-want[0]) > 1e-9 || after.Confidence != data.ConfidenceSurveyed || !strings.Contains(after.Basis, before.Basis) {
		t.Errorf("after drag: %v (want %v), %v, %q", after.Location, want, after.Confidence, after.Basis)
	}
	if !u.sh.st.Dirty() || !strings.Contains(u.Window.Title(), "未保存") {
		t.Errorf("no unsaved state after an edit: title %q", u.Window.Title())
	}
	u.edit.Undo()
	if got := *u.sh.st.site("LW-13"); got.Location != before.Location || got.Basis != before.Basis || u.sh.st.Dirty() {
		t.Error("undo did not restore the site")
	}
	u.edit.Redo()
	if u.sh.st.site("LW-13").Location != after.Location {
		t.Error("redo did not move it again")
	}
}

func TestPlaceUnlocatedSite(t *testing.T) {
	u := newTestUI(t)
	u.sh.st.selectSite("LW-25")
	u.edit.startPlacing("LW-25")
	at := fyne.NewPos(200, 150)
	u.Map.Tapped(&fyne.PointEvent{Position: at})
	s := u.sh.st.site("LW-25")
	if !s.Located || s.Location != u.Map.PointAt(at) || u.edit.placing != "" {
		t.Fatalf("not placed: %+v", s)
	}
	u.Map.RenderNow()
	if _, ok := u.Map.ScreenPos("LW-25"); !ok {
		t.Error("placed site has no marker")
	}
}

func TestSiteFormValidates(t *testing.T) {
	u := newTestUI(t)
	s := *u.sh.st.site("LW-06")
	f := newSiteForm(&s)
	f.actual.SetSelectedIndex(int(data.InService))
	f.num.actualYear.SetText("2026")
	next, err := f.apply(s)
	if err != nil || next.ActualYear != 2026 || next.ActualStatus != data.InService {
		t.Fatalf("%v %+v", err, next)
	}
	if !u.sh.edit(u.sh.st.editor.Update(s.ID, "progress", func(x *data.Site) { *x = next })) {
		t.Fatal("valid edit refused")
	}
	if st, late := data.StatusAt(u.sh.st.site("LW-06"), 2025); st == data.InService || !late {
		t.Errorf("2025 status %v late %v: a 2026 completion must be overdue against the 2025 plan", st, late)
	}
	f.num.classes.SetText("三十")
	if _, err := f.apply(s); err == nil || !strings.Contains(err.Error(), "班数") {
		t.Errorf("non-numeric classes: %v", err)
	}
	f.num.classes.SetText("-3")
	bad, _ := f.apply(s)
	err = u.sh.st.editor.Update(s.ID, "bad", func(x *data.Site) { *x = bad })
	if err == nil || !strings.Contains(editError(err).Error(), "班数") {
		t.Errorf("negative classes: %v", err)
	}
	f.num.classes.SetText("36")
	f.loc.coordSys.SetSelectedIndex(1)
	f.loc.lon.SetText("113.234873")
	f.loc.lat.SetText("23.113999")
	f.loc.precision.SetText("20")
	moved, err := f.apply(s)
	if err != nil || math.Abs(moved.Location[0]-113.22954) > 1e-5 || moved.Confidence != data.ConfidenceSurveyed {
		t.Errorf("GCJ-02 typed coordinates: %v %v", err, moved.Location)
	}
}

func TestImportSaveReopen(t *testing.T) {
	u := newTestUI(t)
	set, err := vector.ReadCSV(filepath.Join("testdata", "existing-kindergartens.csv"), "auto")
	if err != nil {
		t.Fatal(err)
	}
	m := data.GuessSchoolMapping(set.Fields)
	n := 0
	sites, probs := data.ExistingSchools(set, m, func() string { n++; return "EX-000" + string(rune('0'+n)) })
	if len(sites) != 2 || len(probs) != 1 || !strings.Contains(probs[0].String(), i18n.T("words.import.at_field", i18n.T("words.vector.line", 3), "班数", "")) {
		t.Fatalf("sites %d, problems %v", len(sites), probs)
	}
	u.sh.edit(u.sh.st.editor.Add("import", sites...))
	u.edit.moveSite("LW-01", orb.Point{113.2311, 23.1172}, true)
	dir := t.TempDir()
	path := filepath.Join(dir, "plan.gpkg")
	done := make(chan error, 1)
	u.file.saveTo(path, func(err error) { done <- err })
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if u.sh.st.Dirty() || u.file.path != path {
		t.Error("still dirty after saving")
	}
	// A damaged file is refused and the work stays.
	bad := filepath.Join(dir, "bad.gpkg")
	os.WriteFile(bad, []byte("not a project"), 0o644)
	if _, err := data.OpenProject(bad); err == nil || !strings.Contains(openError(bad, err).Error(), "未受影响") {
		t.Errorf("damaged file: %v", err)
	}
	p, err := data.OpenProject(path)
	if err != nil {
		t.Fatal(err)
	}
	u2 := newTestUI(t)
	u2.file.load(p, path, false)
	if len(u2.sh.st.scene.Sites) != 27 || u2.sh.st.site("LW-01").Location != (orb.Point{113.2311, 23.1172}) || u2.sh.st.site("EX-0001") == nil {
		t.Errorf("reopened project: %d sites, LW-01 at %v", len(u2.sh.st.scene.Sites), u2.sh.st.site("LW-01").Location)
	}
	if u2.sh.st.site("EX-0001").Kind != data.KindExisting || u2.sh.st.Dirty() {
		t.Error("existing school lost its kind, or a fresh open is dirty")
	}
}

func TestAddAndDelete(t *testing.T) {
	u := newTestUI(t)
	s := data.Site{ID: u.sh.st.editor.NextID("NEW"), Name: "候选用地 测试", Level: data.Primary, Kind: data.KindCandidate}
	if !u.sh.edit(u.sh.st.editor.Add("add", s)) || u.sh.st.site(s.ID) == nil || len(listed(u)) != 26 {
		t.Fatal("add failed")
	}
	if !u.sh.edit(u.sh.st.editor.Delete(s.ID)) || u.sh.st.site(s.ID) != nil {
		t.Fatal("delete failed")
	}
	u.edit.Undo()
	if u.sh.st.site(s.ID) == nil {
		t.Error("undo of delete did not restore")
	}
}

func TestAutosaveRecovery(t *testing.T) {
	u := newTestUI(t)
	u.file.recoveryPath = filepath.Join(t.TempDir(), "recovery.gpkg")
	u.file.path = "/projects/liwan.gpkg"
	u.file.writeRecovery()
	if _, err := os.Stat(u.file.recoveryPath); err == nil {
		t.Fatal("recovery written without unsaved work")
	}
	u.edit.moveSite("LW-09", orb.Point{113.2281, 23.0991}, true)
	u.file.writeRecovery()
	var p *data.Project
	for i := 0; i < 100 && p == nil; i++ {
		p, _ = data.OpenProject(u.file.recoveryPath)
		time.Sleep(20 * time.Millisecond)
	}
	if p == nil || p.Origin != "/projects/liwan.gpkg" || p.Sites[8].Location != (orb.Point{113.2281, 23.0991}) {
		t.Fatalf("recovery copy %+v", p)
	}
	u2 := newTestUI(t)
	u2.file.load(p, u.file.recoveryPath, true)
	if !u2.sh.st.Dirty() || u2.file.path != "/projects/liwan.gpkg" {
		t.Error("recovered work must be unsaved and belong to its project")
	}
}

// TestAutosaveStopsWithWindow: the periodic autosave writes unsaved work,
// and its goroutine ends when the window closes.
func TestAutosaveStopsWithWindow(t *testing.T) {
	rec := filepath.Join(t.TempDir(), "recovery.gpkg")
	u := newTestUIWith(t, func(c *Config) { c.RecoveryPath = rec })
	if u.file.stop == nil {
		t.Fatal("no periodic autosave with a recovery path")
	}
	u.file.stopAutosave()         // restarted below with a short period
	u.layers.basemap.live.Close() // its workers end now and are not counted below
	// The edit comes first: Fyne's test driver runs fyne.Do on the ticker's
	// goroutine, so the ticker must only read what the test wrote before.
	u.edit.moveSite("LW-09", orb.Point{113.2281, 23.0991}, true)
	u.file.autosave.Stop()
	before := runtime.NumGoroutine()
	u.file.startAutosave(20 * time.Millisecond)
	if !eventually(func() bool { _, err := os.Stat(rec); return err == nil }) {
		t.Fatal("the periodic autosave wrote no recovery copy of unsaved work")
	}
	u.Window.Close()
	if !eventually(func() bool { return runtime.NumGoroutine() <= before }) {
		t.Errorf("%d goroutines after the window closed, %d before autosave started", runtime.NumGoroutine(), before)
	}
	if u.file.stop != nil {
		t.Error("autosave still marked running after close")
	}
}

// eventually polls cond for up to two seconds.
func eventually(cond func() bool) bool {
	for i := 0; i < 100; i++ {
		if cond() {
			return true
		}
		time.Sleep(20 * time.Millisecond)
	}
	return cond()
}
