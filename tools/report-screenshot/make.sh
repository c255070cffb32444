#!/usr/bin/env bash
# Regenerates docs/report-synthesis.png, the screenshot of the board report's first page that
# README.md shows: the report of the baseline and the SCIC scenario under each statute, in
# French, rendered by headless Chromium (needs chromium).
# Usage: tools/report-screenshot/make.sh [path/to/plan]
set -euo pipefail
cd "$(dirname "$0")/../.."
plan="${1:-.build/debug/plan}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
LANG=fr_FR.UTF-8 "$plan" report scenarios/baseline.yaml scenarios/scic-2013.yaml --statutes -o "$tmp/rapport.html"
chromium --headless --no-sandbox --disable-gpu --user-data-dir="$tmp/profile" --hide-scrollbars \
  --window-size=900,1300 --screenshot="$tmp/shot.png" "file://$tmp/rapport.html" 2>/dev/null
cp "$tmp/shot.png" docs/report-synthesis.png
echo "wrote docs/report-synthesis.png"
