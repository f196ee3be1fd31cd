package data

import (
	"errors"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/data/vector"
	"github.com/liwan-edu/schoolmap/geo/crs"
)

// Problem is what is wrong with one record of an imported file.
type Problem struct {
	Where string // "line 7", "record 3"
	Field string
	Msg   string
}

func (p Problem) String() string {
	if p.Field == "" {
		return i18n.T("words.import.at", p.Where, p.Msg)
	}
	return i18n.T("words.import.at_field", p.Where, p.Field, p.Msg)
}

// SchoolMapping says which columns of a file hold what. Lon and Lat are
// needed only for tables without geometry (CSV).
type SchoolMapping struct {
	Lon, Lat, Name, Level, Classes, Seats string
	CRS                                   crs.CRS
	DefaultLevel                          Level // used when Level is "" or empty in a row
}

var fieldGuesses = map[string][]string{
	"lon":     {"lon", "lng", "long", "longitude", "经度", "x", "东经"},
	"lat":     {"lat", "latitude", "纬度", "y", "北纬"},
	"name":    {"name", "名称", "学校名称", "学校", "校名", "园名", "单位名称"},
	"level":   {"level", "学段", "类型", "类别", "学校类型", "办学类型", "type"},
	"classes": {"classes", "班数", "班级数", "班", "规模"},
	"seats":   {"seats", "学位", "学位数", "capacity", "在校生", "学生数"},
}

// GuessSchoolMapping picks columns by their usual names (Chinese or
// English, any case).
func GuessSchoolMapping(fields []string) SchoolMapping {
	pick := func(key string) string {
		for _, want := range fieldGuesses[key] {
			for _, f := range fields {
				if fieldMatches(f, want) {
					return f
				}
			}
		}
		return ""
	}
	return SchoolMapping{Lon: pick("lon"), Lat: pick("lat"), Name: pick("name"), Level: pick("level"),
		Classes: pick("classes"), Seats: pick("seats"), CRS: crs.WGS84}
}

// parseLevelLoose reads level words planners' tables use.
func parseLevelLoose(s string) (Level, error) {
	if l, err := ParseLevel(s); err == nil {
		return l, nil
	}
	t := strings.ToLower(s)
	switch {
	case strings.Contains(t, "九年") || strings.Contains(t, "nine"):
		return NineYear, nil
	case strings.Contains(t, "幼") || strings.Contains(t, "kinder"):
		return Kindergarten, nil
	case strings.Contains(t, "小学") || strings.Contains(t, "primary"):
		return Primary, nil
	case strings.Contains(t, "初中") || strings.Contains(t, "junior"):
		return Junior, nil
	case strings.Contains(t, "高中") || strings.Contains(t, "完全中学") || strings.Contains(t, "senior") || t == "中学":
		return Senior, nil
	}
	return LevelUnknown, errors.New(i18n.T("words.import.unknown_level", vector.Quote(s)))
}

// guangzhou is a generous box around Guangzhou: an imported point outside
// it is almost always swapped columns or a wrong coordinate system.
var guangzhou = orb.Bound{Min: orb.Point{112.9, 22.5}, Max: orb.Point{114.1, 23.95}}

// ExistingSchools turns imported records into existing-school sites. Every
// record that cannot be used is reported, with where and why; the rest are
// returned, so the planner can import the valid ones or cancel.
func ExistingSchools(set *vector.Set, m SchoolMapping, nextID func() string) ([]Site, []Problem) {
	var out []Site
	var probs []Problem
	src := filepath.Base(set.Path)
	for _, f := range set.Features {
		s, p := existingSchool(f, m, src)
		if len(p) > 0 {
			probs = append(probs, p...)
			continue
		}
		s.ID = nextID()
		out = append(out, s)
	}
	return out, probs
}

func existingSchool(f vector.Feature, m SchoolMapping, src string) (Site, []Problem) {
	var probs []Problem
	bad := func(field, msg string, a ...any) {
		probs = append(probs, Problem{f.Where, field, i18n.T(msg, a...)})
	}
	if f.Problem != "" {
		bad("", "words.import.text", f.Problem)
	}
	s := Site{Kind: KindExisting, Source: src, Confidence: ConfidenceMedium}
	s.Name = strings.TrimSpace(f.Props[m.Name])
	s.ShortName = s.Name
	if s.Name == "" {
		bad(m.Name, "words.import.no_name")
	}
	s.Level = m.DefaultLevel
	if v := strings.TrimSpace(f.Props[m.Level]); m.Level != "" && v != "" {
		l, err := parseLevelLoose(v)
		if err != nil {
			bad(m.Level, "words.import.text", err)
		}
		s.Level = l
	}
	if s.Level == LevelUnknown {
		bad(m.Level, "words.import.no_level")
	}
	intField := func(col string, dst *int) {
		v := strings.TrimSpace(f.Props[col])
		if col == "" || v == "" {
			return
		}
		n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSuffix(v, "班"), "位"))
		if err != nil || n < 0 || n > MaxSeats {
			bad(col, "words.import.not_count", vector.Quote(v))
			return
		}
		*dst = n
	}
	intField(m.Classes, &s.Classes)
	intField(m.Seats, &s.SeatsOverride)
	p, ok := f.Geometry.(orb.Point)
	if f.Geometry == nil {
		var err error
		p, err = lonLat(f, m)
		if err != nil {
			bad(m.Lon+"/"+m.Lat, "words.import.text", err)
			return s, probs
		}
		ok = true
	}
	if !ok {
		bad("geometry", "words.import.not_point", f.Geometry.GeoJSONType())
		return s, probs
	}
	w, err := m.CRS.ToWGS84(p)
	if err != nil {
		bad("", "words.import.crs", err)
		return s, probs
	}
	if !guangzhou.Contains(w) {
		bad(m.Lon+"/"+m.Lat, "words.import.outside", w[0], w[1], m.CRS.Name())
	}
	s.Located, s.Location, s.PrecisionM = true, w, 50
	s.Basis = i18n.T("words.import.school_basis", src, f.Where, m.CRS.Name())
	return s, probs
}

func lonLat(f vector.Feature, m SchoolMapping) (orb.Point, error) {
	if m.Lon == "" || m.Lat == "" {
		return orb.Point{}, errors.New(i18n.T("words.import.no_lonlat"))
	}
	x, err1 := strconv.ParseFloat(strings.TrimSpace(f.Props[m.Lon]), 64)
	y, err2 := strconv.ParseFloat(strings.TrimSpace(f.Props[m.Lat]), 64)
	if err1 != nil || err2 != nil {
		return orb.Point{}, errors.New(i18n.T("words.import.not_numbers", vector.Quote(f.Props[m.Lon]), vector.Quote(f.Props[m.Lat])))
	}
	return orb.Point{x, y}, nil
}

// fieldMatches reports whether a file's field is the usual name want, in
// any case, or want as GDAL and QGIS cut it in a .dbf: at 10 bytes, the
// character cut in half dropped (街道名称 → 街道名).
func fieldMatches(field, want string) bool {
	field = strings.TrimSpace(field)
	if strings.EqualFold(field, want) {
		return true
	}
	if len(want) <= 10 {
		return false
	}
	cut := want[:10]
	for !utf8.ValidString(cut) {
		cut = cut[:len(cut)-1]
	}
	return cut != "" && field == cut
}
