// Package envlocale keeps Fyne from logging "Error parsing user locale C"
// on machines whose locale is C.UTF-8 or POSIX.UTF-8 (containers, CI, a
// bare ssh session). Floor: ground (os only).
//
// Fyne's lang package reads the locale while it initialises and logs an
// error when the language part is "C". Importing this package (blank)
// from package main sets LANGUAGE=en for such a process before that
// happens: Go initialises the packages sorted by import path whenever
// their imports are ready, and this one needs only os, which
// github.com/nicksnyder/go-i18n (a dependency of Fyne's lang) needs too, so
// this package always runs first. LANGUAGE only names the language of
// messages; character handling (LC_CTYPE) is untouched. The app's own
// language does not come from the environment at all (see data/i18n).
package envlocale

import "os"

func init() { Quiet() }

// Quiet sets LANGUAGE=en when the effective message locale is a C or POSIX
// locale with an encoding suffix (which Fyne cannot parse) and LANGUAGE is
// unset. It reports whether it did.
func Quiet() bool {
	if os.Getenv("LANGUAGE") != "" {
		return false
	}
	loc := ""
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if loc = os.Getenv(v); loc != "" {
			break
		}
	}
	if !cLocale(loc) {
		return false
	}
	os.Setenv("LANGUAGE", "en")
	return true
}

// cLocale reports whether loc is "C.something" or "POSIX.something"
// (bare "C" and "POSIX" Fyne already treats as no locale).
func cLocale(loc string) bool {
	for _, p := range []string{"C.", "POSIX.", "C@", "POSIX@"} {
		if len(loc) > len(p) && loc[:len(p)] == p {
			return true
		}
	}
	return false
}
