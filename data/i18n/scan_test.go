package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// moduleRoot is two folders up from data/i18n.
const moduleRoot = "../.."

// goFiles parses every non-test .go file of the module below dir.
func goFiles(t *testing.T, dir string) map[string]*ast.File {
	t.Helper()
	fset := token.NewFileSet()
	out := map[string]*ast.File{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") && path != dir {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		out[path] = f
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// i18nCall returns the key argument of a call to i18n.T, i18n.In or
// i18n.Columns (the package as imported, so named "i18n"), or nil.
func i18nCall(call *ast.CallExpr) ast.Expr {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	pkg, ok := sel.X.(*ast.Ident)
	if !ok || pkg.Name != "i18n" {
		return nil
	}
	switch {
	case (sel.Sel.Name == "T" || sel.Sel.Name == "Columns") && len(call.Args) > 0:
		return call.Args[0]
	case sel.Sel.Name == "In" && len(call.Args) > 1:
		return call.Args[1]
	}
	return nil
}

// keyUses lists, per file, the literal keys and the literal prefixes
// (i18n.T("a.b." + code)) the code asks for.
func keyUses(t *testing.T, files map[string]*ast.File) (keys, prefixes map[string][]string) {
	keys, prefixes = map[string][]string{}, map[string][]string{}
	for path, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			arg := i18nCall(call)
			if p, ok := stringLit(arg); ok && isColumns(call) {
				prefixes[p] = append(prefixes[p], path)
				for _, c := range literalList(call.Args[1]) {
					keys[p+c] = append(keys[p+c], path)
				}
				return true
			}
			if bin, ok := arg.(*ast.BinaryExpr); ok && bin.Op == token.ADD {
				arg = bin.X
				if s, ok := stringLit(arg); ok {
					prefixes[s] = append(prefixes[s], path)
				}
				return true
			}
			if s, ok := stringLit(arg); ok {
				keys[s] = append(keys[s], path)
			}
			return true
		})
	}
	return keys, prefixes
}

func isColumns(call *ast.CallExpr) bool {
	return call.Fun.(*ast.SelectorExpr).Sel.Name == "Columns" && len(call.Args) == 2
}

// literalList returns the strings of a []string{"a", "b"} literal.
func literalList(e ast.Expr) []string {
	cl, ok := e.(*ast.CompositeLit)
	if !ok {
		return nil
	}
	var out []string
	for _, el := range cl.Elts {
		if s, ok := stringLit(el); ok {
			out = append(out, s)
		}
	}
	return out
}

func stringLit(e ast.Expr) (string, bool) {
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil
}

// TestEveryKeyInTheCodeIsTranslated fails when the code asks for a key
// that either table lacks, or builds keys from a prefix no key has.
func TestEveryKeyInTheCodeIsTranslated(t *testing.T) {
	tabs, err := Tables()
	if err != nil {
		t.Fatal(err)
	}
	keys, prefixes := keyUses(t, goFiles(t, moduleRoot))
	if len(keys) < 50 {
		t.Fatalf("found only %d keys in the code: the scan is broken", len(keys))
	}
	for k, where := range keys {
		for _, lang := range Languages {
			if _, ok := tabs[lang][k]; !ok {
				t.Errorf("%s: key %q is missing from the %s table", where[0], k, lang)
			}
		}
	}
	for p, where := range prefixes {
		for _, lang := range Languages {
			if !anyPrefix(tabs[lang], p) {
				t.Errorf("%s: no key of the %s table starts with %q", where[0], lang, p)
			}
		}
	}
}

func anyPrefix(m map[string]string, p string) bool {
	for k := range m {
		if strings.HasPrefix(k, p) {
			return true
		}
	}
	return false
}

// TestScanFindsMissingKeys makes sure the scan can fail.
func TestScanFindsMissingKeys(t *testing.T) {
	dir := t.TempDir()
	src := "package x\nimport \"github.com/liwan-edu/schoolmap/data/i18n\"\nvar _ = i18n.T(\"no.such.key\")\nvar _ = i18n.T(\"nope.\" + v)\nvar v = \"\"\n"
	os.WriteFile(filepath.Join(dir, "x.go"), []byte(src), 0o644)
	keys, prefixes := keyUses(t, goFiles(t, dir))
	if len(keys["no.such.key"]) != 1 || len(prefixes["nope."]) != 1 {
		t.Fatalf("keys %v, prefixes %v", keys, prefixes)
	}
}

func hasCJK(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

func parseSrc(t *testing.T, src string) map[string]*ast.File {
	t.Helper()
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "x.go"), []byte(src), 0o644)
	return goFiles(t, dir)
}
