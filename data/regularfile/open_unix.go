//go:build unix

package regularfile

import "syscall"

// openFlags keeps open from waiting for a FIFO's writer.
const openFlags = syscall.O_NONBLOCK
