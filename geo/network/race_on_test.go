//go:build race

package network

// raceBuild is true under -race, whose 5–10× slowdown and memory make
// the city-scale benchmark pointless there (scripts/test.sh runs every
// benchmark once under -race).
const raceBuild = true
