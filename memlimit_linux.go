package main

import "syscall"

// addressSpaceLimit is what the soft RLIMIT_AS leaves to grow into, in
// bytes: the limit less the address space already mapped (the runtime and
// the C libraries reserve over 1.5 GB at start); 0 when unlimited.
func addressSpaceLimit() int64 {
	var r syscall.Rlimit
	if syscall.Getrlimit(syscall.RLIMIT_AS, &r) != nil || r.Cur > 1<<62 { // RLIM_INFINITY is all ones
		return 0
	}
	left := int64(r.Cur) - procKB("/proc/self/status", "VmSize")
	return max(left, 1)
}
