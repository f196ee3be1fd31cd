package network

import (
	"math"

	"github.com/paulmach/orb"
)

// merger turns coordinates into node indices, merging equal coordinates
// (keyed at 1e-7°, about 1 cm) or, with a tolerance, any vertex within
// tol metres of an existing node (first come, first kept).
type merger struct {
	g     *Graph
	tol   float64
	exact map[[2]int64]int32
	cells map[[2]int64][]int32
}

func newMerger(g *Graph, tol float64) *merger {
	return &merger{g: g, tol: tol, exact: map[[2]int64]int32{}, cells: map[[2]int64][]int32{}}
}

func (m *merger) node(p orb.Point) int32 {
	k := [2]int64{int64(math.Round(p[0] * 1e7)), int64(math.Round(p[1] * 1e7))}
	if n, ok := m.exact[k]; ok {
		return n
	}
	xy := m.g.Proj.Forward(p)
	if m.tol > 0 {
		if n := m.near(xy); n >= 0 {
			m.exact[k] = n
			return n
		}
	}
	n := int32(len(m.g.Nodes))
	m.g.Nodes = append(m.g.Nodes, p)
	m.g.xy = append(m.g.xy, xy)
	m.exact[k] = n
	if m.tol > 0 {
		c := m.cell(xy)
		m.cells[c] = append(m.cells[c], n)
	}
	return n
}

func (m *merger) cell(xy orb.Point) [2]int64 {
	return [2]int64{int64(math.Floor(xy[0] / m.tol)), int64(math.Floor(xy[1] / m.tol))}
}

// near is the closest node within tol of xy, or -1.
func (m *merger) near(xy orb.Point) int32 {
	c := m.cell(xy)
	best, bestD := int32(-1), m.tol*m.tol
	for dx := int64(-1); dx <= 1; dx++ {
		for dy := int64(-1); dy <= 1; dy++ {
			for _, n := range m.cells[[2]int64{c[0] + dx, c[1] + dy}] {
				q := m.g.xy[n]
				if d := (q[0]-xy[0])*(q[0]-xy[0]) + (q[1]-xy[1])*(q[1]-xy[1]); d <= bestD {
					best, bestD = n, d
				}
			}
		}
	}
	return best
}
