package main

import "syscall"

// addressSpaceLimit is the soft RLIMIT_AS in bytes; 0 when unlimited.
func addressSpaceLimit() int64 {
	var r syscall.Rlimit
	if syscall.Getrlimit(syscall.RLIMIT_AS, &r) != nil || r.Cur > 1<<62 { // RLIM_INFINITY is all ones
		return 0
	}
	return int64(r.Cur)
}
