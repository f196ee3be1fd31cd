package main

import (
	"fmt"
	"strings"

	"github.com/liwan-edu/schoolmap/data/i18n"
)

// takeLang removes --lang X (or --lang=X, -lang …) from args, wherever it
// stands, and sets the language of every later message. Without it the
// language stays Chinese.
func takeLang(args []string) ([]string, error) {
	out := make([]string, 0, len(args))
	for i := 0; i < len(args); i++ {
		a := args[i]
		name, val, hasVal := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") || name != "lang" {
			out = append(out, a)
			continue
		}
		if !hasVal {
			if i+1 >= len(args) {
				return nil, fmt.Errorf(i18n.T("cli.bad_lang"), "")
			}
			i++
			val = args[i]
		}
		if err := i18n.SetLanguage(val); err != nil {
			return nil, fmt.Errorf(i18n.T("cli.bad_lang"), val)
		}
	}
	return out, nil
}

// creator names the app and its version for exported files' metadata.
func creator() string {
	ver, _ := appVersion()
	return appName + " " + ver
}

// wantsConsole reports whether args ask for a headless command (so a GUI
// build should print to the console it was started from).
func wantsConsole(args []string) bool {
	args, err := takeLang(args)
	if err != nil || len(args) == 0 {
		return err != nil
	}
	if !strings.HasPrefix(args[0], "-") {
		return true // a command, or a mistyped one: its usage is printed
	}
	switch args[0] {
	case "--version", "-version", "-h", "--help", "-help":
		return true
	}
	_, err = parseGUIFlags(args) // a bad window flag prints the usage too
	return err != nil
}
