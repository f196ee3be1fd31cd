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

func main() {
	fset := token.NewFileSet()
	var lengths []int
	type long struct {
		name string
		n    int
	}
	var longest []long
	filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
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
		f, err := parser.ParseFile(fset, path, src, 0)
		if err != nil {
			return err
		}
		for _, decl := range f.Decls {
			switch d := decl.(type) {
			case *ast.FuncDecl:
				if d.Body == nil {
					continue
				}
				n := fset.Position(d.End()).Line - fset.Position(d.Pos()).Line + 1
				lengths = append(lengths, n)
				longest = append(longest, long{path + ":" + d.Name.Name, n})
			case *ast.GenDecl:
				if !strings.HasPrefix(path, "app"+string(filepath.Separator)) {
					continue
				}
				for _, s := range d.Specs {
					ts, ok := s.(*ast.TypeSpec)
					if !ok {
						continue
					}
					st, ok := ts.Type.(*ast.StructType)
					if !ok {
						continue
					}
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
		return nil
	})
	sort.Ints(lengths)
	sort.Slice(longest, func(i, j int) bool { return longest[i].n > longest[j].n })
	pct := func(p float64) int { return lengths[int(p*float64(len(lengths)-1))] }
	fmt.Printf("functions: %d, median %d lines, p90 %d, max %d\n", len(lengths), pct(0.5), pct(0.9), lengths[len(lengths)-1])
	for _, l := range longest[:min(10, len(longest))] {
		fmt.Printf("  %4d %s\n", l.n, l.name)
	}
}
