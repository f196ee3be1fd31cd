//go:build linux

package main

import (
	"bytes"
	"compress/zlib"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// hostileChild, set in the environment, makes this test binary run the
// command line given after it instead of the tests: the hostile cases run
// the real commands in a child process with a limited address space.
const hostileChild = "SCHOOLMAP_HOSTILE_CHILD"

// hostileAS is the address-space limit of each hostile run: a reader that
// grows without bound fails here (as it would on a small laptop) instead
// of slowing the test machine.
const hostileAS = 2 << 30

func TestMain(m *testing.M) {
	if os.Getenv(hostileChild) == "1" {
		lim := &syscall.Rlimit{Cur: hostileAS, Max: hostileAS}
		if err := syscall.Setrlimit(syscall.RLIMIT_AS, lim); err != nil {
			fmt.Fprintln(os.Stderr, "hostile child: setrlimit:", err)
			os.Exit(97)
		}
		scaleLimits(setMemoryLimit()) // as main does
		handled, code := runCLI(os.Args[1:], os.Stdout, os.Stderr)
		if !handled {
			fmt.Fprintln(os.Stderr, "hostile child: not a command:", os.Args[1:])
			os.Exit(98)
		}
		os.Exit(code)
	}
	os.Exit(m.Run())
}

// hostileCase is one attack on the command line: setup builds the files
// in dir and returns the arguments; the run must end within timeout
// (default 20 s) with code, print msg (stdout or stderr, case as
// written), leave no temporary file in dir, and leave every path of keep
// (absolute, or relative to dir) as it was: same type, size, link target.
type hostileCase struct {
	name    string
	setup   func(t *testing.T, dir string) []string
	code    int
	msg     string
	keep    []string
	timeout time.Duration
}

// runHostile runs the cases in parallel, each in its own folder and child
// process.
func runHostile(t *testing.T, cases []hostileCase) {
	t.Helper()
	if raceEnabled {
		// Not silent: scripts/test.sh runs this table again without -race.
		t.Skip("the race runtime does not fit a 2 GB address space; run without -race (scripts/test.sh does)")
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			args := c.setup(t, dir)
			keep := make([]string, len(c.keep))
			before := make([]string, len(c.keep))
			for i, k := range c.keep {
				if !filepath.IsAbs(k) {
					k = filepath.Join(dir, k)
				}
				keep[i], before[i] = k, fileState(k)
			}
			code, out := runChild(t, dir, c.timeout, args)
			if code != c.code {
				t.Errorf("exit %d, want %d\n%.1500s", code, c.code, out)
			}
			if !strings.Contains(out, c.msg) {
				t.Errorf("output lacks %q:\n%.1500s", c.msg, out)
			}
			for i, k := range keep {
				if now := fileState(k); now != before[i] {
					t.Errorf("%s changed: %s, was %s", k, now, before[i])
				}
			}
			if left := temporaries(dir); len(left) > 0 {
				t.Errorf("temporary files left: %v", left)
			}
		})
	}
}

// runChild runs this binary as the command line args; a run past timeout
// is killed and reported as a hang (code -1).
func runChild(t *testing.T, dir string, timeout time.Duration, args []string) (int, string) {
	t.Helper()
	if timeout == 0 {
		timeout = 20 * time.Second
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), hostileChild+"=1", "XDG_CACHE_HOME="+dir, "HOME="+dir)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Errorf("hung: killed after %v\n%.2000s", time.Since(start).Round(time.Millisecond), out.String())
		return -1, out.String()
	}
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		t.Fatalf("run: %v", err)
	}
	return cmd.ProcessState.ExitCode(), out.String()
}

// fileState describes what a path is without reading or writing it.
func fileState(path string) string {
	st, err := os.Lstat(path)
	if err != nil {
		return "missing"
	}
	s := fmt.Sprintf("%v size %d", st.Mode().Type(), st.Size())
	if st.Mode()&fs.ModeSymlink != 0 {
		l, _ := os.Readlink(path)
		s += " -> " + l + " (" + fileState(l) + ")"
	}
	return s
}

// temporaries lists files under dir that a write left behind.
func temporaries(dir string) []string {
	var out []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && (strings.Contains(d.Name(), ".tmp") || strings.HasSuffix(d.Name(), "-journal")) {
			out = append(out, p)
		}
		return nil
	})
	return out
}

func mkfifo(t *testing.T, path string) {
	t.Helper()
	os.MkdirAll(filepath.Dir(path), 0o755)
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Fatal(err)
	}
}

// tinyPNG is a valid 1×1 PNG tile.
var tinyPNG = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde\x00\x00\x00\x0cIDAT\x08\xd7c\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xdc\xccY\xe7\x00\x00\x00\x00IEND\xaeB`\x82")

// tileFolder makes a folder basemap with a good tile at zoom 0 and, at
// zoom 1 (the zoom every export of Liwan then uses), the four tiles made
// by bad (a FIFO, a link to a device, a huge sparse file).
func tileFolder(t *testing.T, dir string, bad func(t *testing.T, path string)) string {
	t.Helper()
	root := filepath.Join(dir, "tiles")
	os.MkdirAll(filepath.Join(root, "0", "0"), 0o755)
	os.WriteFile(filepath.Join(root, "0", "0", "0.png"), tinyPNG, 0o644)
	for _, xy := range [][2]int{{0, 0}, {0, 1}, {1, 0}, {1, 1}} {
		p := filepath.Join(root, "1", fmt.Sprint(xy[0]), fmt.Sprint(xy[1])+".png")
		os.MkdirAll(filepath.Dir(p), 0o755)
		bad(t, p)
	}
	return root
}

// mapArgs is a small offline PNG export with the given basemap.
func mapArgs(basemap string) []string {
	return []string{"export", "--lang", "en", "--out", "map.png", "--width", "400", "--height", "300",
		"--layers", "basemap,sites", "--offline", "--basemap", basemap}
}

// dataArgs exports the plan's data to out in format.
func dataArgs(format, out string) []string {
	return []string{"export", "--lang", "en", "--format", format, "--out", out}
}

// TestHostileFiles: FIFOs, devices and huge files named as inputs or
// outputs end every command promptly, in words, and replace nothing.
func TestHostileFiles(t *testing.T) {
	fifoArg := func(name string, args func(string) []string) func(*testing.T, string) []string {
		return func(t *testing.T, dir string) []string {
			mkfifo(t, filepath.Join(dir, name))
			return args(name)
		}
	}
	target := func(format string, make func(t *testing.T, path string)) func(*testing.T, string) []string {
		return func(t *testing.T, dir string) []string {
			make(t, filepath.Join(dir, "out."+format))
			return dataArgs(format, "out."+format)
		}
	}
	fifo := func(t *testing.T, p string) { mkfifo(t, p) }
	nullLink := func(t *testing.T, p string) { os.Symlink("/dev/null", p) }
	folder := func(t *testing.T, p string) { os.Mkdir(p, 0o755) }
	device := func(t *testing.T, p string) { // a null device of our own; a link to one without root
		if os.Geteuid() != 0 || syscall.Mknod(p, syscall.S_IFCHR|0o666, 1<<8|3) != nil {
			nullLink(t, p)
		}
	}
	// An unusable input file is exit 1 whichever flag names it (README,
	// exit codes): the basemap's as the street network's.
	runHostile(t, []hostileCase{
		{name: "FIFO .mbtiles", setup: fifoArg("pipe.mbtiles", mapArgs), code: exitError, msg: "not a regular file", keep: []string{"pipe.mbtiles"}},
		{name: "FIFO .pmtiles", setup: fifoArg("pipe.pmtiles", mapArgs), code: exitError, msg: "not a regular file", keep: []string{"pipe.pmtiles"}},
		{name: "FIFO .osm.pbf", setup: fifoArg("pipe.osm.pbf", func(p string) []string {
			return append(dataArgs("geojson", "out.geojson"), "--network", p)
		}), code: exitError, msg: "not a regular file", keep: []string{"pipe.osm.pbf"}},
		{name: "FIFO tile opened first", setup: func(t *testing.T, dir string) []string {
			mkfifo(t, filepath.Join(dir, "tiles", "0", "0", "0.png"))
			return mapArgs("tiles")
		}, code: exitError, msg: "not a regular file"},
		{name: "FIFO tiles in a folder", setup: func(t *testing.T, dir string) []string {
			return mapArgs(tileFolder(t, dir, fifo))
		}, code: exitOK, msg: "wrote map.png"},
		{name: "folder tiles linked to /dev/zero", setup: func(t *testing.T, dir string) []string {
			return mapArgs(tileFolder(t, dir, func(t *testing.T, p string) { os.Symlink("/dev/zero", p) }))
		}, code: exitOK, msg: "wrote map.png"},
		{name: "3 GB sparse tile", setup: func(t *testing.T, dir string) []string {
			return mapArgs(tileFolder(t, dir, func(t *testing.T, p string) {
				if err := os.WriteFile(p, tinyPNG, 0o644); err != nil {
					t.Fatal(err)
				}
				os.Truncate(p, 3<<30)
			}))
		}, code: exitOK, msg: "wrote map.png"},
		{name: "gpkg over a FIFO", setup: target("gpkg", fifo), code: exitError, msg: "out.gpkg", keep: []string{"out.gpkg"}},
		{name: "geojson over a FIFO", setup: target("geojson", fifo), code: exitError, msg: "out.geojson", keep: []string{"out.geojson"}},
		{name: "csv over a FIFO", setup: target("csv", fifo), code: exitError, msg: "out.csv", keep: []string{"out.csv"}},
		{name: "gpkg over a device node", setup: target("gpkg", device), code: exitError, msg: "out.gpkg", keep: []string{"out.gpkg"}},
		{name: "csv over a device node", setup: target("csv", device), code: exitError, msg: "out.csv", keep: []string{"out.csv"}},
		{name: "gpkg over a link to /dev/null", setup: target("gpkg", nullLink), code: exitError, msg: "out.gpkg", keep: []string{"out.gpkg"}},
		{name: "csv over a link to /dev/null", setup: target("csv", nullLink), code: exitError, msg: "out.csv", keep: []string{"out.csv"}},
		{name: "gpkg over a folder", setup: target("gpkg", folder), code: exitError, msg: "is a folder", keep: []string{"out.gpkg"}},
		{name: "geojson over a folder", setup: target("geojson", folder), code: exitError, msg: "is a folder", keep: []string{"out.geojson"}},
		{name: "png over a folder", setup: func(t *testing.T, dir string) []string {
			os.Mkdir(filepath.Join(dir, "map.png"), 0o755)
			return mapArgs("none")
		}, code: exitError, msg: "is a folder", keep: []string{"map.png"}},
	})
}

// pbfWriter writes the few protobuf fields an OSM PBF file needs.
type pbfWriter struct{ bytes.Buffer }

func (w *pbfWriter) varint(v uint64) {
	for v >= 0x80 {
		w.WriteByte(byte(v) | 0x80)
		v >>= 7
	}
	w.WriteByte(byte(v))
}

// field writes a length-delimited field.
func (w *pbfWriter) field(num int, b []byte) {
	w.varint(uint64(num)<<3 | 2)
	w.varint(uint64(len(b)))
	w.Write(b)
}

func zigzag(v int64) uint64 { return uint64(v<<1) ^ uint64(v>>63) }

// packed encodes signed values as a packed sint64 field's payload.
func packed(vs ...int64) []byte {
	var w pbfWriter
	for _, v := range vs {
		w.varint(zigzag(v))
	}
	return w.Bytes()
}

// blob frames one block (zlib-compressed) as a PBF file blob.
func pbfBlob(typ string, block []byte) []byte {
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(block)
	zw.Close()
	var blob pbfWriter
	blob.varint(2<<3 | 0)
	blob.varint(uint64(len(block)))
	blob.field(3, z.Bytes())
	var hdr pbfWriter
	hdr.field(1, []byte(typ))
	hdr.varint(3<<3 | 0)
	hdr.varint(uint64(blob.Len()))
	out := binary.BigEndian.AppendUint32(nil, uint32(hdr.Len()))
	return append(append(out, hdr.Bytes()...), blob.Bytes()...)
}

// longWayPBF is an OSM PBF file with one node at Liwan and n walkable
// ways referring to it refs times each (delta 0 compresses to almost
// nothing: 10 M references make a 10 KB file).
func longWayPBF(refs, n int) []byte {
	var header pbfWriter
	header.field(4, []byte("OsmSchema-V0.6"))
	var st pbfWriter
	for _, s := range []string{"", "highway", "residential"} {
		st.field(1, []byte(s))
	}
	var dense, nodes pbfWriter
	dense.field(1, packed(1))
	dense.field(8, packed(231000000)) // 23.1°N in units of 100 nanodegrees
	dense.field(9, packed(1132500000))
	nodes.field(2, dense.Bytes())
	var way, ways pbfWriter
	way.varint(1<<3 | 0)
	way.varint(1)
	way.field(2, []byte{1})
	way.field(3, []byte{2})
	way.field(8, append(packed(1), make([]byte, refs-1)...))
	for range n {
		ways.field(3, way.Bytes())
	}
	var block pbfWriter
	block.field(1, st.Bytes())
	block.field(2, nodes.Bytes())
	block.field(2, ways.Bytes())
	return append(pbfBlob("OSMHeader", header.Bytes()), pbfBlob("OSMData", block.Bytes())...)
}

// TestHostileWork: inputs small on disk but huge in work end promptly,
// in words, within the address-space limit.
func TestHostileWork(t *testing.T) {
	pbf := func(refs, n int) func(*testing.T, string) []string {
		return func(t *testing.T, dir string) []string {
			os.WriteFile(filepath.Join(dir, "long.osm.pbf"), longWayPBF(refs, n), 0o644)
			return append(dataArgs("geojson", "out.geojson"), "--network", "long.osm.pbf")
		}
	}
	runHostile(t, []hostileCase{
		{name: "PBF way of 10 M node references", setup: pbf(10_000_000, 1), code: exitError, msg: "1 ways of more than 2000 nodes were skipped", keep: []string{"out.geojson"}},
		{name: "PNG of 20000×20000 pixels", setup: func(t *testing.T, dir string) []string {
			return []string{"export", "--lang", "en", "--out", "big.png", "--width", "20000", "--height", "20000", "--layers", "sites", "--offline"}
		}, code: exitError, msg: "or smaller", keep: []string{"big.png"}},
		{name: "A3 PDF at 1200 dpi", setup: func(t *testing.T, dir string) []string {
			return []string{"export", "--lang", "en", "--out", "big.pdf", "--paper", "A3", "--dpi", "1200", "--layers", "sites", "--offline"}
		}, code: exitError, msg: "dpi or less", keep: []string{"big.pdf"}},
		{name: "access grid of 1 m cells", setup: func(t *testing.T, dir string) []string {
			os.WriteFile(filepath.Join(dir, "streets.osm.pbf"), longWayPBF(3, 1), 0o644)
			return []string{"access", "--lang", "en", "--network", "streets.osm.pbf", "--cell", "1", "--out", "access.tif"}
		}, code: exitError, msg: "choose --cell", keep: []string{"access.tif"}},
		{name: "reference layer of 100 MB", setup: func(t *testing.T, dir string) []string {
			p := filepath.Join(dir, "plots.geojson")
			os.WriteFile(p, nil, 0o644)
			os.Truncate(p, 100<<20) // sparse: refused by its size, never read
			return []string{"export", "--lang", "en", "--out", "map.png", "--width", "400", "--height", "300",
				"--layers", "sites", "--offline", "--reference", "plots.geojson"}
		}, code: exitError, msg: "clip it to the district", keep: []string{"map.png"}},
		{name: "reference polygon of 10 M coordinates in 60 MB", setup: func(t *testing.T, dir string) []string {
			os.WriteFile(filepath.Join(dir, "dense.geojson"), []byte(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[`+
				strings.Repeat("[1,2],", 10_000_000-1)+`[1,2]]]}}]}`), 0o644)
			return []string{"export", "--lang", "en", "--out", "map.png", "--width", "400", "--height", "300",
				"--layers", "sites", "--offline", "--reference", "dense.geojson"}
		}, code: exitError, msg: "a reference layer can hold", keep: []string{"map.png"}},
		{name: "boundary of 4 M coordinates (52 MB)", setup: func(t *testing.T, dir string) []string {
			os.WriteFile(filepath.Join(dir, "dense.geojson"), []byte(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"x"},"geometry":{"type":"Polygon","coordinates":[[`+
				strings.Repeat("[113.2,23.1],", 4_000_000)+`[113.2,23.1]]]}}]}`), 0o644)
			return []string{"coverage", "--lang", "en", "--year", "2025", "--out", "cov.csv", "--boundaries", "dense.geojson"}
		}, code: exitError, msg: "weight", keep: []string{"cov.csv"}},
		{name: "PBF of 8 M references in ways of 2000", setup: pbf(2000, 4000), code: exitError, msg: "far more work", keep: []string{"out.geojson"}},
	})
}
