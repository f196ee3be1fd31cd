package crs

import (
	"fmt"
	"math"
	"strings"
)

// FromWKT reads a .prj or GeoPackage WKT definition. It returns Unknown
// and no error when wkt is empty (the file does not say); a definition of
// a system this package does not support gives an error wrapping
// ErrUnknownCRS that names it ("EPSG:2385 … is not supported").
func FromWKT(wkt string) (CRS, error) {
	wkt = strings.TrimSpace(strings.TrimPrefix(wkt, "\ufeff"))
	if wkt == "" {
		return Unknown, nil
	}
	if strings.Contains(strings.ToUpper(wkt), "GCJ") {
		return GCJ02, nil
	}
	root, err := parseWKT(wkt)
	if err != nil {
		return Unknown, fmt.Errorf("%w: %v", ErrUnknownCRS, err)
	}
	if h := root.child("SOURCECRS"); root.key == "BOUNDCRS" && h != nil && len(h.args) > 0 && h.args[0].node != nil {
		root = h.args[0].node
	}
	if root.key == "COMPD_CS" || root.key == "COMPOUNDCRS" {
		if h := root.child("PROJCS", "PROJCRS", "PROJECTEDCRS", "GEOGCS", "GEOGCRS", "GEODCRS", "GEOGRAPHICCRS"); h != nil {
			root = h
		}
	}
	var c CRS
	var ok bool
	switch root.key {
	case "PROJCS", "PROJCRS", "PROJECTEDCRS":
		c, ok = projected(root)
	case "GEOGCS", "GEOGCRS", "GEODCRS", "GEOGRAPHICCRS":
		c, ok = geographic(root)
	}
	if !ok {
		return Unknown, fmt.Errorf("%w: %s is not supported", ErrUnknownCRS, display(root))
	}
	return c, nil
}

// display names a definition for messages: "EPSG:2385 Xian 1980 / …".
func display(n *wktNode) string {
	name := clip(n.name(), 80)
	if code := authority(n); code != "" {
		return code + " " + name
	}
	return name
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// authority reads AUTHORITY["EPSG","2383"] (WKT 1) or ID["EPSG",2383].
func authority(n *wktNode) string {
	a := n.child("AUTHORITY", "ID")
	if a == nil || len(a.args) < 2 {
		return ""
	}
	code := a.args[1].str
	if a.args[1].isNum {
		code = fmt.Sprint(a.args[1].num)
	}
	return strings.ToUpper(a.args[0].str) + ":" + code
}

// datumOf reads the ellipsoid (or, in ESRI's short form without one, the
// datum's name) and any TOWGS84 parameters.
func datumOf(n *wktNode) (datum, bool) {
	var d datum
	ok := false
	if e := n.find("SPHEROID", "ELLIPSOID"); e != nil {
		if v := e.nums(); len(v) >= 2 {
			d, ok = datumFor(v[0], v[1])
		}
	} else {
		d, ok = datumByName(strings.ToUpper(n.name() + " " + n.find("DATUM", "GEOGCS", "GEOGCRS").name()))
	}
	if t := n.find("TOWGS84"); ok && t != nil {
		v := t.nums()
		if len(v) == 3 || len(v) == 7 {
			copy(d.towgs84[:], v)
			d.shifted = !d.nearWGS84 && d.towgs84 != [7]float64{}
		}
	}
	return d, ok
}

func datumByName(n string) (datum, bool) {
	switch {
	case strings.Contains(n, "2000") || strings.Contains(n, "CGCS") || strings.Contains(n, "CHINA"):
		return datumCGCS2000, true
	case strings.Contains(n, "WGS") && strings.Contains(n, "84"):
		return datumWGS84, true
	case strings.Contains(n, "XIAN") || strings.Contains(n, "XI'AN") || strings.Contains(n, "1980"):
		return datumXian1980, true
	case strings.Contains(n, "BEIJING") || strings.Contains(n, "1954"):
		return datumBJ1954, true
	}
	return datum{}, false
}

func geographic(n *wktNode) (CRS, bool) {
	d, ok := datumOf(n)
	switch {
	case !ok:
		return Unknown, false
	case d == datumCGCS2000:
		return CGCS2000, true
	case d == datumWGS84:
		return WGS84, true
	}
	return CRS{kind: kindGeographic, code: authority(n), label: clip(n.name(), 80), datum: d}, true
}

func projected(n *wktNode) (CRS, bool) {
	method := strings.ToUpper(n.find("PROJECTION", "METHOD").name() + " " + n.name())
	method = strings.NewReplacer("_", "", " ", "", "-", "").Replace(method)
	if strings.Contains(method, "AUXILIARYSPHERE") || strings.Contains(method, "PSEUDOMERCATOR") || strings.Contains(method, "POPULARVISUALISATION") {
		return WebMercator, true
	}
	if !strings.Contains(method, "TRANSVERSEMERCATOR") && !strings.Contains(method, "GAUSS") {
		return Unknown, false
	}
	d, ok := datumOf(n)
	if u := n.child("UNIT", "LENGTHUNIT"); u != nil && len(u.nums()) > 0 && math.Abs(u.nums()[0]-1) > 1e-9 {
		ok = false // feet and other units: not met in planners' files
	}
	if !ok {
		return Unknown, false
	}
	t := tm{a: d.a, f: d.f, k0: 1}
	if !tmParameters(n, &t) {
		return Unknown, false
	}
	c := CRS{kind: kindTM, code: authority(n), label: clip(n.name(), 80), tm: t, datum: d}
	if c.code != "" {
		c.label += " (" + c.code + ")"
	}
	if known, ok := knownTM(c); ok {
		return known, true
	}
	return c, true
}

// knownTM finds the EPSG system with the same projection and datum, so a
// definition without a code (ESRI .prj files) gets its code and name.
func knownTM(c CRS) (CRS, bool) {
	if c.tm == CGCS2000GK114.tm && c.datum == CGCS2000GK114.datum {
		return CGCS2000GK114, true
	}
	for _, f := range gkFamilies {
		if f.width != 3 {
			continue // the 6° meridians are 3° ones too: prefer the 3° code
		}
		for code := f.first; code <= f.last; code++ {
			if k := f.crs(code); k.tm == c.tm && k.datum == c.datum && (c.code == "" || c.code == k.code) {
				return k, true
			}
		}
	}
	return c, false
}

// tmParameters reads the projection parameters by their WKT 1, ESRI or
// WKT 2 names; angles are degrees.
func tmParameters(n *wktNode, t *tm) bool {
	var params []*wktNode
	var walk func(*wktNode)
	walk = func(x *wktNode) {
		for _, a := range x.args {
			if a.node != nil && a.node.key == "PARAMETER" {
				params = append(params, a.node)
			} else if a.node != nil && (a.node.key == "CONVERSION") {
				walk(a.node)
			}
		}
	}
	walk(n)
	for _, p := range params {
		v := p.nums()
		if len(v) == 0 || math.IsNaN(v[0]) || math.IsInf(v[0], 0) {
			return false
		}
		switch strings.NewReplacer("_", "", " ", "").Replace(strings.ToLower(p.name())) {
		case "centralmeridian", "longitudeofnaturalorigin", "longitudeoforigin", "longitudeofcenter":
			t.lon0 = v[0]
		case "scalefactor", "scalefactoratnaturalorigin":
			t.k0 = v[0]
		case "falseeasting":
			t.fe = v[0]
		case "falsenorthing":
			t.fn = v[0]
		case "latitudeoforigin", "latitudeofnaturalorigin", "latitudeofcenter":
			t.lat0 = v[0]
		}
	}
	return t.k0 > 0.5 && t.k0 < 1.5 && math.Abs(t.lon0) <= 180 && math.Abs(t.lat0) < 89
}
