package main

import (
	"bufio"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
)

// setMemoryLimit gives the Go heap a soft limit of three quarters of the
// memory the process may use: the least of the memory available
// (/proc/meminfo), the cgroup's limit and the address-space limit, where
// known. Near it the collector works harder instead of letting the heap
// grow until the system kills the process; the size checks of the readers
// and renderers refuse work that would not fit at all. A GOMEMLIMIT set
// by the user is kept. It returns the limit set (0 for none).
func setMemoryLimit() int64 {
	if os.Getenv("GOMEMLIMIT") != "" {
		return 0
	}
	avail := int64(0)
	for _, v := range []int64{meminfoAvailable("/proc/meminfo"), cgroupMax("/sys/fs/cgroup/memory.max"), addressSpaceLimit()} {
		if v > 0 && (avail == 0 || v < avail) {
			avail = v
		}
	}
	if avail <= 0 {
		return 0
	}
	debug.SetMemoryLimit(avail / 4 * 3)
	return avail / 4 * 3
}

// meminfoAvailable reads MemAvailable (bytes) from a Linux meminfo file; 0
// when there is none.
func meminfoAvailable(path string) int64 {
	f, err := os.Open(path)
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if !ok || k != "MemAvailable" {
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
