//go:build race

package main

// raceEnabled: the race runtime reserves shadow memory that does not fit
// the hostile runs' 2 GB address space; scripts/test.sh runs those
// without -race.
const raceEnabled = true
