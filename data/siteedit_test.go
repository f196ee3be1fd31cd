package data

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/data/i18n"
)

func TestUpdateWithoutChangeAddsNoStep(t *testing.T) {
	e := NewEditor(defaultSites(t))
	before := e.Sites()
	if err := e.Update("LW-01", "edit", func(s *Site) { s.Classes += 0 }); err != nil {
		t.Fatal(err)
	}
	if len(e.undo) != 0 || e.Dirty() {
		t.Error("an edit that changes nothing added an undo step")
	}
	if &e.Sites()[0] != &before[0] {
		t.Error("an edit that changes nothing replaced the sites")
	}
	if err := e.Update("LW-01", "edit", func(s *Site) { s.Notes = "checked" }); err != nil {
		t.Fatal(err)
	}
	if len(e.undo) != 1 || e.undo[0].Label != "edit" {
		t.Errorf("a real edit was not recorded: %v", e.undo)
	}
	if err := e.Update("LW-99", "edit", func(*Site) {}); err == nil {
		t.Error("no-op on a missing site accepted")
	}
}

func TestShownUnchanged(t *testing.T) {
	stored := orb.Point{113.2295412345, 23.1166789}
	tests := []struct {
		name  string
		typed orb.Point
		want  bool
	}{
		{"as shown", orb.Point{113.229541, 23.116679}, true},
		{"shifted 1e-5", orb.Point{113.229551, 23.116679}, false},
		{"latitude changed", orb.Point{113.229541, 23.11}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ShownUnchanged(stored, tt.typed, 6); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestRelocateKeepsEvidence(t *testing.T) {
	defer i18n.SetLanguage("zh")
	i18n.SetLanguage("en")
	s := *siteNo(t, 1)
	if !s.EvidenceLocated() {
		t.Fatal("#1 (a POI) is not evidence-located")
	}
	old, oldBasis := s.Location, s.BasisText()
	s.Relocate(orb.Point{113.23, 23.12}, 20, "dragged on the map at zoom 16", time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC))
	for _, want := range []string{"dragged on the map at zoom 16", "2026-11-27", "±20 m",
		fmt.Sprintf("%.6f, %.6f", old[0], old[1]), "±100 m", "high", oldBasis} {
		if !strings.Contains(s.Basis, want) {
			t.Errorf("basis %q lacks %q", s.Basis, want)
		}
	}
	if s.EvidenceLocated() || s.Confidence != ConfidenceSurveyed || s.Location != (orb.Point{113.23, 23.12}) {
		t.Errorf("after the move: %v %v located by evidence %v", s.Location, s.Confidence, s.EvidenceLocated())
	}
	title, text := siteNo(t, 1).ReplaceEvidencePrompt()
	if title != "Replace evidence?" || !strings.Contains(text, "Replace the evidence-based location of 一中初中部改扩建") || strings.Contains(text, "LW-01") {
		t.Errorf("prompt %q / %q does not name the site", title, text)
	}
}

func TestDisplayName(t *testing.T) {
	for _, tt := range []struct {
		s    Site
		want string
	}{{Site{ID: "LW-05", Name: "青少年宫更新改造", ShortName: "青少年宫"}, "青少年宫"},
		{Site{ID: "LW-05", Name: "青少年宫更新改造"}, "青少年宫更新改造"}, {Site{ID: "NEW-0001"}, "NEW-0001"}} {
		if got := tt.s.DisplayName(); got != tt.want {
			t.Errorf("%q, want %q", got, tt.want)
		}
	}
}
