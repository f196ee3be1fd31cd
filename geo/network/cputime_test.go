package network

import (
	"syscall"
	"testing"
	"time"
)

// cpuClock reports, next to ns/op (wall), the process's CPU time per op
// (user + system, all threads): on a shared machine the wall clock
// measures the queue for cores, the CPU time the work itself.
type cpuClock struct{ start time.Duration }

func cpuNow() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func startCPU() cpuClock { return cpuClock{cpuNow()} }

func (c cpuClock) report(b *testing.B) {
	b.ReportMetric(float64(cpuNow()-c.start)/float64(b.N), "cpu-ns/op")
}
