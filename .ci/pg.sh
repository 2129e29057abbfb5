#!/usr/bin/env bash
# Starts or stops a throwaway PostgreSQL 15 cluster for the test suite (trust auth, loopback only).
# Usage: .ci/pg.sh start DIR PORT   → prints the connection URL
#        .ci/pg.sh stop DIR
# PG_DURABLE=1 keeps fsync, synchronous_commit and full_page_writes on (as in production, for benchmarks);
set -euo pipefail
bin=/usr/lib/postgresql/15/bin
action=$1
dir=$2
case "$action" in
  start)
    port=$3
    rm -rf "$dir"
    mkdir -p "$dir"
    chown postgres:postgres "$dir"
    su postgres -s /bin/sh -c "$bin/initdb -D '$dir/data' -A trust -U postgres -E UTF8 --locale=C.UTF-8" >"$dir/initdb.log" 2>&1
    fast="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    [ "${PG_DURABLE:-0}" = 1 ] && fast=""
    su postgres -s /bin/sh -c "$bin/pg_ctl -D '$dir/data' -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 $fast\" -l '$dir/pg.log' -w start" >/dev/null
    su postgres -s /bin/sh -c "$bin/createdb -h 127.0.0.1 -p $port -U postgres giaoban_test"
    echo "postgres://postgres@127.0.0.1:$port/giaoban_test"
    ;;
  stop)
    su postgres -s /bin/sh -c "$bin/pg_ctl -D '$dir/data' -m fast -w stop" >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start DIR PORT | stop DIR" >&2
    exit 2
    ;;
esac
