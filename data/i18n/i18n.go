// Package i18n looks up the user-visible strings of the app, the exports and
// the command line in one language at a time: Chinese (简体, the default) or
// English. Floor: ground (standard library and assets only), so every floor
// above, including the headless commands, can use it without Fyne; app also
// hands the same tables to Fyne's lang package so its dialogs follow.
//
// The tables are JSON files embedded from assets/i18n, one pair per area:
// AREA.zh.json and AREA.en.json, each a flat object key → text. Texts may
// hold fmt verbs (%s, %d, %.1f) filled from T's arguments.
package i18n

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/liwan-edu/schoolmap/assets"
)

// Languages the tables cover, the default first.
var Languages = []string{"zh", "en"}

var (
	mu      sync.RWMutex
	current = "zh"
	tables  map[string]map[string]string // language → key → text
	loadErr error
	once    sync.Once
)

func load() {
	tables, loadErr = Load(assets.I18N, "i18n")
}

// Load reads every AREA.LANG.json below dir of fsys into one table per
// language. A key defined twice in one language is an error naming both files.
func Load(fsys fs.FS, dir string) (map[string]map[string]string, error) {
	out := map[string]map[string]string{}
	from := map[string]string{}
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		name := e.Name()
		parts := strings.Split(strings.TrimSuffix(name, ".json"), ".")
		if e.IsDir() || !strings.HasSuffix(name, ".json") || len(parts) != 2 {
			continue
		}
		lang := parts[1]
		b, err := fs.ReadFile(fsys, path.Join(dir, name))
		if err != nil {
			return nil, err
		}
		var m map[string]string
		if err := json.Unmarshal(b, &m); err != nil {
			return nil, fmt.Errorf("i18n: %s: %w", name, err)
		}
		if out[lang] == nil {
			out[lang] = map[string]string{}
		}
		for k, v := range m {
			if prev, dup := from[lang+"\x00"+k]; dup {
				return nil, fmt.Errorf("i18n: key %q is in both %s and %s", k, prev, name)
			}
			from[lang+"\x00"+k] = name
			out[lang][k] = v
		}
	}
	return out, nil
}

// Tables returns the loaded tables (for tests and for handing to Fyne).
func Tables() (map[string]map[string]string, error) {
	once.Do(load)
	return tables, loadErr
}

// SetLanguage chooses the language of every later T. It accepts "zh" and
// "en" (and "zh_CN", "en-US" … by their first two letters).
func SetLanguage(lang string) error {
	l := strings.ToLower(lang)
	if len(l) > 2 {
		l = l[:2]
	}
	for _, ok := range Languages {
		if l == ok {
			mu.Lock()
			current = l
			mu.Unlock()
			return nil
		}
	}
	return fmt.Errorf("i18n: language %q is not one of %s", lang, strings.Join(Languages, ", "))
}

// Language is the language T uses now.
func Language() string {
	mu.RLock()
	defer mu.RUnlock()
	return current
}

// T returns the text of key in the current language, formatted with args
// when any are given. A key missing from the table returns the key itself
// (the tests make sure none is missing).
func T(key string, args ...any) string {
	return In(Language(), key, args...)
}

// In is T for a given language.
func In(lang, key string, args ...any) string {
	once.Do(load)
	s, ok := tables[lang][key]
	if !ok {
		s = key
		noteMissing(lang, key)
	}
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}

// Keys lists the keys of a language's table, sorted.
func Keys(lang string) []string {
	once.Do(load)
	keys := make([]string, 0, len(tables[lang]))
	for k := range tables[lang] {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Columns translates a row of column codes (a file header meant for
// people): each code c becomes T(prefix + c).
func Columns(prefix string, codes []string) []string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = T(prefix + c)
	}
	return out
}

var (
	missingMu sync.Mutex
	missing   = map[string]bool{}
)

func noteMissing(lang, key string) {
	missingMu.Lock()
	missing[lang+": "+key] = true
	missingMu.Unlock()
}

// Missing lists, sorted, every "lang: key" that T or In was asked for and
// the table lacks, since the start or the last ResetMissing. Tests that
// exercise an output in both languages check it is empty: this catches
// keys built at run time (prefix + code) that a source scan cannot see.
func Missing() []string {
	missingMu.Lock()
	defer missingMu.Unlock()
	out := make([]string, 0, len(missing))
	for k := range missing {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// ResetMissing forgets the keys Missing reports.
func ResetMissing() {
	missingMu.Lock()
	missing = map[string]bool{}
	missingMu.Unlock()
}
