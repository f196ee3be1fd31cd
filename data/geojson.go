package data

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"

	"github.com/paulmach/orb"
)

// siteProps is the property schema of a site Feature. Pointers tell a
// missing value from a zero one.
type siteProps struct {
	ID              *string  `json:"id"`
	No              int      `json:"no,omitempty"`
	Name            *string  `json:"name"`
	ShortName       string   `json:"short_name,omitempty"`
	PlotCode        string   `json:"plot_code,omitempty"`
	Content         string   `json:"content,omitempty"`
	LandArea        float64  `json:"land_area_m2,omitempty"`
	FloorArea       float64  `json:"floor_area_m2,omitempty"`
	Classes         int      `json:"classes,omitempty"`
	Enrolment       int      `json:"enrolment,omitempty"`
	StartYear       int      `json:"start_year,omitempty"`
	EndYear         int      `json:"end_year,omitempty"`
	GovFunded       bool     `json:"gov_funded"`
	Remark          string   `json:"remark,omitempty"`
	Level           *string  `json:"level"`
	ActualStatus    string   `json:"actual_status,omitempty"`
	ActualYear      int      `json:"actual_year,omitempty"`
	ProgressNote    string   `json:"progress_note,omitempty"`
	Kind            string   `json:"kind,omitempty"`
	SeatsOverride   int      `json:"seats_override,omitempty"`
	Notes           string   `json:"notes,omitempty"`
	PrecisionM      *float64 `json:"precision_m,omitempty"`
	Confidence      string   `json:"confidence,omitempty"`
	Basis           string   `json:"basis,omitempty"`
	Source          string   `json:"source,omitempty"`
	BasisEN         string   `json:"basis_en,omitempty"`
	SourceEN        string   `json:"source_en,omitempty"`
	ProgressNoteEN  string   `json:"progress_note_en,omitempty"`
	SubdistrictCode string   `json:"subdistrict_code,omitempty"`
	Subdistrict     string   `json:"subdistrict,omitempty"`
	SubdistrictNote string   `json:"subdistrict_note,omitempty"`
	// SubdistrictNoteEN is the note's English version.
	SubdistrictNoteEN string `json:"subdistrict_note_en,omitempty"`
}

type rawFeature struct {
	Type       string          `json:"type"`
	Geometry   json.RawMessage `json:"geometry"`
	Properties json.RawMessage `json:"properties"`
}

type rawGeometry struct {
	Type        string          `json:"type"`
	Coordinates json.RawMessage `json:"coordinates"`
}

// ParseSites reads an RFC 7946 FeatureCollection of sites and validates
// every feature. The first problem is returned as a *FeatureError naming
// the feature and field; a collection-level problem wraps ErrSyntax,
// ErrNotCollection or ErrCRS.
func ParseSites(b []byte) ([]Site, error) {
	var fc struct {
		Type     string            `json:"type"`
		Features []json.RawMessage `json:"features"`
		CRS      json.RawMessage   `json:"crs"`
	}
	if err := json.Unmarshal(b, &fc); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrSyntax, err)
	}
	if fc.Type != "FeatureCollection" {
		return nil, fmt.Errorf("%w: type is %q", ErrNotCollection, fc.Type)
	}
	if len(fc.CRS) > 0 && !bytes.Equal(fc.CRS, []byte("null")) && !bytes.Contains(fc.CRS, []byte("CRS84")) {
		return nil, ErrCRS
	}
	sites := make([]Site, 0, len(fc.Features))
	seen := make(map[string]int, len(fc.Features))
	for i, raw := range fc.Features {
		s, err := parseFeature(raw)
		if err != nil {
			var fe *FeatureError
			if errors.As(err, &fe) {
				fe.Index = i
				return nil, fe
			}
			return nil, &FeatureError{Index: i, Err: err}
		}
		if first, dup := seen[s.ID]; dup {
			return nil, &FeatureError{Index: i, ID: s.ID, Field: "id",
				Err: fmt.Errorf("%w: also feature %d", ErrDuplicateID, first)}
		}
		seen[s.ID] = i
		sites = append(sites, s)
	}
	return sites, nil
}

func parseFeature(raw json.RawMessage) (Site, error) {
	var f rawFeature
	if err := json.Unmarshal(raw, &f); err != nil {
		return Site{}, fmt.Errorf("%w: %v", ErrSyntax, err)
	}
	if f.Type != "Feature" {
		return Site{}, &FeatureError{Field: "type", Err: ErrNotFeature}
	}
	var p siteProps
	if err := json.Unmarshal(f.Properties, &p); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return Site{}, &FeatureError{Field: te.Field, Err: fmt.Errorf("%w: got %s", ErrType, te.Value)}
		}
		return Site{}, &FeatureError{Field: "properties", Err: fmt.Errorf("%w: %v", ErrSyntax, err)}
	}
	s, err := p.site()
	if err != nil {
		return Site{}, err
	}
	if err := s.setGeometry(f.Geometry, p.PrecisionM); err != nil {
		err.(*FeatureError).ID = s.ID
		return Site{}, err
	}
	return s, nil
}

func (p *siteProps) site() (Site, error) {
	id := ""
	if p.ID != nil {
		id = *p.ID
	}
	fail := func(field string, err error) (Site, error) {
		return Site{}, &FeatureError{ID: id, Field: field, Err: err}
	}
	switch {
	case id == "":
		return fail("id", ErrMissing)
	case p.Name == nil || *p.Name == "":
		return fail("name", ErrMissing)
	case p.Level == nil:
		return fail("level", ErrMissing)
	case p.Classes < 0:
		return fail("classes", ErrNegative)
	case p.Enrolment < 0:
		return fail("enrolment", ErrNegative)
	case p.SeatsOverride < 0:
		return fail("seats_override", ErrNegative)
	case p.LandArea < 0 || math.IsNaN(p.LandArea):
		return fail("land_area_m2", ErrNegative)
	case p.FloorArea < 0 || math.IsNaN(p.FloorArea):
		return fail("floor_area_m2", ErrNegative)
	case p.StartYear != 0 && p.EndYear != 0 && p.StartYear > p.EndYear:
		return fail("start_year", fmt.Errorf("%w: %d > %d", ErrYearOrder, p.StartYear, p.EndYear))
	}
	if field, err := checkSiteRanges(p); err != nil {
		return fail(field, err)
	}
	for _, f := range []struct {
		field string
		year  int
	}{{"start_year", p.StartYear}, {"end_year", p.EndYear}} {
		if f.year != 0 && (f.year < 1900 || f.year > 2100) {
			return fail(f.field, fmt.Errorf("%w: year %d", ErrRange, f.year))
		}
	}
	level, err := ParseLevel(*p.Level)
	if err != nil {
		return fail("level", err)
	}
	actual := StatusUnknown
	if p.ActualStatus != "" {
		if actual, err = ParseStatus(p.ActualStatus); err != nil {
			return fail("actual_status", err)
		}
	}
	if p.ActualYear != 0 && (p.ActualYear < 1900 || p.ActualYear > 2100) {
		return fail("actual_year", fmt.Errorf("%w: year %d", ErrRange, p.ActualYear))
	}
	kind, err := ParseKind(p.Kind)
	if err != nil {
		return fail("kind", err)
	}
	conf := ConfidenceNone
	if p.Confidence != "" {
		if conf, err = ParseConfidence(p.Confidence); err != nil {
			return fail("confidence", err)
		}
	}
	return Site{
		ID: id, No: p.No, Name: *p.Name, ShortName: p.ShortName, PlotCode: p.PlotCode,
		Content: p.Content, LandArea: p.LandArea, FloorArea: p.FloorArea,
		Classes: p.Classes, Enrolment: p.Enrolment, StartYear: p.StartYear, EndYear: p.EndYear,
		GovFunded: p.GovFunded, Remark: p.Remark, Level: level,
		ActualStatus: actual, ActualYear: p.ActualYear, ProgressNote: p.ProgressNote,
		Kind: kind, SeatsOverride: p.SeatsOverride, Notes: p.Notes,
		Confidence: conf, Basis: p.Basis, Source: p.Source,
		SubdistrictCode: p.SubdistrictCode, Subdistrict: p.Subdistrict, SubdistrictNote: p.SubdistrictNote,
		English: English{Basis: p.BasisEN, Source: p.SourceEN, ProgressNote: p.ProgressNoteEN, SubdistrictNote: p.SubdistrictNoteEN},
	}, nil
}

// setGeometry accepts a Point with its precision, or null for an unlocated
// site.
func (s *Site) setGeometry(raw json.RawMessage, precision *float64) error {
	fail := func(field string, err error) error { return &FeatureError{Field: field, Err: err} }
	if len(raw) == 0 || bytes.Equal(bytes.TrimSpace(raw), []byte("null")) {
		return nil
	}
	var g rawGeometry
	if err := json.Unmarshal(raw, &g); err != nil {
		return fail("geometry", fmt.Errorf("%w: %v", ErrSyntax, err))
	}
	if g.Type != "Point" {
		return fail("geometry", fmt.Errorf("%w, got %q", ErrGeometry, g.Type))
	}
	var c []float64
	if err := json.Unmarshal(g.Coordinates, &c); err != nil || len(c) < 2 || len(c) > 3 {
		return fail("geometry.coordinates", ErrCoordinates)
	}
	if !(c[0] >= -180 && c[0] <= 180) || !(c[1] >= -90 && c[1] <= 90) {
		return fail("geometry.coordinates", fmt.Errorf("%w: lon %g lat %g", ErrRange, c[0], c[1]))
	}
	if precision == nil {
		return fail("precision_m", ErrMissing)
	}
	if !(*precision > 0) {
		return fail("precision_m", fmt.Errorf("%w: %g", ErrRange, *precision))
	}
	if s.Basis == "" {
		return fail("basis", ErrMissing)
	}
	s.Location, s.Located, s.PrecisionM = orb.Point{c[0], c[1]}, true, *precision
	return nil
}
