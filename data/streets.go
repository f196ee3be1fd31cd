package data

import (
	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/data/gpkg"
)

// layerStreets is the project layer of the walkable street network.
const layerStreets = "street_network"

// streetLayers is the street network as a LINESTRING layer (none when
// the project has no network), with each line's source for QGIS users.
func streetLayers(lines []orb.LineString, source string) []*gpkg.Layer {
	if len(lines) == 0 {
		return nil
	}
	l := &gpkg.Layer{Name: layerStreets, GeomType: "LINESTRING",
		Description: "步行路网 walkable street network (WGS-84)", Fields: []gpkg.Field{{Name: "source", Type: gpkg.Text}}}
	l.Features = make([]gpkg.Feature, len(lines))
	for i, ls := range lines {
		l.Features[i] = gpkg.Feature{Geometry: ls, Values: []any{source}}
	}
	return []*gpkg.Layer{l}
}

// streetsFromFile reads the network layer back (nil when absent), and
// the source it was imported from.
func streetsFromFile(f *gpkg.File) ([]orb.LineString, string) {
	l, err := f.Layer(layerStreets)
	if err != nil {
		return nil, ""
	}
	var out []orb.LineString
	src := ""
	for _, ft := range l.Features {
		if ls, ok := ft.Geometry.(orb.LineString); ok && len(ls) >= 2 {
			out = append(out, ls)
		}
		if len(ft.Values) > 0 && src == "" {
			src, _ = ft.Values[0].(string)
		}
	}
	return out, src
}
