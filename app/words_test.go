package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/data/vector"
	"github.com/liwan-edu/schoolmap/geo/crs"
)

// noEnglish fails for every text with an English phrase in it.
func noEnglish(t *testing.T, where string, texts ...string) {
	t.Helper()
	for _, s := range texts {
		if run := i18n.EnglishRun(s); run != "" {
			t.Errorf("%s: %q has %q", where, s, run)
		}
	}
}

// In Chinese, the default project's details, its site list, the move
// prompt and the basis a move writes, a site added by the planner and the
// problems of an imported file read without English phrases.
func TestChineseUIShowsNoEnglish(t *testing.T) {
	i18n.SetLanguage("zh")
	u := newTestUI(t)
	st := u.sh.st
	for _, s := range st.editor.Sites() {
		for _, row := range detailRows(&s, st.scene.Norms) {
			noEnglish(t, s.ID+" "+row[0], row[1])
		}
	}
	noEnglish(t, "site list", listed(u)...)

	was := *st.site("LW-07")
	u.edit.dragSite("LW-07", orb.Point{113.231, 23.117})
	noEnglish(t, "move prompt", dialogText(t, u.Window))
	tapDialogButton(t, u.Window, i18n.T("behave.edit.replace"))
	moved := st.site("LW-07")
	if moved == nil || moved.Confidence != data.ConfidenceSurveyed {
		t.Fatalf("LW-07 not moved: %+v", moved)
	}
	noEnglish(t, "moved LW-07", moved.BasisText())
	if grade := confidenceText(was.Confidence); !strings.Contains(moved.BasisText(), "可信度 "+grade) {
		t.Errorf("moved LW-07: %q does not name the old confidence %q", moved.BasisText(), grade)
	}

	u.edit.addSite()
	noEnglish(t, "new site form", dialogText(t, u.Window))
	pressEsc(u.Window.Canvas())

	p := filepath.Join(t.TempDir(), "学校.csv")
	os.WriteFile(p, []byte("名称,类型,班数,经度,纬度\n启明幼儿园,幼儿园,9,113.24,23.12\n,幼儿园,九,23.12,113.24\n"), 0o644)
	set, err := vector.ReadCSV(p, "auto")
	if err != nil {
		t.Fatal(err)
	}
	m := data.GuessSchoolMapping(set.Fields)
	m.CRS = crs.WGS84
	sites, probs := data.ExistingSchools(set, m, func() string { return "EX-1" })
	if len(sites) != 1 || len(probs) < 2 {
		t.Fatalf("import: %d sites, problems %v", len(sites), probs)
	}
	noEnglish(t, "import", set.EncodingBasis, sites[0].BasisText())
	for _, pr := range probs {
		noEnglish(t, "import problem", pr.String())
		if strings.ContainsAny(pr.Where, "abcdefghijklmnopqrstuvwxyz") {
			t.Errorf("import problem at %q", pr.Where)
		}
	}
}

// About states a build date when it is known and leaves it out when not.
func TestAboutBuildDate(t *testing.T) {
	defer i18n.SetLanguage("zh")
	for _, lang := range i18n.Languages {
		i18n.SetLanguage(lang)
		first := func(s string) string {
			l, _, _ := strings.Cut(strings.TrimPrefix(s, strings.Split(s, "\n")[0]+"\n\n"), "\n")
			return l
		}
		with, without := first(aboutText("1.2.3", "2026-12-04")), first(aboutText("1.2.3", ""))
		if !strings.Contains(with, "1.2.3") || !strings.Contains(with, "2026-12-04") {
			t.Errorf("%s: with a date: %q", lang, with)
		}
		if !strings.Contains(without, "1.2.3") || strings.ContainsAny(without, "—-?") || strings.Contains(without, "构建") || strings.Contains(without, "built") {
			t.Errorf("%s: without a date: %q", lang, without)
		}
	}
}
