package data

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/liwan-edu/schoolmap/data/i18n"
)

// ErrNoSite is returned for an edit naming a site that does not exist.
var ErrNoSite = errors.New("data: no such site")

// Change replaces, inserts (Before nil) or deletes (After nil) the site at
// Index.
type Change struct {
	Index         int
	Before, After *Site
}

// Edit is one undoable step, made of changes applied in order.
type Edit struct {
	Label   string
	Changes []Change
}

// noop reports whether applying e would leave the sites as they are.
func (e Edit) noop() bool {
	for _, c := range e.Changes {
		if c.Before == nil || c.After == nil || !c.Before.Same(c.After) {
			return false
		}
	}
	return true
}

func (e Edit) inverse() Edit {
	inv := Edit{Label: e.Label, Changes: make([]Change, len(e.Changes))}
	for i, c := range e.Changes {
		inv.Changes[len(e.Changes)-1-i] = Change{Index: c.Index, Before: c.After, After: c.Before}
	}
	return inv
}

// Editor holds the sites with an undo and a redo stack. Every change makes
// a new slice (copy-on-write), so a slice handed out earlier (to a renderer
// drawing on another goroutine) never changes under its reader.
type Editor struct {
	sites      []Site
	undo, redo []Edit
	saved      int // len(undo) when last saved; -1 when that state is gone
}

// NewEditor starts an editor on sites, counted as saved.
func NewEditor(sites []Site) *Editor {
	return &Editor{sites: sites}
}

// Sites returns the current sites; the caller must not modify them.
func (e *Editor) Sites() []Site { return e.sites }

// Dirty reports whether there are changes since the last MarkSaved.
func (e *Editor) Dirty() bool { return e.saved != len(e.undo) }

// MarkSaved records the current state as saved.
func (e *Editor) MarkSaved() { e.saved = len(e.undo) }

// Do applies an edit after validating every site it writes; an invalid
// edit changes nothing. An edit that changes nothing (every change writes
// the site it replaces) is not recorded, so it adds no undo step.
func (e *Editor) Do(ed Edit) error {
	if ed.noop() {
		return nil
	}
	next, err := apply(e.sites, ed)
	if err != nil {
		return err
	}
	e.sites = next
	e.undo = append(e.undo, ed)
	e.redo = nil
	if e.saved > len(e.undo)-1 {
		e.saved = -1 // the saved state was undone and is now replaced
	}
	return nil
}

// Undo reverts the last edit and returns its label.
func (e *Editor) Undo() (string, bool) {
	if len(e.undo) == 0 {
		return "", false
	}
	ed := e.undo[len(e.undo)-1]
	next, err := apply(e.sites, ed.inverse())
	if err != nil {
		panic(fmt.Sprintf("data: undo of %q failed: %v", ed.Label, err)) // an inverse of an applied edit always applies
	}
	e.sites, e.undo, e.redo = next, e.undo[:len(e.undo)-1], append(e.redo, ed)
	return ed.Label, true
}

// Redo applies the last undone edit again.
func (e *Editor) Redo() (string, bool) {
	if len(e.redo) == 0 {
		return "", false
	}
	ed := e.redo[len(e.redo)-1]
	next, err := apply(e.sites, ed)
	if err != nil {
		panic(fmt.Sprintf("data: redo of %q failed: %v", ed.Label, err))
	}
	e.sites, e.redo, e.undo = next, e.redo[:len(e.redo)-1], append(e.undo, ed)
	return ed.Label, true
}

func apply(sites []Site, ed Edit) ([]Site, error) {
	out := append([]Site(nil), sites...)
	for _, c := range ed.Changes {
		if c.After != nil {
			if err := c.After.Validate(); err != nil {
				return nil, err
			}
		}
		switch {
		case c.Before == nil && c.After != nil:
			if c.Index < 0 || c.Index > len(out) {
				return nil, fmt.Errorf("%w: insert at %d", ErrNoSite, c.Index)
			}
			out = append(out[:c.Index], append([]Site{*c.After}, out[c.Index:]...)...)
		case c.Index < 0 || c.Index >= len(out):
			return nil, fmt.Errorf("%w: index %d", ErrNoSite, c.Index)
		case c.After == nil:
			out = append(out[:c.Index], out[c.Index+1:]...)
		default:
			out[c.Index] = *c.After
		}
	}
	return out, uniqueIDs(out)
}

// Index returns the position of a site by ID, or -1.
func (e *Editor) Index(id string) int {
	for i := range e.sites {
		if e.sites[i].ID == id {
			return i
		}
	}
	return -1
}

// Update edits one site through fn as one undoable step.
func (e *Editor) Update(id, label string, fn func(s *Site)) error {
	i := e.Index(id)
	if i < 0 {
		return fmt.Errorf("%w: %s", ErrNoSite, id)
	}
	before, after := e.sites[i], e.sites[i]
	fn(&after)
	return e.Do(Edit{Label: label, Changes: []Change{{Index: i, Before: &before, After: &after}}})
}

// Add appends sites as one undoable step.
func (e *Editor) Add(label string, sites ...Site) error {
	ed := Edit{Label: label}
	for k := range sites {
		ed.Changes = append(ed.Changes, Change{Index: len(e.sites) + k, After: &sites[k]})
	}
	return e.Do(ed)
}

// Delete removes a site as one undoable step.
func (e *Editor) Delete(id string) error {
	i := e.Index(id)
	if i < 0 {
		return fmt.Errorf("%w: %s", ErrNoSite, id)
	}
	before := e.sites[i]
	return e.Do(Edit{Label: i18n.T("behave.edit.delete", before.DisplayName()), Changes: []Change{{Index: i, Before: &before}}})
}

// NextID returns an unused ID with the prefix ("EX-0007").
func (e *Editor) NextID(prefix string) string {
	for n := 1; ; n++ {
		id := fmt.Sprintf("%s-%04d", prefix, n)
		if e.Index(id) < 0 {
			return id
		}
	}
}

// Validate checks a site against the same rules as the file loaders (it
// is written and read back), so an edit can never make a project that will
// not open.
func (s *Site) Validate() error {
	raw, err := json.Marshal(s.feature())
	if err != nil {
		return err
	}
	_, err = parseFeature(raw)
	return err
}

// NewIDs returns a generator of IDs with the prefix ("EX-0001", …) that
// none of sites uses, for a batch of new sites.
func NewIDs(sites []Site, prefix string) func() string {
	used := make(map[string]bool, len(sites))
	for _, s := range sites {
		used[s.ID] = true
	}
	n := 0
	return func() string {
		for {
			n++
			if id := fmt.Sprintf("%s-%04d", prefix, n); !used[id] {
				used[id] = true
				return id
			}
		}
	}
}
