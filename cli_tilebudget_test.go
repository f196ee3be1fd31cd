package main

import (
	"image/color"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// trickleServer answers tiles with x+y even at once and trickles one byte
// every 100 ms on the others, for as long as the client listens. good
// counts the distinct tiles answered in full.
type trickleServer struct {
	*httptest.Server
	mu   sync.Mutex
	good map[string]bool
}

func newTrickleServer(t *testing.T) *trickleServer {
	tile := solidPNG(t, color.RGBA{200, 30, 30, 255})
	ts := &trickleServer{good: map[string]bool{}}
	ts.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := strings.Split(strings.TrimSuffix(r.URL.Path, ".png"), "/")
		x, _ := strconv.Atoi(p[len(p)-2])
		y, _ := strconv.Atoi(p[len(p)-1])
		if (x+y)%2 == 0 {
			w.Write(tile)
			ts.mu.Lock()
			ts.good[r.URL.Path] = true
			ts.mu.Unlock()
			return
		}
		w.Header().Set("Content-Type", "image/png")
		for i := 0; ; i = (i + 1) % len(tile) {
			if _, err := w.Write(tile[i : i+1]); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			select {
			case <-r.Context().Done():
				return
			case <-time.After(100 * time.Millisecond):
			}
		}
	}))
	t.Cleanup(ts.Close)
	return ts
}

func (ts *trickleServer) goodTiles() int {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	return len(ts.good)
}

// TestCLIExportTileBudget: against a server that trickles every other
// tile (each would hold a connection for the 20 s request timeout), a PDF
// export ends at its tile budget, drawn with the tiles that arrived, and
// its footnote counts the missing ones.
func TestCLIExportTileBudget(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", dir)
	srv := newTrickleServer(t)
	out := filepath.Join(dir, "slow.pdf")
	start := time.Now()
	code, _, stderr := runCmd(t, "export", "--out", out, "--format", "pdf", "--dpi", "100", "--layers", "basemap,sites",
		"--bbox", "113.2,23.05,113.26,23.12", "--tiles", srv.URL+"/{z}/{x}/{y}.png", "--tile-budget", "2")
	took := time.Since(start)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if took > 60*time.Second {
		t.Errorf("export took %v with a 2 s tile budget", took)
	}
	needCLITool(t, "pdftotext")
	text, err := exec.Command("pdftotext", out, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	flat := strings.Join(strings.Fields(string(text)), "")
	m := regexp.MustCompile(`(\d+)/(\d+)块底图未在2秒内送达`).FindStringSubmatch(flat)
	if m == nil && srv.goodTiles() == 0 && strings.Contains(flat, "瓦片服务器在2秒内未送达任何瓦片") {
		return // the stalls took both connections first: no tile at all, and the page says so
	}
	if m == nil {
		t.Fatalf("no footnote on missing tiles (%d answered in full):\n%s", srv.goodTiles(), text)
	}
	missing, total := atoi(m[1]), atoi(m[2])
	t.Logf("export took %v; footnote: %d of %d tiles missing; the server answered %d tiles in full", took.Round(time.Millisecond), missing, total, srv.goodTiles())
	if missing != total-srv.goodTiles() || missing == 0 {
		t.Errorf("footnote counts %d missing of %d; the server answered %d in full", missing, total, srv.goodTiles())
	}
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
