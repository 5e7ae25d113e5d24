#!/usr/bin/env bash
# Payout benchmark: N users with an opening balance each withdraw once through the withdrawal service (two
# threads), then payout writes the N-line batch file + .sha256, payout again verifies it, and an N-line Alipay
# result file (all successes) is imported. Runs io.rebatch.app.bench.PayoutBenchmark (app test sources) on the
# embedded H2 and, with --db-mysql URL, also on MariaDB/MySQL (the URL's user must be able to create databases).
# Usage: bench/payout-bench.sh [N] [--db-mysql JDBC_URL]       (default N = 100000)
# Prints "bench <db> <phase> <seconds> s" lines. Numbers are for the closing note, never asserted by tests.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lines="${1:-100000}"; shift || true
mysql=""
if [ "${1:-}" = "--db-mysql" ]; then mysql="$2"; fi
cd "$here"
./mvnw -B -o -q verify -pl app -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=PayoutBenchmark -Dfailsafe.failIfNoSpecifiedTests=false \
  -Drebatch.bench.lines="$lines" -Drebatch.test.mysql.url="$mysql" 2>&1 | grep -E '^bench |FAIL|ERROR' || true
