//go:build !race

package network

const raceBuild = false
