package network

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// longWaysXML has nodes 1–3 on 23.1°N and, per length, one residential
// way of that many references running back and forth over them.
func longWaysXML(lengths ...int) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<osm version="0.6" generator="test">` + "\n")
	for i := 1; i <= 3; i++ {
		fmt.Fprintf(&b, `<node id="%d" version="1" lat="23.1" lon="%.3f"/>`+"\n", i, 113.25+float64(i)*0.001)
	}
	for w, n := range lengths {
		fmt.Fprintf(&b, `<way id="%d" version="1">`, w+1)
		for k := range n {
			fmt.Fprintf(&b, `<nd ref="%d"/>`, 1+k%3)
		}
		b.WriteString(`<tag k="highway" v="residential"/></way>` + "\n")
	}
	return b.String() + "</osm>\n"
}

// TestPBFWayLimit: a way of MaxWayNodes references is read, one of more
// is skipped and counted, whichever encoder wrote them.
func TestPBFWayLimit(t *testing.T) {
	path := makePBF(t, longWaysXML(MaxWayNodes, MaxWayNodes+1, 5), "pbf")
	lines, st, err := ReadPBF(context.Background(), path, testExtent, nil)
	if err != nil {
		t.Fatal(err)
	}
	if st.WaysTooLong != 1 || st.WaysKept != 2 {
		t.Errorf("stats %+v, want 1 way too long, 2 kept", st)
	}
	pts := 0
	for _, l := range lines {
		pts += len(l)
	}
	if pts != MaxWayNodes+5 {
		t.Errorf("%d points kept, want %d", pts, MaxWayNodes+5)
	}
}

// TestPBFWorkBudget: a small file whose ways, legal one by one, add up to
// far more references than its size can hold is refused.
func TestPBFWorkBudget(t *testing.T) {
	ways := make([]int, 1200)
	for i := range ways {
		ways[i] = MaxWayNodes
	}
	path := makePBF(t, longWaysXML(ways...), "pbf")
	st, _ := os.Stat(path)
	_, _, err := ReadPBF(context.Background(), path, testExtent, nil)
	if !errors.Is(err, ErrTooMuchWork) || !strings.Contains(err.Error(), filepath.Base(path)) {
		t.Errorf("%d KB file of %d references: err %v, want ErrTooMuchWork", st.Size()>>10, len(ways)*MaxWayNodes, err)
	}
}
