#!/usr/bin/env bash
# Builds the release into dist/ (gitignored), the version from FyneApp.toml
# in every file name:
#   dist/schoolmap-VERSION-windows-amd64.zip  schoolmap.exe (made by `fyne
#     package`: icon and version resource from FyneApp.toml), schoolmap-cli.exe
#     (the same program with the console subsystem, for scripts), README in
#     Chinese and English, licences, sample boundaries and population
#   dist/schoolmap-VERSION-linux-amd64        the Linux binary
# `fyne package` bumps Build in FyneApp.toml after every run, so it runs on
# a copy of the source: the checkout is never modified.
# Usage: scripts/release.sh [--check]
#   --check  also verify what CI verifies: the exe's subsystem, icon and
#            version resources, the zip's contents, the Linux binary's
#            --version, and that FyneApp.toml is unchanged.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
check=${1:-}
version=$(sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)
build=$(sed -n 's/^Build *= *\([0-9]*\)/\1/p' FyneApp.toml)
date=${BUILD_DATE:-$(date -u +%Y-%m-%d)}
name=schoolmap-$version
fyne=$(command -v fyne || echo "$(go env GOPATH)/bin/fyne")
if [ ! -x "$fyne" ]; then
  echo "release: installing the fyne tool (go install fyne.io/tools/cmd/fyne@v1.7.4)"
  go install fyne.io/tools/cmd/fyne@v1.7.4
fi
toml_before=$(cksum <FyneApp.toml)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p dist

echo "== Linux binary ($version, $date)"
go build -trimpath -ldflags "-s -w -X main.version=$version -X main.buildDate=$date" -o "dist/$name-linux-amd64" .

echo "== Windows: fyne package on a copy of the source"
mkdir "$tmp/src"
tar --exclude=./dist --exclude=./.git --exclude=./.ci/out -cf - . | tar -C "$tmp/src" -xf -
# An existing --exe makes fyne skip its first build: it then builds once,
# with the icon and version resource linked in.
(
  cd "$tmp/src"
  touch schoolmap.exe
  GOFLAGS="${GOFLAGS:+$GOFLAGS }-ldflags=-X=main.version=$version -ldflags=-X=main.buildDate=$date" \
    CC=x86_64-w64-mingw32-gcc "$fyne" package -os windows --release --exe schoolmap.exe
)
stage="$tmp/$name-windows-amd64"
mkdir -p "$stage/licences" "$stage/sample"
mv "$tmp/src/Liwan School Plan Map.exe" "$stage/schoolmap.exe"
go run ./scripts/pesubsystem "$stage/schoolmap.exe" "$stage/schoolmap-cli.exe" console
cp docs/release/README.zh.md docs/release/README.en.md "$stage/"
cp assets/fonts/LICENSE-Apache-2.0.txt "$stage/licences/font-WenQuanYi-Micro-Hei-Apache-2.0.txt"
cp docs/release/DATA-LICENCES.md "$stage/licences/"
cp testdata/boundaries/synthetic-wgs84.geojson testdata/boundaries/population-gbk.csv "$stage/sample/"
rm -f "dist/$name-windows-amd64.zip"
(cd "$tmp" && zip -qr "$root/dist/$name-windows-amd64.zip" "$name-windows-amd64")
ls -l dist/"$name"* | awk '{print $5, $9}'

[ "$check" = --check ] || exit 0
echo "== release checks"
fail() { echo "release check: $*" >&2; exit 1; }
[ "$(cksum <FyneApp.toml)" = "$toml_before" ] || fail "FyneApp.toml was modified"
# (outputs are captured first: grep -q closing a pipe early fails it under pipefail)
gui=$(x86_64-w64-mingw32-objdump -p "$stage/schoolmap.exe")
cli=$(x86_64-w64-mingw32-objdump -p "$stage/schoolmap-cli.exe")
grep -q 'Subsystem.*(Windows GUI)' <<<"$gui" || fail "schoolmap.exe is not a GUI program"
grep -q 'Subsystem.*(Windows CUI)' <<<"$cli" || fail "schoolmap-cli.exe is not a console program"
res=$(wrestool -l "$stage/schoolmap.exe")
grep -q -- '--type=14' <<<"$res" || fail "no icon group resource: $res"
grep -q -- '--type=3 ' <<<"$res" || fail "no icon image resource: $res"
grep -q -- '--type=16' <<<"$res" || fail "no version resource: $res"
wrestool -x --raw --type=16 "$stage/schoolmap.exe" >"$tmp/version.res"
vinfo=$(tr -d '\0' <"$tmp/version.res")
grep -q "$version.$build" <<<"$vinfo" || fail "version resource lacks $version.$build"
grep -q "Liwan School Plan Map" <<<"$vinfo" || fail "version resource lacks the product name"
want="README.en.md README.zh.md licences/DATA-LICENCES.md licences/font-WenQuanYi-Micro-Hei-Apache-2.0.txt sample/population-gbk.csv sample/synthetic-wgs84.geojson schoolmap-cli.exe schoolmap.exe"
unzip -Z1 "dist/$name-windows-amd64.zip" >"$tmp/zip.txt"
got=$(grep -v '/$' "$tmp/zip.txt" | sed "s#^$name-windows-amd64/##" | sort | tr '\n' ' ' | sed 's/ $//')
[ "$got" = "$want" ] || fail "zip holds [$got], want [$want]"
out=$(LANG=C.UTF-8 LANGUAGE= LC_ALL= "dist/$name-linux-amd64" --lang en --version 2>"$tmp/err")
[ "$out" = "Liwan School Plan Map $version (built $date)" ] || fail "--version says '$out'"
[ ! -s "$tmp/err" ] || fail "--version wrote to stderr: $(cat "$tmp/err")"
echo "release checks passed: $name (exe resources, zip contents, --version, FyneApp.toml untouched)"
