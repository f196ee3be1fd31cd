package main

import (
	"bufio"
	"os"
	"runtime/debug"
	"strconv"
	"strings"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/vector"
	"github.com/liwan-edu/schoolmap/geo/export"
	"github.com/liwan-edu/schoolmap/geo/network"
)

// setMemoryLimit gives the Go heap a soft limit of three quarters of the
// memory the process may still use: the least of the memory available
// (/proc/meminfo), the cgroup's limit and what the address-space limit
// leaves, where known. Near it the collector works harder instead of
// letting the heap grow until the system kills the process. A GOMEMLIMIT
// set by the user is kept. It returns the memory found (0 when unknown),
// for the readers' and renderers' size limits (scaleLimits).
func setMemoryLimit() int64 {
	avail := int64(0)
	for _, v := range []int64{procKB("/proc/meminfo", "MemAvailable"), cgroupMax("/sys/fs/cgroup/memory.max"), addressSpaceLimit()} {
		if v > 0 && (avail == 0 || v < avail) {
			avail = v
		}
	}
	if avail > 0 && os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(avail / 4 * 3)
	}
	return avail
}

// scaleLimits lowers the size limits of reference layers, GeoJSON inputs,
// exported pages and distance grids to what avail bytes of memory hold (never raises
// them): under a small address-space limit a large input is refused in
// words rather than ending in "out of memory".
func scaleLimits(avail int64) {
	if avail <= 0 {
		return
	}
	data.ScaleReferenceLimits(avail)
	vector.ScaleLimits(avail)
	export.ScalePixelLimit(avail)
	network.ScaleGridLimit(avail)
}

// procKB reads the "key: N kB" line of a Linux /proc file (meminfo's
// MemAvailable, status's VmSize) in bytes; 0 when there is none.
func procKB(path, key string) int64 {
	f, err := os.Open(path)
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if !ok || k != key {
			continue
		}
		fs := strings.Fields(v)
		if len(fs) == 2 && fs[1] == "kB" {
			n, _ := strconv.ParseInt(fs[0], 10, 64)
			return n << 10
		}
	}
	return 0
}

// cgroupMax reads a cgroup v2 memory.max (bytes); 0 for "max" or none.
func cgroupMax(path string) int64 {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	n, _ := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64)
	return n
}
