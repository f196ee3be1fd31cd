package data

import "encoding/json"

// NetworkSettings are the planner's choices for walking catchments and
// the accessibility map, kept in the project's settings table (key
// "network") like the norms.
type NetworkSettings struct {
	// Catchments is "circle" (straight-line radius) or "network".
	Catchments string  `json:"catchments"`
	LateralM   float64 `json:"lateral_m"` // buffer around reachable streets
	SpeedKmh   float64 `json:"walk_speed_kmh"`
	CellM      float64 `json:"access_cell_m"` // accessibility map cell size
}

// Allowed ranges of the network settings.
var (
	LateralRange = [2]float64{10, 200}
	SpeedRange   = [2]float64{2, 7}
	CellRange    = [2]float64{5, 200}
)

// DefaultNetworkSettings: circles, 50 m buffer, 4 km/h, 25 m cells.
func DefaultNetworkSettings() NetworkSettings {
	return NetworkSettings{Catchments: "circle", LateralM: 50, SpeedKmh: 4, CellM: 25}
}

// Clean replaces each missing or out-of-range value by its default.
func (n NetworkSettings) Clean() NetworkSettings {
	d := DefaultNetworkSettings()
	if n.Catchments != "network" {
		n.Catchments = d.Catchments
	}
	if !inRange(n.LateralM, LateralRange) {
		n.LateralM = d.LateralM
	}
	if !inRange(n.SpeedKmh, SpeedRange) {
		n.SpeedKmh = d.SpeedKmh
	}
	if !inRange(n.CellM, CellRange) {
		n.CellM = d.CellM
	}
	return n
}

func (p *Project) networkJSON() string {
	b, _ := json.Marshal(p.Network.Clean())
	return string(b)
}

// readNetwork keeps the saved settings; missing or unreadable values
// fall back to the defaults (nothing else of the project is lost).
func (p *Project) readNetwork(v string) {
	var n NetworkSettings
	if v != "" {
		json.Unmarshal([]byte(v), &n)
	}
	p.Network = n.Clean()
}
