package network

import "math"

// Source starts a search at Node with distance D already walked.
type Source struct {
	Node int32
	D    float64
}

// Search runs Dijkstra searches on one graph, reusing its arrays: only
// the nodes a search touched are reset before the next one. Not safe for
// concurrent use; make one per goroutine.
type Search struct {
	g       *Graph
	Dist    []float64 // metres from the nearest source; +Inf unreached
	touched []int32
	heap    []item
	edgeGen []uint32 // per edge, the run that last visited it
	gen     uint32
}

type item struct {
	d float64
	n int32
}

// NewSearch prepares a search on g.
func (g *Graph) NewSearch() *Search {
	s := &Search{g: g, Dist: make([]float64, len(g.Nodes)), edgeGen: make([]uint32, len(g.EU))}
	for i := range s.Dist {
		s.Dist[i] = math.Inf(1)
	}
	return s
}

// Run finds the exact network distance from the nearest source to every
// node closer than limit (nodes farther stay +Inf or hold a value ≥ limit).
func (s *Search) Run(srcs []Source, limit float64) {
	for _, n := range s.touched {
		s.Dist[n] = math.Inf(1)
	}
	s.touched, s.heap = s.touched[:0], s.heap[:0]
	s.gen++
	for _, src := range srcs {
		s.relax(src.Node, src.D, limit)
	}
	g := s.g
	for len(s.heap) > 0 {
		it := s.pop()
		if it.d > s.Dist[it.n] {
			continue
		}
		for _, e := range g.adj[g.start[it.n]:g.start[it.n+1]] {
			s.relax(g.other(e, it.n), it.d+g.ELen[e], limit)
		}
	}
}

func (s *Search) relax(n int32, d, limit float64) {
	if d >= limit || d >= s.Dist[n] {
		return
	}
	if math.IsInf(s.Dist[n], 1) {
		s.touched = append(s.touched, n)
	}
	s.Dist[n] = d
	s.push(item{d, n})
}

// Touched lists the nodes the last run reached.
func (s *Search) Touched() []int32 { return s.touched }

func (s *Search) push(it item) {
	h := append(s.heap, it)
	i := len(h) - 1
	for i > 0 {
		p := (i - 1) / 2
		if h[p].d <= it.d {
			break
		}
		h[i] = h[p]
		i = p
	}
	h[i] = it
	s.heap = h
}

func (s *Search) pop() item {
	h := s.heap
	top := h[0]
	last := h[len(h)-1]
	h = h[:len(h)-1]
	i, n := 0, len(h)
	for n > 0 {
		c := 2*i + 1
		if c >= n {
			break
		}
		if c+1 < n && h[c+1].d < h[c].d {
			c++
		}
		if last.d <= h[c].d {
			break
		}
		h[i] = h[c]
		i = c
	}
	if n > 0 {
		h[i] = last
	}
	s.heap = h
	return top
}

// Sources are the two ends of the snapped edge, reached from the site by
// its snap distance plus the walk along the edge.
func (g *Graph) Sources(sn Snap) []Source {
	if !sn.OK {
		return nil
	}
	l := g.ELen[sn.Edge]
	return []Source{{g.EU[sn.Edge], sn.Dist + sn.T*l}, {g.EV[sn.Edge], sn.Dist + (1-sn.T)*l}}
}
