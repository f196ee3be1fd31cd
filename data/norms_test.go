package data

import (
	"reflect"
	"strings"
	"testing"

	"github.com/liwan-edu/schoolmap/data/i18n"
)

func TestNormCustom(t *testing.T) {
	defer i18n.SetLanguage("zh")
	def := DefaultNorms()
	changed := def.Clone()
	changed.RadiusM[Kindergarten] = Norm{Value: 350, Source: def.RadiusM[Kindergarten].Source}
	changed.PerClass[Primary] = Norm{Value: 40, Source: def.PerClass[Primary].Source}
	changed.NineYearPrimaryShare = 0.5
	tests := []struct {
		name     string
		got, def Norm
		custom   bool
		zh, en   string
	}{
		{"default radius", def.RadiusM[Kindergarten], def.RadiusM[Kindergarten], false, "GB 50180-2018 城市居住区规划设计标准：5分钟生活圈", "GB 50180-2018 城市居住区规划设计标准 (residential area standard): 5-minute life circle"},
		{"changed radius keeps old source", changed.RadiusM[Kindergarten], def.RadiusM[Kindergarten], true, "自定义（默认 300）", "custom (default 300)"},
		{"changed per class", changed.PerClass[Primary], def.PerClass[Primary], true, "自定义（默认 45）", "custom (default 45)"},
		{"same value typed again", Norm{Value: 300.0000000001, Source: def.RadiusM[Kindergarten].Source}, def.RadiusM[Kindergarten], false, "GB 50180-2018 城市居住区规划设计标准：5分钟生活圈", "GB 50180-2018 城市居住区规划设计标准 (residential area standard): 5-minute life circle"},
		{"other source", Norm{Value: 300, Source: "district notice"}, def.RadiusM[Kindergarten], true, "自定义（默认 300）", "custom (default 300)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.got.Custom(tt.def); got != tt.custom {
				t.Errorf("Custom = %v, want %v", got, tt.custom)
			}
			for lang, want := range map[string]string{"zh": tt.zh, "en": tt.en} {
				i18n.SetLanguage(lang)
				if got := tt.got.SourceText(tt.def); got != want {
					t.Errorf("%s: %q, want %q", lang, got, want)
				}
			}
		})
	}
	if got := def.Custom(); len(got) != 0 {
		t.Errorf("defaults report custom norms %v", got)
	}
	want := []string{"radius_m.kindergarten", "per_class.primary", "nine_year_primary_share"}
	if got := changed.Custom(); !reflect.DeepEqual(got, want) {
		t.Errorf("Custom() = %v, want %v", got, want)
	}
}

func TestNormSourcesInOneLanguage(t *testing.T) {
	defer i18n.SetLanguage("zh")
	d := DefaultNorms()
	i18n.SetLanguage("en")
	if got := d.Per1000[Kindergarten].SourceText(d.Per1000[Kindergarten]); strings.Contains(got, "千人") || !strings.Contains(got, "Fuzhou") {
		t.Errorf("English per-1000 source %q", got)
	}
	i18n.SetLanguage("zh")
	if got := d.RadiusM[Senior].SourceText(d.RadiusM[Senior]); strings.Contains(got, "practice") || got == "" {
		t.Errorf("Chinese senior radius source %q", got)
	}
	if got := d.RadiusM[Kindergarten].SourceText(d.RadiusM[Kindergarten]); !strings.Contains(got, "5分钟") {
		t.Errorf("Chinese kindergarten radius source %q", got)
	}
}
