#!/bin/sh
# pg-harness.sh SERVER-BINARY TEST [ARGS…]
#
# Runs TEST against a throw-away PostgreSQL cluster in a temporary directory (never the
# machine's own cluster): initdb, start on a Unix socket only, run, stop, remove.  As root the
# cluster runs as the `postgres` user (PostgreSQL refuses to run as root).  The test finds the
# cluster through EDAAD_TEST_PG_HOST and the server binary through EDAAD_SERVER_BINARY.
# Everything but the test's own output goes to stderr, so TAP stays clean.
set -u

server=$1
shift

bindir=${EDAAD_PG_BINDIR:-}
if [ -z "$bindir" ]; then
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V); do bindir=$d; done
fi
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "Bail out! PostgreSQL server binaries not found (install postgresql, or set EDAAD_PG_BINDIR)"
  exit 1
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/edaad-pg.XXXXXX") || { echo "Bail out! mktemp failed"; exit 1; }

if [ "$(id -u)" -eq 0 ]; then
  chown postgres "$dir"
  as_postgres() { runuser -u postgres -- "$@"; }
else
  as_postgres() { "$@"; }
fi

cleanup() {
  as_postgres "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1
  rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

if ! as_postgres "$bindir/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --no-sync >"$dir/initdb.log" 2>&1; then
  cat "$dir/initdb.log" >&2
  echo "Bail out! initdb failed"
  exit 1
fi
if ! as_postgres "$bindir/pg_ctl" -D "$dir/data" -w -l "$dir/data/server.log" \
       -o "-k $dir -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
       start >&2; then
  cat "$dir/data/server.log" >&2
  echo "Bail out! PostgreSQL did not start"
  exit 1
fi

EDAAD_TEST_PG_HOST=$dir
EDAAD_SERVER_BINARY=$server
export EDAAD_TEST_PG_HOST EDAAD_SERVER_BINARY
"$@"
status=$?
exit $status
