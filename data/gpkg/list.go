package gpkg

import (
	"context"
	"database/sql"
	"fmt"
)

// LayerInfo describes a layer registered in gpkg_contents, as a layer
// chooser shows it.
type LayerInfo struct {
	Name        string
	Description string
	GeomType    string // POINT, MULTIPOLYGON…; "" for attribute tables
	SRSID       int
	Count       int  // features; -1 for a view (not counted, not read)
	View        bool // a SQL view: listed, refused by Read
	geomCol     string
}

// List returns the feature and attribute layers of a GeoPackage with their
// feature counts, in name order, without loading any feature.
func List(path string) ([]LayerInfo, error) {
	ctx, cancel := context.WithTimeout(context.Background(), ReadTimeout)
	defer cancel()
	r, err := open(ctx, path)
	if err != nil {
		return nil, failCtx(ctx, err)
	}
	defer r.close()
	infos, err := r.contents(ctx)
	if err != nil {
		return nil, err
	}
	for i := range infos {
		if err := r.isTable(ctx, infos[i].Name); err != nil {
			infos[i].View, infos[i].Count = err == ErrView, -1
			continue
		}
		if err := r.conn.QueryRowContext(ctx, "SELECT count(*) FROM "+quote(infos[i].Name)).Scan(&infos[i].Count); err != nil {
			return nil, failCtx(ctx, fmt.Errorf("layer %s: %w", infos[i].Name, err))
		}
	}
	return infos, nil
}

// contents reads gpkg_contents joined with gpkg_geometry_columns.
func (r *reader) contents(ctx context.Context) ([]LayerInfo, error) {
	rows, err := r.conn.QueryContext(ctx, `SELECT c.table_name, c.data_type, COALESCE(c.description, ''), COALESCE(g.column_name, ''),
		COALESCE(g.geometry_type_name, ''), COALESCE(g.srs_id, c.srs_id, 0)
		FROM gpkg_contents c LEFT JOIN gpkg_geometry_columns g ON g.table_name = c.table_name
		WHERE c.data_type IN ('features', 'attributes') ORDER BY c.table_name`)
	if err != nil {
		return nil, failCtx(ctx, fmt.Errorf("%w: %v", ErrNotGeoPackage, err))
	}
	defer rows.Close()
	var out []LayerInfo
	for rows.Next() {
		var m LayerInfo
		var name, kind, desc, col, typ sql.NullString
		var srs sql.NullInt64
		if err := rows.Scan(&name, &kind, &desc, &col, &typ, &srs); err != nil {
			return nil, fmt.Errorf("%w: gpkg_contents: %v", ErrNotGeoPackage, err)
		}
		m.Name, m.Description, m.geomCol, m.GeomType, m.SRSID = name.String, desc.String, col.String, typ.String, int(srs.Int64)
		if kind.String == "attributes" {
			m.GeomType, m.geomCol = "", ""
		}
		out = append(out, m)
	}
	return out, failCtx(ctx, rows.Err())
}
