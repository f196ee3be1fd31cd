package network

// WalkRule is one row of the walkability table: a way whose tag Key has
// Value is walkable when Walk is true.
type WalkRule struct {
	Key, Value string
	Walk       bool
}

// WalkRules decide whether an OpenStreetMap way is walkable: the first
// rule whose key and value match wins, and a way matching none is not
// walkable. Only ways whose highway value appears in the table are
// considered at all. Bridges and tunnels are ordinary ways. foot=* wins
// over access=*, as OSM's access tagging intends (a pedestrian street is
// often access=no with foot=yes); motorways and trunk roads (and their
// links) are walkable only with an explicit foot=yes|designated|permissive.
var WalkRules = []WalkRule{
	{"foot", "no", false},
	{"foot", "use_sidepath", false},
	{"foot", "yes", true},
	{"foot", "designated", true},
	{"foot", "permissive", true},
	{"access", "no", false},
	{"access", "private", false},
	{"highway", "footway", true},
	{"highway", "path", true},
	{"highway", "pedestrian", true},
	{"highway", "steps", true},
	{"highway", "living_street", true},
	{"highway", "residential", true},
	{"highway", "service", true},
	{"highway", "unclassified", true},
	{"highway", "tertiary", true},
	{"highway", "tertiary_link", true},
	{"highway", "secondary", true},
	{"highway", "secondary_link", true},
	{"highway", "primary", true},
	{"highway", "primary_link", true},
	{"highway", "motorway", false},
	{"highway", "motorway_link", false},
	{"highway", "trunk", false},
	{"highway", "trunk_link", false},
}

// highwayKnown holds the highway values of the table.
var highwayKnown = func() map[string]bool {
	m := map[string]bool{}
	for _, r := range WalkRules {
		if r.Key == "highway" {
			m[r.Value] = true
		}
	}
	return m
}()

// Walkable applies WalkRules to a way's tags (tag returns "" for an
// absent key).
func Walkable(tag func(key string) string) bool {
	if !highwayKnown[tag("highway")] {
		return false
	}
	for _, r := range WalkRules {
		if tag(r.Key) == r.Value {
			return r.Walk
		}
	}
	return false
}
