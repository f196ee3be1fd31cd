package app

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/i18n"
)

const notStated = "ui.detailrows.not_stated"

// detailRows returns the label/value pairs shown for a site: every annex
// column verbatim, then what was derived, then the location evidence.
func detailRows(s *data.Site, n data.Norms) [][2]string {
	loc := i18n.T("ui.detailrows.unlocated_no_public_evidence_of")
	if s.Located {
		loc = fmt.Sprintf("%.5f, %.5f (WGS-84)", s.Location[0], s.Location[1])
	}
	precision := "—"
	if s.Located {
		precision = fmt.Sprintf("± %.0f m", s.PrecisionM)
		if s.Approximate() {
			precision += i18n.T("ui.detailrows.approximate")
		}
	}
	return [][2]string{
		{i18n.T("ui.detailrows.no"), strconv.Itoa(s.No)},
		{i18n.T("ui.detailrows.name"), s.Name},
		{i18n.T("ui.detailrows.content"), orDash(s.Content)},
		{i18n.T("ui.detailrows.land_area"), area(s.LandAreaStated())},
		{i18n.T("ui.detailrows.floor_area"), area(s.FloorAreaStated())},
		{i18n.T("ui.detailrows.classes"), classes(s.Classes)},
		{i18n.T("ui.detailrows.years"), years(s)},
		{i18n.T("ui.detailrows.gov_funded"), yesNo(s.GovFunded)},
		{i18n.T("ui.detailrows.remark"), orDash(s.Remark)},
		{i18n.T("ui.detailrows.actual"), actualText(s)},
		{i18n.T("ui.detailrows.level_derived"), levelText(s.Level)},
		{i18n.T("ui.detailrows.seats_derived"), seatsText(s, n)},
		{i18n.T("ui.detailrows.location"), loc},
		{i18n.T("ui.detailrows.confidence"), confidenceText(s.Confidence)},
		{i18n.T("ui.detailrows.precision"), precision},
		{i18n.T("ui.detailrows.basis"), orDash(s.BasisText())},
		{i18n.T("ui.detailrows.source"), orDash(s.SourceText())},
		{i18n.T("ui.detailrows.subdistrict"), s.SubdistrictText()},
	}
}

func actualText(s *data.Site) string {
	t := i18n.T("ui.detailrows.not_recorded")
	switch {
	case s.ActualYear > 0:
		t = fmt.Sprintf(i18n.T("ui.detailrows.in_service_from"), s.ActualYear, s.ActualYear)
	case s.ActualStatus != data.StatusUnknown:
		t = statusName(s.ActualStatus)
	}
	if s.ProgressNote != "" {
		t += " — " + s.ProgressText()
	}
	return t
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}

// area is an area as the annex states it: 约 kept, 亩 converted and said so.
func area(n data.AnnexNumber) string {
	if t := n.AreaText(); t != "" {
		return t
	}
	return i18n.T(notStated)
}

func classes(n int) string {
	if n <= 0 {
		return i18n.T(notStated)
	}
	return fmt.Sprintf(i18n.T("ui.detailrows.classes2"), n)
}

func years(s *data.Site) string {
	if s.StartYear == 0 {
		return i18n.T(notStated)
	}
	return fmt.Sprintf("%d–%d", s.StartYear, s.EndYear)
}

func yesNo(b bool) string {
	if b {
		return i18n.T("ui.detailrows.yes")
	}
	return i18n.T("ui.detailrows.no2")
}

// seatsText explains a seat figure with the norm behind it.
func seatsText(s *data.Site, n data.Norms) string {
	seats := n.SeatsOf(s)
	switch {
	case !s.Level.IsSchool():
		return i18n.T("ui.detailrows.not_a_school")
	case seats.Total() == 0:
		return i18n.T("ui.detailrows.cannot_derive_classes_not_stated")
	case s.Level == data.NineYear:
		return fmt.Sprintf(i18n.T("ui.detailrows.primary_junior_classes_split_6"), seats.Total(),
			seats[data.Primary], seats[data.Junior], n.PerClass[data.Primary].Value, n.PerClass[data.Junior].Value)
	case s.Classes > 0:
		per := n.PerClass[s.Level]
		return fmt.Sprintf(i18n.T("ui.detailrows.classes3"), seats.Total(), s.Classes, per.Value, per.Source)
	}
	return i18n.T("ui.detailrows.enrolment", seats.Total())
}
