#!/usr/bin/env bash
# Starts and stops a throwaway PostgreSQL for tests, on 127.0.0.1 and a free
# port (as ../shared/docs/services.md describes). It installs nothing.
#
#   eval "$(scripts/pg-test-server.sh start)"   # sets DYAD_PG_DATA and DYAD_TEST_PG (a DSN)
#   scripts/pg-test-server.sh stop "$DYAD_PG_DATA"
#   scripts/pg-test-server.sh halt|resume "$DYAD_PG_DATA"   # the server goes away / comes back
#
# start exits 3 when the PostgreSQL server binaries are absent, so callers
# can skip with a clear message. fsync stays off (a throwaway database);
# set DYAD_PG_FSYNC=on for a test that kills the server.
set -euo pipefail

pg_bin() {
    local d
    d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
    [ -n "$d" ] && [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] || return 1
    echo "$d"
}

# Runs a server command as the postgres user when we are root (initdb
# refuses root), as ourselves otherwise.
as_pg() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start() {
    local bin data port fsync
    bin=$(pg_bin) || { echo "pg-test-server: PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 3; }
    data=$(mktemp -d /tmp/dyad-pgtest.XXXXXX)
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$data"
    fsync=${DYAD_PG_FSYNC:-off}
    as_pg "$bin/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
    echo "$fsync" >"$data/dyad-fsync"
    # A port found free may be taken before the server binds it: try a few.
    local tries=0
    while :; do
        port=$(free_port)
        if as_pg "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 30 \
            -o "-p $port -k $data -c listen_addresses=127.0.0.1 -c fsync=$fsync -c synchronous_commit=$fsync -c full_page_writes=$fsync" \
            start >/dev/null; then
            break
        fi
        tries=$((tries + 1))
        if [ $tries -ge 5 ]; then
            echo "pg-test-server: cannot start PostgreSQL; log:" >&2
            cat "$data/server.log" >&2 || true
            rm -rf "$data"
            exit 1
        fi
    done
    "$bin/psql" "host=127.0.0.1 port=$port user=postgres dbname=postgres" -qAtc "CREATE DATABASE dyad_test" >/dev/null
    echo "$port" >"$data/dyad-port"
    echo "export DYAD_PG_DATA='$data'"
    echo "export DYAD_TEST_PG='postgresql://postgres@127.0.0.1:$port/dyad_test'"
}

stop() {
    local data=${1:-} bin
    [ -n "$data" ] && [ -f "$data/dyad-port" ] || { echo "pg-test-server: stop needs the data directory start printed" >&2; exit 2; }
    bin=$(pg_bin) || exit 3
    as_pg "$bin/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$data"
}

server_ctl() {
    local data=${2:-} bin port fsync
    [ -n "$data" ] && [ -f "$data/dyad-port" ] || { echo "pg-test-server: $1 needs the data directory start printed" >&2; exit 2; }
    bin=$(pg_bin) || exit 3
    if [ "$1" = halt ]; then
        as_pg "$bin/pg_ctl" -D "$data" -m immediate -w stop >/dev/null
    else
        port=$(cat "$data/dyad-port")
        fsync=$(cat "$data/dyad-fsync")
        as_pg "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 30 \
            -o "-p $port -k $data -c listen_addresses=127.0.0.1 -c fsync=$fsync -c synchronous_commit=$fsync -c full_page_writes=$fsync" \
            start >/dev/null
    fi
}

case "${1:-}" in
    start) start ;;
    halt | resume) server_ctl "$1" "${2:-}" ;;
    stop) stop "${2:-}" ;;
    *) echo "usage: $0 start | stop DATA_DIR | halt DATA_DIR | resume DATA_DIR" >&2; exit 2 ;;
esac
