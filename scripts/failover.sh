#!/usr/bin/env bash
# Failover drill: fence the old primary, promote the streaming replica, check it accepts writes.
# The application needs no restart: it lists the replica in DATABASE_READ_URLS, and its write pool moves to whichever
# listed server is the primary when the old one stops answering.
# Usage: scripts/failover.sh OLD_PRIMARY_DATA_DIR REPLICA_DATA_DIR REPLICA_PORT
# Run as root (it acts as the postgres user) or as the postgres user; PG_BIN overrides /usr/lib/postgresql/15/bin.
set -euo pipefail
bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
old=$1
replica=$2
port=$3
as_postgres() { if [ "$(id -un)" = postgres ]; then sh -c "$1"; else su postgres -s /bin/sh -c "$1"; fi; }

# 1. Fence: the old primary must not accept another write once the replica is promoted (no split brain).
as_postgres "$bin/pg_ctl -D '$old' -m immediate -w stop" >/dev/null 2>&1 || echo "old primary already stopped"
# 2. Promote, waiting until the replica has left recovery.
as_postgres "$bin/pg_ctl -D '$replica' -w promote" >/dev/null
# 3. Check: the new primary is out of recovery and takes a write.
state=$(as_postgres "$bin/psql -h 127.0.0.1 -p $port -U postgres -d postgres -Atc 'SELECT pg_is_in_recovery()'")
if [ "$state" != f ]; then
  echo "promotion failed: the replica is still in recovery" >&2
  exit 1
fi
as_postgres "$bin/psql -h 127.0.0.1 -p $port -U postgres -d postgres -Atc 'CREATE TEMP TABLE failover_check (x int); INSERT INTO failover_check VALUES (1)'" >/dev/null
echo "promoted: 127.0.0.1:$port is the primary"
