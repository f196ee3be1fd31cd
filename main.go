// Command schoolmap is the Liwan school-plan map: the 25 school projects of
// the Liwan District education plan 2021–2025 on map tiles. main wires the
// headless commands (cli*.go) and the window (gui.go).
//
// Floor: top (wiring and the headless commands).
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
)

func main() {
	scaleLimits(setMemoryLimit())
	if handled, code := runCLI(os.Args[1:], os.Stdout, os.Stderr); handled {
		os.Exit(code)
	}
	opts, err := parseGUIFlags(os.Args[1:])
	if errors.Is(err, flag.ErrHelp) {
		usage(os.Stdout)
		return
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "schoolmap:", err)
		usage(os.Stderr)
		os.Exit(exitUsage)
	}
	if err := runGUI(opts); err != nil {
		fmt.Fprintln(os.Stderr, "schoolmap:", err)
		os.Exit(1)
	}
}
