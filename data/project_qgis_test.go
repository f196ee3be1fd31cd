package data

import (
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/liwan-edu/schoolmap/data/gpkg"
	"github.com/liwan-edu/schoolmap/data/i18n"
)

// savedAndAltered saves the edited project and runs SQL on the file, as
// QGIS or a damaged disk would change it.
func savedAndAltered(t testing.TB, stmts ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "p.gpkg")
	if err := SaveProject(path, editedProject(t)); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	return path
}

func TestProjectEditedInQGIS(t *testing.T) {
	defer i18n.SetLanguage("zh")
	i18n.SetLanguage("en") // the wording checked below
	path := savedAndAltered(t,
		`INSERT INTO plan_sites (geom, name, level, kind) VALUES (NULL, '新增学校', 'primary', 'candidate')`,
		`UPDATE plan_sites SET seats = 1234 WHERE id = 'LW-02'`)
	p, err := OpenProject(path)
	if err != nil {
		t.Fatal(err)
	}
	var added, edited *Site
	for i := range p.Sites {
		switch {
		case p.Sites[i].Name == "新增学校":
			added = &p.Sites[i]
		case p.Sites[i].ID == "LW-02":
			edited = &p.Sites[i]
		}
	}
	if added == nil || !strings.HasPrefix(added.ID, "QG-") {
		t.Errorf("feature added in QGIS: %+v", added)
	}
	if edited == nil || edited.SeatsOverride != 1234 {
		t.Errorf("seats edited in QGIS: %+v", edited)
	}
	notes := strings.Join(p.Notes, "\n")
	if !strings.Contains(notes, "given id QG-0001") || !strings.Contains(notes, "seats 1234") || !strings.Contains(notes, "feature ") {
		t.Errorf("notes: %s", notes)
	}
}

// TestDamagedProjects: legal but absurd values and damaged geometry are
// refused, naming the field, never loaded quietly.
func TestDamagedProjects(t *testing.T) {
	cases := []struct {
		name, sql, want string
		err             error
	}{
		{"geometry column holds text", `UPDATE plan_sites SET geom = 'POINT(113 23)' WHERE id = 'LW-03'`, "feature 3", gpkg.ErrGeometry},
		{"classes 2^63-1", `UPDATE plan_sites SET classes = 9223372036854775807 WHERE id = 'LW-01'`, "field classes", ErrRange},
		{"radius 1e9", `UPDATE liwan_settings SET value = replace(value, '"Value":350', '"Value":1e9') WHERE key = 'norms'`, "radius_m", ErrRange},
		{"precision 1e12", `UPDATE plan_sites SET precision_m = 1e12 WHERE id = 'LW-01'`, "precision_m", ErrRange},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := OpenProject(savedAndAltered(t, c.sql))
			if !errors.Is(err, c.err) || !strings.Contains(err.Error(), c.want) {
				t.Errorf("%v; want %v naming %q", err, c.err, c.want)
			}
		})
	}
}

func TestOpenProjectLeavesNoWALFiles(t *testing.T) {
	path := savedAndAltered(t, "PRAGMA journal_mode = WAL")
	if _, err := OpenProject(path); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(path + s); err == nil {
			t.Errorf("opening left %s", filepath.Base(path+s))
		}
	}
}

func FuzzOpenProject(f *testing.F) {
	p := filepath.Join(f.TempDir(), "seed.gpkg")
	small := &Project{Sites: editedProject(f).Sites[:2], Norms: DefaultNorms()}
	if err := SaveProject(p, small); err != nil {
		f.Fatal(err)
	}
	b, _ := os.ReadFile(p)
	f.Add(b)
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(dir, "f.gpkg")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		pr, err := OpenProject(path)
		if err == nil {
			for i := range pr.Sites {
				if err := pr.Sites[i].Validate(); err != nil {
					t.Fatalf("opened a site that does not validate: %v", err)
				}
			}
		}
	})
}

// TestProjectUnknownSeatsNULL: a site without classes has NULL seats in
// the project file, not 0.
func TestProjectUnknownSeatsNULL(t *testing.T) {
	path := savedAndAltered(t)
	f, err := gpkg.Read(path)
	if err != nil {
		t.Fatal(err)
	}
	l, _ := f.Layer("plan_sites")
	for _, ft := range l.Features {
		if v := ft.Values[l.Field("seats")]; v == int64(0) {
			t.Errorf("%v: seats 0 written for an unknown value", ft.Values[l.Field("id")])
		}
	}
}
