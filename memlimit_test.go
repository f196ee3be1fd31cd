package main

import (
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/geo/export"
	"github.com/liwan-edu/schoolmap/geo/network"
)

// TestMemoryLimit: MemAvailable and a cgroup limit are read in bytes,
// "max" is no limit, and the runtime's limit is three quarters of the
// least memory found.
func TestMemoryLimit(t *testing.T) {
	dir := t.TempDir()
	mi := filepath.Join(dir, "meminfo")
	os.WriteFile(mi, []byte("MemTotal:       24000000 kB\nMemFree:  100 kB\nMemAvailable:    2097152 kB\n"), 0o644)
	if got := procKB(mi, "MemAvailable"); got != 2<<30 {
		t.Errorf("MemAvailable = %d, want %d", got, 2<<30)
	}
	cg := filepath.Join(dir, "memory.max")
	os.WriteFile(cg, []byte("max\n"), 0o644)
	if got := cgroupMax(cg); got != 0 {
		t.Errorf(`"max" = %d, want 0`, got)
	}
	os.WriteFile(cg, []byte("536870912\n"), 0o644)
	if got := cgroupMax(cg); got != 512<<20 {
		t.Errorf("memory.max = %d", got)
	}
	old := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(old)
	t.Setenv("GOMEMLIMIT", "")
	os.Unsetenv("GOMEMLIMIT")
	avail := setMemoryLimit()
	if mi := procKB("/proc/meminfo", "MemAvailable"); mi > 0 && (avail <= 0 || avail > mi) {
		t.Errorf("%d found with %d available", avail, mi)
	}
	if avail > 0 && debug.SetMemoryLimit(-1) != avail/4*3 {
		t.Errorf("runtime limit %d, want %d", debug.SetMemoryLimit(-1), avail/4*3)
	}
}

// TestScaleLimits: a small memory lowers the size limits of references,
// pages and grids in proportion; a large one leaves them as they are.
func TestScaleLimits(t *testing.T) {
	ref, px, cells := data.MaxReferenceBytes, export.MaxPixels, network.MaxGridCells
	defer func() { data.MaxReferenceBytes, export.MaxPixels, network.MaxGridCells = ref, px, cells }()
	scaleLimits(1 << 40)
	if data.MaxReferenceBytes != ref || export.MaxPixels != px || network.MaxGridCells != cells {
		t.Errorf("1 TB raised or lowered the limits")
	}
	scaleLimits(300 << 20)
	if data.MaxReferenceBytes != 30<<20 || export.MaxPixels != 300<<20/6 || network.MaxGridCells != 300<<20/16 {
		t.Errorf("300 MB: reference %d, pixels %d, cells %d", data.MaxReferenceBytes, export.MaxPixels, network.MaxGridCells)
	}
}
