package data

// The project's subdistrict and settings layers: how subdistricts, norms,
// the view and the other settings are kept in the GeoPackage.

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/liwan-edu/schoolmap/data/gpkg"
	"github.com/paulmach/orb"
)

func subdistrictLayer(subs []Subdistrict) *gpkg.Layer {
	l := &gpkg.Layer{Name: layerSubdistricts, Description: "街道 subdistricts (boundaries and population as imported)",
		GeomType: "MULTIPOLYGON", Fields: []gpkg.Field{{Name: "code", Type: gpkg.Text}, {Name: "name", Type: gpkg.Text},
			{Name: "population", Type: gpkg.Integer}, {Name: "source", Type: gpkg.Text}}}
	for _, s := range subs {
		var pop any
		if s.PopKnown {
			pop = int64(s.Population)
		}
		ft := gpkg.Feature{Values: []any{s.Code, s.Name, pop, s.Source}}
		if len(s.Boundary) > 0 {
			ft.Geometry = s.Boundary
		}
		l.Features = append(l.Features, ft)
	}
	return l
}

func subdistrictsFromLayer(l *gpkg.Layer) ([]Subdistrict, error) {
	idx := map[string]int{}
	for _, f := range []string{"code", "name", "population", "source"} {
		if idx[f] = l.Field(f); idx[f] < 0 {
			return nil, fmt.Errorf("%w: field %s", ErrMissing, f)
		}
	}
	var out []Subdistrict
	for i, ft := range l.Features {
		s := Subdistrict{}
		s.Code, _ = ft.Values[idx["code"]].(string)
		s.Name, _ = ft.Values[idx["name"]].(string)
		s.Source, _ = ft.Values[idx["source"]].(string)
		if p, ok := ft.Values[idx["population"]].(int64); ok {
			if p < 0 {
				return nil, &FeatureError{Index: i, Field: "population", Err: ErrNegative}
			}
			s.Population, s.PopKnown = int(p), true
		}
		switch g := ft.Geometry.(type) {
		case nil:
		case orb.MultiPolygon:
			s.Boundary = g
		case orb.Polygon:
			s.Boundary = orb.MultiPolygon{g}
		default:
			return nil, &FeatureError{Index: i, Field: "geom", Err: ErrGeometry}
		}
		out = append(out, s)
	}
	return out, nil
}

// normsJSON is how norms are kept in the settings table.
type normsJSON struct {
	RadiusM              map[string]Norm `json:"radius_m"`
	PerClass             map[string]Norm `json:"per_class"`
	Per1000              map[string]Norm `json:"seats_per_1000,omitempty"`
	NineYearPrimaryShare float64         `json:"nine_year_primary_share"`
}

func (p *Project) settingsLayer() (*gpkg.Layer, error) {
	nj := normsJSON{RadiusM: map[string]Norm{}, PerClass: map[string]Norm{}, Per1000: map[string]Norm{}, NineYearPrimaryShare: p.Norms.NineYearPrimaryShare}
	for l, v := range p.Norms.Per1000 {
		nj.Per1000[l.String()] = v
	}
	for l, v := range p.Norms.RadiusM {
		nj.RadiusM[l.String()] = v
	}
	for l, v := range p.Norms.PerClass {
		nj.PerClass[l.String()] = v
	}
	norms, err := json.Marshal(nj)
	if err != nil {
		return nil, err
	}
	view, _ := json.Marshal(p.View)
	l := &gpkg.Layer{Name: layerSettings, Description: "app settings: norms and view",
		Fields: []gpkg.Field{{Name: "key", Type: gpkg.Text}, {Name: "value", Type: gpkg.Text}}}
	for _, kv := range [][2]string{{"format", projectFormat}, {"version", projectVersion}, {"norms", string(norms)},
		{"view", string(view)}, {"basemap", p.basemapJSON()}, {"reference_layers", p.referenceJSON()}, {"network", p.networkJSON()}, {"origin", p.Origin}, {"saved_at", time.Now().UTC().Format(time.RFC3339)}} {
		l.Features = append(l.Features, gpkg.Feature{Values: []any{kv[0], kv[1]}})
	}
	return l, nil
}

func (p *Project) readSettings(kv map[string]string) error {
	var nj normsJSON
	if err := json.Unmarshal([]byte(kv["norms"]), &nj); err != nil {
		return fmt.Errorf("%w: settings norms: %v", ErrSyntax, err)
	}
	for _, m := range []struct {
		field string
		in    map[string]Norm
		out   map[Level]Norm
		r     [2]float64
	}{{"radius_m", nj.RadiusM, p.Norms.RadiusM, RadiusRange}, {"per_class", nj.PerClass, p.Norms.PerClass, PerClassRange},
		{"seats_per_1000", nj.Per1000, p.Norms.Per1000, Per1000Range}} {
		for code, v := range m.in {
			l, err := ParseLevel(code)
			if err != nil || !(inRange(v.Value, m.r) || v.Value == 0) { // 0: no norm for the level
				return fmt.Errorf("settings norms %s %q = %g: %w (allowed %g–%g)", m.field, code, v.Value, ErrRange, m.r[0], m.r[1])
			}
			m.out[l] = v
		}
	}
	if !inRange(nj.NineYearPrimaryShare, [2]float64{0, 1}) {
		return fmt.Errorf("settings nine-year share %g: %w", nj.NineYearPrimaryShare, ErrRange)
	}
	p.Norms.NineYearPrimaryShare = nj.NineYearPrimaryShare
	p.readBasemap(kv["basemap"])
	p.readNetwork(kv["network"])
	if v := kv["view"]; v != "" {
		if err := json.Unmarshal([]byte(v), &p.View); err != nil {
			return fmt.Errorf("%w: settings view: %v", ErrSyntax, err)
		}
	}
	return nil
}
