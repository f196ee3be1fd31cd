package main

import (
	"bufio"
	"bytes"
	_ "embed"
	"runtime/debug"
	"strconv"
	"strings"

	"github.com/liwan-edu/schoolmap/data/i18n"
)

// version and buildDate are set at link time by scripts/release.sh:
// -ldflags "-X main.version=0.1.0 -X main.buildDate=2026-11-27". A plain
// `go build` leaves them empty; appVersion then falls back.
var version, buildDate string

// fyneAppTOML is the one place the version is written by hand.
//
//go:embed FyneApp.toml
var fyneAppTOML []byte

// appName is the application's name as FyneApp.toml gives it.
const appName = "Liwan School Plan Map"

// appVersion returns the version and build date: the link-time values
// when set, else FyneApp.toml's Version and the VCS commit time recorded in
// the build (empty when the build recorded none).
func appVersion() (ver, date string) {
	ver, date = version, buildDate
	if ver == "" {
		ver = tomlDetail(fyneAppTOML, "Version")
	}
	if date == "" {
		date = vcsTime()
	}
	return ver, date
}

// tomlDetail reads a quoted string value of the [Details] table of a
// FyneApp.toml (the file is flat enough that no TOML library is needed).
func tomlDetail(b []byte, key string) string {
	sc := bufio.NewScanner(bytes.NewReader(b))
	inDetails := false
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "[") {
			inDetails = line == "[Details]"
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !inDetails || !ok || strings.TrimSpace(k) != key {
			continue
		}
		if s, err := strconv.Unquote(strings.TrimSpace(v)); err == nil {
			return s
		}
		return strings.TrimSpace(v)
	}
	return ""
}

func vcsTime() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	for _, s := range info.Settings {
		if s.Key == "vcs.time" && len(s.Value) >= 10 {
			return s.Value[:10]
		}
	}
	return ""
}

// versionLine is what `schoolmap --version` prints.
func versionLine() string {
	ver, date := appVersion()
	if date == "" {
		date = "?"
	}
	return i18n.T("cli.version", appName, ver, date)
}
