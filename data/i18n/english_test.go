package i18n

import "testing"

func TestEnglishRun(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"sentence", "初中部校区 junior campus, near the POI", "junior campus, near the POI"},
		{"codes", "位置证据表 SITE-LOCATIONS（2026）：高德地图 POI（GCJ-02，已转换为 WGS-84）", ""},
		{"units", "规划人员 2026-11-27 放置（±20 m）", ""},
		{"two words", "EPSG 4326 WGS 84", ""},
		{"cut by CJK", "the 站前 cpg says", ""},
		{"at the end", "依据：the .cpg file says GBK", "the .cpg file says GBK"},
		{"file types", "OpenStreetMap .osm.pbf 或 {z}/{x}/{y}.png", ""},
		{"format verbs", "%d / %d (%.0f%%)", ""},
		{"empty", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := EnglishRun(tc.in); got != tc.want {
				t.Errorf("EnglishRun(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// codeLists are Chinese texts that list codes typed on the command line
// (layer names, a bounding box's parts), which stay as typed.
var codeLists = map[string]bool{"cli.flag.layers": true, "cli.unknown_layer": true, "cli.flag.reference": true,
	"cli.bbox_count": true, "cli.flag.access_bbox": true, "cli.flag.bbox": true, "cli.usage": true,
	"limits.ref_coords": true, "limits.ref_too_large": true}

// The Chinese table holds no English phrase.
func TestChineseTableHasNoEnglish(t *testing.T) {
	tabs, err := Tables()
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range Keys("zh") {
		if run := EnglishRun(tabs["zh"][k]); run != "" && !codeLists[k] {
			t.Errorf("%s: %q", k, run)
		}
	}
}
