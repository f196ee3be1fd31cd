package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/liwan-edu/schoolmap/data/i18n"
)

// guiFlags are the window's command-line options.
type guiFlags struct {
	offline bool
	tiles   string
	cache   string
	project string
	lang    string
}

func guiFlagSet(f *guiFlags) *flag.FlagSet {
	fs := flag.NewFlagSet("schoolmap", flag.ContinueOnError)
	fs.SetOutput(io.Discard) // the caller prints the error and the usage
	fs.BoolVar(&f.offline, "offline", false, i18n.T("cli.flag.offline"))
	fs.StringVar(&f.tiles, "tiles", "", i18n.T("cli.flag.tiles"))
	fs.StringVar(&f.cache, "cache", "", i18n.T("cli.flag.cache"))
	fs.StringVar(&f.project, "project", "", i18n.T("cli.flag.project"))
	fs.StringVar(&f.lang, "lang", "", i18n.T("cli.flag.lang"))
	return fs
}

// parseGUIFlags reads the window's options. An unknown flag, or a word
// left after them (a mistyped command), is an error; -h is flag.ErrHelp.
func parseGUIFlags(args []string) (guiFlags, error) {
	var f guiFlags
	fs := guiFlagSet(&f)
	if err := fs.Parse(args); err != nil {
		return f, err
	}
	if fs.NArg() > 0 {
		return f, fmt.Errorf(i18n.T("cli.unknown_command"), fs.Arg(0))
	}
	return f, nil
}

// usage prints how to open the window and run the commands.
func usage(w io.Writer) {
	fmt.Fprintln(w, i18n.T("cli.usage"))
	fs := guiFlagSet(&guiFlags{})
	fs.SetOutput(w)
	fs.PrintDefaults()
}

// unknownCommand answers a first word that is no command: the nearest
// command when one is close, then the usage; exit 2.
func unknownCommand(word string, stderr io.Writer) int {
	msg := fmt.Sprintf(i18n.T("cli.unknown_command"), word)
	if c := nearestCommand(word); c != "" {
		msg += fmt.Sprintf(i18n.T("cli.did_you_mean"), c)
	}
	fmt.Fprintln(stderr, "schoolmap:", msg)
	usage(stderr)
	return exitUsage
}

// nearestCommand is the command at most two edits away from word, or "".
func nearestCommand(word string) string {
	best, bestD := "", 3
	for name := range commands {
		if d := editDistance(strings.ToLower(word), name); d < bestD || d == bestD && name < best {
			best, bestD = name, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance of a and b (bytes; the
// commands are ASCII).
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}
