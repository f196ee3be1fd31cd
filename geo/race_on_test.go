//go:build race

package geo

// raceEnabled: the race detector slows code 5–10×; heavy benchmarks shrink
// and time budgets grow.
const raceEnabled = true
