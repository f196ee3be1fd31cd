package network

import (
	"bufio"
	"context"
	"math/rand/v2"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/paulmach/orb"
)

// TestBigPBF measures reading a large synthetic extract. It runs only
// with NETWORK_BIG_PBF=path (the file is made with osmium when missing,
// NETWORK_BIG_NODES nodes, default 30,000,000): ways are random walks of
// 8 nodes 30–70 m apart spread over Guangdong, with highway tags.
func TestBigPBF(t *testing.T) {
	path := os.Getenv("NETWORK_BIG_PBF")
	if path == "" {
		t.Skip("set NETWORK_BIG_PBF=/path/big.osm.pbf")
	}
	if _, err := os.Stat(path); err != nil {
		n, _ := strconv.Atoi(os.Getenv("NETWORK_BIG_NODES"))
		writeBigPBF(t, path, max(n, 8))
	}
	st, _ := os.Stat(path)
	liwan := orb.Bound{Min: orb.Point{113.14, 23.02}, Max: orb.Point{113.30, 23.16}} // Liwan plus ~2 km
	start, cpu0 := time.Now(), cpuNow()
	lines, stats, err := ReadPBF(context.Background(), path, liwan, nil)
	if err != nil {
		t.Fatal(err)
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	t.Logf("%d MB read in %v (cpu %v): %+v, %d lines, heap sys %d MB", st.Size()>>20, time.Since(start), cpuNow()-cpu0, stats, len(lines), ms.HeapSys>>20)
}

func writeBigPBF(t *testing.T, path string, nodes int) {
	cmd := exec.Command("osmium", "cat", "-", "-F", "osm", "-o", path, "--no-progress")
	in, _ := cmd.StdinPipe()
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriterSize(in, 1<<20)
	w.WriteString("<?xml version='1.0' encoding='UTF-8'?>\n<osm version=\"0.6\" generator=\"bigpbf\">\n")
	rng := rand.New(rand.NewPCG(5, 6))
	var lon, lat float64
	for i := 0; i < nodes; i++ {
		if i%8 == 0 {
			lon, lat = 109.6+rng.Float64()*7.7, 20.2+rng.Float64()*5.1
			if i%800 == 0 { // one way in a hundred starts in Liwan
				lon, lat = 113.16+rng.Float64()*0.12, 23.04+rng.Float64()*0.1
			}
		}
		lon += (rng.Float64() - 0.5) * 0.0008
		lat += (rng.Float64() - 0.5) * 0.0008
		w.WriteString(`<node id="` + strconv.Itoa(i+1) + `" version="1" lat="` + strconv.FormatFloat(lat, 'f', 7, 64) + `" lon="` + strconv.FormatFloat(lon, 'f', 7, 64) + "\"/>\n")
	}
	kinds := []string{"residential", "service", "footway", "primary", "motorway", "tertiary", "track", "unclassified"}
	for i := 0; i < nodes/8; i++ {
		w.WriteString(`<way id="` + strconv.Itoa(i+1) + `" version="1">`)
		for k := 0; k < 8; k++ {
			w.WriteString(`<nd ref="` + strconv.Itoa(i*8+k+1) + `"/>`)
		}
		w.WriteString(`<tag k="highway" v="` + kinds[rng.IntN(len(kinds))] + `"/><tag k="name" v="路` + strconv.Itoa(rng.IntN(5000)) + `"/></way>` + "\n")
	}
	w.WriteString("</osm>\n")
	w.Flush()
	in.Close()
	if err := cmd.Wait(); err != nil {
		t.Fatal(err)
	}
}
