#!/usr/bin/env bash
# Stops everything deploy/local/demo.sh started, by the PIDs it recorded in deploy/local/.run/demo/
# (a PID is only signalled while it still runs the recorded program). PostgreSQL is stopped when
# the demo started it. Safe to run any number of times.
#
#   deploy/local/down.sh           stop; keep the database and the generated accounts
#   deploy/local/down.sh --purge   stop, then delete deploy/local/.run (database, accounts, logs)
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
CAMAUDIT_PROG=down
# shellcheck source=lib.sh
. deploy/local/lib.sh

purge=0
for arg in "$@"; do
  case "$arg" in
    --purge) purge=1 ;;
    -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option '$arg' (try --help)" ;;
  esac
done

run=deploy/local/.run
state="$run/demo"
stopped=0
for name in camera-lab audit-service inventory-service; do
  if pid="$(live_pid "$state/$name.pid")"; then
    echo "stopping $name (pid $pid)"
    stop_pidfile "$state/$name.pid"
    stopped=$(( stopped + 1 ))
  else
    rm -f "$state/$name.pid"
  fi
done
if [ -f "$state/postgres.started" ] || { [ "$purge" -eq 1 ] && [ -d "$run/postgres" ]; }; then
  bash deploy/local/postgres.sh stop
  rm -f "$state/postgres.started"
  stopped=$(( stopped + 1 ))
fi
[ "$stopped" -gt 0 ] || echo "nothing from the demo was running"
if [ "$purge" -eq 1 ]; then
  rm -rf "$run"
  echo "deleted $run (database, accounts, logs)"
fi
