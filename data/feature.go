package data

import "encoding/json"

type feature struct {
	Type       string          `json:"type"`
	ID         string          `json:"id"`
	Geometry   json.RawMessage `json:"geometry"`
	Properties siteProps       `json:"properties"`
}

func (s *Site) feature() feature {
	f := feature{Type: "Feature", ID: s.ID, Geometry: json.RawMessage("null")}
	level := s.Level.String()
	p := siteProps{
		ID: &s.ID, No: s.No, Name: &s.Name, ShortName: s.ShortName, PlotCode: s.PlotCode,
		Content: s.Content, LandArea: s.LandArea, FloorArea: s.FloorArea,
		Classes: s.Classes, Enrolment: s.Enrolment, StartYear: s.StartYear, EndYear: s.EndYear,
		GovFunded: s.GovFunded, Remark: s.Remark, Level: &level,
		ActualYear: s.ActualYear, ProgressNote: s.ProgressNote,
		SeatsOverride: s.SeatsOverride, Notes: s.Notes,
		Confidence: s.Confidence.String(), Basis: s.Basis, Source: s.Source,
		SubdistrictCode: s.SubdistrictCode, Subdistrict: s.Subdistrict, SubdistrictNote: s.SubdistrictNote,
		BasisEN: s.English.Basis, SourceEN: s.English.Source, ProgressNoteEN: s.English.ProgressNote, SubdistrictNoteEN: s.English.SubdistrictNote,
	}
	if s.Kind != KindPlan {
		p.Kind = s.Kind.String()
	}
	if s.ActualStatus != StatusUnknown {
		p.ActualStatus = s.ActualStatus.String()
	}
	if s.Located {
		prec := s.PrecisionM
		p.PrecisionM = &prec
		g, _ := json.Marshal(struct {
			Type        string    `json:"type"`
			Coordinates []float64 `json:"coordinates"`
		}{"Point", []float64{s.Location[0], s.Location[1]}})
		f.Geometry = g
	}
	f.Properties = p
	return f
}
