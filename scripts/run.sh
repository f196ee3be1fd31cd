#!/usr/bin/env bash
# Runs the app on its embedded default data, installing what it needs first.
# Extra arguments go to the app (e.g. --offline).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh run
exec go run . "$@"
