#!/usr/bin/env bash
# A throwaway PostgreSQL server for the test suite and benchmarks, on loopback only.
#
#   scripts/postgres.sh start    install (Debian) if needed, init, start, create lantero_test,
#                                print the connection URL; does nothing if already running
#   scripts/postgres.sh stop     stop the server (the data stays for the next start)
#   scripts/postgres.sh url      print the connection URL
#   scripts/postgres.sh ca       print the path of the throwaway CA certificate that signed the
#                                server's (for sslmode=verify-full&sslrootcert=PATH); exit 1 if
#                                this server has none (started by an older script: stop, start)
#   scripts/postgres.sh status   exit 0 if running
#
# The cluster lives in $REPO/.cache/pg (git-ignored), listens on 127.0.0.1:$LANTERO_PG_PORT
# (default 55432, not the usual 5432, so that it never meets a real server) with its socket in
# the same folder, and trusts local connections: it is for tests, never for data. It speaks TLS
# (ssl=on) with a certificate for 127.0.0.1 and localhost from a throwaway CA made with openssl
# in $DIR/tls on first start; plain connections are still accepted on loopback.
# Use it as:  export LANTERO_PG_URL="$(scripts/postgres.sh start)"
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="${LANTERO_PG_PORT:-55432}"
DB="lantero_test"
DIR="${LANTERO_PG_DIR:-$REPO/.cache/pg}"
URL="postgres://postgres@127.0.0.1:${PORT}/${DB}"
FALLBACK="/var/tmp/lantero-pg-$(echo "$REPO" | sha256sum | cut -c1-12)"
if [ -z "${LANTERO_PG_DIR:-}" ] && [ -f "$FALLBACK/data/PG_VERSION" ]; then
    DIR="$FALLBACK"
fi

log() { echo "postgres.sh: $*" >&2; }

find_bindir() {
    local d
    if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
        dirname "$(readlink -f "$(command -v pg_ctl)")"
        return 0
    fi
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$d/pg_ctl" ] && [ -x "$d/initdb" ]; then
            echo "$d"
            return 0
        fi
    done
    return 1
}

install_postgres() {
    if [ "$(id -u)" -ne 0 ]; then
        log "PostgreSQL is not installed and this is not root: install the 'postgresql' package"
        exit 1
    fi
    log "installing PostgreSQL (apt-get install postgresql)"
    export DEBIAN_FRONTEND=noninteractive
    # Keep the package's own cluster from starting: only ours should run.
    local policy=/usr/sbin/policy-rc.d created_policy=0
    if [ ! -e "$policy" ]; then
        printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && created_policy=1
    fi
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
    if [ "$created_policy" = 1 ]; then rm -f "$policy"; fi
}

# Runs a command as the cluster owner: initdb and postgres refuse to run as root.
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

prepare_dir() {
    if [ "$(id -u)" -eq 0 ]; then
        id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
        mkdir -p "$DIR"
        chown postgres: "$DIR"
        # The postgres user must be able to reach the folder; a repo under a private home
        # directory cannot be, so fall back to a folder under /var/tmp named after the repo.
        if ! runuser -u postgres -- test -w "$DIR" 2>/dev/null; then
            DIR="$FALLBACK"
            log "repo folder not reachable by the postgres user; using $DIR"
            mkdir -p "$DIR"
        fi
        chown -R postgres: "$DIR"
    else
        mkdir -p "$DIR"
    fi
    chmod 700 "$DIR"
}

# Makes the throwaway CA and the server certificate once; the keys never leave $DIR/tls.
make_certs() {
    local tls="$DIR/tls"
    if [ -f "$tls/server.crt" ] && [ -f "$tls/server.key" ] && [ -f "$tls/ca.crt" ]; then
        return 0
    fi
    command -v openssl >/dev/null 2>&1 || { log "openssl is needed to make the test server's certificate"; exit 1; }
    mkdir -p "$tls"
    openssl req -x509 -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 3650 \
        -subj "/CN=lantero test CA" -keyout "$tls/ca.key" -out "$tls/ca.crt" \
        -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
    openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
        -subj "/CN=localhost" -keyout "$tls/server.key" -out "$tls/server.csr" 2>/dev/null
    printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n' >"$tls/server.ext"
    openssl x509 -req -in "$tls/server.csr" -CA "$tls/ca.crt" -CAkey "$tls/ca.key" -CAcreateserial \
        -days 3650 -extfile "$tls/server.ext" -out "$tls/server.crt" 2>/dev/null
    rm -f "$tls/server.csr" "$tls/server.ext" "$tls/ca.srl"
    chmod 600 "$tls/server.key" "$tls/ca.key"
    [ "$(id -u)" -eq 0 ] && chown -R postgres: "$tls"
    chmod 755 "$tls" && chmod 644 "$tls/ca.crt"
    log "made a throwaway CA and server certificate in $tls"
}

is_running() {
    [ -f "$DIR/data/PG_VERSION" ] && as_owner "$BIN/pg_ctl" status -D "$DIR/data" >/dev/null 2>&1
}

psql_cmd() {
    as_owner "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -v ON_ERROR_STOP=1 -qtA "$@"
}

start() {
    BIN="$(find_bindir)" || { install_postgres; BIN="$(find_bindir)"; }
    # Another checkout's test server may already own the port: share it rather than fail.
    if ! is_running 2>/dev/null && psql_cmd -d postgres -c "SELECT 1" >/dev/null 2>&1; then
        log "a test server already listens on 127.0.0.1:$PORT; using it"
        if [ "$(psql_cmd -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")" != "1" ]; then
            psql_cmd -d postgres -c "CREATE DATABASE $DB" >/dev/null
        fi
        echo "$URL"
        return 0
    fi
    prepare_dir
    if [ ! -f "$DIR/data/PG_VERSION" ]; then
        log "initialising a cluster in $DIR/data"
        as_owner "$BIN/initdb" -D "$DIR/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null \
            || as_owner "$BIN/initdb" -D "$DIR/data" -U postgres --auth=trust --encoding=UTF8 --no-locale >/dev/null
    fi
    make_certs
    mkdir -p "$DIR/sock"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$DIR/sock"
    if is_running; then
        log "already running on 127.0.0.1:$PORT"
    else
        as_owner "$BIN/pg_ctl" start -w -t 60 -D "$DIR/data" -l "$DIR/server.log" \
            -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR/sock -c fsync=on -c max_connections=200 -c wal_recycle=off -c ssl=on -c ssl_cert_file=$DIR/tls/server.crt -c ssl_key_file=$DIR/tls/server.key" >/dev/null \
            || { log "start failed; last lines of $DIR/server.log:"; tail -n 20 "$DIR/server.log" >&2; exit 1; }
        log "started on 127.0.0.1:$PORT"
    fi
    if [ "$(psql_cmd -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")" != "1" ]; then
        psql_cmd -d postgres -c "CREATE DATABASE $DB" >/dev/null
    fi
    # Purge must be able to remove old WAL segments, not have them renamed for reuse with the
    # purged rows still inside (see the lantero_cases::store documentation); also for a server started by an older script.
    psql_cmd -d postgres -c "ALTER SYSTEM SET wal_recycle = off" -c "SELECT pg_reload_conf()" >/dev/null
    echo "$URL"
}

stop() {
    BIN="$(find_bindir)" || { log "PostgreSQL is not installed"; return 0; }
    if is_running; then
        as_owner "$BIN/pg_ctl" stop -w -m fast -D "$DIR/data" >/dev/null
        log "stopped"
    else
        log "not running"
    fi
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    url) echo "$URL" ;;
    ca)
        if [ -f "$DIR/tls/ca.crt" ]; then
            echo "$DIR/tls/ca.crt"
        else
            log "no CA in $DIR/tls: run scripts/postgres.sh start (stop first if it runs without TLS)"
            exit 1
        fi
        ;;
    status)
        BIN="$(find_bindir)" || exit 1
        is_running
        ;;
    *)
        echo "usage: $0 start|stop|url|ca|status" >&2
        exit 2
        ;;
esac
