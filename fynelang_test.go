package main

import (
	"testing"

	"fyne.io/fyne/v2/lang"
)

// TestFollowLanguage: Fyne's dialogs follow the chosen language on an OS
// in another one (Fyne re-reads the OS locale list from LANGUAGE/LANG on
// Linux each time translations are added).
func TestFollowLanguage(t *testing.T) {
	t.Cleanup(func() { followLanguage("zh") })
	for _, tc := range []struct{ osLang, choice, cancel, ok, name string }{
		{"de_DE.UTF-8", "zh", "取消", "确定", "名称"},
		{"en_US.UTF-8", "zh", "取消", "确定", "名称"},
		{"zh_CN.UTF-8", "en", "Cancel", "OK", "Name"},
		{"ja_JP.UTF-8", "en", "Cancel", "OK", "Name"},
	} {
		t.Setenv("LC_ALL", "")
		t.Setenv("LC_MESSAGES", "")
		t.Setenv("LANGUAGE", "")
		t.Setenv("LANG", tc.osLang)
		if err := followLanguage(tc.choice); err != nil {
			t.Fatal(err)
		}
		if got := lang.L("Cancel"); got != tc.cancel {
			t.Errorf("OS %s, chosen %s: Cancel = %q, want %q", tc.osLang, tc.choice, got, tc.cancel)
		}
		if got := lang.L("OK"); got != tc.ok {
			t.Errorf("OS %s, chosen %s: OK = %q, want %q", tc.osLang, tc.choice, got, tc.ok)
		}
		if got := lang.X("file.name", "Name"); got != tc.name {
			t.Errorf("OS %s, chosen %s: file.name = %q, want %q", tc.osLang, tc.choice, got, tc.name)
		}
	}
	if followLanguage("fr") == nil {
		t.Error("followLanguage(fr) succeeded without a table")
	}
}
