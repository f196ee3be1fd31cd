// Package assets embeds what the app needs at run time: the CJK font, the
// icon and the default data set. It is the only place with go:embed.
//
// Floor: assets (embedded files; imports nothing of the project).
package assets

import "embed"

// FontTTF is WenQuanYi Micro Hei (Apache-2.0), the first face of Debian's
// wqy-microhei.ttc; see fonts/ttcextract.go. It covers Latin and CJK, so
// all text renders the same on every OS.
//
//go:embed fonts/wqy-microhei.ttf
var FontTTF []byte

// SitesGeoJSON is the default data set: the 25 projects of the plan annex
// with the location evidence of each (RFC 7946, WGS-84).
//
//go:embed sites.geojson
var SitesGeoJSON []byte

// IconPNG is the application icon.
//
//go:embed icon.png
var IconPNG []byte

// I18N holds the translation tables, i18n/AREA.LANG.json (see data/i18n).
//
//go:embed i18n
var I18N embed.FS

// Help holds the user guide and the About text in each language,
// help/NAME.LANG.md (see data/i18n.Doc).
//
//go:embed help
var Help embed.FS

// FontLicence is the font's licence text (Apache-2.0), shown in About and
// shipped in the release.
//
//go:embed fonts/LICENSE-Apache-2.0.txt
var FontLicence []byte
