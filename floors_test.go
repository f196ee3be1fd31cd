package main

import (
	"encoding/json"
	"go/parser"
	"go/token"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Floors of the house: a package imports only packages of its own floor or
// below (never upward), only app imports Fyne, and each package says its
// floor in its doc comment. A new package must be added here.
const (
	floorGround   = iota // maths and tiny helpers: orb and the standard library
	floorAssets          // embedded files
	floorDomain          // the plan's data, its readers and writers
	floorFeatures        // tiles, rendering, analysis, exports
	floorTop             // the Fyne UI and package main
	floorTools           // developer commands under scripts/
)

var floorNames = []string{"ground", "assets", "domain", "features", "top", "tools"}

var floorOf = map[string]int{
	"geo":                 floorGround,
	"geo/crs":             floorGround,
	"geo/golden":          floorGround,
	"data/atomicfile":     floorGround,
	"data/regularfile":    floorGround,
	"data/i18n":           floorGround, // reads its tables from assets
	"data/i18n/envlocale": floorGround,
	"assets":              floorAssets,
	"data":                floorDomain,
	"data/vector":         floorDomain,
	"data/gpkg":           floorDomain,
	"geo/tile":            floorFeatures,
	"geo/render":          floorFeatures,
	"geo/coverage":        floorFeatures,
	"geo/export":          floorFeatures,
	"geo/network":         floorFeatures,
	"app":                 floorTop,
	".":                   floorTop,
	"scripts/codestats":   floorTools,
	"scripts/xwdcheck":    floorTools,
	"scripts/pesubsystem": floorTools,
}

// mayImport lists imports across the rule: i18n (ground) reads its tables
// from assets.
var mayImport = map[[2]string]bool{{"data/i18n", "assets"}: true}

type listed struct {
	ImportPath, Dir, Name string
	Imports               []string
}

func listPackages(t *testing.T) []listed {
	t.Helper()
	out, err := exec.Command("go", "list", "-json", "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	var pkgs []listed
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for dec.More() {
		var p listed
		if err := dec.Decode(&p); err != nil {
			t.Fatal(err)
		}
		pkgs = append(pkgs, p)
	}
	return pkgs
}

func TestFloors(t *testing.T) {
	const module = "github.com/liwan-edu/schoolmap"
	rel := func(path string) string {
		if path == module {
			return "."
		}
		return strings.TrimPrefix(path, module+"/")
	}
	for _, p := range listPackages(t) {
		me := rel(p.ImportPath)
		floor, ok := floorOf[me]
		if !ok {
			t.Errorf("package %s has no floor: add it to floorOf in floors_test.go and say it in its doc comment", me)
			continue
		}
		checkDoc(t, me, p.Dir, floorNames[floor])
		for _, imp := range p.Imports {
			if strings.HasPrefix(imp, "fyne.io/") && floor != floorTop {
				t.Errorf("%s (%s) imports %s: only app may import Fyne", me, floorNames[floor], imp)
			}
			if !strings.HasPrefix(imp, module) {
				continue
			}
			other := rel(imp)
			of, known := floorOf[other]
			if known && of > floor && !mayImport[[2]string{me, other}] {
				t.Errorf("%s (%s) imports %s (%s): imports must not run upward", me, floorNames[floor], other, floorNames[of])
			}
		}
	}
}

// checkDoc wants "Floor: NAME" in the package's doc comment.
func checkDoc(t *testing.T, pkg, dir, want string) {
	t.Helper()
	pkgs, err := parser.ParseDir(token.NewFileSet(), dir, nil, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		t.Fatalf("%s: %v", pkg, err)
	}
	for name, p := range pkgs {
		if strings.HasSuffix(name, "_test") {
			continue
		}
		for path, f := range p.Files {
			if f.Doc != nil && strings.Contains(f.Doc.Text(), "Floor: "+want) && !strings.HasSuffix(path, "_test.go") {
				return
			}
		}
	}
	t.Errorf("package %s (%s): its doc comment in %s must say \"Floor: %s\"", pkg, want, filepath.Base(dir), want)
}
