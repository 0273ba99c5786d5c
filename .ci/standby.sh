#!/usr/bin/env bash
# Starts a streaming hot standby of the local Postgres (127.0.0.1:5432) on 127.0.0.1:${STANDBY_PORT:-5433},
# as root, idempotently: the primary's pg_hba.conf gets a replication line for 127.0.0.1 (then a
# reload), the standby is cloned once with `pg_basebackup -R` and started with pg_ctl. Used by .ci/run
# for the read-replica integration test (lib/dal/gaps/replica.int.test.ts).
set -euo pipefail
PORT="${STANDBY_PORT:-5433}"
VER="$(ls /etc/postgresql | head -n1)"
BIN="/usr/lib/postgresql/$VER/bin"
HBA="$(psql -h 127.0.0.1 -U postgres -tAc 'show hba_file')"
DIR="/var/lib/postgresql/$VER/sellthru-standby"

if ! grep -qE '^[[:space:]]*host[[:space:]]+replication[[:space:]]+postgres[[:space:]]+127\.0\.0\.1/32' "$HBA"; then
  echo "host replication postgres 127.0.0.1/32 trust" >> "$HBA"
  psql -h 127.0.0.1 -U postgres -qtAc "select pg_reload_conf()" >/dev/null
fi
if pg_isready -h 127.0.0.1 -p "$PORT" -q; then
  echo "standby already running on $PORT"
  exit 0
fi
if [ ! -f "$DIR/standby.signal" ]; then
  rm -rf "$DIR"
  install -d -o postgres -g postgres -m 700 "$DIR"
  su postgres -c "pg_basebackup -h 127.0.0.1 -p 5432 -U postgres -D '$DIR' -R -X stream -c fast"
  # Debian keeps the configuration outside the data directory: give the standby its own.
  su postgres -c "touch '$DIR/postgresql.conf' && cp '$HBA' '$DIR/pg_hba.conf' && touch '$DIR/pg_ident.conf'"
fi
su postgres -c "'$BIN/pg_ctl' -D '$DIR' -l '$DIR/standby.log' -w -t 60 -o \"-p $PORT -c listen_addresses=127.0.0.1 -c hot_standby=on -c unix_socket_directories=/var/run/postgresql\" start"
pg_isready -h 127.0.0.1 -p "$PORT"
psql -h 127.0.0.1 -p "$PORT" -U postgres -tAc "select 'in recovery: ' || pg_is_in_recovery()"
