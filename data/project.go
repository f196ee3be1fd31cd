package data

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/data/gpkg"
)

// View is the map view kept with a project.
type View struct {
	Center orb.Point `json:"center"`
	Zoom   int       `json:"zoom"`
	Year   int       `json:"year"`
}

// Project is everything a planner saves: the sites with their edits
// (plan projects, candidate sites, existing schools), the subdistricts with
// populations and boundaries, the norms and the view.
type Project struct {
	Sites        []Site
	Subdistricts []Subdistrict
	Norms        Norms
	View         View
	Basemap      BasemapChoice // never a key
	References   []*ReferenceLayer
	// Origin is the project file an autosaved recovery copy belongs to.
	Origin string
	// Notes say what opening changed in a file edited elsewhere (QGIS): a
	// feature without an id given one, a seats value kept as an override.
	// The app lists them with the project's changes.
	Notes []string
	// Streets is the walkable street network (WGS-84) and the file it came from.
	Streets       []orb.LineString
	StreetsSource string
	Network       NetworkSettings // catchment kind, buffer, walking speed, cell size
}

// ErrNotProject is returned for a GeoPackage that is not a project of this
// app (its layers can still be imported).
var ErrNotProject = errors.New("data: not a Liwan school-map project")

// Layer and setting names of the project GeoPackage.
const (
	layerSites        = "plan_sites"
	layerExisting     = "existing_schools"
	layerSubdistricts = "subdistricts"
	layerSettings     = "liwan_settings"
	projectFormat     = "liwan-schoolmap-project"
	projectVersion    = "1"
)

// SaveProject writes p as a GeoPackage (atomically: temporary file, sync,
// rename). Plan projects and candidates go to one layer, existing schools
// to another, so each opens in QGIS as its own layer.
func SaveProject(path string, p *Project) error {
	var plan, existing []Site
	for _, s := range p.Sites {
		if s.Kind == KindExisting {
			existing = append(existing, s)
		} else {
			plan = append(plan, s)
		}
	}
	settings, err := p.settingsLayer()
	if err != nil {
		return err
	}
	layers := []*gpkg.Layer{
		siteLayer(layerSites, "荔湾区“十四五”规划项目及候选用地 plan projects and candidate sites", plan, p.Norms),
		siteLayer(layerExisting, "现有学校 existing schools", existing, p.Norms),
		subdistrictLayer(p.Subdistricts),
		settings,
	}
	layers = append(layers, p.referenceTables()...)
	layers = append(layers, sitePlotLayer(layerSitePlots, p.Sites))
	return gpkg.Write(path, append(layers, streetLayers(p.Streets, p.StreetsSource)...))
}

// OpenProject reads a project saved by SaveProject. A damaged file, a
// foreign GeoPackage or invalid records give an error naming the layer,
// feature and field; nothing is half-loaded.
func OpenProject(path string) (*Project, error) {
	f, err := gpkg.Read(path)
	if err != nil {
		return nil, err
	}
	set, err := f.Layer(layerSettings)
	if err != nil {
		return nil, fmt.Errorf("%w: %s has no %s table", ErrNotProject, path, layerSettings)
	}
	kv := map[string]string{}
	for _, ft := range set.Features {
		if len(ft.Values) == 2 {
			k, _ := ft.Values[0].(string)
			v, _ := ft.Values[1].(string)
			kv[k] = v
		}
	}
	if kv["format"] != projectFormat {
		return nil, fmt.Errorf("%w: %s", ErrNotProject, path)
	}
	if kv["version"] != projectVersion {
		return nil, fmt.Errorf("%w: %s is project format version %q; this app reads version %s", ErrNotProject, path, kv["version"], projectVersion)
	}
	p := &Project{Norms: DefaultNorms(), Origin: kv["origin"]}
	if err := p.readSettings(kv); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	ids := newIDsFor(f)
	for _, name := range []string{layerSites, layerExisting} {
		l, err := f.Layer(name)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		sites, err := p.sitesFromLayer(l, ids)
		if err != nil {
			return nil, fmt.Errorf("%s: layer %s: %w", path, name, err)
		}
		p.Sites = append(p.Sites, sites...)
	}
	readSitePlots(f, p.Sites)
	if err := p.readReferences(f, kv["reference_layers"]); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if err := uniqueIDs(p.Sites); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	l, err := f.Layer(layerSubdistricts)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if p.Subdistricts, err = subdistrictsFromLayer(l); err != nil {
		return nil, fmt.Errorf("%s: layer %s: %w", path, layerSubdistricts, err)
	}
	p.Subdistricts = CanonicalSubdistricts(p.Subdistricts)
	p.Streets, p.StreetsSource = streetsFromFile(f)
	return p, nil
}

func uniqueIDs(sites []Site) error {
	seen := map[string]bool{}
	for i, s := range sites {
		if seen[s.ID] {
			return &FeatureError{Index: i, ID: s.ID, Field: "id", Err: ErrDuplicateID}
		}
		seen[s.ID] = true
	}
	return nil
}

// propColumns lists the columns of a site table: the GeoJSON property
// schema, so both formats carry the same fields under the same names.
var propColumns = func() []gpkg.Field {
	t := reflect.TypeOf(siteProps{})
	var out []gpkg.Field
	for i := 0; i < t.NumField(); i++ {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		typ := t.Field(i).Type
		if typ.Kind() == reflect.Pointer {
			typ = typ.Elem()
		}
		ft := gpkg.Text
		switch typ.Kind() {
		case reflect.Int, reflect.Bool:
			ft = gpkg.Integer
		case reflect.Float64:
			ft = gpkg.Real
		}
		out = append(out, gpkg.Field{Name: name, Type: ft})
	}
	return out
}()

// Derived columns, written for readers such as QGIS, ignored on reading.
var derivedColumns = []gpkg.Field{{Name: "seats", Type: gpkg.Integer}, {Name: "level_zh", Type: gpkg.Text}}

func siteLayer(name, desc string, sites []Site, n Norms) *gpkg.Layer {
	l := &gpkg.Layer{Name: name, Description: desc, GeomType: "POINT", Fields: append(append([]gpkg.Field{}, propColumns...), derivedColumns...)}
	for i := range sites {
		s := &sites[i]
		f := s.feature()
		b, _ := json.Marshal(f.Properties)
		var m map[string]any
		json.Unmarshal(b, &m)
		vals := make([]any, 0, len(l.Fields))
		for _, c := range propColumns {
			vals = append(vals, sqlValue(m[c.Name], c.Type))
		}
		vals = append(vals, known(n.SeatsOf(s).Total()), s.Level.Label()) // unknown seats NULL, not 0
		ft := gpkg.Feature{Values: vals}
		if s.Located {
			ft.Geometry = s.Location
		}
		l.Features = append(l.Features, ft)
	}
	return l
}

// sqlValue turns a JSON value into the column's SQLite value.
func sqlValue(v any, t gpkg.FieldType) any {
	switch v := v.(type) {
	case nil:
		return nil
	case bool:
		if v {
			return int64(1)
		}
		return int64(0)
	case float64:
		if t == gpkg.Integer {
			return int64(v)
		}
		return v
	}
	return v
}

// newIDsFor returns a generator of ids unused in both site layers, for
// features added in QGIS without one.
func newIDsFor(f *gpkg.File) func() string {
	var used []Site
	for _, name := range []string{layerSites, layerExisting} {
		if l, err := f.Layer(name); err == nil {
			if k := l.Field("id"); k >= 0 {
				for _, ft := range l.Features {
					if id, ok := ft.Values[k].(string); ok {
						used = append(used, Site{ID: id})
					}
				}
			}
		}
	}
	return NewIDs(used, "QG")
}

func (p *Project) sitesFromLayer(l *gpkg.Layer, newID func() string) ([]Site, error) {
	var out []Site
	for i, ft := range l.Features {
		props := layerProps(l, ft)
		if id, _ := props["id"].(string); id == "" {
			props["id"] = newID()
			p.Notes = append(p.Notes, fmt.Sprintf("layer %s, feature %d: no id (added in another program); given id %s", l.Name, i+1, props["id"]))
		}
		var geom json.RawMessage = []byte("null")
		if pt, ok := ft.Geometry.(orb.Point); ok {
			geom, _ = json.Marshal(map[string]any{"type": "Point", "coordinates": []float64{pt[0], pt[1]}})
		} else if ft.Geometry != nil {
			return nil, &FeatureError{Index: i, Field: "geom", Err: ErrGeometry}
		}
		pb, _ := json.Marshal(props)
		raw, _ := json.Marshal(rawFeature{Type: "Feature", Geometry: geom, Properties: pb})
		s, err := parseFeature(raw)
		if err != nil {
			var fe *FeatureError
			if errors.As(err, &fe) {
				fe.Index = i
			}
			return nil, err
		}
		p.keepEditedSeats(&s, props["seats"], l.Name, i)
		out = append(out, s)
	}
	return out, nil
}

func layerProps(l *gpkg.Layer, ft gpkg.Feature) map[string]any {
	props := map[string]any{}
	for k, f := range l.Fields {
		if k >= len(ft.Values) || ft.Values[k] == nil {
			continue
		}
		v := ft.Values[k]
		if f.Name == "gov_funded" {
			v = v == int64(1)
		}
		props[f.Name] = v
	}
	return props
}

// keepEditedSeats keeps a seats value changed in another program (the
// column is derived on saving) as the site's seats override.
func (p *Project) keepEditedSeats(s *Site, v any, layer string, i int) {
	seats, ok := v.(int64)
	if !ok || s.SeatsOverride != 0 || seats == int64(p.Norms.SeatsOf(s).Total()) || seats <= 0 || seats > int64(MaxSeats) {
		return
	}
	s.SeatsOverride = int(seats)
	p.Notes = append(p.Notes, fmt.Sprintf("layer %s, feature %d (%s): seats %d edited outside the app, kept as a seats override", layer, i+1, s.Name, seats))
}
