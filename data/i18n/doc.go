package i18n

import (
	"fmt"
	"io/fs"

	"github.com/liwan-edu/schoolmap/assets"
)

// Docs are the help documents every language has: the user guide and the
// About text (which takes the version as %[1]s and the build date clause,
// ", built 2026-12-04" or "" when the date is unknown, as %[2]s).
var Docs = []string{"guide", "about"}

// Doc returns help document name (see Docs) in the current language as
// Markdown, formatted with args when any are given.
func Doc(name string, args ...any) string {
	return DocIn(Language(), name, args...)
}

// DocIn is Doc for a given language; a document missing in that language
// falls back to Chinese.
func DocIn(lang, name string, args ...any) string {
	b, err := fs.ReadFile(assets.Help, "help/"+name+"."+lang+".md")
	if err != nil {
		b, _ = fs.ReadFile(assets.Help, "help/"+name+".zh.md")
	}
	if len(args) > 0 {
		return fmt.Sprintf(string(b), args...)
	}
	return string(b)
}
