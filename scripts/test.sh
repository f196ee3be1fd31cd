#!/usr/bin/env bash
# Runs every check CI runs: vet, the race-enabled tests, the UI logic tests
# without cgo, a smoke test of the real binary under Xvfb, and a Windows
# cross-build. Installs what it needs first.
set -euo pipefail
# (pipefail: a failing go test fails the script even when piped.)
cd "$(dirname "$0")/.."
scripts/setup.sh test
export LANG=en_US.UTF-8 # Fyne cannot parse the bare "C" locale
out=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$out"' EXIT

echo "== go vet"
go vet ./...
echo "== go test -race (every benchmark runs once too, in the same build)"
go test -race -bench . -benchtime 1x ./... | grep -Ev '^(Benchmark|goos:|goarch:|pkg:|cpu:|PASS$)'
echo "== UI logic without cgo"
CGO_ENABLED=0 go test ./app/...

echo "== smoke test: the real binary under Xvfb"
go build -o "$out/schoolmap" .
display=":$((90 + RANDOM % 9))"
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
sleep 1
DISPLAY=$display "$out/schoolmap" --offline --cache "$out/tiles" >"$out/app.log" 2>&1 &
app=$!
if ! DISPLAY=$display timeout 60 xdotool search --sync --name "Liwan School Plan Map" >/dev/null; then
  echo "smoke: no window within 60 s; app log:" >&2
  cat "$out/app.log" >&2
  exit 1
fi
sleep 3
kill -0 "$app" || { echo "smoke: the app exited" >&2; cat "$out/app.log" >&2; exit 1; }
DISPLAY=$display xwd -root -silent >"$out/shot.xwd"
go run ./scripts/xwdcheck "$out/shot.xwd" "${SMOKE_SHOT:-$out/shot.png}"
kill "$app"

echo "== Windows cross-build"
CC=x86_64-w64-mingw32-gcc GOOS=windows GOARCH=amd64 CGO_ENABLED=1 \
  go build -ldflags "-H=windowsgui" -o "$out/schoolmap.exe" .
ls -l "$out/schoolmap.exe" | awk '{print "schoolmap.exe", $5, "bytes"}'
echo "== all checks passed"
