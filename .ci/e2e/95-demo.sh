#!/usr/bin/env bash
# End to end: the README's main command, as a newcomer runs it. deploy/local/demo.sh --detach on
# this clone must reach its summary with all 60 cameras found, restricted vendors flagged and a
# plan per site; a second run must be safe (the same 60 devices, not 120); down.sh must stop
# everything by PID; a busy port must give a one-line error. Bounded; cleans up by PID.
set -euo pipefail
cd "$(dirname "$0")/../.."
CAMAUDIT_PROG=demo-e2e
. deploy/local/lib.sh

state=deploy/local/.run/demo
out=deploy/target/demo-e2e
mkdir -p "$out"
command -v node >/dev/null || {
  DEBIAN_FRONTEND=noninteractive apt-get -qq -o DPkg::Lock::Timeout=300 update
  DEBIAN_FRONTEND=noninteractive apt-get -qq -o DPkg::Lock::Timeout=300 install -y --no-install-recommends nodejs >/dev/null
}
cleanup() {
  local status=$?
  stop_pidfile "$out/listener.pid" 5
  bash deploy/local/down.sh >/dev/null 2>&1 || true
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

fail() {
  echo "demo-e2e: FAILED: $*" >&2
  exit 1
}

check_run() { # LOG
  [ "$(jq '.total' "$state/devices.json")" -eq 60 ] || fail "expected 60 devices, the inventory has $(jq '.total' "$state/devices.json")"
  local vendors
  vendors="$(jq -r '[.items[].vendor] | unique | join(",")' "$state/findings.json")"
  [[ ",$vendors," == *",Hikvision,"* && ",$vendors," == *",Dahua,"* ]] || fail "findings name vendors '$vendors', not Hikvision and Dahua"
  [ "$(jq '.totals.devices' "$state/plan.json")" -gt 0 ] || fail "the replacement plan is empty"
  [ "$(jq '[.sites[].site] | sort | join(",")' -r "$state/plan.json")" = "HQ,Warehouse" ] || fail "the plan does not cover both sites"
  grep -q 'Cameras found: 60' "$1" || fail "the summary does not say 60 cameras"
  grep -q 'audit Swagger UI *http://127.0.0.1:8082/q/swagger-ui' "$1" || fail "the summary lacks the Swagger UI URL"
  grep -q "replacement plan CSV" "$1" || fail "the summary lacks the plan CSV"
  [ "$(stat -c %a deploy/local/.run/accounts)" = 600 ] || fail "the accounts file is not mode 600"
  local password
  password="$(awk '$1 == "procurement" { print $2 }' deploy/local/.run/accounts)"
  grep -q "$password" "$1" || fail "the summary does not print the generated passwords"
  curl -fsS --max-time 30 -u "procurement:$password" -H 'Accept: text/csv' 'http://127.0.0.1:8081/api/v1/devices?size=1000' \
    >"$out/devices.csv" || fail "the devices CSV is not served"
  [ "$(grep -c . "$out/devices.csv")" -eq 61 ] || fail "the devices CSV has $(grep -c . "$out/devices.csv") lines, not a header and 60 rows"
  curl -fsS --max-time 30 -u "procurement:$password" 'http://127.0.0.1:8082/api/v1/replacement-plan?format=csv' \
    >"$out/plan.csv" || fail "the plan CSV is not served"
}

echo "demo-e2e: first run"
start="$(date +%s)"
timeout 900 bash deploy/local/demo.sh --detach >"$out/first.log" 2>&1 || { tail -n 40 "$out/first.log"; fail "demo.sh --detach exited non-zero"; }
echo "demo-e2e: first run reached its summary in $(( $(date +%s) - start )) s"
check_run "$out/first.log"
pids_first="$(for n in inventory-service audit-service camera-lab; do live_pid "$state/$n.pid"; done)"
[ "$(wc -w <<<"$pids_first")" -eq 3 ] || fail "expected 3 recorded, running processes after --detach"

echo "demo-e2e: second run (re-running must be safe)"
timeout 900 bash deploy/local/demo.sh --detach >"$out/second.log" 2>&1 || { tail -n 40 "$out/second.log"; fail "the second demo.sh --detach exited non-zero"; }
grep -q 'previous demo is still running; stopping it first' "$out/second.log" || fail "the second run did not stop the first"
check_run "$out/second.log"
for pid in $pids_first; do
  kill -0 "$pid" 2>/dev/null && fail "process $pid of the first run still runs"
done

echo "demo-e2e: down.sh"
pids_second="$(for n in inventory-service audit-service camera-lab; do live_pid "$state/$n.pid"; done)"
bash deploy/local/down.sh
for pid in $pids_second; do
  kill -0 "$pid" 2>/dev/null && fail "process $pid still runs after down.sh"
done
port_busy 127.0.0.1 8081 && fail "127.0.0.1:8081 still answers after down.sh"
bash deploy/local/postgres.sh status >/dev/null 2>&1 && fail "PostgreSQL still runs after down.sh"
bash deploy/local/down.sh | grep -q 'nothing from the demo was running' || fail "a second down.sh is not a no-op"

echo "demo-e2e: busy port"
start_process "$out/listener.pid" "$out/listener.log" "demo-e2e-listener" \
  node -e 'require("net").createServer().listen(8081, "127.0.0.1"); /* demo-e2e-listener */'
for _ in $(seq 50); do port_busy 127.0.0.1 8081 && break; sleep 0.1; done
set +e
timeout 300 bash deploy/local/demo.sh --detach >"$out/busy.out" 2>"$out/busy.err"
rc=$?
set -e
stop_pidfile "$out/listener.pid" 5
[ "$rc" -eq 1 ] || fail "demo.sh with a busy port exited $rc, not 1"
[ "$(wc -l <"$out/busy.err")" -eq 1 ] && grep -q '127.0.0.1:8081 is busy' "$out/busy.err" \
  || fail "a busy port should be one clear line; got: $(cat "$out/busy.err")"

bash deploy/local/down.sh --purge >/dev/null
echo "demo-e2e: passed"
