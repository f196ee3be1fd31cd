package data

import "github.com/paulmach/orb"

// Subdistrict is a 街道: its code and name, its population when the planner
// gave one, and its boundary when imported. Nothing here is invented: an
// unknown population is PopKnown false, a missing boundary nil.
type Subdistrict struct {
	Code       string
	Name       string
	Population int
	PopKnown   bool
	Boundary   orb.MultiPolygon // WGS-84
	Source     string           // file the boundary or population came from
}

// LiwanPopulation2020 is the district's resident population in the 2020
// census (seventh national census).
const LiwanPopulation2020 = 1238305

// LiwanSubdistricts are Liwan's 22 subdistricts with their official
// statistical codes (440103 + three digits + 000); populations and
// boundaries are left for the planner to import.
func LiwanSubdistricts() []Subdistrict {
	names := []string{"沙面", "岭南", "华林", "多宝", "昌华", "逢源", "龙津", "金花", "彩虹", "南源", "西村",
		"站前", "桥中", "白鹤洞", "冲口", "花地", "石围塘", "茶滘", "东漖", "海龙", "东沙", "中南"}
	out := make([]Subdistrict, len(names))
	for i, n := range names {
		out[i] = Subdistrict{Code: "440103" + pad3(i+1) + "000", Name: n}
	}
	return out
}

func pad3(n int) string {
	return string([]byte{byte('0' + n/100), byte('0' + n/10%10), byte('0' + n%10)})
}
