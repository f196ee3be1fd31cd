//go:build !unix

package regularfile

// openFlags: no FIFOs in folders outside unix, a plain open.
const openFlags = 0
