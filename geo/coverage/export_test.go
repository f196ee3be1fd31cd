package coverage

// The network test is an external test package (geo/network imports this
// package); it reaches the table-test helpers through these names.
var (
	Fx     = fx
	KG     = kg
	ZoneOf = zoneOf
	Rect   = rect
	Norms  = norms
	RowOf  = row
)
