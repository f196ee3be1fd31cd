//go:build unix

package coverage

import "syscall"

// cpuSeconds is the process's user+system CPU time: on a shared machine
// the wall time of a benchmark says more about the neighbours than about
// the code, so the benchmarks also report cpu-s/op.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}
