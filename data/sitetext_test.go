package data

import (
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/data/i18n"
)

// englishWord is a lower-case Latin word of four letters or more: codes
// (POI, GCJ-02, AF0401) are upper case and units (m) short.
var englishWord = regexp.MustCompile(`\b[a-z]{4,}\b`)

// siteWords are the texts of a site a planner reads in the details panel,
// the tables page and the move prompt.
func siteWords(s *Site) map[string]string {
	_, prompt := s.ReplaceEvidencePrompt()
	return map[string]string{"basis": s.BasisText(), "source": s.SourceText(), "progress": s.ProgressText(),
		"subdistrict": s.SubdistrictText(), "prompt": prompt}
}

// The default sites read in Chinese under zh, moved or not, and in English
// under en, also after a save and open of the project.
func TestSiteTextsInOneLanguage(t *testing.T) {
	defer i18n.SetLanguage("zh")
	i18n.SetLanguage("zh")
	sites := defaultSites(t)
	for i := range sites {
		moved := sites[i]
		moved.Relocate(orb.Point{113.23, 23.1}, 20, i18n.T("behave.edit.how_move", 16), time.Now())
		for _, s := range []*Site{&sites[i], &moved} {
			for what, text := range siteWords(s) {
				if run := i18n.EnglishRun(text); run != "" || englishWord.MatchString(text) {
					t.Errorf("%s %s in Chinese: %q has %q %q", s.ID, what, text, run, englishWord.FindString(text))
				}
			}
		}
	}
	path := filepath.Join(t.TempDir(), "p.gpkg")
	if err := SaveProject(path, &Project{Sites: sites, Norms: DefaultNorms()}); err != nil {
		t.Fatal(err)
	}
	p, err := OpenProject(path)
	if err != nil {
		t.Fatal(err)
	}
	i18n.SetLanguage("en")
	english := 0
	for i := range p.Sites {
		s, was := &p.Sites[i], &sites[i]
		if s.BasisText() != was.English.Basis || s.SourceText() != was.English.Source || s.ProgressText() != was.ProgressText() {
			t.Errorf("%s in English after save and open: %q %q", s.ID, s.BasisText(), s.SourceText())
		}
		if i18n.EnglishRun(s.SourceText()) != "" {
			english++
		}
	}
	if english != len(sites) {
		t.Errorf("%d of %d sources read as English under en", english, len(sites))
	}
}

// A planner's own text replaces both languages: the English version of the
// old text would no longer match.
func TestTypedBasisDropsTheTranslation(t *testing.T) {
	defer i18n.SetLanguage("zh")
	s := *siteNo(t, 1)
	s.SetBasis("现场核实")
	i18n.SetLanguage("en")
	if s.BasisText() != "现场核实" {
		t.Errorf("typed basis under en: %q", s.BasisText())
	}
}
