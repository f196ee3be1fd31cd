package network

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/paulmach/orb"
)

// osmXML is a small OSM file: a row of nodes along 23.1°N, one way per
// walkability case, and a way leaving the test extent.
func osmXML(waysFirst bool) string {
	var nodes, ways strings.Builder
	for i := 1; i <= 12; i++ {
		fmt.Fprintf(&nodes, `<node id="%d" version="1" lat="23.1" lon="%.7f"/>`+"\n", i, 113.25+float64(i)*0.001)
	}
	fmt.Fprintf(&nodes, `<node id="100" version="1" lat="23.3" lon="113.26"/>`+"\n")
	way := func(id int, refs []int, tags ...string) {
		fmt.Fprintf(&ways, `<way id="%d" version="1">`, id)
		for _, r := range refs {
			fmt.Fprintf(&ways, `<nd ref="%d"/>`, r)
		}
		for i := 0; i+1 < len(tags); i += 2 {
			fmt.Fprintf(&ways, `<tag k="%s" v="%s"/>`, tags[i], tags[i+1])
		}
		ways.WriteString("</way>\n")
	}
	way(1, []int{1, 2}, "highway", "residential")
	way(2, []int{2, 3}, "highway", "motorway")
	way(3, []int{3, 4}, "highway", "motorway", "foot", "yes")
	way(4, []int{4, 5}, "highway", "footway", "access", "private")
	way(5, []int{5, 6}, "highway", "service", "foot", "no")
	way(6, []int{6, 7}, "building", "yes")
	way(7, []int{7, 8}, "highway", "pedestrian", "access", "no", "foot", "yes")
	way(8, []int{8, 9}, "highway", "steps", "bridge", "yes")
	way(9, []int{9, 10, 100, 11, 12}, "highway", "primary") // leaves the extent at node 100
	body := nodes.String() + ways.String()
	if waysFirst {
		body = ways.String() + nodes.String()
	}
	return `<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<osm version="0.6" generator="test">` + "\n" + body + "</osm>\n"
}

// makePBF encodes the XML with osmium (an independent encoder).
func makePBF(t *testing.T, xml string, format string) string {
	t.Helper()
	needTool(t, "osmium")
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in.osm"), filepath.Join(dir, "out.osm.pbf")
	os.WriteFile(in, []byte(xml), 0o644)
	if b, err := exec.Command("osmium", "cat", in, "-o", out, "-f", format, "--no-progress").CombinedOutput(); err != nil {
		t.Fatalf("osmium: %v\n%s", err, b)
	}
	return out
}

var testExtent = orb.Bound{Min: orb.Point{113.2, 23.0}, Max: orb.Point{113.3, 23.2}}

func TestReadPBFFromOsmium(t *testing.T) {
	for _, tc := range []struct {
		name, format string
		waysFirst    bool
	}{
		{"dense nodes, zlib", "pbf", false},
		{"plain nodes", "pbf,pbf_dense_nodes=false", false},
		{"uncompressed", "pbf,pbf_compression=none", false},
		{"ways before nodes (two passes)", "pbf", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lines, st, err := ReadPBF(context.Background(), makePBF(t, osmXML(tc.waysFirst), tc.format), testExtent, nil)
			if err != nil {
				t.Fatal(err)
			}
			// walkable: 1 (1–2), 3 (3–4), 7 (7–8), 8 (8–9), 9 cut into 9–10 and 11–12
			want := [][2]int{{1, 2}, {3, 4}, {7, 8}, {8, 9}, {9, 10}, {11, 12}}
			if len(lines) != len(want) || st.Sorted == tc.waysFirst {
				t.Fatalf("%d lines %v, stats %+v", len(lines), lines, st)
			}
			for i, w := range want {
				a, b := lines[i][0], lines[i][len(lines[i])-1]
				if !near(a[0], 113.25+float64(w[0])*0.001) || !near(b[0], 113.25+float64(w[1])*0.001) || a[1] != 23.1 {
					t.Errorf("line %d: %v, want nodes %v", i, lines[i], w)
				}
			}
		})
	}
}

func TestReadPBFBadInput(t *testing.T) {
	good := makePBF(t, osmXML(false), "pbf")
	b, _ := os.ReadFile(good)
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, data, 0o644)
		return p
	}
	for _, tc := range []struct {
		name string
		path string
		want error
	}{
		{"truncated", write("cut.osm.pbf", b[:len(b)-20]), ErrTruncated},
		{"not PBF", write("roads.osm.pbf", []byte("<?xml version='1.0'?><osm></osm>")), ErrFormat},
		{"empty", write("empty.osm.pbf", nil), ErrFormat},
		{"no walkable ways in the extent", good, ErrNoLines},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ext := testExtent
			if tc.want == ErrNoLines {
				ext = orb.Bound{Min: orb.Point{0, 0}, Max: orb.Point{1, 1}}
			}
			_, _, err := ReadPBF(context.Background(), tc.path, ext, nil)
			var fe *FileError
			if !errors.Is(err, tc.want) || !errors.As(err, &fe) || !strings.Contains(err.Error(), filepath.Base(tc.path)) {
				t.Errorf("err %v, want %v naming the file", err, tc.want)
			}
		})
	}
}

func TestReadPBFCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, _, err := ReadPBF(ctx, makePBF(t, osmXML(false), "pbf"), testExtent, nil)
	if !errors.Is(err, ErrCanceled) {
		t.Errorf("err %v", err)
	}
}

func TestWalkRules(t *testing.T) {
	for _, tc := range []struct {
		tags []string
		want bool
	}{
		{[]string{"highway", "residential"}, true},
		{[]string{"highway", "trunk_link"}, false},
		{[]string{"highway", "trunk", "foot", "designated"}, true},
		{[]string{"highway", "primary", "access", "private"}, false},
		{[]string{"highway", "primary", "access", "private", "foot", "permissive"}, true},
		{[]string{"highway", "footway", "foot", "no"}, false},
		{[]string{"highway", "cycleway"}, false},
		{[]string{"railway", "rail", "foot", "yes"}, false},
		{[]string{"highway", "path", "tunnel", "yes"}, true},
	} {
		tag := func(k string) string {
			for i := 0; i+1 < len(tc.tags); i += 2 {
				if tc.tags[i] == k {
					return tc.tags[i+1]
				}
			}
			return ""
		}
		if got := Walkable(tag); got != tc.want {
			t.Errorf("%v: %v", tc.tags, got)
		}
	}
}
