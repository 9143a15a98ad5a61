//go:build unix

package retention_test

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time the process has used (user and system), so
// that a benchmark on a shared machine can report the work it did apart
// from the time it waited for a core.
func cpuTime() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
