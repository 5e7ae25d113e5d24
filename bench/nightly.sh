#!/usr/bin/env bash
# Nightly benchmark: one night of about N order-line snapshots through the CLI, phase by phase, each phase one
# `./rebatch --db URL --config DIR …` process with -Xmx512m, against "the floor": how long LOAD DATA INFILE takes
# to write the same rows into empty copies of the tables (CREATE TABLE x_floor LIKE x), in the same run.
#
# Usage: bench/nightly.sh [N] [--db JDBC_MYSQL_URL]        (default N = 20000; default database: a private MariaDB
#        started here on its own port, data directory and socket, removed at exit)
#
# Data (sandbox generator, outside the timings): a 14-day scenario D-13..D (D = 2026-11-25) of 0.45·N lines, so
# that all its API dumps hold ~N order snapshots (new lines, their updates, duplicates, Taobao refunds); N/2
# users and their bindings; the generator's clicks (~1.2 per line, so ~0.55·N, not 2·N: see the printed counts).
# Night 1 imports every dump in one command per platform (+ one for the refund dumps) and settles D. Night 2 is
# bench/lib/night2.py: new snapshots of 10 % of the lines (PAID -> RECEIVED, RECEIVED -> INVALID), modified on D+1.
# Per phase: seconds, rows read (the CLI's "read R"), net new rows in the phase's tables, rows/s, the floor seconds
# of those rows, ratio, the JVM's peak RSS (/usr/bin/time -v) and peak heap (largest heap in use before a GC or at exit,
# -Xlog:gc,gc+heap+exit). The table is printed and written to bench/results/nightly-N-<date>.md.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
N=20000; DB=""
while [ $# -gt 0 ]; do
  case "$1" in
    --db) DB="$2"; shift 2 ;;
    [0-9]*) N="$1"; shift ;;
    *) echo "usage: bench/nightly.sh [N] [--db JDBC_MYSQL_URL]" >&2; exit 2 ;;
  esac
done
[[ -z "$DB" || "$DB" == jdbc:mysql:* || "$DB" == jdbc:mariadb:* ]] || { echo "nightly.sh: --db needs a MySQL/MariaDB URL" >&2; exit 2; }
D=2026-11-25; D1=2026-11-26; FROM=2026-11-12
source "$here/bench/lib/private-mariadb.sh"
base_tmp="${TMPDIR:-/tmp}"; (( ${#base_tmp} > 60 )) && base_tmp=/tmp   # the socket path must stay short
work="$(mktemp -d "$base_tmp/rebatch-nightly.XXXXXX")"
cleanup() { set +e; mariadb_stop; rm -rf "$work"; }
trap cleanup EXIT; trap 'exit 130' INT; trap 'exit 143' TERM
log() { printf '[nightly %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }

"$here/rebatch" --version >/dev/null   # builds the jar when stale, outside the timings
if [[ -z "$DB" ]]; then mariadb_start "$work" >&2; else DB_URL="$DB"; mariadb_from_url "$DB"; fi
sql() { mariadb "${SQL_ARGS[@]}" --batch --skip-column-names "$@"; }

log "generating: $((N * 45 / 100)) lines $FROM..$D, $((N / 2)) users"
"$here/rebatch" sandbox --write "$work/scen" --orders $((N * 45 / 100)) --users $((N / 2)) --from $FROM --to $D --seed 11 >/dev/null
cd "$work/scen"
python3 "$here/bench/lib/night2.py" in night2 $D1 10 >&2
"$here/rebatch" --db "$DB_URL" --config config status --limit 1 > /dev/null   # Flyway creates the schema, untimed

TABLES=(app_user tracking_binding click order_line refund_snapshot quarantine line_settlement ledger_entry user_balance rebate_record)
declare -A CNT
counts() {   # CNT[table] = its rows now
  local q="" t vals i=0
  for t in "${TABLES[@]}"; do q+="${q:+,}(SELECT COUNT(*) FROM $t)"; done
  read -r -a vals <<< "$(sql -e "SELECT $q")"
  for t in "${TABLES[@]}"; do CNT[$t]=${vals[i]}; i=$((i + 1)); done
}

PHASES=(); declare -A P_S P_JOB P_READ P_ROWS P_TABLES P_DELTA P_RSS P_HEAP
phase() {   # phase NAME "TABLES" CLI-ARGS…
  local name=$1 tables=$2; shift 2
  local gclog="$work/gc-$name.log" t0 t1 t rows=0 delta=""
  counts; declare -A before; for t in "${TABLES[@]}"; do before[$t]=${CNT[$t]}; done
  log "$name: rebatch $*"
  t0=$(date +%s%N)
  if ! REBATCH_JAVA_OPTS="-Xmx512m -Xlog:gc,gc+heap+exit:file=$gclog" /usr/bin/time -v -o "$work/time-$name.txt" \
      "$here/rebatch" --db "$DB_URL" --config config "$@" > "$work/out-$name.txt" 2> "$work/err-$name.txt"; then
    cat "$work/out-$name.txt" "$work/err-$name.txt" >&2; log "$name failed"; exit 1
  fi
  t1=$(date +%s%N)
  counts
  for t in $tables; do delta+="$t=$((CNT[$t] - before[$t])) "; rows=$((rows + CNT[$t] - before[$t])); done
  PHASES+=("$name"); P_TABLES[$name]=$tables; P_DELTA[$name]=$delta; P_ROWS[$name]=$rows
  P_S[$name]=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')
  P_READ[$name]=$({ grep -o 'read [0-9,]*' "$work/out-$name.txt" || true; } | { tr -dc '0-9\n' || true; } | awk '{ s += $1 } END { print s + 0 }')
  P_JOB[$name]=$({ grep -oE ', [0-9]+\.[0-9]+ s[),]' "$work/out-$name.txt" || true; } | awk '{ s += $2 } END { printf "%.2f", s }')
  [[ $name == night2-import-* ]] && P_DELTA[$name]="order_line=${P_READ[$name]}"   # updates: the floor of as many rows
  P_RSS[$name]=$(awk -F': ' '/Maximum resident set size/ { printf "%d", $2 / 1024 }' "$work/time-$name.txt")
  P_HEAP[$name]=$(awk '   # the largest heap in use: before any GC, and at exit
      match($0, /[0-9]+[KMG]->[0-9]+[KMG]\(/) { v = substr($0, RSTART, RLENGTH); sub(/->.*/, "", v)
        u = substr(v, length(v)); m = substr(v, 1, length(v) - 1) + 0; m = u == "K" ? m / 1024 : u == "G" ? m * 1024 : m }
      /heap .*total .*used [0-9]+K/ { match($0, /used [0-9]+K/); m = substr($0, RSTART + 5, RLENGTH - 6) / 1024 }
      m > max { max = m } END { printf "%d", max }' "$gclog" 2>/dev/null || true)
  log "$name: ${P_S[$name]} s, $(tail -n 1 "$work/out-$name.txt")"
}
files() { ls in/ | grep -E "^$1-2[0-9-]*\.(jsonl|csv)$" | sed 's|^|in/|' | sort; }

LOAD0=$(cut -d' ' -f1-3 /proc/loadavg)
phase startup "" status --limit 1   # the fixed cost of every phase: JVM + Spring context + database check
LOAD_T=quarantine
phase load-users "app_user $LOAD_T" load users in/users.csv
phase load-bindings "tracking_binding $LOAD_T" load bindings in/bindings.csv
phase load-clicks "click $LOAD_T" load clicks in/clicks.csv
IMP_T="order_line refund_snapshot quarantine"
for p in taobao jd pdd; do
  # shellcheck disable=SC2046
  phase "import-$p" "$IMP_T" import --platform $p $(files $p)
done
# shellcheck disable=SC2046
phase import-refunds "$IMP_T" import --platform taobao --refunds $(files taobao-refunds)
SETTLE_T="line_settlement ledger_entry user_balance rebate_record"
phase settle "$SETTLE_T" settle --date $D
phase settle-rerun "$SETTLE_T" settle --date $D

# ---- the floor: every table the night wrote, dumped and loaded into an empty copy (LOAD DATA INFILE)
declare -A F_S F_N
FLOOR_OK=1
log "floor: SELECT … INTO OUTFILE, then LOAD DATA INFILE into x_floor (LIKE x), per table"
for t in "${TABLES[@]}"; do
  F_N[$t]=${CNT[$t]}; F_S[$t]=0
  (( F_N[$t] > 0 )) || continue
  f="$work/floor-$t.tsv"; rm -f "$f"
  if ! sql -e "SELECT * FROM $t INTO OUTFILE '$f'" 2> "$work/floor.err"; then
    log "floor skipped: $(head -n 1 "$work/floor.err") (needs the FILE privilege and the server on this machine)"
    FLOOR_OK=0; break
  fi
  sql -e "DROP TABLE IF EXISTS ${t}_floor; CREATE TABLE ${t}_floor LIKE $t"
  t0=$(date +%s%N)
  sql -e "LOAD DATA INFILE '$f' INTO TABLE ${t}_floor"
  t1=$(date +%s%N)
  sql -e "DROP TABLE ${t}_floor"; rm -f "$f"
  F_S[$t]=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
done

n2=()
for p in taobao jd pdd; do
  phase "night2-import-$p" "$IMP_T" import --platform $p night2/$p-$D1.jsonl
  n2+=("night2-import-$p")
done
phase night2-settle "$SETTLE_T" settle --date $D1
phase export-balances "" export balances --out balances.csv
P_ROWS[export-balances]=$(($(wc -l < balances.csv) - 1))

# ---- the table
floor_of() {   # floor seconds of "t=n t=n …"
  local kv s=0
  for kv in $1; do s=$(awk -v s="$s" -v n="${kv#*=}" -v fs="${F_S[${kv%%=*}]}" -v fn="${F_N[${kv%%=*}]}" \
    'BEGIN { printf "%.4f", s + (fn > 0 ? n * fs / fn : 0) }'); done
  echo "$s"
}
rate() { awk -v r="$1" -v s="$2" 'BEGIN { printf "%d", (s > 0 ? r / s : 0) }'; }
report() {
  local name fl ratio night_s=0 night_job=0 night_delta="" kv
  echo "## bench/nightly.sh $N — $(date -u +%F) — $(cd "$here" && git rev-parse --short HEAD) — $( [[ -z "$DB" ]] && echo 'private MariaDB' || echo "${DB%%\?*}")"
  echo
  echo "Input: $(wc -l < in/users.csv | awk '{print $1 - 1}') users, $(wc -l < in/bindings.csv | awk '{print $1 - 1}') bindings," \
    "$(wc -l < in/clicks.csv | awk '{print $1 - 1}') click rows; order snapshots read: taobao ${P_READ[import-taobao]}, jd ${P_READ[import-jd]}," \
    "pdd ${P_READ[import-pdd]}, taobao refunds ${P_READ[import-refunds]}; night 2: $(( ${P_READ[night2-import-taobao]} + ${P_READ[night2-import-jd]} + ${P_READ[night2-import-pdd]} )) changed snapshots." \
    "Load average at the start / end: $LOAD0 / $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)." \
    "Every phase is one CLI process, -Xmx512m; s = its wall time, job s = the job durations it printed (the rest is" \
    "JVM, Spring and shutdown: see startup, a status command); read = the rows it read; rows = net new rows in the phase's tables (an update counts 0; export: lines written);" \
    "floor s = the LOAD DATA seconds of those rows (night-2 imports: of as many order_line rows as they read)."
  echo
  echo "| phase | s | job s | read | read/s | rows | rows/s | floor s | × floor | peak RSS MB | peak heap MB |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  for name in "${PHASES[@]}"; do
    fl=$(floor_of "${P_DELTA[$name]}")
    ratio=$(awk -v s="${P_S[$name]}" -v f="$fl" 'BEGIN { if (f > 0) printf "%.1f", s / f; else printf "—" }')
    (( FLOOR_OK )) || { fl="—"; ratio="—"; }
    echo "| $name | ${P_S[$name]} | ${P_JOB[$name]} | ${P_READ[$name]} | $(rate "${P_READ[$name]}" "${P_S[$name]}") | ${P_ROWS[$name]} | $(rate "${P_ROWS[$name]}" "${P_S[$name]}") | $fl | $ratio | ${P_RSS[$name]} | ${P_HEAP[$name]} |"
    case $name in load-*|import-*|settle)
      night_s=$(awk -v a="$night_s" -v b="${P_S[$name]}" 'BEGIN { printf "%.2f", a + b }')
      night_job=$(awk -v a="$night_job" -v b="${P_JOB[$name]}" 'BEGIN { printf "%.2f", a + b }'); night_delta+="${P_DELTA[$name]} " ;;
    esac
  done
  local nrows=0; for kv in $night_delta; do nrows=$((nrows + ${kv#*=})); done
  fl=$(floor_of "$night_delta")
  echo "| **night 1 total** (load + import + settle) | $night_s | $night_job | | | $nrows | $(rate $nrows "$night_s") | $fl |" \
    "$(awk -v s="$night_s" -v f="$fl" 'BEGIN { if (f > 0) printf "%.1f", s / f; else printf "—" }') | | |"
  echo
  echo "Floor (LOAD DATA INFILE into an empty copy with the same indexes, rows as after the first settle):"
  echo
  echo "| table | rows | floor s | rows/s |"
  echo "| --- | ---: | ---: | ---: |"
  for t in "${TABLES[@]}"; do echo "| $t | ${F_N[$t]} | ${F_S[$t]} | $(rate "${F_N[$t]}" "${F_S[$t]}") |"; done
}
mkdir -p "$here/bench/results"
out="$here/bench/results/nightly-$N-$(date -u +%Y%m%d-%H%M).md"
report | tee "$out"
log "written to $out"
