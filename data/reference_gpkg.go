package data

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode"

	"github.com/liwan-edu/schoolmap/data/gpkg"
)

// refEntry is how a reference layer is listed in the settings table: its
// feature table, name, origin, visibility and style, in drawing order.
type refEntry struct {
	Table   string   `json:"table"`
	Name    string   `json:"name"`
	Source  string   `json:"source,omitempty"`
	Visible bool     `json:"visible"`
	Style   RefStyle `json:"style"`
}

// referenceTables turns the reference layers into ordinary feature tables
// (QGIS opens them).
func (p *Project) referenceTables() []*gpkg.Layer {
	var layers []*gpkg.Layer
	for i, r := range p.References {
		l := &gpkg.Layer{Name: refTable(i, r), Description: r.Name, GeomType: "GEOMETRY", SRSID: 4326}
		for _, f := range r.Fields {
			l.Fields = append(l.Fields, gpkg.Field{Name: f, Type: gpkg.Text})
		}
		for _, f := range r.Features {
			vals := make([]any, len(r.Fields))
			for j, name := range r.Fields {
				if v, ok := f.Props[name]; ok {
					vals[j] = v
				}
			}
			l.Features = append(l.Features, gpkg.Feature{Geometry: f.Geometry, Values: vals})
		}
		layers = append(layers, l)
	}
	return layers
}

// tableName keeps letters and digits (Chinese too) of a layer name.
func tableName(s string) string {
	out := strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return '_'
	}, s)
	if len([]rune(out)) > 40 {
		out = string([]rune(out)[:40])
	}
	return out
}

// readReferences restores the layers listed in the settings entry v.
func (p *Project) readReferences(f *gpkg.File, v string) error {
	if v == "" {
		return nil
	}
	var list []refEntry
	if err := json.Unmarshal([]byte(v), &list); err != nil {
		return fmt.Errorf("%w: settings reference_layers: %v", ErrSyntax, err)
	}
	for _, e := range list {
		l, err := f.Layer(e.Table)
		if err != nil {
			return fmt.Errorf("reference layer %s: %w", e.Name, err)
		}
		r := &ReferenceLayer{Name: e.Name, Source: e.Source, Visible: e.Visible, Style: e.Style}
		for _, fd := range l.Fields {
			r.Fields = append(r.Fields, fd.Name)
		}
		for _, ft := range l.Features {
			props := map[string]string{}
			for j, val := range ft.Values {
				if val != nil && j < len(r.Fields) {
					props[r.Fields[j]] = fmt.Sprint(val)
				}
			}
			r.Features = append(r.Features, RefFeature{Geometry: ft.Geometry, Props: props})
		}
		p.References = append(p.References, r)
	}
	return nil
}

// referenceJSON is the settings entry listing the reference layers.
func (p *Project) referenceJSON() string {
	if len(p.References) == 0 {
		return ""
	}
	var list []refEntry
	for i, r := range p.References {
		list = append(list, refEntry{Table: refTable(i, r), Name: r.Name, Source: r.Source, Visible: r.Visible, Style: r.Style})
	}
	b, _ := json.Marshal(list)
	return string(b)
}

func refTable(i int, r *ReferenceLayer) string {
	return fmt.Sprintf("ref_%02d_%s", i+1, tableName(r.Name))
}
