# Sourced by bench/nightly.sh: a private, throwaway MariaDB (own datadir, port, socket; like scripts/test.sh).
# mariadb_start WORK_DIR  sets DB_URL, SQL_ARGS (client options) and SERVER_PID; mariadb_stop stops it.
export PATH="$PATH:/usr/sbin:/usr/local/sbin:/sbin"
SERVER_PID=""

mariadb_start() {
  local dir=$1 port
  local run_as=(); [[ $(id -u) -eq 0 ]] && run_as=(--user=root)
  mariadb-install-db --no-defaults "${run_as[@]}" --datadir="$dir/data" --auth-root-authentication-method=normal \
    --skip-test-db --skip-name-resolve > "$dir/install-db.log" 2>&1 || { cat "$dir/install-db.log" >&2; return 1; }
  for (( port = ${NIGHTLY_PORT:-3437}; port <= ${NIGHTLY_PORT:-3437} + 20; port++ )); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && continue
    mariadbd --no-defaults "${run_as[@]}" --datadir="$dir/data" --socket="$dir/mysqld.sock" \
      --pid-file="$dir/mysqld.pid" --log-error="$dir/mysqld.err" --tmpdir="$dir" --secure-file-priv="$dir" \
      --bind-address=127.0.0.1 --port="$port" --skip-name-resolve --local-infile=1 \
      --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci --default-time-zone=+00:00 \
      --sql-mode=ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION \
      --max-connections=200 --skip-log-bin --innodb-buffer-pool-size=512M --innodb-log-file-size=256M \
      --innodb-flush-log-at-trx-commit=2 --innodb-doublewrite=0 > "$dir/mysqld.out" 2>&1 &
    SERVER_PID=$!
    SQL_ARGS=(--no-defaults --socket="$dir/mysqld.sock" --user=root)
    for _ in $(seq 1 300); do
      kill -0 "$SERVER_PID" 2>/dev/null || break
      if mariadb-admin "${SQL_ARGS[@]}" ping >/dev/null 2>&1; then
        mariadb "${SQL_ARGS[@]}" -e "CREATE DATABASE rebatch CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
          CREATE USER 'rebatch'@'127.0.0.1' IDENTIFIED BY 'rebatch'; GRANT ALL ON rebatch.* TO 'rebatch'@'127.0.0.1';"
        mariadb-tzinfo-to-sql /usr/share/zoneinfo 2>/dev/null | mariadb "${SQL_ARGS[@]}" mysql
        SQL_ARGS+=(rebatch)
        DB_URL="jdbc:mysql://127.0.0.1:$port/rebatch?user=rebatch&password=rebatch&useSSL=false&allowPublicKeyRetrieval=true"
        echo "private MariaDB $(mariadbd --version | awk '{print $3}') on 127.0.0.1:$port (pid $SERVER_PID), data in $dir/data"
        return 0
      fi
      sleep 0.1
    done
    grep -qi 'address already in use' "$dir/mysqld.err" 2>/dev/null && { : > "$dir/mysqld.err"; continue; }
    tail -n 20 "$dir/mysqld.err" >&2; return 1
  done
  echo "no free port" >&2; return 1
}

mariadb_stop() {
  [[ -n "$SERVER_PID" ]] || return 0
  mariadb-admin "${SQL_ARGS[@]:0:3}" shutdown >/dev/null 2>&1 || kill -TERM "$SERVER_PID" 2>/dev/null
  for _ in $(seq 1 150); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.2; done
  kill -KILL "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}

# client options for an existing server, from a jdbc:mysql://host:port/db?user=..&password=.. URL
mariadb_from_url() {
  local url=$1 rest hostport db q user pass
  rest=${url#jdbc:mysql://}; rest=${rest#jdbc:mariadb://}
  hostport=${rest%%/*}; db=${rest#*/}; db=${db%%\?*}
  q=""; [[ $rest == *\?* ]] && q=${rest#*\?}
  user=$(tr '&' '\n' <<< "$q" | sed -n 's/^user=//p'); pass=$(tr '&' '\n' <<< "$q" | sed -n 's/^password=//p')
  user=${user:-${REBATCH_DB_USER:-}}; pass=${pass:-${REBATCH_DB_PASSWORD:-}}
  SQL_ARGS=(--no-defaults --host="${hostport%%:*}" --port="$( [[ $hostport == *:* ]] && echo "${hostport##*:}" || echo 3306)" \
    --user="$user" ${pass:+--password="$pass"} "$db")
}
