package app

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/liwan-edu/schoolmap/data"
)

const notStated = "未注明 (not stated)"

// detailRows returns the label/value pairs shown for a site: every annex
// column verbatim, then what was derived, then the location evidence.
func detailRows(s *data.Site, n data.Norms) [][2]string {
	loc := "未定位 unlocated: no public evidence of the plot's position; place it in edit mode when known"
	if s.Located {
		loc = fmt.Sprintf("%.5f, %.5f (WGS-84)", s.Location[0], s.Location[1])
	}
	precision := "—"
	if s.Located {
		precision = fmt.Sprintf("± %.0f m", s.PrecisionM)
		if s.Approximate() {
			precision += "  · approximate / 位置待核实"
		}
	}
	return [][2]string{
		{"序号 No.", strconv.Itoa(s.No)},
		{"项目名称 Name", s.Name},
		{"建设内容及规模 Content", orDash(s.Content)},
		{"用地面积 Land area", area(s.LandArea)},
		{"建筑面积 Floor area", area(s.FloorArea)},
		{"办学规模 Classes", classes(s.Classes)},
		{"建设起止年限 Years", years(s)},
		{"政府投资 Gov-funded", yesNo(s.GovFunded)},
		{"备注 Remark", orDash(s.Remark)},
		{"实际进度 Actual", actualText(s)},
		{"学段 Level (derived)", s.Level.Label() + " · " + s.Level.LabelEN()},
		{"学位 Seats (derived)", seatsText(s, n)},
		{"位置 Location", loc},
		{"可信度 Confidence", s.Confidence.Label() + " (" + s.Confidence.String() + ")"},
		{"精度 Precision", precision},
		{"依据 Basis", orDash(s.Basis)},
		{"来源 Source", orDash(s.Source)},
		{"街道 Subdistrict", s.SubdistrictText()},
	}
}

func actualText(s *data.Site) string {
	t := "未记录 not recorded"
	switch {
	case s.ActualYear > 0:
		t = fmt.Sprintf("%d年建成 in service from %d", s.ActualYear, s.ActualYear)
	case s.ActualStatus != data.StatusUnknown:
		t = s.ActualStatus.Label() + " " + s.ActualStatus.String()
	}
	if s.ProgressNote != "" {
		t += " — " + s.ProgressNote
	}
	return t
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}

func area(m2 float64) string {
	if m2 <= 0 {
		return notStated
	}
	return fmt.Sprintf("%.0f m²", m2)
}

func classes(n int) string {
	if n <= 0 {
		return notStated
	}
	return fmt.Sprintf("%d 班", n)
}

func years(s *data.Site) string {
	if s.StartYear == 0 {
		return notStated
	}
	return fmt.Sprintf("%d–%d", s.StartYear, s.EndYear)
}

func yesNo(b bool) string {
	if b {
		return "是 yes"
	}
	return "否 no"
}

// seatsText explains a seat figure with the norm behind it.
func seatsText(s *data.Site, n data.Norms) string {
	seats := n.SeatsOf(s)
	switch {
	case !s.Level.IsSchool():
		return "— (not a school)"
	case seats.Total() == 0:
		return "无法推算: classes not stated"
	case s.Level == data.NineYear:
		return fmt.Sprintf("%d = 小学 %d + 初中 %d (classes split 6:3, %g/%g per class)", seats.Total(),
			seats[data.Primary], seats[data.Junior], n.PerClass[data.Primary].Value, n.PerClass[data.Junior].Value)
	case s.Classes > 0:
		per := n.PerClass[s.Level]
		return fmt.Sprintf("%d = %d 班 × %g (%s)", seats.Total(), s.Classes, per.Value, per.Source)
	}
	return fmt.Sprintf("%d (planned enrolment stated in the annex)", seats.Total())
}
