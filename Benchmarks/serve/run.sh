#!/bin/sh
# The web app's benchmark of record (README.md, "plan serve"): a release build of plan serve
# on a copy of the shipped scenarios, measured on the loopback by wrk (Debian's package) with
# Benchmarks/serve/whatif.lua. Prints one JSON line per measure: requests, errors, and the
# latency percentiles in milliseconds.
#   Benchmarks/serve/run.sh            # from the repository's root; builds the release binary
set -eu
cd "$(dirname "$0")/../.."
swift build -c release --product plan >/dev/null
work=$(mktemp -d)
cp -r scenarios "$work/"
.build/release/plan serve --workspace "$work/scenarios" --port 0 >"$work/out" 2>/dev/null &
pid=$!
trap 'kill $pid; rm -rf "$work"' EXIT
until grep -q listening "$work/out" 2>/dev/null; do sleep 0.1; done
base=$(head -1 "$work/out" | cut -d' ' -f3)
script=Benchmarks/serve/whatif.lua
# Every shipped scenario, each what-if with its own changes.
PLAN_SCENARIOS=$(cd scenarios && ls *.yaml | sed 's/\.yaml$//' | paste -sd, -)
export PLAN_SCENARIOS
measure() { echo "$1"; shift; "$@" | tail -1; }
wrk -t1 -c1 -d5s -s $script "$base" >/dev/null # warm-up
measure "what-if (run + compare + charts), one client at a time, 30 s:" wrk -t1 -c1 -d30s -s $script "$base"
measure "run alone (POST /run), one client at a time, 30 s:" env PLAN_PATH=/api/scenarios/baseline/run wrk -t1 -c1 -d30s -s $script "$base"
measure "simulation of 10,000 draws of the baseline, one client at a time, 30 s:" \
  env PLAN_PATH=/api/scenarios/baseline/simulate PLAN_BODY='{"draws": 10000}' wrk -t1 -c1 -d30s --timeout 30s -s $script "$base"
measure "load: 200 connections of what-ifs, 2 wrk threads, 30 s:" wrk -t2 -c200 -d30s --timeout 60s -s $script "$base"
