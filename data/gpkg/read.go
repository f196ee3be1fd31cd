package gpkg

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// Read opens a GeoPackage read-only and loads every feature and attribute
// table. A file that is not SQLite, or SQLite without GeoPackage tables,
// gives ErrNotGeoPackage; a layer that is a SQL view gives ErrView; a file
// beyond MaxFileBytes, MaxFeatures or ReadTimeout gives ErrLimit.
func Read(path string) (*File, error) { return ReadLayers(context.Background(), path) }

// ReadLayers is Read for the named layers only (every layer when none is
// named); cancelling ctx interrupts a long read.
func ReadLayers(ctx context.Context, path string, names ...string) (*File, error) {
	ctx, cancel := context.WithTimeout(ctx, ReadTimeout)
	defer cancel()
	r, err := open(ctx, path)
	if err != nil {
		return nil, failCtx(ctx, err)
	}
	defer r.close()
	f := &File{SRS: map[int]SRS{}}
	if err := r.readSRS(ctx, f); err != nil {
		return nil, err
	}
	metas, err := r.contents(ctx)
	if err != nil {
		return nil, err
	}
	for _, m := range metas {
		if len(names) > 0 && !contains(names, m.Name) {
			continue
		}
		l, err := r.readLayer(ctx, m)
		if err != nil {
			return nil, failCtx(ctx, fmt.Errorf("layer %s: %w", m.Name, err))
		}
		f.Layers = append(f.Layers, l)
	}
	return f, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func (r *reader) readSRS(ctx context.Context, f *File) error {
	rows, err := r.conn.QueryContext(ctx, `SELECT srs_id, organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys`)
	if err != nil {
		return failCtx(ctx, fmt.Errorf("%w: %v", ErrNotGeoPackage, err))
	}
	defer rows.Close()
	for rows.Next() {
		var s SRS
		var org, def sql.NullString
		var orgID sql.NullInt64
		if err := rows.Scan(&s.ID, &org, &orgID, &def); err != nil {
			return failCtx(ctx, fmt.Errorf("%w: gpkg_spatial_ref_sys: %v", ErrNotGeoPackage, err))
		}
		s.Organization, s.OrgID, s.Definition = org.String, int(orgID.Int64), def.String
		f.SRS[s.ID] = s
	}
	return failCtx(ctx, rows.Err())
}

// readLayer loads one table; it refuses views (a recursive or expensive
// view would run unbounded) and stops at the feature budget.
func (r *reader) readLayer(ctx context.Context, m LayerInfo) (*Layer, error) {
	if err := r.isTable(ctx, m.Name); err != nil {
		return nil, err
	}
	l := &Layer{Name: m.Name, Description: m.Description, GeomType: m.GeomType, SRSID: m.SRSID}
	cols, err := r.columns(ctx, l, m.geomCol)
	if err != nil || len(cols) == 0 {
		return l, err
	}
	rows, err := r.conn.QueryContext(ctx, "SELECT "+strings.Join(cols, ", ")+" FROM "+quote(m.Name))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for i := 1; rows.Next(); i++ {
		if r.budget--; r.budget < 0 {
			return nil, fmt.Errorf("%w: more than %d features", ErrLimit, MaxFeatures)
		}
		feat, err := scanFeature(rows, len(cols), m.geomCol != "")
		if err != nil {
			return nil, fmt.Errorf("feature %d: %w", i, err)
		}
		l.Features = append(l.Features, feat)
	}
	return l, rows.Err()
}

func (r *reader) isTable(ctx context.Context, name string) error {
	var typ string
	err := r.conn.QueryRowContext(ctx, `SELECT type FROM sqlite_master WHERE name = ? AND type IN ('table', 'view')`, name).Scan(&typ)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return fmt.Errorf("%w: registered in gpkg_contents but no such table", ErrNotGeoPackage)
	case err != nil:
		return err
	case typ == "view":
		return ErrView
	}
	return nil
}

// columns lists the layer's fields and returns the quoted select list,
// the geometry column first.
func (r *reader) columns(ctx context.Context, l *Layer, geomCol string) ([]string, error) {
	info, err := r.conn.QueryContext(ctx, "PRAGMA table_info("+quote(l.Name)+")")
	if err != nil {
		return nil, err
	}
	defer info.Close()
	var sel []string
	if geomCol != "" {
		sel = append(sel, quote(geomCol))
	}
	for info.Next() {
		var cid, notnull, pk int
		var name string
		var typ sql.NullString
		var def any
		if err := info.Scan(&cid, &name, &typ, &notnull, &def, &pk); err != nil {
			return nil, err
		}
		if name == geomCol || (pk == 1 && strings.EqualFold(typ.String, "INTEGER")) {
			continue
		}
		sel = append(sel, quote(name))
		l.Fields = append(l.Fields, Field{Name: name, Type: fieldType(typ.String)})
	}
	return sel, info.Err()
}

func scanFeature(rows *sql.Rows, n int, hasGeom bool) (Feature, error) {
	vals := make([]any, n)
	ptrs := make([]any, n)
	for k := range vals {
		ptrs[k] = &vals[k]
	}
	if err := rows.Scan(ptrs...); err != nil {
		return Feature{}, err
	}
	var feat Feature
	if hasGeom {
		switch b := vals[0].(type) {
		case nil:
		case []byte:
			if len(b) > 0 {
				g, _, err := decodeGeometry(b)
				if err != nil {
					return feat, err
				}
				feat.Geometry = g
			}
		default:
			return feat, fmt.Errorf("%w: the geometry column holds %T, not a geometry blob", ErrGeometry, vals[0])
		}
		vals = vals[1:]
	}
	for k, v := range vals {
		if b, ok := v.([]byte); ok {
			vals[k] = string(b)
		}
	}
	feat.Values = vals
	return feat, nil
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
