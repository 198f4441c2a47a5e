#!/bin/sh
# pg-harness.sh SERVER-BINARY TEST [ARGS…]
#
# Runs TEST against a throw-away PostgreSQL cluster in a temporary directory (never the
# machine's own cluster): initdb, start on a Unix socket only, run, stop, remove.  As root the
# cluster runs as the `postgres` user (PostgreSQL refuses to run as root); as any other user
# it runs as that user.  The test finds the cluster through EDAAD_TEST_PG_HOST and the server
# binary through EDAAD_SERVER_BINARY.  Everything but the test's own output goes to stderr,
# so TAP stays clean.
#
# The cluster is fast and not crash-safe (fsync off) unless EDAAD_PG_DURABLE=1 (benchmarks).
#
# PostgreSQL is always stopped and the directory always removed: on exit, whatever the test
# did (crash, failure, timeout); on SIGINT/SIGTERM/SIGHUP, which also end the test; and, should
# this script itself be killed with SIGKILL (meson's last resort after a timeout), by a
# detached watchdog that notices this script is gone.
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

# The socket lives in the directory: keep its path well under the 107-byte limit of sun_path.
dir=$(mktemp -d "${TMPDIR:-/tmp}/edaad-pg.XXXXXX") || { echo "Bail out! mktemp failed"; exit 1; }
if [ ${#dir} -gt 80 ]; then
  rmdir "$dir"
  dir=$(mktemp -d /tmp/edaad-pg.XXXXXX) || { echo "Bail out! mktemp failed"; exit 1; }
fi

if [ "$(id -u)" -eq 0 ]; then
  if ! id postgres >/dev/null 2>&1; then
    rmdir "$dir"
    echo "Bail out! running as root needs the postgres user (PostgreSQL refuses to run as root)"
    exit 1
  fi
  chown postgres "$dir"
  as_postgres() { runuser -u postgres -- "$@"; }
  if ! as_postgres test -w "$dir"; then
    # A TMPDIR that the postgres user cannot reach (e.g. under /root).
    rm -rf "$dir"
    dir=$(mktemp -d /tmp/edaad-pg.XXXXXX) || { echo "Bail out! mktemp failed"; exit 1; }
    chown postgres "$dir"
  fi
else
  as_postgres() { "$@"; }
fi

child=
cleanup() {
  trap '' INT TERM HUP
  if [ -n "$child" ]; then
    kill "$child" 2>/dev/null
    wait "$child" 2>/dev/null
  fi
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_postgres "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1
  fi
  rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

# The watchdog: its own session, so that a signal to our process group does not reach it.
# It polls for this shell and cleans up after it if it vanished without doing so itself.
harness=$$
setsid sh -c '
  while kill -0 "$1" 2>/dev/null; do sleep 1; done
  if [ -d "$2" ]; then
    if [ -f "$2/data/postmaster.pid" ]; then
      pid=$(head -n 1 "$2/data/postmaster.pid")
      kill -QUIT "$pid" 2>/dev/null
      while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
    fi
    rm -rf "$2"
  fi' edaad-pg-watchdog "$harness" "$dir" </dev/null >/dev/null 2>&1 &

if [ "${EDAAD_PG_DURABLE:-0}" = 1 ]; then
  settings=""
else
  settings="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
fi

if ! as_postgres "$bindir/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --no-sync >"$dir/initdb.log" 2>&1; then
  cat "$dir/initdb.log" >&2
  echo "Bail out! initdb failed"
  exit 1
fi
if ! as_postgres "$bindir/pg_ctl" -D "$dir/data" -w -l "$dir/data/server.log" \
       -o "-k $dir -c listen_addresses='' $settings -c max_connections=300" \
       start >&2; then
  cat "$dir/data/server.log" >&2
  echo "Bail out! PostgreSQL did not start"
  exit 1
fi

EDAAD_TEST_PG_HOST=$dir
EDAAD_SERVER_BINARY=$server
export EDAAD_TEST_PG_HOST EDAAD_SERVER_BINARY
# In the background and waited for, so that a signal interrupts the wait at once (a trap
# does not run while a foreground command is still going); stdin is the harness's own.
"$@" <&0 &
child=$!
wait "$child"
status=$?
child=
exit $status
