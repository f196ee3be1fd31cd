// Package coverage answers the plan's question per subdistrict (街道): how
// many seats are there, how many are needed, and how much of the
// subdistrict's area and population lies within walking distance of a
// school with room. Pure computation: no UI, no files.
//
// Method. Boundaries and sites are projected to an Albers equal-area conic
// on the WGS-84 ellipsoid (standard parallels around the data), so areas
// are ellipsoidal areas. Catchments are circles of the walking radius in
// that projection; within a city its scale differs from 1 by under 0.01%,
// so the circles are the geodesic ones to far under a metre. The share of
// a subdistrict inside the union of catchments is integrated along
// horizontal scanlines (exact interval arithmetic in x, midpoint rule in
// y); for the test shapes the error is under 0.05%. Population is taken as
// uniform within each subdistrict (no finer population layer is known), so
// the population share covered equals the area share.
//
// Floor: features (imports domain and ground).
package coverage

import (
	"math"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
	"github.com/paulmach/orb/project"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/geo"
)

// Levels are the levels analysed; a nine-year school counts in primary and
// junior by its split seats.
var Levels = []data.Level{data.Kindergarten, data.Primary, data.Junior}

// Input is what an analysis needs. Sites of every kind count as supply
// except candidates; existing schools are in service.
type Input struct {
	Subdistricts []data.Subdistrict
	Sites        []data.Site
	Norms        data.Norms
	Year         int
	Shapes       ShapeFunc // catchments other than circles (nil: circles)
}

// Status indices of the per-status counts.
const (
	InService = iota
	Building
	Planned
)

// Row is one subdistrict and level. Values that cannot be computed are
// NaN: demand without population, geometric measures without a boundary.
type Row struct {
	Code, Name  string
	Level       data.Level
	Sites       [3]int // by status: InService, Building, Planned
	Classes     [3]int
	Seats       [3]int
	Population  int
	PopKnown    bool
	HasBoundary bool
	Per1000     float64 // the norm used
	Demand      float64 // seats needed = population × Per1000 / 1000
	SeatsPer1k  float64 // seats in service per 1000 residents
	Gap         float64 // demand − seats in service (> 0: shortage)
	AreaKm2     float64
	AreaCovered float64 // share 0..1 of the area within walking distance
	PopCovered  float64 // share 0..1 of the population (uniform: = area share)
	SFCA        float64 // 2SFCA: seats per seat needed within reach, demand-weighted
	Uncovered   float64 // demand left once each site's seats are used up
	UncovPop    float64 // residents behind that demand
	// Unassigned marks the row of the sites in no subdistrict: it has no
	// population or area to enter.
	Unassigned bool
	// Catchments says which catchments the shares were measured with:
	// "circle" (straight-line radius) or "network" (along the streets).
	Catchments string
}

// TargetRow is the plan's "每个街道至少办一所公办幼儿园" check for one
// subdistrict: the plan's government-funded kindergartens in it, and those
// of them in service in the year.
type TargetRow struct {
	Code, Name string
	Official   bool // one of Liwan's 22; imported extras are not counted

	PublicKG  []string // site IDs, any status
	InService []string // of those, in service in the year
}

// Met reports whether the subdistrict gets at least one from the plan.
func (t TargetRow) Met() bool { return len(t.PublicKG) > 0 }

// MetBy reports whether one is in service in the analysed year.
func (t TargetRow) MetBy() bool { return len(t.InService) > 0 }

// Tally counts the target over Liwan's 22 official subdistricts only:
// how many have a plan kindergarten in service in the year and in the
// plan, the names of those without one, and the imported extras, which
// are listed apart instead of swelling the total ("0/26 街道").
func (r Result) Tally() (inService, planned, total int, missing, extra []string) {
	for _, t := range r.Target {
		if !t.Official {
			extra = append(extra, t.Name)
			continue
		}
		total++
		if t.MetBy() {
			inService++
		}
		if t.Met() {
			planned++
		} else {
			missing = append(missing, t.Name)
		}
	}
	return inService, planned, total, missing, extra
}

// Result is an analysis for one year.
type Result struct {
	Year   int
	Rows   []Row // subdistricts in input order, each with the Levels; then unassigned sites
	Target []TargetRow
	// TargetUnplaced names the plan's government-funded kindergartens
	// counted in no subdistrict (not located, or outside every boundary).
	TargetUnplaced []string
	PopEntered     int // sum of the populations given
	// Uncertain lists the sites whose precision circle reaches into
	// another subdistrict than the one they are counted in (with
	// boundaries only): "可能属于 may belong to …".
	Uncertain []Uncertain
	// CountedIn names, by site ID, the subdistrict each site is counted
	// in (by polygon with boundaries, else by its attribute); a site in
	// none is absent.
	CountedIn map[string]string
}

// Uncertain is a site that may belong to other subdistricts.
type Uncertain struct {
	SiteID, SiteName string
	In               string   // subdistrict counted in, or Unassigned
	MayBe            []string // names of the others its precision circle reaches
}

// Unassigned names the pseudo-subdistrict of sites in none, in the
// current language.
func Unassigned() string { return i18n.T("table.unassigned") }

// Analyse runs the whole analysis. Rows come zone by zone in input order,
// each with the Levels, then the unassigned sites' rows.
func Analyse(in Input) Result {
	res := Result{Year: in.Year}
	a := projector(in)
	zones := make([]*zone, len(in.Subdistricts))
	for i := range in.Subdistricts {
		zones[i] = newZone(&in.Subdistricts[i], a)
	}
	idx := newZoneIndex(zones)
	owner := assignSites(in, zones, idx, a)
	lv := &levels{in: in, zones: zones, bySite: sitesByZone(owner, len(zones)), sups: make([][]*site, len(Levels))}
	for li, l := range Levels {
		lv.sups[li] = supply(in, l, a)
	}
	lv.shares = coveredShares(zones, lv.sups)
	lv.cells = demandCells(zones) // one grid; each level sets its demand
	nl := len(Levels)
	res.Rows = make([]Row, len(zones)*nl)
	for li := range Levels {
		rows, unassigned := lv.rows(li)
		for i := range rows {
			res.Rows[i*nl+li] = rows[i]
		}
		if unassigned.Sites != [3]int{} {
			res.Rows = append(res.Rows, unassigned)
		}
	}
	method := "circle"
	if in.Shapes != nil {
		method = "network"
	}
	for i := range res.Rows {
		res.Rows[i].Catchments = method
	}
	res.Target, res.TargetUnplaced = target(in, zones, owner)
	res.Uncertain = uncertain(in, zones, idx, owner, a)
	res.CountedIn = map[string]string{}
	for si, zi := range owner {
		if zi >= 0 {
			res.CountedIn[in.Sites[si].ID] = zones[zi].sd.Name
		}
	}
	for _, z := range zones {
		if z.sd.PopKnown {
			res.PopEntered += z.sd.Population
		}
	}
	return res
}

// levels holds what every level's rows are computed from.
type levels struct {
	in     Input
	zones  []*zone
	bySite [][]int     // sites per zone; the last list is the unassigned
	sups   [][]*site   // supply per level
	shares [][]float64 // covered share per zone and level
	cells  []*cell
}

// rows computes level li's row of every zone and of the unassigned sites.
func (lv *levels) rows(li int) ([]Row, Row) {
	l := Levels[li]
	per := lv.in.Norms.Per1000[l].Value
	rows := make([]Row, len(lv.zones))
	for i, z := range lv.zones {
		rows[i] = z.baseRow(l, per)
		countSupply(&rows[i], lv.in, l, lv.bySite[i])
		if z.poly != nil {
			rows[i].AreaKm2 = z.area / 1e6
			rows[i].AreaCovered, rows[i].PopCovered = lv.shares[i][li], lv.shares[i][li]
		}
	}
	for _, c := range lv.cells {
		c.demand = c.share * per / 1000
	}
	twoStep(lv.cells, lv.sups[li], lv.zones, rows)
	allocate(lv.cells, lv.sups[li], lv.zones, rows, per)
	unassigned := &zone{sd: &data.Subdistrict{Name: Unassigned()}}
	ur := unassigned.baseRow(l, per)
	ur.Unassigned = true
	countSupply(&ur, lv.in, l, lv.bySite[len(lv.zones)])
	return rows, ur
}

// projector is an Albers projection with standard parallels around the
// data.
func projector(in Input) geo.Albers {
	var b orb.Bound
	first := true
	add := func(p orb.Point) {
		if first {
			b, first = p.Bound(), false
		}
		b = b.Extend(p)
	}
	for _, s := range in.Subdistricts {
		if len(s.Boundary) > 0 {
			sb := s.Boundary.Bound()
			add(sb.Min)
			add(sb.Max)
		}
	}
	for _, s := range in.Sites {
		if s.Located {
			add(s.Location)
		}
	}
	if first {
		return geo.LiwanAlbers
	}
	c := b.Center()
	h := math.Max((b.Max[1]-b.Min[1])/3, 0.05)
	return geo.NewAlbers(c[1]-h, c[1]+h, c[0], c[1])
}

// zone is a subdistrict ready for measuring: its projected boundary.
type zone struct {
	sd   *data.Subdistrict
	poly orb.MultiPolygon // projected metres; nil without a boundary
	bb   orb.Bound
	area float64
	band *band // edges for point tests; see edges
}

func newZone(sd *data.Subdistrict, a geo.Albers) *zone {
	z := &zone{sd: sd}
	if len(sd.Boundary) > 0 {
		z.poly = project.MultiPolygon(sd.Boundary.Clone(), a.Forward)
		z.bb = z.poly.Bound()
		z.area = planar.Area(z.poly)
	}
	return z
}

func (z *zone) baseRow(l data.Level, per float64) Row {
	r := Row{Code: z.sd.Code, Name: z.sd.Name, Level: l, Population: z.sd.Population, PopKnown: z.sd.PopKnown,
		HasBoundary: z.poly != nil, Per1000: per}
	nan := math.NaN()
	r.Demand, r.SeatsPer1k, r.Gap = nan, nan, nan
	r.AreaKm2, r.AreaCovered, r.PopCovered, r.SFCA, r.Uncovered, r.UncovPop = nan, nan, nan, nan, nan, nan
	if r.PopKnown {
		r.Demand = float64(r.Population) * per / 1000
	}
	return r
}

// countSupply fills the per-status counts from the zone's sites.
func countSupply(r *Row, in Input, l data.Level, sites []int) {
	for _, si := range sites {
		s := &in.Sites[si]
		if s.Kind == data.KindCandidate {
			continue
		}
		seats := in.Norms.SeatsOf(s)[l]
		if seats == 0 && !(s.Level == l || (s.Level == data.NineYear && (l == data.Primary || l == data.Junior))) {
			continue
		}
		st := statusIndex(s, in.Year)
		r.Sites[st]++
		r.Seats[st] += seats
		r.Classes[st] += classesFor(s, l, in.Norms)
	}
	if r.PopKnown && r.Population > 0 {
		r.SeatsPer1k = float64(r.Seats[InService]) / float64(r.Population) * 1000
		r.Gap = r.Demand - float64(r.Seats[InService])
	}
}

func classesFor(s *data.Site, l data.Level, n data.Norms) int {
	if s.Level != data.NineYear {
		return s.Classes
	}
	p := int(float64(s.Classes)*n.NineYearPrimaryShare + 0.5)
	if l == data.Primary {
		return p
	}
	return s.Classes - p
}

func statusIndex(s *data.Site, year int) int {
	st, _ := data.StatusAt(s, year)
	switch st {
	case data.InService:
		return InService
	case data.UnderConstruction:
		return Building
	}
	return Planned
}

// target lists each subdistrict's government-funded plan kindergartens,
// and names those counted in none.
func target(in Input, zones []*zone, owner []int) (out []TargetRow, unplaced []string) {
	out = make([]TargetRow, len(zones))
	for i, z := range zones {
		out[i] = TargetRow{Code: z.sd.Code, Name: z.sd.Name, Official: data.IsOfficialSubdistrict(*z.sd)}
	}
	for si := range in.Sites {
		s := &in.Sites[si]
		if s.Kind != data.KindPlan || s.Level != data.Kindergarten || !s.GovFunded {
			continue
		}
		if owner[si] < 0 {
			unplaced = append(unplaced, s.DisplayName())
			continue
		}
		t := &out[owner[si]]
		t.PublicKG = append(t.PublicKG, s.ID)
		if statusIndex(s, in.Year) == InService {
			t.InService = append(t.InService, s.ID)
		}
	}
	return out, unplaced
}
