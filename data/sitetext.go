package data

import "github.com/liwan-edu/schoolmap/data/i18n"

// English is the English version of a site's texts in words: the evidence
// basis and source, the progress note and the subdistrict note. The
// Site's own fields hold the record's text as written (Chinese in the
// default data, the evidence table's wording translated); files keep both,
// as basis and basis_en and so on, so a project reads the same in either
// language after it is saved and opened again.
//
// A text the planner types or the app writes is kept in the language it
// was written in and its English version dropped (SetBasis), since a
// translation of the old text would no longer match.
type English struct {
	Basis, Source, ProgressNote, SubdistrictNote string
}

// inLanguage is text in the current language: en under English when
// there is one, else text itself.
func inLanguage(text, en string) string {
	if en != "" && i18n.Language() == "en" {
		return en
	}
	return text
}

// BasisText is the evidence basis in the current language.
func (s *Site) BasisText() string { return inLanguage(s.Basis, s.English.Basis) }

// SourceText is the source of the evidence in the current language.
func (s *Site) SourceText() string { return inLanguage(s.Source, s.English.Source) }

// ProgressText is the progress note in the current language.
func (s *Site) ProgressText() string { return inLanguage(s.ProgressNote, s.English.ProgressNote) }

// SetBasis replaces the basis with a text in the current language.
func (s *Site) SetBasis(text string) { s.Basis, s.English.Basis = text, "" }

// SetSource replaces the source with a text in the current language.
func (s *Site) SetSource(text string) { s.Source, s.English.Source = text, "" }

// SetProgressNote replaces the progress note with a text in the current
// language.
func (s *Site) SetProgressNote(text string) { s.ProgressNote, s.English.ProgressNote = text, "" }

// SetSubdistrictNote replaces the subdistrict note with a text in the
// current language.
func (s *Site) SetSubdistrictNote(text string) {
	s.SubdistrictNote, s.English.SubdistrictNote = text, ""
}

// confidenceText names a confidence grade in the current language.
func confidenceText(c Confidence) string { return i18n.T("table.confidence." + c.String()) }
