package i18n

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestTablesHaveTheSameKeys(t *testing.T) {
	tabs, err := Tables()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range Languages {
		for _, b := range Languages {
			for k := range tabs[a] {
				if _, ok := tabs[b][k]; !ok {
					t.Errorf("key %q is in the %s table but not in the %s table", k, a, b)
				}
			}
		}
	}
}

func TestTablesKeepTheirVerbs(t *testing.T) {
	tabs, err := Tables()
	if err != nil {
		t.Fatal(err)
	}
	for k, zh := range tabs["zh"] {
		if en, ok := tabs["en"][k]; ok && strings.Count(zh, "%")-strings.Count(zh, "%%")*2 != strings.Count(en, "%")-strings.Count(en, "%%")*2 {
			t.Errorf("key %q: zh %q and en %q have different numbers of fmt verbs", k, zh, en)
		}
	}
}

func TestLoadRefusesDuplicates(t *testing.T) {
	fsys := fstest.MapFS{
		"d/a.zh.json": {Data: []byte(`{"k":"一"}`)},
		"d/b.zh.json": {Data: []byte(`{"k":"二"}`)},
	}
	if _, err := Load(fsys, "d"); err == nil || !strings.Contains(err.Error(), "a.zh.json") {
		t.Fatalf("err = %v, want a duplicate-key error naming both files", err)
	}
}

func TestTAndSetLanguage(t *testing.T) {
	t.Cleanup(func() { SetLanguage("zh") })
	if err := SetLanguage("fr"); err == nil {
		t.Error("SetLanguage(fr) succeeded")
	}
	for _, tc := range []struct{ lang, want string }{{"zh_CN", "语言"}, {"en-US", "Language"}} {
		if err := SetLanguage(tc.lang); err != nil {
			t.Fatal(err)
		}
		if got := T("common.language"); got != tc.want {
			t.Errorf("%s: T(common.language) = %q, want %q", tc.lang, got, tc.want)
		}
	}
	if got := T("no.such.key"); got != "no.such.key" {
		t.Errorf("missing key gives %q, want the key", got)
	}
}
