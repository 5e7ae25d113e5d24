#!/usr/bin/env bash
# API load benchmark (SPEC 8, `rebatch serve`): wrk on loopback against
#   (a) GET /api/v1/me/balance            a different user's token on every request,
#   (b) GET /api/v1/me/rebates?limit=20   likewise,
#   (c) nginx serving a static file of the same byte size as a typical balance response (the ceiling of this
#       machine for "a small HTTP response on loopback"), and one of a typical rebate page's size,
# with the same wrk threads/connections/duration for every run, after a JIT warm-up of the server.
#
# The data set is generated inside the database (bench/api/gen-data-sql.py): N users in app_user and user_balance,
# M rebate_record rows (default 100,000 users, 1,000,000 records; users 1..N/10 have ~55 records, the rest ~5).
# Default database: a private MariaDB server this script starts on its own port, data directory and socket (like
# scripts/test.sh) and always stops and deletes again. --h2 also runs against an embedded H2 file database (filled
# before serve opens it: an H2 file has one process at a time). The schema comes from rebatch's own Flyway
# migrations (one `export balances` before the data is loaded).
#
# Usage: bench/api-bench.sh [options]
#   --users N             users (default 100000)
#   --records M           rebate records (default 10 x users)
#   --duration D          wrk duration of each measured run (default 20s)
#   --warmup D            longest JIT warm-up per endpoint: 10 s rounds until the rate stops rising (default 180s)
#   --threads T           wrk threads (default 2)
#   --connections C       wrk connections (default 32)
#   --h2                  also run against the embedded H2 file database;  --h2-only: only H2
#   --java-opts "OPTS"    JVM options of serve (default: "-Xms1g -Xmx1g -XX:+UseParallelGC")
#   --variant "NAME=OPTS" a server configuration to measure (repeatable; default one variant "default" with the
#                         application's settings). OPTS are extra JVM options, e.g.
#                         "pool16=-Dspring.datasource.hikari.maximum-pool-size=16 -Dserver.tomcat.threads.max=32";
#                         a word "+url:k=v&k2=v2" is appended to the MariaDB JDBC URL instead (e.g.
#                         "+url:useLocalSessionState=true&cachePrepStmts=true&useServerPrepStmts=true").
#   --profile             JFR during each measured balance run: the hottest frames and where the time goes
#   --probe               after the first variant's runs, scripts/probe-api.py against the running server
#                         (security checks; balances vs the CLI export for 2,000 users; once per database)
#   --out FILE            summary file (default bench/results/api-<date>-<time>.txt; "-" = none)
#   --keep                leave the work directory (data, logs, wrk output) and print where it is
# wrk, nginx (nginx-light) and mariadb-server are installed from Debian's packages when missing (root or sudo).
# Prints one "bench ..." line per run and a summary table; the figures are for the README, never asserted by tests.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$PATH:/usr/sbin:/usr/local/sbin:/sbin"

users=100000; records=""; duration=20s; warmup=180s; threads=2; connections=32
dbs=(mariadb); java_opts="-Xms1g -Xmx1g -XX:+UseParallelGC"; variants=(); profile=0; probe=0; keep=0
out="$here/bench/results/api-$(date +%Y%m%d-%H%M).txt"
while (( $# )); do
  case "$1" in
    --users) users=$2; shift 2 ;;
    --records) records=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --h2) dbs=(mariadb h2); shift ;;
    --h2-only) dbs=(h2); shift ;;
    --java-opts) java_opts=$2; shift 2 ;;
    --variant) variants+=("$2"); shift 2 ;;
    --profile) profile=1; shift ;;
    --probe) probe=1; shift ;;
    --out) out=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "api-bench: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
records=${records:-$((users * 10))}
(( ${#variants[@]} )) || variants=("default=")

log() { printf '[api-bench %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
now_ms() { date +%s%3N; }
secs_since() { local t1; t1=$(now_ms); printf '%d.%d' $(((t1 - $1) / 1000)) $(((t1 - $1) % 1000 / 100)); }

# ---------------------------------------------------------------------------------------------------------------
# Tools (Debian packages), the jar.
as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo -n "$@"
  else die "$* needs root or sudo (install: wrk nginx-light mariadb-server)"; fi
}
need=()
command -v wrk >/dev/null 2>&1 || need+=(wrk)
command -v nginx >/dev/null 2>&1 || need+=(nginx-light)
if [[ " ${dbs[*]} " == *" mariadb "* ]] && ! command -v mariadbd >/dev/null 2>&1; then
  need+=(mariadb-server mariadb-client)
fi
if (( ${#need[@]} )); then
  log "installing ${need[*]} from Debian's packages"
  as_root apt-get -q -o DPkg::Lock::Timeout=300 update >/dev/null
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    -o DPkg::Lock::Timeout=300 "${need[@]}" >/dev/null
fi
"$here/rebatch" --version >/dev/null   # builds app/target/rebatch.jar if stale, outside the timings
jar="$here/app/target/rebatch.jar"

# ---------------------------------------------------------------------------------------------------------------
# Work directory (short: it holds MariaDB's socket), processes, cleanup. Only the PIDs this script started are
# ever signalled.
base_tmp="${TMPDIR:-/tmp}"; (( ${#base_tmp} > 60 )) && base_tmp=/tmp
work=$(mktemp -d "$base_tmp/rebatch-apibench-XXXXXX")
mkdir -p "$work/run" "$work/wrk"
db_pid=""; serve_pid=""; nginx_pid=""

stop_pid() {   # stop_pid PID [seconds]: TERM, wait, KILL
  local pid=$1 wait_s=${2:-30}
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 $((wait_s * 5))); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  local rc=$?
  set +e
  trap - EXIT INT TERM
  stop_pid "$serve_pid"; stop_pid "$nginx_pid"; stop_pid "$db_pid" 60
  if (( keep )); then log "work directory kept: $work"; else rm -rf -- "$work"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# ---------------------------------------------------------------------------------------------------------------
# Secret and tokens: 10,000 app tokens of users spread over 1..N (a different user per request), one admin token.
export REBATCH_API_JWT_SECRET
REBATCH_API_JWT_SECRET=$(python3 -c 'import secrets; print(secrets.token_urlsafe(48))')
python3 "$here/bench/api/mint-tokens.py" --users "$users" --count 10000 --out "$work/tokens.lua" \
  --plain "$work/tokens.txt" --ids "$work/token-ids.txt"
ntokens=$(wc -l < "$work/tokens.txt")

# ---------------------------------------------------------------------------------------------------------------
# Databases.
h2_opts=";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=VALUE,KEY,MONTH,YEAR,USER;WRITE_DELAY=0;LOCK_TIMEOUT=10000"
db_url=""; db_label=""; load_s=""
msql() { mariadb --no-defaults --socket="$work/mysqld.sock" --user=root --default-character-set=utf8mb4 \
  --batch --skip-column-names "$@"; }

start_mariadb() {
  local run_as=() port
  [[ $(id -u) -eq 0 ]] && run_as=(--user=root)
  mariadb-install-db --no-defaults "${run_as[@]}" --datadir="$work/mysql" --auth-root-authentication-method=normal \
    --skip-test-db --skip-name-resolve > "$work/install-db.log" 2>&1 || { cat "$work/install-db.log" >&2; die "mariadb-install-db failed"; }
  port=$(free_port)
  # --no-defaults: the system's /etc/mysql settings never leak in. The data set fits the buffer pool.
  mariadbd --no-defaults "${run_as[@]}" --datadir="$work/mysql" --socket="$work/mysqld.sock" \
    --pid-file="$work/mysqld.pid" --log-error="$work/mysqld.err" --tmpdir="$work" --bind-address=127.0.0.1 \
    --port="$port" --skip-name-resolve --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
    --default-time-zone=+00:00 --max-connections=500 --skip-log-bin --innodb-buffer-pool-size=1G \
    --innodb-log-file-size=256M --innodb-flush-log-at-trx-commit=2 --innodb-doublewrite=0 \
    >> "$work/mysqld.out" 2>&1 &
  db_pid=$!
  local deadline=$(( $(date +%s) + 60 ))
  until mariadb-admin --no-defaults --socket="$work/mysqld.sock" --user=root ping >/dev/null 2>&1; do
    kill -0 "$db_pid" 2>/dev/null || { tail -20 "$work/mysqld.err" >&2; die "MariaDB failed to start"; }
    (( $(date +%s) < deadline )) || die "MariaDB not ready within 60 s"
    sleep 0.2
  done
  msql <<'SQL'
CREATE DATABASE rebatch CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER 'rebatch'@'127.0.0.1' IDENTIFIED BY 'rebatch';
GRANT ALL PRIVILEGES ON rebatch.* TO 'rebatch'@'127.0.0.1';
SQL
  db_url="jdbc:mysql://127.0.0.1:$port/rebatch?user=rebatch&password=rebatch&sslMode=DISABLED&allowPublicKeyRetrieval=true"
  db_label="MariaDB $(msql -e 'SELECT VERSION()' | cut -d- -f1)"
  log "$db_label on 127.0.0.1:$port (pid $db_pid)"
}

h2_jar() {
  local lib
  lib=$(unzip -Z1 "$jar" | grep -m1 '^BOOT-INF/lib/h2-.*\.jar$')
  unzip -o -q -j "$jar" "$lib" -d "$work" && echo "$work/$(basename "$lib")"
}

# Fill the current database: Flyway's schema (rebatch migrates on start), then the generated rows.
fill() {
  local db=$1 t0
  (cd "$work/run" && java -jar "$jar" --db "$db_url" --config "$here/config" export balances --out "$work/empty.csv" \
    > "$work/migrate.log" 2>&1) || { cat "$work/migrate.log" >&2; die "migration (export balances) failed"; }
  python3 "$here/bench/api/gen-data-sql.py" --dialect "$db" --users "$users" --records "$records" > "$work/data.sql"
  t0=$(now_ms)
  if [[ $db == mariadb ]]; then
    msql rebatch < "$work/data.sql" > "$work/load.log"
    counts=$(msql rebatch -e "SELECT (SELECT COUNT(*) FROM app_user), (SELECT COUNT(*) FROM user_balance), (SELECT COUNT(*) FROM rebate_record)")
  else
    local h2; h2=$(h2_jar)
    java -cp "$h2" org.h2.tools.RunScript -url "$db_url" -user "" -script "$work/data.sql" > "$work/load.log"
    echo "SELECT (SELECT COUNT(*) FROM app_user), (SELECT COUNT(*) FROM user_balance), (SELECT COUNT(*) FROM rebate_record);" > "$work/count.sql"
    counts=$(java -cp "$h2" org.h2.tools.RunScript -url "$db_url" -user "" -script "$work/count.sql" -showResults \
      | sed -n 's/^--> //p' | head -1)
  fi
  load_s=$(secs_since "$t0")
  if [[ $db == mariadb ]]; then   # the plans of the two measured reads (RebateReads / BalanceReads SQL)
    msql -t --column-names rebatch > "$work/explain.txt" <<'SQL' || true
EXPLAIN SELECT pending_fen, available_fen, withdrawing_fen, paid_fen FROM user_balance WHERE user_id = 4242;
EXPLAIN SELECT platform, order_line_id, role, status, amount_fen, item_title, created_at, settled_at FROM rebate_record
 WHERE user_id = 4242 ORDER BY created_at DESC, platform DESC, order_line_id DESC, role DESC LIMIT 21;
SQL
  fi
  read -r n_users n_balances n_records <<< "$counts"
  log "$db_label: loaded $n_users users, $n_balances balances, $n_records rebate records in $load_s s"
  (( n_users == users && n_balances == users && n_records == records )) || die "unexpected row counts: $counts"
  t0=$(now_ms)
  (cd "$work/run" && java -jar "$jar" --db "$db_url" --config "$here/config" export balances \
    --out "$work/balances-$db.csv" > "$work/export.log" 2>&1) || { cat "$work/export.log" >&2; die "export balances failed"; }
  log "$db_label: export balances ($(($(wc -l < "$work/balances-$db.csv") - 1)) users) in $(secs_since "$t0") s"
}

# ---------------------------------------------------------------------------------------------------------------
# The server.
start_serve() {   # start_serve EXTRA_JVM_OPTS URL
  local extra=$1 url=$2 deadline
  : > "$work/serve.out"
  # shellcheck disable=SC2086
  local jfr=""
  # JFR starts with the JVM when profiling: its first start in a running JVM loads and retransforms classes, and the
  # deoptimised server measured several times slower than before. The recording of each run is a second one.
  (( profile )) && jfr="-XX:StartFlightRecording:name=boot,settings=$here/bench/api/cpu.jfc,maxage=30s"
  (cd "$work/run" && exec java $java_opts $jfr $extra -jar "$jar" --db "$url" --config "$here/config" serve --port 0 \
    >> "$work/serve.out" 2>&1) &
  serve_pid=$!
  deadline=$(( $(date +%s) + 180 ))
  until grep -q 'listening on port' "$work/serve.out"; do
    kill -0 "$serve_pid" 2>/dev/null || { cat "$work/serve.out" >&2; tail -30 "$work/run/logs/rebatch.log" >&2; die "serve exited"; }
    (( $(date +%s) < deadline )) || die "serve did not start within 180 s"
    sleep 0.5
  done
  serve_port=$(sed -n 's/.*listening on port \([0-9]*\).*/\1/p' "$work/serve.out" | head -1)
  log "serve on port $serve_port (pid $serve_pid)"
}

# Median byte size of the responses to the first 51 tokens; checks each is 200 and names the token's user.
sample_sizes() {   # sample_sizes PATH -> prints the median size, leaves one such body in $work/sample-<name>
  local path=$1 name=$2 i=0 uid tok code size sizes=() mid
  while read -r tok && read -r uid <&3; do
    (( i++ < 51 )) || break
    read -r code size < <(curl -s -o "$work/body" -w '%{http_code} %{size_download}\n' \
      -H "Authorization: Bearer $tok" -H 'Accept: application/json' "http://127.0.0.1:$serve_port$path")
    [[ $code == 200 ]] || { cat "$work/body" >&2; die "GET $path for user $uid answered $code"; }
    if [[ $path == */balance ]] && ! grep -q "\"user_id\":$uid," "$work/body"; then
      cat "$work/body" >&2; die "GET $path with user $uid's token answered another user's balance"
    fi
    sizes+=("$size"); cp "$work/body" "$work/body-$size"
  done < "$work/tokens.txt" 3< "$work/token-ids.txt"
  mid=$(printf '%s\n' "${sizes[@]}" | sort -n | sed -n "$(( (${#sizes[@]} + 1) / 2 ))p")
  cp "$work/body-$mid" "$work/sample-$name"; rm -f "$work"/body-*
  echo "$mid"
}

# ---------------------------------------------------------------------------------------------------------------
# CPU accounting per run: jiffies of the server JVM, the database, wrk, nginx and the whole machine (/proc/stat),
# so a run says where the machine's two cores went (and whether something else was busy meanwhile).
hz=$(getconf CLK_TCK)
proc_ticks() {   # sum of utime+stime of the given pids and their children
  local t=0 p
  for p in "$@"; do
    [[ -n "$p" && -r /proc/$p/stat ]] || continue
    t=$(( t + $(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$p/stat") ))
    for c in $(ps -o pid= --ppid "$p" 2>/dev/null); do
      [[ -r /proc/$c/stat ]] && t=$(( t + $(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$c/stat") ))
    done
  done
  echo "$t"
}
thread_ticks() {   # "tid group ticks" of every thread of a JVM, grouped by thread name
  local t
  for t in /proc/"$1"/task/*; do
    awk -v tid="${t##*/}" -v comm="$(tr ' ' _ < "$t/comm" 2>/dev/null)" '{ sub(/^.*\) /, "");
      g = "other"
      if (comm ~ /^http-nio/) g = "requests"; else if (comm ~ /Compiler/) g = "JIT"
      else if (comm ~ /^(GC_|VM_Thread|G1_|ParGC)/) g = "GC+VM"; else if (comm ~ /^(Hikari|mysql-cj)/) g = "pool"
      print tid, g, $12 + $13 }' "$t/stat" 2>/dev/null
  done | sort
}
thread_split() {   # thread_split BEFORE AFTER -> "requests 81% JIT 9% GC+VM 2% ..." of the JVM's CPU in between
  join "$1" "$2" | awk '{ d = $5 - $3; if (d > 0) { g[$2] += d; t += d } }
    END { for (k in g) printf "%s %d%%\n", k, 100 * g[k] / (t ? t : 1) }' | sort -k2 -rn | tr '\n' ' '
}
machine_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8, $2 + $3 + $4 + $5 + $6 + $7 + $8 }' /proc/stat; }

timecmd=(); [[ -x /usr/bin/time ]] && timecmd=(/usr/bin/time -f 'WRKCPU %U %S')   # wrk's own CPU (Debian package time)
splits=(); warmups=(); cur_tag=""
results=()   # "label|db|variant|rps|p50|p99|non2xx+errors|bytes|cpu"
run_wrk() {   # run_wrk LABEL DB VARIANT BASE_URL PATH TARGET_PIDS(db pids...) -> appends to results
  local label=$1 db=$2 variant=$3 base=$4 path=$5 srv_pid=$6 dbp=$7 tag f busy0 all0 busy1 all1 s0 d0 s1 d1 w
  tag="$db-$variant-$label"; f="$work/wrk/$tag.txt"
  [[ $db != nginx ]] && thread_ticks "$srv_pid" > "$work/threads0"
  read -r busy0 all0 < <(machine_ticks); s0=$(proc_ticks "$srv_pid"); d0=$(proc_ticks "$dbp")
  "${timecmd[@]}" wrk -t"$threads" -c"$connections" -d"$duration" --latency \
    -s "$here/bench/api/wrk.lua" "$base" -- "$path" "$work/tokens.lua" > "$f" 2> "$f.err" \
    || { cat "$f" "$f.err" >&2; die "wrk failed ($tag)"; }
  read -r busy1 all1 < <(machine_ticks); s1=$(proc_ticks "$srv_pid"); d1=$(proc_ticks "$dbp")
  local split=""
  if [[ $db != nginx ]]; then thread_ticks "$srv_pid" > "$work/threads1"; split=$(thread_split "$work/threads0" "$work/threads1"); fi
  local r; r=$(grep '^RESULT' "$f") || die "no RESULT line from wrk ($tag)"
  val() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<< " $r"; }
  w=$(awk '/^WRKCPU/ { printf "%d", ($2 + $3) * '"$hz"' }' "$f.err")
  local total=$(( all1 - all0 )) busy=$(( busy1 - busy0 )) srv=$(( s1 - s0 )) dbt=$(( d1 - d0 ))
  local ncpu; ncpu=$(nproc)
  pct() { awk -v a="$1" -v t="$total" -v n="$ncpu" 'BEGIN { printf "%d", (t > 0 ? 100 * n * a / t : 0) }'; }
  local cpu; cpu="$(pct "$srv")/$(pct "$dbt")/$(pct "${w:-0}")/$(pct $(( busy - srv - dbt - ${w:-0} )))"
  local errs=$(( $(val non2xx) + $(val connect_err) + $(val read_err) + $(val write_err) + $(val timeouts) ))
  local per=$(( $(val bytes) / ($(val requests) > 0 ? $(val requests) : 1) ))
  results+=("$label|$db|$variant|$(val rps)|$(val p50_ms)|$(val p99_ms)|$errs|$per|$cpu")
  [[ -n $split ]] && splits+=("$tag: $split")
  echo "bench $tag rps=$(val rps) p50_ms=$(val p50_ms) p99_ms=$(val p99_ms) p999_ms=$(val p999_ms) errors=$errs cpu%(server/db/wrk/other)=$cpu${split:+ server threads: $split}"
}
# JIT warm-up: 10 s wrk rounds until three rounds in a row set no new best (by 5 %), at least MIN rounds, at most
# WARMUP/10. On this machine C2 is still compiling after two minutes of load: a fixed 15 s warm-up measured a third
# of the speed, and the rate of single rounds is too noisy (others share the machine) to stop at the first dip.
warm() {   # warm BASE_URL PATH [MIN_ROUNDS] [MAX_ROUNDS]
  local min=${3:-3} max=${4:-$(( ${warmup%s} / 10 ))} i best=0 since=0 rps trail=""
  (( max >= min )) || max=$min
  for (( i = 1; i <= max; i++ )); do
    wrk -t"$threads" -c"$connections" -d10s -s "$here/bench/api/wrk.lua" "$1" -- "$2" "$work/tokens.lua" \
      > "$work/wrk/warmup.txt" 2>&1 || { cat "$work/wrk/warmup.txt" >&2; die "wrk warm-up failed"; }
    rps=$(sed -n 's/^RESULT .* rps=\([0-9.]*\).*/\1/p' "$work/wrk/warmup.txt"); rps=${rps%.*}
    trail="$trail ${rps}"
    if (( rps * 100 > best * 105 )); then best=$rps; since=0; else since=$((since + 1)); fi
    (( i >= min && since >= 3 )) && break
  done
  log "warm-up $2: req/s per 10 s round:$trail"
  warmups+=("${cur_tag:-nginx} $2:$trail")
}

profile_start() {   # CPU samples only (bench/api/cpu.jfc): JFR's stock settings deoptimise the server
  jcmd "$serve_pid" JFR.start name=bench settings="$here/bench/api/cpu.jfc" filename="$work/$1.jfr" >/dev/null
}
profile_stop() {
  jcmd "$serve_pid" JFR.stop name=bench >/dev/null
  python3 "$here/bench/api/jfr-top.py" "$work/$1.jfr" > "$work/profile-$1.txt" \
    || log "profile summary failed (recording: $work/$1.jfr)"
  profiles+=("$1")
}
profiles=(); probes=()
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

balance_size=""; rebates_size=""
for db in "${dbs[@]}"; do
  if [[ $db == mariadb ]]; then
    start_mariadb
  else
    db_url="jdbc:h2:file:$work/h2/bench$h2_opts"; db_label="H2 $(basename "$(h2_jar)" .jar | sed 's/^h2-//') (embedded file)"
    db_pid=""
  fi
  fill "$db"
  eval "load_s_$db=\$load_s; label_$db=\"\$db_label\""
  for v in "${variants[@]}"; do
    vname=${v%%=*}; vopts=${v#*=}; jvm=""; url=$db_url
    for word in $vopts; do
      if [[ $word == +url:* ]]; then [[ $db == mariadb ]] && url="$url&${word#+url:}"; else jvm="$jvm $word"; fi
    done
    log "$db_label, variant $vname:${jvm:- (application defaults)}"
    [[ $url != "$db_url" ]] && log "  JDBC URL parameters added: ${url#"$db_url&"}"
    start_serve "$jvm" "$url"
    cur_tag="$db-$vname"
    base="http://127.0.0.1:$serve_port"
    bsize=$(sample_sizes /api/v1/me/balance balance); rsize=$(sample_sizes '/api/v1/me/rebates?limit=20' rebates)
    balance_size=${balance_size:-$bsize}; rebates_size=${rebates_size:-$rsize}
    log "responses: balance $bsize B, rebate page $rsize B (medians of 51 users); JIT warm-up"
    warm "$base" /api/v1/me/balance 6; warm "$base" '/api/v1/me/rebates?limit=20' 3
    (( profile )) && profile_start "$db-$vname-balance"
    run_wrk balance "$db" "$vname" "$base" /api/v1/me/balance "$serve_pid" "$db_pid"
    (( profile )) && profile_stop "$db-$vname-balance"
    run_wrk rebates "$db" "$vname" "$base" '/api/v1/me/rebates?limit=20' "$serve_pid" "$db_pid"
    if (( probe )) && [[ $v == "${variants[0]}" ]]; then
      log "probe: scripts/probe-api.py against $base"
      python3 "$here/scripts/probe-api.py" --base-url "$base" --balances "$work/balances-$db.csv" --sample 2000 --no-read-model-check \
        > "$work/probe-$db-$vname.txt" 2>&1 && probe_rc=0 || probe_rc=$?
      echo "probe $db $vname: exit $probe_rc ($(grep -c '^FAIL' "$work/probe-$db-$vname.txt" || true) findings)"
      probes+=("$db-$vname")
    fi
    stop_pid "$serve_pid"; serve_pid=""
  done
  if [[ $db == mariadb ]]; then
    mariadb-admin --no-defaults --socket="$work/mysqld.sock" --user=root shutdown >/dev/null 2>&1 || true
    stop_pid "$db_pid" 60; db_pid=""; rm -rf "$work/mysql"
  else
    rm -rf "$work/h2"
  fi
done

# ---------------------------------------------------------------------------------------------------------------
# The ceiling: nginx (its own prefix and config, not the system service) serving static files of the same sizes.
mkdir -p "$work/nginx/html" "$work/nginx/logs"
head -c "$balance_size" "$work/sample-balance" > "$work/nginx/html/balance.json"
head -c "$rebates_size" "$work/sample-rebates" > "$work/nginx/html/rebates.json"
nginx_port=$(free_port)
{
  [[ $(id -u) -eq 0 ]] && echo "user root;"
  cat <<CONF
worker_processes auto;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx/tmp-body; proxy_temp_path $work/nginx/tmp-proxy;
  fastcgi_temp_path $work/nginx/tmp-fcgi; uwsgi_temp_path $work/nginx/tmp-uwsgi; scgi_temp_path $work/nginx/tmp-scgi;
  keepalive_requests 1000000;
  default_type application/json;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/nginx/html;
  }
}
CONF
} > "$work/nginx/nginx.conf"
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" > "$work/nginx/logs/stdout.log" 2>&1 &
nginx_pid=$!
for _ in $(seq 1 50); do curl -sf -o /dev/null "http://127.0.0.1:$nginx_port/balance.json" && break; sleep 0.1; done
curl -sf -o /dev/null "http://127.0.0.1:$nginx_port/balance.json" || { cat "$work/nginx/logs/"* >&2; die "nginx did not start"; }
log "nginx on port $nginx_port (pid $nginx_pid): $balance_size B and $rebates_size B files"
cur_tag=nginx
warm "http://127.0.0.1:$nginx_port" /balance.json 1 1
run_wrk "static-${balance_size}B" nginx - "http://127.0.0.1:$nginx_port" /balance.json "$nginx_pid" ""
run_wrk "static-${rebates_size}B" nginx - "http://127.0.0.1:$nginx_port" /rebates.json "$nginx_pid" ""
stop_pid "$nginx_pid"; nginx_pid=""

# ---------------------------------------------------------------------------------------------------------------
# Summary.
rev="$(git -C "$here" log -1 --format='%h (%D)' 2>/dev/null || true)"; rev=${rev:-"(not a git checkout)"}
{
  echo "rebatch API load benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), rebatch $rev"
  echo "machine: $(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo) RAM; wrk, server, database and nginx share it"
  echo "load average before the runs: $load_before"
  for db in "${dbs[@]}"; do
    eval "echo \"database $db: \$label_$db, loaded in \${load_s_$db} s\""
  done
  echo "data: $users users (app_user + user_balance rows), $records rebate_record rows (users 1..$((users / 10)) ~$((records * 11 / users / 2)) records each, the rest ~$((records / users / 2)))"
  echo "wrk $(wrk -v 2>&1 | head -1 | awk '{ print $2 }'): -t$threads -c$connections -d$duration --latency on loopback, after a JIT warm-up per endpoint"
  echo "  (10 s rounds until 3 in a row set no new best by 5 %; balance at least 60 s, at most $warmup);"
  echo "  each request carries the next of $ntokens pre-minted HS256 tokens (a different user each time; nginx gets the same headers)"
  echo "server: java $java_opts; the jar's application.yml: $(unzip -p "$jar" BOOT-INF/classes/application.yml | python3 -c '
import re, sys
y = sys.stdin.read()
pool = re.search(r"maximum-pool-size:\s*(\d+)", y)
threads = re.search(r"tomcat:\s*\n(?:\s+#.*\n|\s+threads:\s*\n)*(?:\s+#.*\n)*\s+max:\s*(\d+)", y)
obs = re.search(r"spring[.-]security:\s*(true|false)", y)
print("Hikari maximum-pool-size", pool.group(1) if pool else "10 (Hikari default)", end=", ")
print("Tomcat threads.max", threads.group(1) if threads else "200 (default)", end=", ")
print("Spring Security observations", "off" if obs and obs.group(1) == "false" else "on")')"
  for v in "${variants[@]}"; do echo "  variant ${v%%=*}: ${v#*=}"; done
  echo
  printf '%-22s %-8s %-10s %10s %9s %9s %7s %7s  %s\n' run db variant 'req/s' 'p50 ms' 'p99 ms' errors 'B/resp' 'cpu% server/db/wrk/other'
  for r in "${results[@]}"; do
    IFS='|' read -r l d v rps p50 p99 e b c <<< "$r"
    printf '%-22s %-8s %-10s %10.0f %9.2f %9.2f %7s %7s  %s\n' "$l" "$d" "$v" "$rps" "$p50" "$p99" "$e" "$b" "$c"
  done
  echo
  echo "cpu%: share of the machine's $(nproc) cores x 100 during the run (server JVM / database / wrk / everything else)."
  echo "errors: non-2xx answers + socket errors + timeouts (must be 0)."
  echo "warm-up, req/s of each 10 s round:"
  for w in "${warmups[@]}"; do echo "  $w"; done
  echo "server JVM CPU by thread group during each run (requests = Tomcat's http-nio threads, JIT = C1/C2 compilers):"
  for sp in "${splits[@]}"; do echo "  $sp"; done
  for r in "${results[@]}"; do
    IFS='|' read -r l d v rps p50 p99 e b c <<< "$r"
    [[ $l == balance ]] || continue
    if awk -v r="$rps" -v p="$p99" -v e="$e" 'BEGIN { exit !(r >= 5000 && p < 20 && e == 0) }'; then verdict=MET; else verdict="NOT MET"; fi
    printf 'target balance >= 5000 req/s, p99 < 20 ms (%s, %s): %s (%.0f req/s, p99 %.2f ms)\n' "$d" "$v" "$verdict" "$rps" "$p99"
  done
  [[ -s "$work/explain.txt" ]] && { echo; echo "MariaDB plans of the balance and first-page rebate queries:"; cat "$work/explain.txt"; }
  for p in "${profiles[@]}"; do echo; echo "profile $p (JFR execution samples of the server during the measured run):"; cat "$work/profile-$p.txt"; done
  for p in "${probes[@]:-}"; do [[ -n $p ]] && { echo; echo "probe $p:"; cat "$work/probe-$p.txt"; }; done
} > "$work/summary.txt"
echo; cat "$work/summary.txt"
if [[ $out != - ]]; then
  mkdir -p "$(dirname "$out")"; cp "$work/summary.txt" "$out"
  { echo; echo "raw wrk output:"; for f in "$work"/wrk/*.txt; do [[ $f == */warmup.txt ]] && continue; echo "== $(basename "$f" .txt)"; cat "$f"; done; } >> "$out"
  log "summary written to $out"
fi
