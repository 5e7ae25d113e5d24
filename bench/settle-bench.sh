#!/usr/bin/env bash
# Settlement benchmark: generate a scenario with the sandbox generator, import all of it, then time
#   1. settle of the last business date over every stored line (first settlement: attribution + postings),
#   2. the same settle again (a rerun: nothing to post),
#   3. export lines.
# Usage: bench/settle-bench.sh [ORDERS] [--db JDBC_URL]      (default 100000 orders, embedded H2 in a temp dir)
# Prints one line per phase: "bench <phase> <seconds> s". Numbers are for the closing note, never asserted by tests.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
orders="${1:-100000}"; shift || true
work="$(mktemp -d "${TMPDIR:-/tmp}/rebatch-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
"$here/rebatch" --version >/dev/null   # builds the jar if needed, outside the timings
cd "$work"
t() { local s e; s=$(date +%s.%N); "$@" > "$work/last.log" 2>&1 || { cat "$work/last.log"; exit 1; }; e=$(date +%s.%N); echo "$e - $s" | bc; }
echo "bench generate $(t "$here/rebatch" sandbox --write scen --orders "$orders" --from 2026-10-01 --to 2026-11-25 --seed 11) s"
cd scen
rb() { "$here/rebatch" --config config "$@"; }
echo "bench load-app-data $(t rb "$@" load users in/users.csv) s"
rb "$@" load bindings in/bindings.csv > /dev/null
rb "$@" load clicks in/clicks.csv > /dev/null
for p in taobao jd pdd; do
  files=$(ls in/${p}-*.* | grep -v refunds | sort)
  echo "bench import-$p $(t rb "$@" import --platform "$p" $files) s"
done
refunds=$(ls in/taobao-refunds-*.jsonl 2>/dev/null | sort || true)
[ -n "$refunds" ] && echo "bench import-refunds $(t rb "$@" import --platform taobao --refunds $refunds) s"
lines=$(rb "$@" export lines --out out.csv | grep -o '[0-9][0-9]* lines')
echo "bench lines ${lines}"
echo "bench settle-first $(t rb "$@" settle --date 2026-11-25) s   ($(grep -o 'settle 2026-11-25: done.*' "$work/last.log"))"
echo "bench settle-rerun $(t rb "$@" settle --date 2026-11-25) s   ($(grep -o 'settle 2026-11-25: done.*' "$work/last.log"))"
echo "bench export-lines $(t rb "$@" export lines --out out.csv) s"
