#!/usr/bin/env bash
# Installs what building and testing the app needs on Debian/Ubuntu, only
# when missing. Usage: scripts/setup.sh [run|test]
set -euo pipefail
want=(gcc pkg-config libgl1-mesa-dev xorg-dev)
if [ "${1:-run}" = test ]; then
  # release: mingw binutils (objdump), icoutils (wrestool), zip/unzip for the Windows zip
  want+=(xvfb x11-apps xdotool gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64 icoutils zip unzip gdal-bin python3-gdal python3-openpyxl poppler-utils qpdf mupdf-tools osmium-tool)
fi
missing=()
for p in "${want[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if ! command -v go >/dev/null 2>&1; then
  echo "setup: Go is not installed; install Go 1.26 or newer from go.dev/dl first." >&2
  exit 1
fi
if [ "${1:-run}" = test ] && ! command -v go-pmtiles >/dev/null 2>&1 && [ ! -x "$(go env GOPATH)/bin/go-pmtiles" ]; then
  # The protomaps converter, an independent PMTiles writer the tile tests
  # check the app's reader against (a Go module, not a dependency of the app).
  echo "setup: installing go-pmtiles"
  go install github.com/protomaps/go-pmtiles@v1.31.2
fi
if [ "${1:-run}" = test ] && ! command -v fyne >/dev/null 2>&1 && [ ! -x "$(go env GOPATH)/bin/fyne" ]; then
  echo "setup: installing the fyne packaging tool"
  go install fyne.io/tools/cmd/fyne@v1.7.4
fi
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup: missing ${missing[*]} and no apt-get here; install the equivalents (see README)." >&2
  exit 1
fi
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "setup: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
