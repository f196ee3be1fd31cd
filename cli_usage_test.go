package main

import (
	"strings"
	"testing"
)

// TestMistypedCommand: a word that is no command prints the usage and
// exits 2; it never falls through to the window (which without a display
// fails with an X11/GL error).
func TestMistypedCommand(t *testing.T) {
	tests := []struct {
		args    []string
		suggest string // the command meant, named in the message
	}{
		{[]string{"exprot"}, "export"},
		{[]string{"coverge", "--out", "x.csv"}, "coverage"},
		{[]string{"--lang", "en", "acess"}, "access"},
		{[]string{"plan.gpkg"}, ""},
	}
	for _, tc := range tests {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			code, _, stderr := runCmd(t, tc.args...)
			if code != exitUsage {
				t.Errorf("exit %d, want %d", code, exitUsage)
			}
			for _, want := range []string{"export", "coverage", "access", "--version", tc.suggest} {
				if !strings.Contains(stderr, want) {
					t.Errorf("usage lacks %q:\n%s", want, stderr)
				}
			}
		})
	}
}

// TestHelp: help, -h and --help print the usage to stdout and exit 0.
func TestHelp(t *testing.T) {
	for _, a := range []string{"help", "-h", "--help"} {
		code, stdout, _ := runCmd(t, a)
		if code != exitOK || !strings.Contains(stdout, "coverage") || !strings.Contains(stdout, "--project") {
			t.Errorf("%s: exit %d, usage:\n%s", a, code, stdout)
		}
	}
}

// TestWindowArguments: the window's own flags still open the window; a
// stray word after them is refused as usage, like a mistyped command.
func TestWindowArguments(t *testing.T) {
	if handled, _ := runCLI([]string{"--offline", "--project", "p.gpkg"}, nil, nil); handled {
		t.Error("the window's flags were taken for a command")
	}
	if _, err := parseGUIFlags([]string{"--offline", "--project", "p.gpkg"}); err != nil {
		t.Errorf("the window's flags refused: %v", err)
	}
	for _, args := range [][]string{{"--offline", "exprot"}, {"--no-such-flag"}} {
		if _, err := parseGUIFlags(args); err == nil {
			t.Errorf("%v accepted for the window", args)
		}
	}
	if !wantsConsole([]string{"access"}) || !wantsConsole([]string{"exprot"}) {
		t.Error("a command (or a mistyped one) on Windows must print to the console it was started from")
	}
}
