package main

import (
	"io"
	"strings"
	"testing"
)

// TestCLIExitCodes: 0 done, 1 the work failed (an internal error
// included, with a short report), 2 bad arguments.
func TestCLIExitCodes(t *testing.T) {
	commands["crash"] = func([]string, io.Writer, io.Writer) int {
		var m map[string]int
		m["x"]++ // a nil map write: a runtime panic
		return exitOK
	}
	defer delete(commands, "crash")
	code, _, stderr := runCmd(t, "crash")
	if code != exitError {
		t.Errorf("a crash exits %d, want %d", code, exitError)
	}
	if !strings.Contains(stderr, "内部错误") || strings.Count(stderr, "\n") > 15 {
		t.Errorf("report:\n%s", stderr)
	}
	if code, _, _ := runCmd(t, "export", "--no-such-flag"); code != exitUsage {
		t.Errorf("bad arguments exit %d, want %d", code, exitUsage)
	}
	if handled, _ := runCLI([]string{"--offline"}, io.Discard, io.Discard); handled {
		t.Error("an app flag was taken for a command")
	}
}
