package main

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"syscall"
)

// addressSpaceLimit is what the soft RLIMIT_AS leaves to grow into, in
// bytes: the limit less the address space already mapped (the runtime and
// the C libraries reserve over 1.5 GB at start); 0 when unlimited.
func addressSpaceLimit() int64 {
	var r syscall.Rlimit
	if syscall.Getrlimit(syscall.RLIMIT_AS, &r) != nil || r.Cur > 1<<62 { // RLIM_INFINITY is all ones
		return 0
	}
	left := int64(r.Cur) - vmSize("/proc/self/status")
	return max(left, 1)
}

// vmSize reads VmSize (bytes) from a Linux status file; 0 when there is none.
func vmSize(path string) int64 {
	f, err := os.Open(path)
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmSize:"); ok {
			fs := strings.Fields(v)
			n, _ := strconv.ParseInt(fs[0], 10, 64)
			return n << 10
		}
	}
	return 0
}
