package data

import "encoding/json"

// BasemapChoice is the basemap a project was last shown on: a name (osm,
// tianditu-vec, tianditu-img, amap, none), a file or folder path, or a URL
// template, with the datum of files and templates. It never holds a key.
type BasemapChoice struct {
	Value string `json:"value"`
	Datum string `json:"datum,omitempty"`
}

func (p *Project) basemapJSON() string {
	if p.Basemap == (BasemapChoice{}) {
		return ""
	}
	b, _ := json.Marshal(p.Basemap)
	return string(b)
}

// readBasemap keeps the saved choice; an unreadable one is dropped (the
// map then shows the default basemap, nothing else is lost).
func (p *Project) readBasemap(v string) {
	if v != "" {
		json.Unmarshal([]byte(v), &p.Basemap)
	}
}
