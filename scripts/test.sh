#!/usr/bin/env bash
# Runs every check CI runs: vet, the race-enabled tests, the UI logic tests
# without cgo, the release build (Linux binary and Windows zip, with their
# resource and content checks), and a smoke test of the released Linux
# binary under Xvfb. Installs what it needs first.
set -euo pipefail
# (pipefail: a failing go test fails the script even when piped.)
cd "$(dirname "$0")/.."
scripts/setup.sh test
out=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$out"' EXIT

echo "== go vet"
go vet ./...
echo "== go test -race (every benchmark runs once too, in the same build)"
go test -race -bench . -benchtime 1x ./... | grep -Ev '^(Benchmark|goos:|goarch:|pkg:|cpu:|PASS$)'
echo "== hostile inputs under a 2 GB address-space limit (without -race: its runtime does not fit)"
go test -count=1 -run 'TestHostile' .
echo "== UI logic without cgo"
CGO_ENABLED=0 go test ./app/...

echo "== release: Linux binary, Windows zip by fyne package (one Windows build), checks"
scripts/release.sh --check
bin=dist/schoolmap-$(sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)-linux-amd64

echo "== smoke test: the released binary under Xvfb, in a C.UTF-8 locale"
display=":$((90 + RANDOM % 9))"
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
sleep 1
LANG=C.UTF-8 LANGUAGE= LC_ALL= DISPLAY=$display "$bin" --offline --lang zh --cache "$out/tiles" >"$out/app.log" 2>&1 &
app=$!
if ! DISPLAY=$display timeout 60 xdotool search --sync --name "荔湾区教育设施规划图" >/dev/null; then
  echo "smoke: no window within 60 s; app log:" >&2
  cat "$out/app.log" >&2
  exit 1
fi
sleep 3
kill -0 "$app" || { echo "smoke: the app exited" >&2; cat "$out/app.log" >&2; exit 1; }
DISPLAY=$display xwd -root -silent >"$out/shot.xwd"
go run ./scripts/xwdcheck "$out/shot.xwd" "${SMOKE_SHOT:-$out/shot.png}"
kill "$app"
if grep -q 'Fyne error' "$out/app.log"; then
  echo "smoke: Fyne complained (the GUI must fall back quietly):" >&2
  cat "$out/app.log" >&2
  exit 1
fi
echo "== all checks passed"
