package gpkg

import (
	"database/sql"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"

	"github.com/paulmach/orb"
	_ "modernc.org/sqlite" // pure-Go SQLite driver "sqlite"

	"github.com/liwan-edu/schoolmap/data/atomicfile"
)

const (
	applicationID = 0x47504B47 // "GPKG"
	userVersion   = 10300      // GeoPackage 1.3.0: what GDAL 3.6+ and QGIS read without warnings
)

var coreSchema = []string{
	`CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY,
		organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT)`,
	`CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
		description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
		min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
		CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id))`,
	`CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,
		geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
		CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name), CONSTRAINT uk_gc_table_name UNIQUE (table_name),
		CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
		CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))`,
	`INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system')`,
	`INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system')`,
	`INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84 geodetic', 4326, 'EPSG', 4326, '` + wgs84WKT + `', 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid')`,
}

const wgs84WKT = `GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4326"]]`

// Write creates a GeoPackage at path holding layers (all WGS-84). It is
// built in a temporary file in the same folder, synced and renamed over
// path, so path is never a half-written file: a crash or a full disk leaves
// the previous file as it was.
//
// A symbolic link is followed (its target is replaced); a path naming a
// folder, device or FIFO is refused with atomicfile.ErrNotRegular and left
// as it is.
func Write(path string, layers []*Layer) (err error) {
	path, _, err = atomicfile.Target(path)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	name := tmp.Name()
	tmp.Close()
	defer func() {
		if err != nil {
			os.Remove(name)
			os.Remove(name + "-journal")
		}
	}()
	if err = build(name, layers); err != nil {
		return err
	}
	if err = syncFile(name); err != nil {
		return err
	}
	return os.Rename(name, path)
}

func syncFile(name string) error {
	f, err := os.OpenFile(name, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Chmod(0o644); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func build(name string, layers []*Layer) error {
	db, err := sql.Open("sqlite", name)
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	stmts := append([]string{
		fmt.Sprintf("PRAGMA application_id = %d", applicationID),
		fmt.Sprintf("PRAGMA user_version = %d", userVersion),
		"PRAGMA journal_mode = OFF", // the temporary file is the journal
	}, coreSchema...)
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			return fmt.Errorf("gpkg: %s: %w", firstWords(s), err)
		}
	}
	for _, l := range layers {
		if err := writeLayer(db, l); err != nil {
			return fmt.Errorf("gpkg: layer %s: %w", l.Name, err)
		}
	}
	return db.Close()
}

func firstWords(s string) string {
	f := strings.Fields(s)
	return strings.Join(f[:min(3, len(f))], " ")
}

func quote(id string) string { return `"` + strings.ReplaceAll(id, `"`, `""`) + `"` }

func writeLayer(db *sql.DB, l *Layer) error {
	srs := l.SRSID
	if srs == 0 {
		srs = 4326
	}
	cols := []string{"fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL"}
	names := []string{}
	if l.GeomType != "" {
		cols = append(cols, "geom "+l.GeomType)
		names = append(names, "geom")
	}
	for _, f := range l.Fields {
		cols = append(cols, quote(f.Name)+" "+string(f.Type))
		names = append(names, quote(f.Name))
	}
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.Exec("CREATE TABLE " + quote(l.Name) + " (" + strings.Join(cols, ", ") + ")"); err != nil {
		return err
	}
	kind := "attributes"
	var bound *orb.Bound
	if l.GeomType != "" {
		kind = "features"
		bound = layerBound(l)
	}
	var minX, minY, maxX, maxY any
	if bound != nil {
		minX, minY, maxX, maxY = bound.Min[0], bound.Min[1], bound.Max[0], bound.Max[1]
	}
	var srsVal any = srs
	if kind == "attributes" {
		srsVal = nil
	}
	if _, err := tx.Exec(`INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, l.Name, kind, l.Name, l.Description, minX, minY, maxX, maxY, srsVal); err != nil {
		return err
	}
	if kind == "features" {
		if _, err := tx.Exec(`INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', ?, ?, 0, 0)`, l.Name, l.GeomType, srs); err != nil {
			return err
		}
	}
	if len(names) == 0 {
		return tx.Commit()
	}
	ins, err := tx.Prepare("INSERT INTO " + quote(l.Name) + " (" + strings.Join(names, ", ") + ") VALUES (" +
		strings.TrimSuffix(strings.Repeat("?, ", len(names)), ", ") + ")")
	if err != nil {
		return err
	}
	defer ins.Close()
	for i, f := range l.Features {
		args := make([]any, 0, len(names))
		if l.GeomType != "" {
			var g any
			if f.Geometry != nil {
				if g, err = encodeGeometry(f.Geometry, srs); err != nil {
					return fmt.Errorf("feature %d: %w", i, err)
				}
			}
			args = append(args, g)
		}
		if len(f.Values) != len(l.Fields) {
			return fmt.Errorf("feature %d: %d values for %d fields", i, len(f.Values), len(l.Fields))
		}
		args = append(args, f.Values...)
		if _, err := ins.Exec(args...); err != nil {
			return fmt.Errorf("feature %d: %w", i, err)
		}
	}
	return tx.Commit()
}

func layerBound(l *Layer) *orb.Bound {
	var b *orb.Bound
	for _, f := range l.Features {
		if f.Geometry == nil {
			continue
		}
		fb := f.Geometry.Bound()
		if math.IsNaN(fb.Min[0]) {
			continue
		}
		if b == nil {
			b = &fb
		} else {
			u := b.Union(fb)
			b = &u
		}
	}
	return b
}
