package crs

import "fmt"

// gkFamily is a run of EPSG codes for Gauss–Krüger zones: 3° or 6° wide,
// named by zone number (eastings carry the zone as a prefix) or by
// central meridian (no prefix).
type gkFamily struct {
	first, last int
	datum       datum
	width       int  // 3 or 6 degrees
	prefixed    bool // false easting zone×1,000,000 + 500,000
	firstZone   int  // zone of the first code (prefixed families)
}

var gkFamilies = []gkFamily{
	{4491, 4501, datumCGCS2000, 6, true, 13}, {4502, 4512, datumCGCS2000, 6, false, 13},
	{4513, 4533, datumCGCS2000, 3, true, 25}, {4534, 4554, datumCGCS2000, 3, false, 25},
	{2327, 2337, datumXian1980, 6, true, 13}, {2338, 2348, datumXian1980, 6, false, 13},
	{2349, 2369, datumXian1980, 3, true, 25}, {2370, 2390, datumXian1980, 3, false, 25},
	{2401, 2421, datumBJ1954, 3, true, 25}, {2422, 2442, datumBJ1954, 3, false, 25},
	{21413, 21423, datumBJ1954, 6, true, 13}, {21453, 21463, datumBJ1954, 6, false, 13},
}

// FromEPSG maps an EPSG code to a CRS: 4326, 4490, 3857 and the
// Gauss–Krüger families of CGCS2000, Xian 1980 and Beijing 1954.
func FromEPSG(code int) (CRS, error) {
	for _, c := range []CRS{WGS84, CGCS2000, WebMercator, CGCS2000GK114} {
		if c.code == fmt.Sprintf("EPSG:%d", code) {
			return c, nil
		}
	}
	return gkFromEPSG(code)
}

// supported lists the codes for messages.
const supported = "use EPSG:4326, EPSG:4490, EPSG:3857, gcj02, or a Gauss–Krüger code: EPSG:4491–4554 (CGCS2000, e.g. EPSG:4547), 2327–2390 (Xian 1980), 2401–2442, 21413–21423, 21453–21463 (Beijing 1954)"

func gkFromEPSG(code int) (CRS, error) {
	for _, f := range gkFamilies {
		if code >= f.first && code <= f.last {
			return f.crs(code), nil
		}
	}
	return Unknown, fmt.Errorf("%w: EPSG:%d (%s)", ErrUnknownCRS, code, supported)
}

func (f gkFamily) crs(code int) CRS {
	zone := f.firstZone + code - f.first
	cm := zone * f.width
	if f.width == 6 {
		cm -= 3
	}
	t := tm{a: f.datum.a, f: f.datum.f, lon0: float64(cm), k0: 1, fe: 500000}
	deg := "3-degree "
	if f.width == 6 {
		deg = ""
	}
	name := fmt.Sprintf("%s / %sGauss-Kruger CM %dE", f.datum.name, deg, cm)
	if f.prefixed {
		t.fe += float64(zone) * 1e6
		name = fmt.Sprintf("%s / %sGauss-Kruger zone %d", f.datum.name, deg, zone)
	}
	return CRS{kind: kindTM, code: fmt.Sprintf("EPSG:%d", code), label: fmt.Sprintf("%s (EPSG:%d)", name, code), tm: t, datum: f.datum}
}

func mustEPSG(code int, label string) CRS {
	c, err := gkFromEPSG(code)
	if err != nil {
		panic(err)
	}
	c.label = label
	return c
}
