package data

import (
	"bytes"
	"encoding/json"
)

// MarshalSites (test helper) writes sites as an RFC 7946 FeatureCollection, one feature
// per line, that ParseSites reads back unchanged.
func MarshalSites(sites []Site) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(`{"type":"FeatureCollection","features":[`)
	for i := range sites {
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.WriteString("\n")
		b, err := json.Marshal(sites[i].feature())
		if err != nil {
			return nil, err
		}
		buf.Write(b)
	}
	buf.WriteString("\n]}\n")
	return buf.Bytes(), nil
}
