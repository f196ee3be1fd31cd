package data

import (
	"strings"
	"time"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geo"

	"github.com/liwan-edu/schoolmap/data/gpkg"
	"github.com/liwan-edu/schoolmap/data/i18n"
)

// savedPointColumns hold each located site's point as saved, so a point
// moved in another GIS (QGIS) is noticed on opening. A project saved
// before these columns existed cannot tell a moved point.
var savedPointColumns = []gpkg.Field{{Name: "saved_lon", Type: gpkg.Real}, {Name: "saved_lat", Type: gpkg.Real}}

func savedPointValues(s *Site) []any {
	if !s.Located {
		return []any{nil, nil}
	}
	return []any{s.Location[0], s.Location[1]}
}

// OtherGISPrecisionM is the precision given to a point placed or moved in
// another GIS: its scale is not known, so it counts as approximate.
const OtherGISPrecisionM = ApproxThresholdM

// movedBeyondM is how far a point must lie from its saved place to count
// as moved (a GIS rewriting a geometry keeps it within millimetres).
const movedBeyondM = 0.05

// gisFeature is one feature of a site layer being opened, for the notes.
type gisFeature struct {
	layer string
	index int // 0-based
	added bool
	props map[string]any
	point *orb.Point
}

func (f gisFeature) name() string { s, _ := f.props["name"].(string); return s }

// fillFromOtherGIS gives a feature added or placed in another GIS what
// the app needs and the GIS did not ask for: a level from the name, a
// kind from the layer, an honest precision and basis. The defaults make
// one note; a missing name still refuses the project (nothing to go by).
func (p *Project) fillFromOtherGIS(f gisFeature) {
	var said []string
	if empty(f.props["level"]) && f.name() != "" {
		l, ok := levelFromName(f.name())
		key := "gisfiles.note.level_from_name"
		if !ok {
			key = "gisfiles.note.level_default"
		}
		f.props["level"] = l.String()
		said = append(said, i18n.T(key, l.Text()))
	}
	if empty(f.props["kind"]) {
		switch {
		case f.layer == layerExisting:
			f.props["kind"] = KindExisting.String()
		case f.added:
			f.props["kind"] = KindCandidate.String()
			said = append(said, i18n.T("gisfiles.note.candidate"))
		}
	}
	if f.point != nil && f.props["saved_lon"] == nil && (empty(f.props["precision_m"]) || empty(f.props["basis"])) {
		basis := i18n.T("gisfiles.basis.placed", time.Now().Format("2006-01-02"), float64(OtherGISPrecisionM))
		if b, _ := f.props["basis"].(string); b != "" {
			basis += "; " + i18n.T("behave.edit.earlier_basis", b)
		}
		f.props["precision_m"], f.props["confidence"], f.props["basis"] = float64(OtherGISPrecisionM), ConfidenceLow.String(), basis
		said = append(said, i18n.T("gisfiles.note.placed", float64(OtherGISPrecisionM)))
	}
	if len(said) > 0 {
		p.Notes = append(p.Notes, i18n.T("gisfiles.note.feature", f.layer, f.index+1, f.name(), strings.Join(said, i18n.T("gisfiles.note.join"))))
	}
}

// noticeMove compares the feature's point with the one saved: a point
// moved in another GIS keeps its earlier evidence in the basis, marked
// superseded, and gets the precision and confidence of an unknown scale.
func (p *Project) noticeMove(s *Site, f gisFeature) {
	lon, ok1 := f.props["saved_lon"].(float64)
	lat, ok2 := f.props["saved_lat"].(float64)
	if !ok1 || !ok2 || !s.Located {
		return
	}
	was := orb.Point{lon, lat}
	d := geo.Distance(was, s.Location)
	if !(d > movedBeyondM) {
		return
	}
	s.Basis = i18n.T("gisfiles.basis.moved", time.Now().Format("2006-01-02"), float64(OtherGISPrecisionM)) + "; " +
		i18n.T("gisfiles.basis.superseded", lon, lat, s.PrecisionM, confidenceText(s.Confidence), s.Basis)
	s.PrecisionM, s.Confidence = OtherGISPrecisionM, ConfidenceLow
	p.Notes = append(p.Notes, i18n.T("gisfiles.note.moved", f.layer, f.index+1, s.DisplayName(), s.ID, d, float64(OtherGISPrecisionM)))
}

// levelFromName reads the level a school's name says ("…小学",
// "…幼儿园", "…中学"); a name that says none gives Primary and false.
func levelFromName(name string) (Level, bool) {
	if l, err := parseLevelLoose(name); err == nil {
		return l, true
	}
	if strings.Contains(name, "中学") {
		return Senior, true // the annex's "…中学" are complete middle schools
	}
	return Primary, false
}

func empty(v any) bool {
	s, isText := v.(string)
	return v == nil || (isText && strings.TrimSpace(s) == "")
}
