package data

import (
	"strconv"
	"time"

	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/data/i18n"
)

// DisplayName is how prompts and undo labels name a site: its short name,
// else its full name, else (a bare new site) its ID.
func (s *Site) DisplayName() string {
	switch {
	case s.ShortName != "":
		return s.ShortName
	case s.Name != "":
		return s.Name
	}
	return s.ID
}

// EvidenceLocated reports whether the site's point comes from evidence (the
// evidence table behind the default data, an imported file) rather than
// from the planner placing it, so moving it replaces evidence.
func (s *Site) EvidenceLocated() bool {
	return s.Located && s.Confidence != ConfidenceSurveyed
}

// ReplaceEvidencePrompt asks, naming the site, before a move replaces an
// evidence-based location.
func (s *Site) ReplaceEvidencePrompt() (title, text string) {
	return i18n.T("behave.edit.replace_title"), i18n.T("behave.edit.replace_text", s.DisplayName(), s.BasisText())
}

// Relocate puts the site at p as the planner's own point, within precM
// metres, placed at the time given. how says how ("placed on the map at
// zoom 16"). The old point, its precision, confidence and basis stay in
// Basis, so a move never destroys evidence.
func (s *Site) Relocate(p orb.Point, precM float64, how string, at time.Time) {
	basis := i18n.T("behave.edit.placed", how, at.Format("2006-01-02"), precM)
	if s.Located {
		basis += i18n.T("words.site.sep") + i18n.T("behave.edit.earlier", s.Location[0], s.Location[1], s.PrecisionM, confidenceText(s.Confidence), s.BasisText())
	} else if s.Basis != "" {
		basis += i18n.T("words.site.sep") + i18n.T("behave.edit.earlier_basis", s.BasisText())
	}
	s.Location, s.Located, s.PrecisionM = p, true, precM
	s.Confidence = ConfidenceSurveyed
	s.SetBasis(basis)
	s.KeepPlotIfInside()
}

// ShownUnchanged reports whether a point typed in a form is the point the
// form showed, to the decimals it showed: then Apply must keep the stored
// point (and its evidence) instead of the rounded one.
func ShownUnchanged(shown, typed orb.Point, decimals int) bool {
	f := func(v float64) string { return strconv.FormatFloat(v, 'f', decimals, 64) }
	return f(shown[0]) == f(typed[0]) && f(shown[1]) == f(typed[1])
}
