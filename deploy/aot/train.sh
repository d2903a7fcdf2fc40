#!/usr/bin/env bash
# Makes the JDK 25 AOT cache (JEP 483/514/515) of one camaudit application: a training run of the
# application with -XX:AOTMode=record against a throwaway PostgreSQL and a fixed workload, then the
# assembly (-XX:AOTMode=create) into APP_DIR/app.aot. The container images run this in their build
# stage; deploy/local/demo.sh and bench/startup.sh run it on this machine.
#
#   deploy/aot/train.sh MODULE [APP_DIR]
#
# MODULE   inventory-service | audit-service | scanner
# APP_DIR  the module's quarkus-app folder (default MODULE/target/quarkus-app). The cache records
#          the class path by its absolute location, so train where the application will run.
#
# Environment:
#   JAVA                the java to train with (default: java on PATH). A cache is valid only for
#                       the JDK build that wrote it, with the same garbage collector: train with the
#                       JVM and options of the production runs.
#   CAMAUDIT_JVM_OPTS   JVM options of the production runs (default: @deploy/jvm/service.options,
#                       for the scanner @deploy/jvm/scanner.options)
#   CAMAUDIT_TRAIN_HOST loopback address the training services listen on (default 127.0.78.1)
#   CAMAUDIT_TRAIN_DIR  work folder (default: a new folder under ${TMPDIR:-/tmp}, deleted at the end)
#   INVENTORY_APP_DIR   audit-service's training needs an inventory: its quarkus-app folder
#                       (default inventory-service/target/quarkus-app)
#   CAMERA_LAB_APP_DIR  the scanner's training scans simulated cameras: camera-lab's quarkus-app
#                       folder (default camera-lab/target/quarkus-app)
#
# Workload: inventory-service ingests deploy/aot/training-observations.json (60 cameras of the demo
# fleet as the scanner reported them) twice and serves the lists, CSV, the NDJSON stream, a device,
# its sightings, a PATCH, scans, sites, OpenAPI and metrics; audit-service runs audits of the same
# devices through a plainly started inventory and serves findings, a decision, the plan (JSON and
# CSV), policy and the cost table; the scanner scans 12 simulated cameras on 127.0.79.0/27.
# Exit status: 0 and APP_DIR/app.aot written (with APP_DIR/app.aot.jdk, the `java -version` of the
# JDK that made it), else 1 with the reason on stderr.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
CAMAUDIT_PROG=aot-train
# shellcheck source=../local/lib.sh
. deploy/local/lib.sh

module="${1:-}"
case "$module" in
  inventory-service|audit-service|scanner) ;;
  -h|--help) sed -n '2,30p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "usage: deploy/aot/train.sh inventory-service|audit-service|scanner [APP_DIR]" >&2; exit 2 ;;
esac
app="$(cd "${2:-$module/target/quarkus-app}" 2>/dev/null && pwd)" || die "no folder ${2:-$module/target/quarkus-app}: build the module first (./mvnw -DskipTests package)"
[ -f "$app/quarkus-run.jar" ] || die "$app/quarkus-run.jar is missing: build the module first (./mvnw -DskipTests package)"
java="${JAVA:-java}"
command -v "$java" >/dev/null || die "no java at '$java'"
major="$(java_major "$java")"
[[ "$major" =~ ^[0-9]+$ ]] && [ "$major" -ge 25 ] || die "$java is Java ${major:-?}; the AOT cache needs JDK 25 or newer"
options_file="$repo/deploy/jvm/service.options"
[ "$module" = scanner ] && options_file="$repo/deploy/jvm/scanner.options"
read -r -a jvm_opts <<<"${CAMAUDIT_JVM_OPTS:-@$options_file}"
host="${CAMAUDIT_TRAIN_HOST:-127.0.78.1}"
command -v curl >/dev/null || die "curl is needed"
command -v jq >/dev/null || die "jq is needed"

work="${CAMAUDIT_TRAIN_DIR:-}"
own_work=0
if [ -z "$work" ]; then
  work="$(mktemp -d "${TMPDIR:-/tmp}/camaudit-aot-train.XXXXXX")"
  own_work=1
fi
mkdir -p "$work"
chmod 755 "$work"
cache="$app/app.aot"
config="$work/$module.aotconfig"
cleanup() {
  local status=$?
  stop_pidfile "$work/recorded.pid" 120
  stop_pidfile "$work/inventory.pid" 30
  stop_pidfile "$work/camera-lab.pid" 30
  CAMAUDIT_PG_DIR="$work/postgres" CAMAUDIT_PG_PORT="${pg_port:-0}" bash deploy/local/postgres.sh stop >/dev/null 2>&1 || true
  [ "$own_work" -eq 1 ] && [ "$status" -eq 0 ] && rm -rf "$work"
  [ "$status" -eq 0 ] || echo "aot-train: logs kept in $work" >&2
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { # HOST FIRST: the first port from FIRST on that nobody listens on
  local p="$2"
  while port_busy "$1" "$p"; do p=$(( p + 1 )); done
  echo "$p"
}

# A port free when checked can be taken before PostgreSQL binds it (it lies in the range the kernel
# hands out to outgoing connections), so a failed start moves on to another port.
start_postgres() {
  local attempt
  for attempt in 1 2 3 4 5; do
    pg_port="$(free_port 127.0.0.1 $(( 55478 + attempt * 11 )))"
    export CAMAUDIT_PG_DIR="$work/postgres" CAMAUDIT_PG_PORT="$pg_port"
    if bash deploy/local/postgres.sh start >"$work/postgres.log" 2>&1; then
      db_password="$(bash deploy/local/postgres.sh password)"
      return 0
    fi
  done
  cat "$work/postgres.log" >&2
  die "PostgreSQL did not start"
}

# Starts a service from APP_DIR on PORT; PIDFILE; then extra JVM options (the recording flags).
start_service() { # NAME APP_DIR PORT PIDFILE [JVM_OPTION...]
  local name="$1" dir="$2" port="$3" pidfile="$4"
  shift 4
  local -a env_vars=(DB_URL="$(bash deploy/local/postgres.sh url "${name%-service}")" DB_USER=camaudit
    DB_PASSWORD="$db_password" CAMAUDIT_ACCOUNTS="$accounts")
  [ "$name" = audit-service ] && env_vars+=(INVENTORY_URL="http://$host:$inventory_port"
    INVENTORY_USER=reader INVENTORY_PASSWORD="$password")
  port_busy "$host" "$port" && die "$host:$port is busy"
  start_process "$pidfile" "$work/$name.log" "$dir/quarkus-run.jar" env "${env_vars[@]}" \
    "$java" "${jvm_opts[@]}" "$@" -Dquarkus.http.host="$host" -Dquarkus.http.port="$port" -jar "$dir/quarkus-run.jar"
  wait_ready "$name" "http://$host:$port/q/health/ready" "$pidfile" 300 "$work/$name.log" || die "$name did not become ready"
}

# One request of the workload; fails the training when the answer is not 2xx.
call() { # ACCOUNT METHOD URL [CURL_ARG...]
  local account="$1" method="$2" url="$3"
  shift 3
  curl -fsS -o /dev/null --max-time 120 -u "$account:$password" -X "$method" "$@" "$url" \
    || die "training request $method $url failed"
}

observations_request() { # SCAN_ID
  jq --arg scan "$1" '{scanId: $scan, site: "HQ", scanner: {host: "aot-training", version: "0.1.0"},
      targets: ["127.0.10.0/24"], observations: .}' deploy/aot/training-observations.json
}

load_inventory() { # BASE_URL
  local round
  for round in 1 2; do
    observations_request "$(cat /proc/sys/kernel/random/uuid)" >"$work/observations.json"
    call scanner POST "$1/api/v1/observations" -H 'Content-Type: application/json' --data-binary "@$work/observations.json"
  done
}

inventory_workload() { # BASE_URL
  local base="$1" id
  load_inventory "$base"
  call viewer GET "$base/api/v1/devices?size=100"
  call viewer GET "$base/api/v1/devices?size=1000&sort=ip" -H 'Accept: text/csv'
  call viewer GET "$base/api/v1/devices?site=HQ&manufacturer=Hikvision&q=127.0.10"
  call viewer GET "$base/api/v1/devices/stream"
  id="$(curl -fsS -u "viewer:$password" "$base/api/v1/devices?size=1" | jq -r '.items[0].id')"
  call viewer GET "$base/api/v1/devices/$id"
  call viewer GET "$base/api/v1/devices/$id/sightings"
  call facilities PATCH "$base/api/v1/devices/$id" -H 'Content-Type: application/merge-patch+json' \
    --data '{"location":"training","owner":"training"}'
  call viewer GET "$base/api/v1/scans"
  call viewer GET "$base/api/v1/sites"
  call viewer GET "$base/q/openapi"
  call viewer GET "$base/q/metrics"
}

audit_workload() { # BASE_URL
  local base="$1" id
  call auditor POST "$base/api/v1/audits"
  call auditor POST "$base/api/v1/audits"
  call viewer GET "$base/api/v1/audits"
  call viewer GET "$base/api/v1/findings?size=100"
  call viewer GET "$base/api/v1/findings?size=1000" -H 'Accept: text/csv'
  call viewer GET "$base/api/v1/findings?vendor=Hikvision&confidence=confirmed"
  id="$(curl -fsS -u "viewer:$password" "$base/api/v1/findings?size=1" | jq -r '.items[0].id')"
  call auditor PATCH "$base/api/v1/findings/$id" -H 'Content-Type: application/json' \
    --data '{"status":"replacement-planned","note":"training"}'
  call viewer GET "$base/api/v1/findings/$id/history"
  call viewer GET "$base/api/v1/replacement-plan"
  call viewer GET "$base/api/v1/replacement-plan?format=csv"
  call viewer GET "$base/api/v1/policy"
  call viewer GET "$base/api/v1/policy/versions"
  call viewer GET "$base/api/v1/cost-table"
  call viewer GET "$base/q/openapi"
  call viewer GET "$base/q/metrics"
}

scanner_workload() {
  local lab="${CAMERA_LAB_APP_DIR:-camera-lab/target/quarkus-app}"
  [ -f "$lab/quarkus-run.jar" ] || die "$lab/quarkus-run.jar is missing: the scanner's training scans camera-lab's cameras"
  # the first 12 cameras of the demo fleet, moved to 127.0.79.0/27 so a running demo is not disturbed
  jq '.[:12] | map(.ip |= sub("^127\\.0\\.10\\."; "127.0.79."))' deploy/local/demo-fleet.json >"$work/fleet.json"
  jq 'map(.cidr |= sub("^127\\.0\\.10\\.0/25$"; "127.0.79.0/27"))' deploy/local/demo-credentials.json >"$work/credentials.json"
  port_busy 127.0.79.10 8080 && die "127.0.79.10:8080 is busy: another training run?"
  start_process "$work/camera-lab.pid" "$work/camera-lab.log" "$lab/quarkus-run.jar" \
    "$java" -jar "$lab/quarkus-run.jar" --fleet "$work/fleet.json" --manifest "$work/manifest.json" --http-port 8080
  local deadline=$(( $(date +%s) + 120 ))
  until [ -s "$work/manifest.json" ]; do
    kill -0 "$(recorded_pid "$work/camera-lab.pid")" 2>/dev/null || { tail -n 20 "$work/camera-lab.log" >&2; die "camera-lab exited"; }
    [ "$(date +%s)" -lt "$deadline" ] || die "camera-lab did not start its cameras within 120 s"
    sleep 0.2
  done
  "$java" "${jvm_opts[@]}" "${record[@]}" -jar "$app/quarkus-run.jar" \
    scan 127.0.79.0/27 --site HQ --no-multicast --http-sweep --credentials "$work/credentials.json" \
    --format json --output "$work/scan.json" >"$work/scanner.log" 2>&1 || { tail -n 20 "$work/scanner.log" >&2; die "the training scan failed"; }
  [ "$(jq length "$work/scan.json")" -ge 10 ] || die "the training scan found $(jq length "$work/scan.json") of 12 cameras"
  stop_pidfile "$work/camera-lab.pid" 30
}

t0="$(date +%s)"
rm -f "$cache" "$cache.jdk" "$config"
password="$(random_password)"
accounts="viewer:$password:viewer,facilities:$password:facilities,scanner:$password:scanner,auditor:$password:auditor,reader:$password:viewer"
# Writing the configuration and the cache goes through buffers bounded by MaxMetaspaceSize, which
# the production options cap below what a service's classes take in the cache; the cap does not
# have to match between training and production, so training lifts it.
lift=(-XX:MaxMetaspaceSize=1g)
record=(-XX:AOTMode=record -XX:AOTConfiguration="$config" "${lift[@]}")
case "$module" in
  inventory-service)
    start_postgres
    port="$(free_port "$host" 18281)"
    start_service inventory-service "$app" "$port" "$work/recorded.pid" "${record[@]}"
    inventory_workload "http://$host:$port"
    ;;
  audit-service)
    start_postgres
    inventory_app="$(cd "${INVENTORY_APP_DIR:-inventory-service/target/quarkus-app}" 2>/dev/null && pwd)" \
      || die "audit-service's training needs inventory-service's quarkus-app (INVENTORY_APP_DIR)"
    inventory_port="$(free_port "$host" 18281)"
    start_service inventory-service "$inventory_app" "$inventory_port" "$work/inventory.pid"
    load_inventory "http://$host:$inventory_port"
    port="$(free_port "$host" $(( inventory_port + 1 )))"
    start_service audit-service "$app" "$port" "$work/recorded.pid" "${record[@]}"
    audit_workload "http://$host:$port"
    ;;
  scanner)
    scanner_workload
    ;;
esac
# the configuration is written when the recorded JVM exits
stop_pidfile "$work/recorded.pid" 120
[ -s "$config" ] || die "the training run wrote no AOT configuration ($config)"
"$java" "${jvm_opts[@]}" "${lift[@]}" -XX:AOTMode=create -XX:AOTConfiguration="$config" -XX:AOTCache="$cache" \
  -jar "$app/quarkus-run.jar" >"$work/create.log" 2>&1 || { tail -n 20 "$work/create.log" >&2; die "assembling the AOT cache failed"; }
[ -s "$cache" ] || die "no AOT cache at $cache"
# which JDK made it, for deploy/local/lib.sh's aot_cache_stale
"$java" -version >"$cache.jdk" 2>&1
echo "aot-train: $cache ($(( $(stat -c %s "$cache") / 1048576 )) MiB) from a training run of $module in $(( $(date +%s) - t0 )) s"
