package i18n

import (
	"fmt"
	"go/ast"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"
)

// untranslatedInApp is how many literal texts app/ still hands straight to
// Fyne (widgets, dialogs, menus, window titles). The number may only go
// down; it is 0 once every app string goes through i18n.T. A test that
// fails when it goes up catches a regression the key scan cannot: a text
// that never reached the tables at all.
const untranslatedInApp = 0

// fyneTextCalls are the constructors and setters that put text on screen.
var fyneTextPkgs = map[string]bool{"widget": true, "dialog": true, "fyne": true, "container": true}

var fyneTextMethods = map[string]bool{"SetText": true, "SetTitle": true, "SetPlaceHolder": true,
	"SetContent": false, "ShowInformation": true, "ShowError": true, "SetMainMenu": false, "NewWindow": true,
	"SetSubTitle": true, "Append": false}

// notText are literals handed to Fyne that people never read: resource
// names, a template that sizes a table cell, 天地图's parameter name for
// its key and an example tile URL template.
var notText = map[string]bool{"wqy-microhei.ttf": true, "icon.png": true, "Ctrl+Shift+PageDown": true,
	"tk": true, "https://{s}.example.com/{z}/{x}/{y}.png": true}

// literalTexts lists "file:line: text" for every string literal with a
// word in it passed directly to a Fyne text call in files.
func literalTexts(files map[string]*ast.File, pos func(ast.Node, string) string) []string {
	var out []string
	for path, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || !showsText(call) {
				return true
			}
			for _, a := range call.Args {
				if s, ok := stringLit(a); ok && isWords(s) && !notText[s] {
					out = append(out, fmt.Sprintf("%s: %q", pos(a, path), s))
				}
			}
			return true
		})
	}
	sort.Strings(out)
	return out
}

// appTextFuncs are app's own wrappers of Fyne's dialogs (closing on Esc).
var appTextFuncs = map[string]bool{"showInformation": true, "showConfirm": true, "showForm": true, "showCustomConfirm": true}

func showsText(call *ast.CallExpr) bool {
	if id, ok := call.Fun.(*ast.Ident); ok {
		return appTextFuncs[id.Name]
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	if id, ok := sel.X.(*ast.Ident); ok && fyneTextPkgs[id.Name] {
		return strings.HasPrefix(sel.Sel.Name, "New") || strings.HasPrefix(sel.Sel.Name, "Show")
	}
	return fyneTextMethods[sel.Sel.Name]
}

// isWords reports whether s reads as text for people: any CJK character,
// or two Latin letters in a row (so "%d", "", "·" and "+" pass).
func isWords(s string) bool {
	if hasCJK(s) {
		return true
	}
	run := 0
	for _, r := range s {
		if unicode.IsLetter(r) && r < 0x250 {
			run++
			if run >= 2 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

func TestAppHandsNoLiteralTextToFyne(t *testing.T) {
	files := goFiles(t, filepath.Join(moduleRoot, "app"))
	got := literalTexts(files, func(n ast.Node, path string) string { return path })
	if len(got) > untranslatedInApp {
		t.Errorf("app/ passes %d literal texts to Fyne, more than the %d left to translate; use i18n.T:\n%s",
			len(got), untranslatedInApp, strings.Join(got, "\n"))
	}
	t.Logf("%d literal texts left in app/", len(got))
}

func TestLiteralTextScanFinds(t *testing.T) {
	files := parseSrc(t, `package x
func f() {
	widget.NewButton("保存 Save", nil)
	dialog.ShowInformation("Error", msg, w)
	l.SetText("Quit")
	widget.NewLabel(i18n.T("ui.ok"))
	widget.NewLabel("%d")
	showConfirm("Delete?", msg, cb, w)
}`)
	got := literalTexts(files, func(n ast.Node, path string) string { return path })
	if len(got) != 4 {
		t.Fatalf("found %d texts, want 4: %v", len(got), got)
	}
}
