#!/usr/bin/env bash
# End to end: procurement's flow in a real browser. Starts a private PostgreSQL, inventory-service
# and audit-service from their jars (on 127.0.40.1, ports 18081/18082), loads a handful of
# observations (Hikvision, Dahua, relabelled Hikvision, Axis, Bosch), runs an audit, then drives
# Swagger UI in headless Chromium: Authorize as a viewer, Try it out on
# GET /api/v1/replacement-plan and on inventory's GET /api/v1/devices, Execute, and check the rows
# on the page. Screenshots: deploy/target/screenshots/. Bounded; stops what it started by PID.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo="$(pwd)"
CAMAUDIT_PROG=browser-e2e
. deploy/local/lib.sh

host=127.0.40.1
inventory_port=18081
audit_port=18082
pg_port=55440
work="$repo/deploy/target/browser-e2e"
screenshots="$repo/deploy/target/screenshots"
inventory_jar=inventory-service/target/quarkus-app/quarkus-run.jar
audit_jar=audit-service/target/quarkus-app/quarkus-run.jar
export CAMAUDIT_PG_DIR="$work/postgres" CAMAUDIT_PG_PORT="$pg_port"

apt_install() {
  DEBIAN_FRONTEND=noninteractive apt-get -qq -o DPkg::Lock::Timeout=300 update
  DEBIAN_FRONTEND=noninteractive apt-get -qq -o DPkg::Lock::Timeout=300 install -y --no-install-recommends "$@" >/dev/null
}
command -v chromium >/dev/null || { echo "browser-e2e: installing chromium"; apt_install chromium; }
command -v npm >/dev/null || { echo "browser-e2e: installing nodejs and npm"; apt_install nodejs npm; }
command -v curl >/dev/null || apt_install curl

if [ ! -f "$inventory_jar" ] || [ ! -f "$audit_jar" ]; then
  echo "browser-e2e: building the services"
  ./mvnw -B -q -DskipTests package -pl inventory-service,audit-service -am
fi
(cd deploy/browser-test && npm ci --no-audit --no-fund --loglevel=error >/dev/null)

for port in "$inventory_port" "$audit_port"; do
  port_busy "$host" "$port" && die "$host:$port is busy"
done

cleanup() {
  local status=$?
  stop_pidfile "$work/audit.pid"
  stop_pidfile "$work/inventory.pid"
  bash deploy/local/postgres.sh stop >/dev/null 2>&1 || true
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

rm -rf "$work" "$screenshots"
mkdir -p "$work"
bash deploy/local/postgres.sh start
db_password="$(bash deploy/local/postgres.sh password)"

admin_pw="$(random_password)"
auditor_pw="$(random_password)"
viewer_pw="$(random_password)"
reader_pw="$(random_password)"
scanner_pw="$(random_password)"
accounts="admin:$admin_pw:admin,auditor:$auditor_pw:auditor,procurement:$viewer_pw:viewer,audit-reader:$reader_pw:viewer,scanner:$scanner_pw:scanner"

start_process "$work/inventory.pid" "$work/inventory.log" "$inventory_jar" \
  env DB_URL="$(bash deploy/local/postgres.sh url inventory)" DB_USER=camaudit DB_PASSWORD="$db_password" \
  CAMAUDIT_ACCOUNTS="$accounts" \
  java -Dquarkus.http.host="$host" -Dquarkus.http.port="$inventory_port" -jar "$inventory_jar"
start_process "$work/audit.pid" "$work/audit.log" "$audit_jar" \
  env DB_URL="$(bash deploy/local/postgres.sh url audit)" DB_USER=camaudit DB_PASSWORD="$db_password" \
  CAMAUDIT_ACCOUNTS="$accounts" INVENTORY_URL="http://$host:$inventory_port" \
  INVENTORY_USER=audit-reader INVENTORY_PASSWORD="$reader_pw" \
  java -Dquarkus.http.host="$host" -Dquarkus.http.port="$audit_port" -jar "$audit_jar"
inventory="http://$host:$inventory_port"
audit="http://$host:$audit_port"
wait_ready inventory-service "$inventory/q/health/ready" "$work/inventory.pid" 120 "$work/inventory.log"
wait_ready audit-service "$audit/q/health/ready" "$work/audit.pid" 120 "$work/audit.log"

now="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
cat >"$work/observations.json" <<JSON
{"scanId":"$(cat /proc/sys/kernel/random/uuid)","site":"HQ","scanner":{"host":"browser-e2e","version":"0.1.0"},
 "startedAt":"$now","finishedAt":"$now","targets":["127.0.40.0/24"],
 "observations":[
  {"ip":"127.0.40.11","mac":"44:19:b6:12:34:56","manufacturer":"Hikvision","reportedManufacturer":"HIKVISION",
   "model":"DS-2CD2142FWD-I","firmwareVersion":"V5.5.0 build 170725","serialNumber":"DS-2CD2142FWD-I20170101AAWR123456789",
   "hardwareId":"88","discoveredBy":["ws-discovery","onvif","sadp"],"httpPorts":[80],
   "evidence":[{"source":"onvif.GetDeviceInformation","field":"Manufacturer","value":"HIKVISION"}],"observedAt":"$now"},
  {"ip":"127.0.40.12","manufacturer":"Dahua","reportedManufacturer":"Dahua","model":"IPC-HDW5231R-ZE",
   "firmwareVersion":"2.800.0000016.0.R, Build Date 2020-06-05","serialNumber":"5G0ABC1234567","discoveredBy":["dhip","onvif"],
   "evidence":[{"source":"dhip.DHDiscover.search","field":"Vendor","value":"Dahua"}],"observedAt":"$now"},
  {"ip":"127.0.40.13","manufacturer":"TRENDnet","reportedManufacturer":"TRENDnet","model":"TV-IP314PI",
   "firmwareVersion":"V5.5.0 build 170725","hardwareId":"88","serialNumber":"TV-IP314PI20170101AAWR0001",
   "discoveredBy":["ws-discovery","onvif","sadp"],
   "evidence":[{"source":"sadp","field":"DeviceType","value":"TV-IP314PI"}],"observedAt":"$now"},
  {"ip":"127.0.40.14","manufacturer":"Axis","reportedManufacturer":"AXIS","model":"P3245-LVE","serialNumber":"ACCC8E000001",
   "discoveredBy":["ws-discovery","onvif"],"observedAt":"$now"},
  {"ip":"127.0.40.15","manufacturer":"Bosch","reportedManufacturer":"Bosch","model":"FLEXIDOME IP 5000i","serialNumber":"044123456789",
   "discoveredBy":["ws-discovery","onvif"],"observedAt":"$now"}
 ]}
JSON
curl -fsS --max-time 30 -u "scanner:$scanner_pw" -H 'Content-Type: application/json' \
  --data-binary @"$work/observations.json" "$inventory/api/v1/observations" >"$work/ingest.json" \
  || die "POST /api/v1/observations failed"
curl -fsS --max-time 120 -u "auditor:$auditor_pw" -X POST "$audit/api/v1/audits" >"$work/audit.json" \
  || die "POST /api/v1/audits failed"
echo "browser-e2e: audit: $(cat "$work/audit.json")"
curl -fsS --max-time 30 -u "procurement:$viewer_pw" -H 'Accept: application/json' \
  "$audit/api/v1/replacement-plan" >"$work/plan.json" || die "GET /api/v1/replacement-plan failed"

# The rows procurement must see: every IP in the plan, which must hold the two named units.
plan_ips="$(node -e '
  const plan = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const ips = plan.sites.flatMap((s) => s.items.map((i) => i.ip));
  for (const must of ["127.0.40.11", "127.0.40.12"]) {
    if (!ips.includes(must)) { console.error(`plan lacks ${must}: ${ips}`); process.exit(1); }
  }
  for (const never of ["127.0.40.14", "127.0.40.15"]) {
    if (ips.includes(never)) { console.error(`plan holds ${never} (Axis, Bosch): ${ips}`); process.exit(1); }
  }
  console.log(ips.join(","));' "$work/plan.json")" || die "the replacement plan is not what the audit should give"

AUDIT_URL="$audit" INVENTORY_URL="$inventory" VIEWER_USER=procurement VIEWER_PASSWORD="$viewer_pw" \
  EXPECT_PLAN_IPS="$plan_ips" ABSENT_PLAN_IPS="127.0.40.14,127.0.40.15" EXPECT_DEVICE_IPS="127.0.40.11,127.0.40.12,127.0.40.13,127.0.40.14,127.0.40.15" \
  SCREENSHOT_DIR="$screenshots" timeout 240 node deploy/browser-test/procurement.mjs
echo "browser-e2e: passed"
