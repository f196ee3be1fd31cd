package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/gpkg"
	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/data/vector"
	"github.com/liwan-edu/schoolmap/geo/network"
	"github.com/liwan-edu/schoolmap/geo/tile"
)

// wordedError is an error worded for the planner that keeps its cause
// for errors.Is/As (the exit code is chosen from the cause).
type wordedError struct {
	msg string
	err error
}

func (e *wordedError) Error() string { return e.msg }
func (e *wordedError) Unwrap() error { return e.err }

func worded(err error, key string, args ...any) error {
	return &wordedError{msg: i18n.T(key, args...), err: err}
}

// input is a file named by a flag.
type input struct{ flag, path string }

// checkInputs says which named file does not exist, before any work: a
// missing file is "not found" whichever flag names it (exit 1, as a
// missing folder). Only existence is checked here; the readers judge the
// rest.
func checkInputs(ins ...input) error {
	for _, in := range ins {
		if in.path == "" {
			continue
		}
		if _, err := os.Stat(in.path); errors.Is(err, fs.ErrNotExist) {
			return worded(err, "cli.not_found", in.path, in.flag)
		}
	}
	return nil
}

// explainRead words a reader's failure on a named file in plain words,
// for the faults every reader shares; others keep their own wording.
func explainRead(flag, path string, err error) error {
	var we *wordedError
	switch {
	case errors.As(err, &we):
		return err
	case errors.Is(err, fs.ErrNotExist):
		return worded(err, "cli.not_found", path, flag)
	case errors.Is(err, data.ErrNotProject):
		return worded(err, "cli.not_project", path, flag)
	case errors.Is(err, gpkg.ErrNotGeoPackage), errors.Is(err, vector.ErrFormat), errors.Is(err, network.ErrFormat):
		return worded(err, "cli.unreadable", filepath.Base(path), flag)
	}
	return err
}

// basemapError words a basemap that cannot be opened; a file fault keeps
// *tile.FileError in the chain (exit 1), a bad value is errBadArg.
func basemapError(value string, err error) error {
	var fe *tile.FileError
	msg := tile.Message(err)
	switch {
	case errors.Is(err, tile.ErrTemplate):
		msg = i18n.T("basemap.bad_template", value)
	case msg == "":
		msg = i18n.T("basemap.open_failed", value, err)
	}
	if errors.As(err, &fe) {
		return &wordedError{msg: msg, err: err}
	}
	return &wordedError{msg: msg, err: fmt.Errorf("%w: %w", errBadArg, err)}
}

// exitFor is the exit code of a failure: 2 for bad arguments, 1 for the
// rest.
func exitFor(err error) int {
	if errors.Is(err, errBadArg) {
		return exitUsage
	}
	return exitError
}

// networkError words a street file that cannot be read: a missing or
// unreadable file as for every flag, the rest by network.Explain.
func networkError(path string, err error) error {
	var we *wordedError
	if e := explainRead("--network", path, err); errors.As(e, &we) {
		return e
	}
	return network.Explain(path, err)
}
