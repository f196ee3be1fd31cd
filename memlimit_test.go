package main

import (
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"
)

// TestMemoryLimit: MemAvailable and a cgroup limit are read in bytes,
// "max" is no limit, and the limit set is the least known one's three
// quarters.
func TestMemoryLimit(t *testing.T) {
	dir := t.TempDir()
	mi := filepath.Join(dir, "meminfo")
	os.WriteFile(mi, []byte("MemTotal:       24000000 kB\nMemFree:  100 kB\nMemAvailable:    2097152 kB\n"), 0o644)
	if got := meminfoAvailable(mi); got != 2<<30 {
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
	lim := setMemoryLimit()
	if avail := meminfoAvailable("/proc/meminfo"); avail > 0 && (lim <= 0 || lim > avail) {
		t.Errorf("limit %d with %d available", lim, avail)
	}
	if lim > 0 && debug.SetMemoryLimit(-1) != lim {
		t.Errorf("runtime limit %d, want %d", debug.SetMemoryLimit(-1), lim)
	}
}
