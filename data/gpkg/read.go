package gpkg

import (
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"
)

// Read opens a GeoPackage read-only and loads every feature and attribute
// table. A file that is not SQLite, or SQLite without GeoPackage tables,
// gives ErrNotGeoPackage.
func Read(path string) (*File, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: path}).EscapedPath()+"?mode=ro")
	if err != nil {
		return nil, err
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM sqlite_master WHERE name IN ('gpkg_contents','gpkg_spatial_ref_sys')`).Scan(&n); err != nil || n != 2 {
		if err == nil {
			err = errors.New("no gpkg_contents table")
		}
		return nil, fmt.Errorf("%w: %s: %v", ErrNotGeoPackage, path, err)
	}
	f := &File{SRS: map[int]SRS{}}
	if err := readSRS(db, f); err != nil {
		return nil, err
	}
	rows, err := db.Query(`SELECT c.table_name, c.data_type, COALESCE(c.description, ''), COALESCE(g.column_name, ''),
		COALESCE(g.geometry_type_name, ''), COALESCE(g.srs_id, c.srs_id, 0)
		FROM gpkg_contents c LEFT JOIN gpkg_geometry_columns g ON g.table_name = c.table_name
		WHERE c.data_type IN ('features', 'attributes') ORDER BY c.table_name`)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrNotGeoPackage, path, err)
	}
	type meta struct {
		name, kind, desc, geomCol, geomType string
		srs                                 int
	}
	var metas []meta
	for rows.Next() {
		var m meta
		if err := rows.Scan(&m.name, &m.kind, &m.desc, &m.geomCol, &m.geomType, &m.srs); err != nil {
			rows.Close()
			return nil, err
		}
		metas = append(metas, m)
	}
	rows.Close()
	for _, m := range metas {
		l, err := readLayer(db, m.name, m.geomCol)
		if err != nil {
			return nil, fmt.Errorf("gpkg: %s: layer %s: %w", path, m.name, err)
		}
		l.Description, l.GeomType, l.SRSID = m.desc, m.geomType, m.srs
		if m.kind == "attributes" {
			l.GeomType = ""
		}
		f.Layers = append(f.Layers, l)
	}
	return f, nil
}

func readSRS(db *sql.DB, f *File) error {
	rows, err := db.Query(`SELECT srs_id, organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys`)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrNotGeoPackage, err)
	}
	defer rows.Close()
	for rows.Next() {
		var s SRS
		if err := rows.Scan(&s.ID, &s.Organization, &s.OrgID, &s.Definition); err != nil {
			return err
		}
		f.SRS[s.ID] = s
	}
	return rows.Err()
}

func readLayer(db *sql.DB, table, geomCol string) (*Layer, error) {
	l := &Layer{Name: table}
	info, err := db.Query("PRAGMA table_info(" + quote(table) + ")")
	if err != nil {
		return nil, err
	}
	var cols []string
	for info.Next() {
		var cid, notnull, pk int
		var name, typ string
		var def any
		if err := info.Scan(&cid, &name, &typ, &notnull, &def, &pk); err != nil {
			info.Close()
			return nil, err
		}
		if name == geomCol || (pk == 1 && strings.EqualFold(typ, "INTEGER")) {
			continue
		}
		cols = append(cols, name)
		l.Fields = append(l.Fields, Field{Name: name, Type: fieldType(typ)})
	}
	info.Close()
	sel := make([]string, 0, len(cols)+1)
	if geomCol != "" {
		sel = append(sel, quote(geomCol))
	}
	for _, c := range cols {
		sel = append(sel, quote(c))
	}
	if len(sel) == 0 {
		return l, nil
	}
	rows, err := db.Query("SELECT " + strings.Join(sel, ", ") + " FROM " + quote(table))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for i := 0; rows.Next(); i++ {
		vals := make([]any, len(sel))
		ptrs := make([]any, len(sel))
		for k := range vals {
			ptrs[k] = &vals[k]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		var feat Feature
		if geomCol != "" {
			if b, ok := vals[0].([]byte); ok && len(b) > 0 {
				g, _, err := decodeGeometry(b)
				if err != nil {
					return nil, fmt.Errorf("feature %d: %w", i, err)
				}
				feat.Geometry = g
			}
			vals = vals[1:]
		}
		for k, v := range vals {
			if b, ok := v.([]byte); ok {
				vals[k] = string(b)
			}
		}
		feat.Values = vals
		l.Features = append(l.Features, feat)
	}
	return l, rows.Err()
}

func fieldType(t string) FieldType {
	t = strings.ToUpper(t)
	switch {
	case strings.Contains(t, "INT"), t == "BOOLEAN":
		return Integer
	case strings.Contains(t, "REAL"), strings.Contains(t, "FLOA"), strings.Contains(t, "DOUB"):
		return Real
	}
	return Text
}
