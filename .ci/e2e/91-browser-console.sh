#!/usr/bin/env bash
# End to end: the web console on the demo fleet, in a real browser. Runs deploy/local/demo.sh --detach
# (60 simulated cameras on two sites, scanned and audited), then deploy/browser-test/console.mjs in
# headless Chromium as the demo's facilities, auditor and procurement accounts: sign-in shared by both
# services, find a camera by site and part of its serial and record its location, the dashboard's
# counts against the API, a decision that lands in the plan, no edit controls and refused forged
# POSTs for a viewer, keyboard-only forms, labels and axe-core on every page. Screenshots of every
# page: deploy/target/screenshots/console/, each checked non-empty. Bounded; stops the demo by PID.
set -euo pipefail
cd "$(dirname "$0")/../.."
CAMAUDIT_PROG=console-e2e
. deploy/local/lib.sh

run=deploy/local/.run
inventory="http://127.0.0.1:${CAMAUDIT_INVENTORY_PORT:-8081}"
audit="http://127.0.0.1:${CAMAUDIT_AUDIT_PORT:-8082}"
screenshots=deploy/target/screenshots/console
fresh=0
[ -d "$run" ] || fresh=1

apt_install() {
  DEBIAN_FRONTEND=noninteractive apt-get -qq -o DPkg::Lock::Timeout=300 update
  DEBIAN_FRONTEND=noninteractive apt-get -qq -o DPkg::Lock::Timeout=300 install -y --no-install-recommends "$@" >/dev/null
}
command -v chromium >/dev/null || { echo "console-e2e: installing chromium"; apt_install chromium; }
command -v npm >/dev/null || { echo "console-e2e: installing nodejs and npm"; apt_install nodejs npm; }
(cd deploy/browser-test && npm ci --no-audit --no-fund --loglevel=error >/dev/null)

cleanup() {
  local status=$?
  if [ "$fresh" -eq 1 ]; then
    bash deploy/local/down.sh --purge >/dev/null 2>&1 || true
  else
    bash deploy/local/down.sh >/dev/null 2>&1 || true
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

rm -rf "$screenshots"
mkdir -p "$screenshots" deploy/target
timeout 1500 bash deploy/local/demo.sh --detach >deploy/target/console-e2e-demo.log 2>&1 \
  || { tail -40 deploy/target/console-e2e-demo.log >&2; die "the demo did not start"; }
grep -q "^Console: $inventory/ui/" "$run/demo/summary.txt" || die "the demo summary does not start with the console URL"
password_of() { awk -v n="$1" '$1 == n { print $2 }' "$run/accounts"; }

INVENTORY_URL="$inventory" AUDIT_URL="$audit" \
  FACILITIES_USER=facilities FACILITIES_PASSWORD="$(password_of facilities)" \
  AUDITOR_USER=auditor AUDITOR_PASSWORD="$(password_of auditor)" \
  VIEWER_USER=procurement VIEWER_PASSWORD="$(password_of procurement)" \
  SCREENSHOT_DIR="$screenshots" timeout 360 node deploy/browser-test/console.mjs

count=0
for shot in "$screenshots"/*.png; do
  [ -s "$shot" ] || die "empty screenshot $shot"
  count=$((count + 1))
done
[ "$count" -ge 15 ] || die "expected a screenshot of every page, found $count"
echo "console-e2e: passed ($count screenshots in $screenshots)"
