package data

import (
	"errors"
	"fmt"
	"math/rand"
	"reflect"
	"testing"

	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/assets"
)

func defaultSites(t testing.TB) []Site {
	sites, err := ParseSites(assets.SitesGeoJSON)
	if err != nil {
		t.Fatal(err)
	}
	return sites
}

func TestEditorUndoRedo(t *testing.T) {
	e := NewEditor(defaultSites(t))
	orig := e.Sites()
	if err := e.Update("LW-01", "move", func(s *Site) { s.Location = orb.Point{113.231, 23.117} }); err != nil {
		t.Fatal(err)
	}
	if !e.Dirty() || e.Sites()[0].Location[0] != 113.231 || orig[0].Location[0] == 113.231 {
		t.Fatal("update not applied, or applied in place")
	}
	if err := e.Update("LW-02", "bad", func(s *Site) { s.Classes = -1 }); !errors.Is(err, ErrNegative) {
		t.Errorf("invalid edit accepted: %v", err)
	}
	if err := e.Add("add", Site{ID: "LW-01", Name: "dup", Level: Primary}); !errors.Is(err, ErrDuplicateID) {
		t.Errorf("duplicate id accepted: %v", err)
	}
	e.Delete("LW-25")
	if len(e.Sites()) != 24 {
		t.Fatalf("%d sites after delete", len(e.Sites()))
	}
	e.Undo()
	e.Undo()
	if !reflect.DeepEqual(e.Sites(), orig) || e.Dirty() {
		t.Error("two undos did not restore the saved state")
	}
	e.Redo()
	if e.Sites()[0].Location[0] != 113.231 || !e.Dirty() {
		t.Error("redo did not re-apply")
	}
	e.MarkSaved()
	if e.Dirty() {
		t.Error("dirty after MarkSaved")
	}
	e.Undo()
	e.Update("LW-03", "other", func(s *Site) { s.Notes = "x" })
	if !e.Dirty() {
		t.Error("branching away from the saved state must be dirty")
	}
	if _, ok := e.Redo(); ok {
		t.Error("redo stack survives a new edit")
	}
}

// TestUndoProperty: any sequence of edits followed by as many undos
// restores the original, and as many redos restores the end state.
func TestUndoProperty(t *testing.T) {
	for seed := int64(0); seed < 200; seed++ {
		rng := rand.New(rand.NewSource(seed))
		e := NewEditor(defaultSites(t))
		orig := e.Sites()
		n := 1 + rng.Intn(25)
		done := 0
		for k := 0; k < n; k++ {
			if randomEdit(e, rng, k) == nil {
				done++
			}
		}
		end := e.Sites()
		for k := 0; k < done; k++ {
			if _, ok := e.Undo(); !ok {
				t.Fatalf("seed %d: undo %d of %d refused", seed, k, done)
			}
		}
		if !reflect.DeepEqual(e.Sites(), orig) {
			t.Fatalf("seed %d: %d undos did not restore the original", seed, done)
		}
		for k := 0; k < done; k++ {
			e.Redo()
		}
		if !reflect.DeepEqual(e.Sites(), end) {
			t.Fatalf("seed %d: redos did not restore the end state", seed)
		}
	}
}

func randomEdit(e *Editor, rng *rand.Rand, k int) error {
	sites := e.Sites()
	if len(sites) == 0 {
		return e.Add("add", Site{ID: fmt.Sprintf("N-%d", k), Name: "new", Level: Kindergarten})
	}
	id := sites[rng.Intn(len(sites))].ID
	switch rng.Intn(6) {
	case 0:
		return e.Update(id, "move", func(s *Site) {
			s.Located, s.Location, s.PrecisionM, s.Basis = true, orb.Point{113.2 + rng.Float64()*0.06, 23.05 + rng.Float64()*0.1}, 10, "moved"
		})
	case 1:
		return e.Update(id, "classes", func(s *Site) { s.Classes = rng.Intn(60) - 5 }) // sometimes invalid
	case 2:
		return e.Update(id, "progress", func(s *Site) { s.ActualStatus, s.ActualYear = InService, 2020+rng.Intn(8) })
	case 3:
		return e.Delete(id)
	case 4:
		return e.Add("add", Site{ID: e.NextID("EX"), Name: "现有学校", Level: Primary, Kind: KindExisting, Classes: 12})
	}
	return e.Update(id, "name", func(s *Site) { s.Name = fmt.Sprintf("名称 %d", rng.Intn(100)) })
}
