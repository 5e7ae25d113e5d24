#!/usr/bin/env bash
# Pull benchmark: one sandbox day of N orders pulled through every registered platform's API client (default
# settings, real sleeping, rate cap 1000/s): windows, requests, pages, rows and wall time per feed.
# Runs io.rebatch.app.bench.SandboxDayBenchmark (app test sources).
# Usage: bench/sandbox-day.sh [N] [--throttle RATE] [--errors RATE]      (default N = 100000, rates 0)
# Prints "bench ..." lines. Numbers are for the closing note, never asserted by tests.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
orders="${1:-100000}"; shift || true
throttle=0; errors=0
while [ $# -gt 0 ]; do
  case "$1" in
    --throttle) throttle="$2"; shift 2 ;;
    --errors) errors="$2"; shift 2 ;;
    *) echo "usage: bench/sandbox-day.sh [N] [--throttle RATE] [--errors RATE]" >&2; exit 2 ;;
  esac
done
cd "$here"
./mvnw -B -o -q verify -pl app -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=SandboxDayBenchmark -Dfailsafe.failIfNoSpecifiedTests=false -Drebatch.test.mysql.url= \
  -Drebatch.bench.orders="$orders" -Drebatch.bench.throttle="$throttle" -Drebatch.bench.errors="$errors" 2>&1 \
  | grep -E '^bench |FAIL|ERROR' || true
