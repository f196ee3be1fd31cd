// Command codestats prints the size figures the house style sets limits on:
// function length (median, p90, max, counted in lines from func to closing
// brace, tests excluded), files over 400 lines, and struct types of the app
// package with more than 12 fields.
//
//	go run ./scripts/codestats
//
// Floor: tools (developer commands; nothing imports them).
package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

type function struct {
	name  string
	lines int
}

type stats struct {
	fset  *token.FileSet
	funcs []function
}

func main() {
	st := &stats{fset: token.NewFileSet()}
	if err := filepath.WalkDir(".", st.visit); err != nil {
		fmt.Fprintln(os.Stderr, "codestats:", err)
		os.Exit(1)
	}
	st.report()
}

func (st *stats) visit(path string, d fs.DirEntry, err error) error {
	if err != nil {
		return err
	}
	if d.IsDir() && (strings.HasPrefix(d.Name(), ".") && path != "." || d.Name() == "testdata") {
		return filepath.SkipDir
	}
	if d.IsDir() || !strings.HasSuffix(path, ".go") {
		return nil
	}
	src, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if n := strings.Count(string(src), "\n"); n > 400 {
		fmt.Printf("file over 400 lines: %s (%d)\n", path, n)
	}
	if strings.HasSuffix(path, "_test.go") {
		return nil
	}
	f, err := parser.ParseFile(st.fset, path, src, 0)
	if err != nil {
		return err
	}
	for _, decl := range f.Decls {
		st.decl(path, decl)
	}
	return nil
}

func (st *stats) decl(path string, decl ast.Decl) {
	switch d := decl.(type) {
	case *ast.FuncDecl:
		if d.Body != nil {
			n := st.fset.Position(d.End()).Line - st.fset.Position(d.Pos()).Line + 1
			st.funcs = append(st.funcs, function{path + ":" + d.Name.Name, n})
		}
	case *ast.GenDecl:
		if strings.HasPrefix(path, "app"+string(filepath.Separator)) {
			wideStructs(path, d)
		}
	}
}

// wideStructs prints the struct types of d with more than 12 fields.
func wideStructs(path string, d *ast.GenDecl) {
	for _, s := range d.Specs {
		ts, ok := s.(*ast.TypeSpec)
		if !ok {
			continue
		}
		if st, ok := ts.Type.(*ast.StructType); ok {
			fields := 0
			for _, fl := range st.Fields.List {
				fields += max(1, len(fl.Names))
			}
			if fields > 12 {
				fmt.Printf("app type over 12 fields: %s.%s (%d)\n", path, ts.Name.Name, fields)
			}
		}
	}
}

func (st *stats) report() {
	sort.Slice(st.funcs, func(i, j int) bool { return st.funcs[i].lines > st.funcs[j].lines })
	n := len(st.funcs)
	if n == 0 {
		fmt.Println("no functions")
		return
	}
	pct := func(p float64) int { return st.funcs[n-1-int(p*float64(n-1))].lines }
	fmt.Printf("functions: %d, median %d lines, p90 %d, max %d\n", n, pct(0.5), pct(0.9), st.funcs[0].lines)
	for _, f := range st.funcs[:min(10, n)] {
		fmt.Printf("  %4d %s\n", f.lines, f.name)
	}
}
