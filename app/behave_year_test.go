package app

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"github.com/liwan-edu/schoolmap/data"
)

// TestOpensAtPlanLastYear: without a year given or chosen before, the app
// opens at 2025 (the plan's last year), not at today's date; a year the
// planner chose is kept for the next start.
func TestOpensAtPlanLastYear(t *testing.T) {
	u := newTestUIWith(t, func(c *Config) { c.Year = 0 })
	if y := u.sh.st.scene.Year; y != PlanLastYear {
		t.Fatalf("opens at %d, want %d", y, PlanLastYear)
	}
	if !strings.Contains(u.years.label.Text, "2025") {
		t.Errorf("year label %q", u.years.label.Text)
	}
	u.years.slider.SetValue(2028)
	u.years.slider.OnChangeEnded(2028) // the planner let go of the slider
	if got := startYear(0, u.sh.prefs); got != 2028 {
		t.Errorf("next start at %d, want the chosen 2028", got)
	}
	u.years.stepChosen(-1)
	if got := startYear(0, u.sh.prefs); got != 2027 {
		t.Errorf("next start at %d after PageDown, want 2027", got)
	}
}

// TestPlayStopsAtPlanEnd: play runs 2021→2025 and stops there; from 2025
// or later it starts again at 2021; 2026–2030 stay reachable by hand.
func TestPlayStopsAtPlanEnd(t *testing.T) {
	u := newTestUI(t)
	b := u.years
	b.slider.SetValue(2027)
	b.togglePlay()
	if u.sh.st.scene.Year != FirstYear {
		t.Fatalf("play from 2027 starts at %d, want %d", u.sh.st.scene.Year, FirstYear)
	}
	var seen []int
	for i := 0; i < 10 && b.playing != nil; i++ {
		b.playTick()
		seen = append(seen, u.sh.st.scene.Year)
	}
	if b.playing != nil || u.sh.st.scene.Year != PlanLastYear || len(seen) != 4 {
		t.Errorf("play went through %v (playing %v), want 2022…2025 and stop", seen, b.playing != nil)
	}
	b.step(3)
	if u.sh.st.scene.Year != 2028 {
		t.Errorf("2028 not reachable by hand: %d", u.sh.st.scene.Year)
	}
}

// TestOpenProjectShowsItsYear: after opening a project, the year label,
// slider, scene (map) and summary all show the project's year.
func TestOpenProjectShowsItsYear(t *testing.T) {
	u := newTestUI(t)
	path := filepath.Join(t.TempDir(), "p.gpkg")
	p := &data.Project{Sites: u.sh.st.editor.Sites(), Subdistricts: data.LiwanSubdistricts(), Norms: data.DefaultNorms(),
		View: data.View{Center: u.Map.View().Center, Zoom: 13, Year: 2022}}
	if err := data.SaveProject(path, p); err != nil {
		t.Fatal(err)
	}
	u.years.slider.SetValue(2026)
	u.OpenProject(path) // reads the file off the UI goroutine
	for i := 0; i < 200 && !strings.Contains(u.sh.status.Text, path); i++ {
		time.Sleep(10 * time.Millisecond)
	}
	if u.sh.st.scene.Year != 2022 || int(u.years.slider.Value) != 2022 || u.Map.scene.Year != 2022 {
		t.Errorf("scene %d slider %v map %d, want 2022", u.sh.st.scene.Year, u.years.slider.Value, u.Map.scene.Year)
	}
	if !strings.HasPrefix(u.years.label.Text, "2022") || !strings.Contains(u.years.summary.Text, "2022") {
		t.Errorf("label %q / summary %q do not show 2022", u.years.label.Text, u.years.summary.Text)
	}
}

// TestYearTicksNeverOverlap: at 1024×640 the year labels under the
// slider do not run into each other.
func TestYearTicksNeverOverlap(t *testing.T) {
	u := newTestUI(t)
	for _, w := range []float32{1280, 1024} {
		u.Window.Resize(fyne.NewSize(w, w*5/8))
		var ticks *fyne.Container
		var find func(o fyne.CanvasObject)
		find = func(o fyne.CanvasObject) {
			if c, ok := o.(*fyne.Container); ok {
				if _, is := c.Layout.(yearTicks); is {
					ticks = c
				}
				for _, x := range c.Objects {
					find(x)
				}
			}
		}
		find(u.Window.Content())
		if ticks == nil {
			t.Fatal("no year ticks")
		}
		ticks.Refresh()
		for i := 2; i < len(ticks.Objects); i++ {
			a, b := ticks.Objects[i-1], ticks.Objects[i]
			if a.Position().X+a.Size().Width > b.Position().X {
				t.Errorf("width %v: tick %d (%v + %v) runs into the next (%v)", w, i, a.Position().X, a.Size().Width, b.Position().X)
			}
		}
	}
}
