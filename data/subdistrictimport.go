package data

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"

	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/data/vector"
	"github.com/liwan-edu/schoolmap/geo"
	"github.com/liwan-edu/schoolmap/geo/crs"
)

// BoundaryMapping says which fields of a boundary file hold the name, code
// and (optionally) population, and its coordinate system.
type BoundaryMapping struct {
	Name, Code, Population string
	CRS                    crs.CRS
}

// GuessBoundaryMapping picks fields by their usual names.
func GuessBoundaryMapping(fields []string) BoundaryMapping {
	pick := func(names ...string) string {
		for _, n := range names {
			for _, f := range fields {
				if fieldMatches(f, n) {
					return f
				}
			}
		}
		return ""
	}
	return BoundaryMapping{
		Name:       pick("name", "名称", "街道", "街道名称", "jdmc", "xzqmc", "NAME"),
		Code:       pick("code", "代码", "街道代码", "编码", "jddm", "xzqdm", "CODE"),
		Population: pick("常住人口", "常住人口数", "人口", "population", "pop", "总人口", "RK", "POP"),
		CRS:        crs.WGS84,
	}
}

// Subdistricts turns boundary features into subdistricts in WGS-84. A
// feature whose code or name matches one of Liwan's 22 (SubdistrictMatcher:
// "多宝街" is 多宝) takes the official code and name. Problems name the
// record and field; only good records are returned.
func Subdistricts(set *vector.Set, m BoundaryMapping) ([]Subdistrict, []Problem) {
	official := LiwanSubdistricts()
	match := NewSubdistrictMatcher(official)
	var out []Subdistrict
	var probs []Problem
	seen := newFirstRows()
	src := filepath.Base(set.Path)
	for _, f := range set.Features {
		bad := func(field, msg string, a ...any) {
			probs = append(probs, Problem{f.Where, field, i18n.T(msg, a...)})
		}
		s := Subdistrict{Name: strings.TrimSpace(f.Props[m.Name]), Code: strings.TrimSpace(f.Props[m.Code]), Source: src}
		raw := firstRow{where: f.Where, name: cmp.Or(s.Name, s.Code)}
		if s.Name == "" && s.Code == "" {
			bad(m.Name, "words.import.no_name_code")
			continue
		}
		if i := match.Find(s.Code, s.Name); i >= 0 {
			s.Code, s.Name = official[i].Code, official[i].Name
		}
		if m.Population != "" {
			if v := strings.TrimSpace(f.Props[m.Population]); v != "" {
				n, err := strconv.ParseFloat(v, 64)
				if err != nil || n < 0 {
					bad(m.Population, "words.import.not_population", vector.Quote(v))
					continue
				}
				s.Population, s.PopKnown = int(n+0.5), true
			}
		}
		geomField := i18n.T("gap.field.geometry")
		mp, err := validBoundary(multiPolygon(f.Geometry))
		if err != nil {
			bad(geomField, "words.import.text", boundaryProblem(err))
			continue
		}
		g, err := m.CRS.Geometry(mp)
		if errors.Is(err, crs.ErrOffGlobe) {
			bad(geomField, "gap.import.off_globe", m.CRS.Label())
			continue
		}
		if err != nil {
			bad(geomField, "words.import.text", boundaryProblem(err))
			continue
		}
		s.Boundary = g.(orb.MultiPolygon)
		if err := CheckExtent(s); err != nil {
			bad(geomField, "words.import.text", boundaryProblem(err))
			continue
		}
		if first, dup := seen.first(s, raw); dup {
			bad(m.Name, "gap.duplicate.boundary", raw.name, s.Name, first.where, first.name)
			continue
		}
		out = append(out, s)
	}
	return out, probs
}

func multiPolygon(g orb.Geometry) (orb.MultiPolygon, error) {
	switch g := g.(type) {
	case orb.MultiPolygon:
		return cloneMP(g), nil
	case orb.Polygon:
		return cloneMP(orb.MultiPolygon{g}), nil
	case nil:
		return nil, errors.New(i18n.T("gap.import.no_geometry"))
	}
	return nil, errors.New(i18n.T("gap.import.not_polygon", g.GeoJSONType()))
}

func cloneMP(mp orb.MultiPolygon) orb.MultiPolygon {
	out := make(orb.MultiPolygon, len(mp))
	for i, p := range mp {
		out[i] = make(orb.Polygon, len(p))
		for j, r := range p {
			out[i][j] = append(orb.Ring(nil), r...)
		}
	}
	return out
}

// MergeSubdistricts puts imported boundaries (and populations) onto the
// current list: see MergeSubdistrictsReport.
func MergeSubdistricts(cur, imported []Subdistrict) []Subdistrict {
	out, _ := MergeSubdistrictsReport(cur, imported)
	return out
}

// MergeSubdistrictsReport puts imported boundaries (and populations) onto
// the current list: an import replaces the row with its code, else the row
// with its name (SubdistrictMatcher: "多宝街" is 多宝); the others are added
// at the end and returned as added, each with the nearest official name.
// Lookups go through maps, so n imports cost O(n).
func MergeSubdistrictsReport(cur, imported []Subdistrict) (out []Subdistrict, added []Unmatched) {
	out = append([]Subdistrict(nil), cur...)
	ix := NewSubdistrictMatcher(out)
	for _, s := range imported {
		i := ix.Find(s.Code, s.Name)
		if i < 0 {
			ix.Add(s, len(out))
			out = append(out, s)
			added = append(added, UnmatchedOfficial(s.Code, s.Name))
			continue
		}
		if len(s.Boundary) > 0 {
			out[i].Boundary, out[i].Source = s.Boundary, s.Source
		}
		if s.PopKnown {
			out[i].Population, out[i].PopKnown = s.Population, true
		}
	}
	return out, added
}

// CanonicalSubdistricts folds rows that name one of Liwan's 22 in another
// form (a project saved before names were matched, with "多宝街" as a 23rd
// row) onto the official row: its boundary and population fill the
// official one. Other rows keep their place at the end.
func CanonicalSubdistricts(subs []Subdistrict) []Subdistrict {
	var official, rest []Subdistrict
	for _, s := range subs {
		if IsOfficialSubdistrict(s) {
			official = append(official, s)
		} else {
			rest = append(rest, s)
		}
	}
	if len(official) == 0 || len(rest) == 0 {
		return subs
	}
	out, _ := MergeSubdistrictsReport(official, rest)
	return out
}

// IsOfficialSubdistrict reports whether s is one of Liwan's 22 (by code):
// the plan's targets count these; imported extras are listed apart.
func IsOfficialSubdistrict(s Subdistrict) bool {
	for _, o := range LiwanSubdistricts() {
		if o.Code == s.Code {
			return true
		}
	}
	return false
}

// MaxExtentKm is the widest boundary accepted for one subdistrict: wider
// than any district (区) of China, so a wider one is a wrong coordinate
// system or a wrong file, and would only exhaust memory in the analysis.
const MaxExtentKm = 500

// ExtentError is a boundary wider than MaxExtentKm.
type ExtentError struct {
	Code, Name        string
	WidthKm, HeightKm float64
}

func (e *ExtentError) Error() string {
	return fmt.Sprintf("data: subdistrict %s (%s) spans %.0f × %.0f km, wider than any district (limit %d km): wrong file or coordinate system?",
		e.Name, e.Code, e.WidthKm, e.HeightKm, MaxExtentKm)
}

// CheckExtent refuses a boundary wider or taller than MaxExtentKm.
func CheckExtent(s Subdistrict) error {
	if len(s.Boundary) == 0 {
		return nil
	}
	b := s.Boundary.Bound()
	const kmPerDeg = 111.32
	w := (b.Max[0] - b.Min[0]) * kmPerDeg * math.Cos(b.Center()[1]*math.Pi/180)
	h := (b.Max[1] - b.Min[1]) * kmPerDeg
	if !(w <= MaxExtentKm && h <= MaxExtentKm) {
		return &ExtentError{Code: s.Code, Name: s.Name, WidthKm: w, HeightKm: h}
	}
	return nil
}

// ApplyPopulation reads populations from a table keyed by subdistrict code
// or name (UTF-8 or GBK CSV), matched as SubdistrictMatcher does: "多宝街"
// fills 多宝. A key matching nothing is a problem naming the nearest
// official name.
func ApplyPopulation(subs []Subdistrict, set *vector.Set, keyField, popField string) ([]Subdistrict, []Problem) {
	out := append([]Subdistrict(nil), subs...)
	ix := NewSubdistrictMatcher(out)
	filled := map[int]firstRow{}
	var probs []Problem
	for _, f := range set.Features {
		key := strings.TrimSpace(f.Props[keyField])
		i := ix.Find(key, key)
		if i < 0 {
			probs = append(probs, Problem{f.Where, keyField, UnmatchedText(UnmatchedOfficial("", key))})
			continue
		}
		v := strings.ReplaceAll(strings.TrimSpace(f.Props[popField]), ",", "")
		n, err := strconv.ParseFloat(v, 64)
		if err != nil || n < 0 {
			probs = append(probs, Problem{f.Where, popField, i18n.T("words.import.not_population", vector.Quote(f.Props[popField]))})
			continue
		}
		if first, dup := filled[i]; dup {
			probs = append(probs, Problem{f.Where, keyField, i18n.T("gap.duplicate.population", key, out[i].Name, first.where, first.name, first.pop)})
			continue
		}
		filled[i] = firstRow{f.Where, key, int(n + 0.5)}
		out[i].Population, out[i].PopKnown = int(n+0.5), true
		out[i].Source = strings.TrimSpace(out[i].Source + " " + filepath.Base(set.Path))
	}
	return out, probs
}

// firstRow is the row of a file that gave a subdistrict its boundary or
// population, named as the file names it, for the warning about a later
// row naming the same subdistrict.
type firstRow struct {
	where, name string
	pop         int
}

// firstRows finds, among the rows kept so far, the one naming the same
// subdistrict (SubdistrictMatcher: "多宝街道" is "多宝街").
type firstRows struct {
	match *SubdistrictMatcher
	rows  []firstRow
}

func newFirstRows() *firstRows { return &firstRows{match: NewSubdistrictMatcher(nil)} }

// first returns the kept row naming s, or keeps r as the row of s.
func (f *firstRows) first(s Subdistrict, r firstRow) (firstRow, bool) {
	if i := f.match.Find(s.Code, s.Name); i >= 0 {
		return f.rows[i], true
	}
	f.match.Add(s, len(f.rows))
	f.rows = append(f.rows, r)
	return r, false
}

// OffsetCheck compares imported boundaries with the plan's located sites:
// how many sites fall inside any boundary, and whether shifting the
// boundaries by the GCJ-02 offset (one way or the other) would fit better,
// which is the usual sign of a GCJ-02 file declared as WGS-84 or the
// reverse. hint is empty when nothing looks wrong.
//
// declared is the coordinate system the file was read in, when known: the
// advice never names the one it was read in already.
func OffsetCheck(subs []Subdistrict, sites []Site, declared ...crs.CRS) (inside, located int, hint string) {
	read := crs.Unknown
	if len(declared) > 0 {
		read = declared[0]
	}
	count := func(shift func(orb.Point) orb.Point) int {
		n := 0
		for _, s := range sites {
			if !s.Located {
				continue
			}
			p := shift(s.Location)
			for _, sd := range subs {
				if len(sd.Boundary) > 0 && sd.Boundary.Bound().Contains(p) && planar.MultiPolygonContains(sd.Boundary, p) {
					n++
					break
				}
			}
		}
		return n
	}
	for _, s := range sites {
		if s.Located {
			located++
		}
	}
	inside = count(func(p orb.Point) orb.Point { return p })
	// A site p fits a GCJ-02 boundary declared WGS-84 when gcj(p) is
	// inside it, and the reverse for the other mistake.
	asGCJ := count(geo.WGS84ToGCJ02)
	asWGS := count(geo.GCJ02ToWGS84)
	switch {
	case located == 0:
	case asGCJ > inside+located/10 && read != crs.GCJ02:
		hint = i18n.T("gap.offset.as", inside, located, asGCJ, "GCJ-02")
	case asWGS > inside+located/10 && read != crs.WGS84 && read != crs.CGCS2000:
		hint = i18n.T("gap.offset.as", inside, located, asWGS, "WGS-84")
	case inside*2 < located, asGCJ > inside+located/10, asWGS > inside+located/10:
		hint = i18n.T("gap.offset.check", inside, located)
	}
	return inside, located, hint
}
