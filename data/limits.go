package data

import "fmt"

// Ranges a project or file may hold: the same the Settings dialog and the
// site editor allow. A value outside is refused on loading, naming the
// field, so nothing downstream (coverage, render) meets a radius of 1e9 m
// or 2⁶³−1 classes.
var (
	RadiusRange   = [2]float64{0, 5000} // m
	PerClassRange = [2]float64{1, 80}   // pupils per class
	Per1000Range  = [2]float64{0, 300}  // seats per 1000 residents
	// Site values: a school of more than 200 classes or 20,000 seats, a
	// plot over 5 km², a location known only to 50 km are not real.
	MaxClasses    = 200
	MaxSeats      = 20000
	MaxAreaM2     = 5e6
	MaxPrecisionM = 50000.0
)

// inRange reports v within r (NaN is not).
func inRange(v float64, r [2]float64) bool { return v >= r[0] && v <= r[1] }

// checkSiteRanges is the range part of site validation.
func checkSiteRanges(p *siteProps) (string, error) {
	for _, c := range []struct {
		field  string
		v, max float64
	}{{"classes", float64(p.Classes), float64(MaxClasses)}, {"enrolment", float64(p.Enrolment), float64(MaxSeats)},
		{"seats_override", float64(p.SeatsOverride), float64(MaxSeats)}, {"land_area_m2", p.LandArea, MaxAreaM2},
		{"floor_area_m2", p.FloorArea, MaxAreaM2}} {
		if c.v > c.max {
			return c.field, fmt.Errorf("%w: %g is more than %g", ErrRange, c.v, c.max)
		}
	}
	if p.PrecisionM != nil && *p.PrecisionM > MaxPrecisionM {
		return "precision_m", fmt.Errorf("%w: %g m is more than %g m", ErrRange, *p.PrecisionM, MaxPrecisionM)
	}
	return "", nil
}
