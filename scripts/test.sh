#!/usr/bin/env bash
# The project's test command (CI runs it through .ci/run):
#
#   ./scripts/test.sh [extra Maven args...]     e.g. ./scripts/test.sh -pl jobs -am
#
# Runs `./mvnw -B verify`: unit tests (*Test, Surefire) and integration tests (*IT, Failsafe).
# The *IT run against an embedded H2 and against a private, throwaway MariaDB server that this
# script starts on its own port, data directory and socket, and always stops and deletes again.
# MariaDB is installed from Debian's packages if `mariadbd` is missing (needs root or sudo).
#
# Environment:
#   REBATCH_TEST_MYSQL_URL=jdbc:mysql://...   use this existing server instead (nothing is
#                                             installed or started); its user needs CREATE/DROP
#                                             on databases named rebatch_t* (per-test databases).
#   REBATCH_TEST_MARIADB=skip                 run the *IT against the embedded H2 only.
#   REBATCH_TEST_MARIADB_PORT=3407            first port to try (default 3407; the next free one
#                                             up to +20 is taken).
#   REBATCH_TEST_MARIADB_KEEP=1               leave the server running and its data directory in
#                                             place after Maven ends (for debugging; prints how to
#                                             connect and how to stop it).
# Exit code: Maven's (or non-zero if the database could not be set up).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
readonly ROOT_DIR="$PWD"
export PATH="$PATH:/usr/sbin:/usr/local/sbin:/sbin"

log() { printf '[test.sh %(%H:%M:%S)T] %s\n' -1 "$*"; }
die() { log "ERROR: $*" >&2; exit 1; }
now_ms() { date +%s%3N; }
secs_since() { local t0=$1 t1; t1=$(now_ms); printf '%d.%03d' $(((t1 - t0) / 1000)) $(((t1 - t0) % 1000)); }

run_maven() {
  local url=$1; shift
  log "running: ./mvnw -B verify -Drebatch.test.mysql.url=${url:-<empty: embedded H2 only>}${*:+ $*}"
  local t0 rc=0
  t0=$(now_ms)
  ./mvnw -B verify "-Drebatch.test.mysql.url=${url}" "$@" || rc=$?
  log "Maven finished with exit code $rc in $(secs_since "$t0") s"
  return "$rc"
}

# ---------------------------------------------------------------------------------------------
# 1. An existing server, or no MariaDB at all.
if [[ -n "${REBATCH_TEST_MYSQL_URL:-}" ]]; then
  log "REBATCH_TEST_MYSQL_URL is set: using that server, not starting one"
  rc=0; run_maven "$REBATCH_TEST_MYSQL_URL" "$@" || rc=$?
  exit "$rc"
fi
if [[ "${REBATCH_TEST_MARIADB:-}" == skip ]]; then
  log "REBATCH_TEST_MARIADB=skip: integration tests run against the embedded H2 only"
  rc=0; run_maven "" "$@" || rc=$?
  exit "$rc"
fi

# ---------------------------------------------------------------------------------------------
# 2. Install MariaDB from Debian's packages when it is missing.
as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo -n "$@"
  else die "MariaDB is not installed and neither root nor sudo is available to install it.
  Install mariadb-server, or set REBATCH_TEST_MYSQL_URL, or REBATCH_TEST_MARIADB=skip."
  fi
}

if ! command -v mariadbd >/dev/null 2>&1; then
  log "mariadbd not found: installing mariadb-server from Debian's packages"
  apt_log="${TMPDIR:-/tmp}/rebatch-apt-install.log"
  t0=$(now_ms)
  as_root apt-get -q -o DPkg::Lock::Timeout=300 update > "$apt_log" 2>&1 \
    || { tail -n 40 "$apt_log" >&2; die "apt-get update failed (full output: $apt_log)"; }
  log "apt-get update took $(secs_since "$t0") s"
  t0=$(now_ms)
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    -o DPkg::Lock::Timeout=300 mariadb-server mariadb-client tzdata >> "$apt_log" 2>&1 \
    || { tail -n 40 "$apt_log" >&2; die "apt-get install mariadb-server failed (full output: $apt_log)"; }
  log "apt-get install mariadb-server took $(secs_since "$t0") s (output in $apt_log)"
  command -v mariadbd >/dev/null 2>&1 || die "mariadbd is still missing after apt-get install"
fi
for tool in mariadb-install-db mariadb mariadb-admin; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool not found (install mariadb-server / mariadb-client)"
done
log "$(mariadbd --version)"

# ---------------------------------------------------------------------------------------------
# 3. A private data directory, socket, pid file and log, removed again on exit.
base_tmp="${TMPDIR:-/tmp}"
# A UNIX socket path must stay below ~107 bytes.
if (( ${#base_tmp} > 60 )); then base_tmp=/tmp; fi

# Remove what earlier runs left behind when they were killed (SIGKILL skips the trap):
# only our own directories (marker file), and only when the run that made them is gone.
for old in "$base_tmp"/rebatch-mariadb-*; do
  [[ -f "$old/.rebatch-test-server" ]] || continue
  read -r old_script_pid old_server_pid < "$old/.rebatch-test-server" || true
  [[ "${old_script_pid:-}" == kept ]] && continue   # REBATCH_TEST_MARIADB_KEEP=1: the user's
  if ! kill -0 "${old_script_pid:-0}" 2>/dev/null; then
    if [[ -n "${old_server_pid:-}" ]] && kill -0 "$old_server_pid" 2>/dev/null \
        && grep -qa "$old" "/proc/$old_server_pid/cmdline" 2>/dev/null; then
      log "stopping a leftover test server (pid $old_server_pid) of an earlier run"
      kill -TERM "$old_server_pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$old_server_pid" 2>/dev/null || break; sleep 0.2; done
      kill -KILL "$old_server_pid" 2>/dev/null || true
    fi
    log "removing leftover $old"
    rm -rf -- "$old"
  fi
done

WORK_DIR=$(mktemp -d "$base_tmp/rebatch-mariadb-XXXXXX")
readonly WORK_DIR DATA_DIR="$WORK_DIR/data" SOCKET="$WORK_DIR/mysqld.sock" \
  PID_FILE="$WORK_DIR/mysqld.pid" ERR_LOG="$WORK_DIR/mysqld.err"
echo "$$" > "$WORK_DIR/.rebatch-test-server"
SERVER_PID=""

admin() { mariadb-admin --no-defaults --socket="$SOCKET" --user=root --connect-timeout=5 "$@"; }
sql() { mariadb --no-defaults --socket="$SOCKET" --user=root --batch --skip-column-names "$@"; }

stop_server() {
  [[ -n "$SERVER_PID" ]] || return 0
  if kill -0 "$SERVER_PID" 2>/dev/null; then
    local t0; t0=$(now_ms)
    admin shutdown >/dev/null 2>&1 || kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 150); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.2; done
    if kill -0 "$SERVER_PID" 2>/dev/null; then
      log "server did not stop within 30 s: killing it"
      kill -KILL "$SERVER_PID" 2>/dev/null || true
    fi
    log "MariaDB (pid $SERVER_PID) stopped in $(secs_since "$t0") s"
  fi
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}

cleanup() {
  local rc=$?
  set +e
  trap - EXIT INT TERM
  if [[ "${REBATCH_TEST_MARIADB_KEEP:-}" == 1 && -n "$SERVER_PID" ]]; then
    log "REBATCH_TEST_MARIADB_KEEP=1: server pid $SERVER_PID keeps running, data in $WORK_DIR"
    log "  connect: mariadb --no-defaults --socket=$SOCKET -uroot rebatch"
    log "  stop:    mariadb-admin --no-defaults --socket=$SOCKET -uroot shutdown && rm -rf $WORK_DIR"
    echo "kept $SERVER_PID" > "$WORK_DIR/.rebatch-test-server"
    exit "$rc"
  fi
  stop_server
  rm -rf -- "$WORK_DIR"
  log "removed $WORK_DIR"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# mariadbd refuses to run as root unless told to; this server is private and throwaway.
run_as=()
if [[ $(id -u) -eq 0 ]]; then run_as=(--user=root); fi

t0=$(now_ms)
mariadb-install-db --no-defaults "${run_as[@]}" --datadir="$DATA_DIR" \
  --auth-root-authentication-method=normal --skip-test-db --skip-name-resolve \
  > "$WORK_DIR/install-db.log" 2>&1 \
  || { cat "$WORK_DIR/install-db.log" >&2; die "mariadb-install-db failed"; }
log "mariadb-install-db took $(secs_since "$t0") s"

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start_server() {
  local port=$1
  # --no-defaults first: ignore /etc/mysql/*.cnf, so a system MariaDB's settings never leak in.
  # sql_mode = MySQL 8's default (stricter than MariaDB's), closer to production MySQL.
  mariadbd --no-defaults "${run_as[@]}" \
    --datadir="$DATA_DIR" --socket="$SOCKET" --pid-file="$PID_FILE" --log-error="$ERR_LOG" \
    --tmpdir="$WORK_DIR" --bind-address=127.0.0.1 --port="$port" --skip-name-resolve \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
    --default-time-zone=+00:00 \
    --sql-mode=ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION \
    --max-connections=500 --skip-log-bin \
    --innodb-buffer-pool-size=256M --innodb-log-file-size=128M \
    --innodb-flush-log-at-trx-commit=2 --innodb-doublewrite=0 --sync-binlog=0 \
    >>"$WORK_DIR/mysqld.out" 2>&1 &
  SERVER_PID=$!
  echo "$$ $SERVER_PID" > "$WORK_DIR/.rebatch-test-server"
  local deadline=$(( $(date +%s) + 60 ))
  while (( $(date +%s) < deadline )); do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      wait "$SERVER_PID" 2>/dev/null || true
      SERVER_PID=""
      return 1
    fi
    if admin ping >/dev/null 2>&1; then return 0; fi
    sleep 0.1
  done
  return 2
}

PORT=""
first_port=${REBATCH_TEST_MARIADB_PORT:-3407}
t0=$(now_ms)
for (( p = first_port; p <= first_port + 20; p++ )); do
  if port_in_use "$p"; then log "port $p is in use, trying the next"; continue; fi
  rc=0; start_server "$p" || rc=$?
  if (( rc == 0 )); then PORT=$p; break; fi
  if (( rc == 2 )); then tail -n 30 "$ERR_LOG" >&2 || true; die "MariaDB did not become ready within 60 s"; fi
  if grep -qi "address already in use" "$ERR_LOG" 2>/dev/null; then
    log "port $p was taken meanwhile, trying the next"; : > "$ERR_LOG"; continue
  fi
  tail -n 30 "$ERR_LOG" >&2 || true
  die "MariaDB failed to start (log above)"
done
[[ -n "$PORT" ]] || die "no free port in $first_port..$((first_port + 20))"
log "MariaDB $(sql -e 'SELECT VERSION()') ready on 127.0.0.1:$PORT (pid $SERVER_PID) in $(secs_since "$t0") s; data dir $DATA_DIR"

# Named time zones (e.g. 'Asia/Shanghai' in CONVERT_TZ) as on a production server.
if [[ -d /usr/share/zoneinfo ]] && command -v mariadb-tzinfo-to-sql >/dev/null 2>&1; then
  t0=$(now_ms)
  mariadb-tzinfo-to-sql /usr/share/zoneinfo 2>/dev/null | sql mysql \
    || die "loading the time zone tables failed"
  log "time zone tables loaded in $(secs_since "$t0") s"
else
  log "WARNING: /usr/share/zoneinfo or mariadb-tzinfo-to-sql missing: named time zones are unknown to the server"
fi

# The application database, and the test user. The user may also create and drop databases
# named rebatch* : the *IT give every test its own database rebatch_t<...> (TestDatabases.java).
sql <<'SQL'
CREATE DATABASE rebatch CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER 'rebatch'@'localhost' IDENTIFIED BY 'rebatch';
CREATE USER 'rebatch'@'127.0.0.1' IDENTIFIED BY 'rebatch';
GRANT ALL PRIVILEGES ON `rebatch%`.* TO 'rebatch'@'localhost';
GRANT ALL PRIVILEGES ON `rebatch%`.* TO 'rebatch'@'127.0.0.1';
FLUSH PRIVILEGES;
SQL
log "database rebatch and user rebatch/rebatch created"

readonly MYSQL_URL="jdbc:mysql://127.0.0.1:${PORT}/rebatch?user=rebatch&password=rebatch&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true&rewriteBatchedStatements=true&useSSL=false&allowPublicKeyRetrieval=true"

# ---------------------------------------------------------------------------------------------
# 4. The build. The EXIT trap stops the server and removes its files; the exit code is Maven's.
rc=0; run_maven "$MYSQL_URL" "$@" || rc=$?
exit "$rc"
