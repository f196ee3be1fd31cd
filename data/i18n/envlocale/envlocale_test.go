package envlocale

import (
	"os"
	"testing"
)

func TestQuiet(t *testing.T) {
	for _, tc := range []struct {
		name, lcAll, lang, language string
		want                        bool
	}{
		{"C.UTF-8", "", "C.UTF-8", "", true},
		{"POSIX.utf8 in LC_ALL", "POSIX.utf8", "zh_CN.UTF-8", "", true},
		{"LC_ALL wins over a C LANG", "zh_CN.UTF-8", "C.UTF-8", "", false},
		{"a real locale", "", "en_US.UTF-8", "", false},
		{"bare C (Fyne copes)", "", "C", "", false},
		{"LANGUAGE already set", "", "C.UTF-8", "zh_CN", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("LC_ALL", tc.lcAll)
			t.Setenv("LC_MESSAGES", "")
			t.Setenv("LANG", tc.lang)
			t.Setenv("LANGUAGE", tc.language)
			if got := Quiet(); got != tc.want {
				t.Fatalf("Quiet() = %v, want %v", got, tc.want)
			}
			if tc.want && os.Getenv("LANGUAGE") != "en" {
				t.Errorf("LANGUAGE = %q, want en", os.Getenv("LANGUAGE"))
			}
		})
	}
}
