package network

import (
	"math"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

func TestPolygonOfABlock(t *testing.T) {
	// a 200 m square block buffered by 50 m: a rounded square ring with a
	// 100 m square hole
	segs := []Seg{{orb.Point{0, 0}, orb.Point{200, 0}}, {orb.Point{200, 0}, orb.Point{200, 200}},
		{orb.Point{200, 200}, orb.Point{0, 200}}, {orb.Point{0, 200}, orb.Point{0, 0}}}
	c := NewCapsules(segs, 50)
	want := 300*300 - 4*(50*50-math.Pi*2500/4) - 100*100
	if a := c.Area(0.5); math.Abs(a-want) > 1e-4*want {
		t.Fatalf("scanline area %.1f, want %.1f", a, want)
	}
	mp := c.Polygon(2)
	if len(mp) != 1 || len(mp[0]) != 2 {
		t.Fatalf("%d polygons, %d rings; want one with a hole", len(mp), len(mp[0]))
	}
	if a := planar.Area(mp); math.Abs(a-want) > 0.01*want {
		t.Errorf("polygon area %.1f, want %.1f within 1%%", a, want)
	}
	for _, p := range []struct {
		at orb.Point
		in bool
	}{{orb.Point{100, 100}, false}, {orb.Point{-40, 100}, true}, {orb.Point{260, 260}, false}, {orb.Point{100, 45}, true}} {
		if got := planar.MultiPolygonContains(mp, p.at); got != p.in || c.Contains(p.at) != p.in {
			t.Errorf("%v: polygon %v capsules %v, want %v", p.at, got, c.Contains(p.at), p.in)
		}
	}
}

func TestPolygonSeparateParts(t *testing.T) {
	c := NewCapsules([]Seg{{orb.Point{0, 0}, orb.Point{100, 0}}, {orb.Point{0, 500}, orb.Point{0, 600}}}, 20)
	if mp := c.Polygon(5); len(mp) != 2 {
		t.Errorf("%d polygons, want 2", len(mp))
	}
	if !NewCapsules(nil, 50).Empty() || len(NewCapsules(nil, 50).Polygon(5)) != 0 {
		t.Error("empty set")
	}
}
