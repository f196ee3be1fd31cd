//go:build !linux

package main

// addressSpaceLimit: only Linux limits are read.
func addressSpaceLimit() int64 { return 0 }
