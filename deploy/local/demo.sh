#!/usr/bin/env bash
# camaudit in one command: builds what is missing or stale, starts a private PostgreSQL, both
# services and a simulated fleet of 60 cameras on 127.0.10.0/24 (two sites), scans each site with
# the scanner pushing to the inventory, runs an audit and prints what a person wants to know.
#
#   deploy/local/demo.sh            foreground; Ctrl-C stops everything it started
#   deploy/local/demo.sh --detach   leaves it running; deploy/local/down.sh stops it
#
# Environment: CAMAUDIT_INVENTORY_PORT (8081), CAMAUDIT_AUDIT_PORT (8082), CAMAUDIT_PG_PORT (55432).
# Files: deploy/local/.run/ (accounts, logs/, demo/ with PIDs and results).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
CAMAUDIT_PROG=demo
# shellcheck source=lib.sh
. deploy/local/lib.sh

detach=0
for arg in "$@"; do
  case "$arg" in
    --detach) detach=1 ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option '$arg' (try --help)" ;;
  esac
done

host=127.0.0.1
inventory_port="${CAMAUDIT_INVENTORY_PORT:-8081}"
audit_port="${CAMAUDIT_AUDIT_PORT:-8082}"
inventory="http://$host:$inventory_port"
audit="http://$host:$audit_port"
run=deploy/local/.run
state="$run/demo"
logs="$run/logs"
accounts_file="$run/accounts"
fleet=deploy/local/demo-fleet.json
camera_credentials=deploy/local/demo-credentials.json
# site name and the part of the fleet's network it covers
sites=("HQ 127.0.10.0/25" "Warehouse 127.0.10.128/25")
modules=(inventory-service audit-service scanner camera-lab)
jar() { echo "$1/target/quarkus-app/quarkus-run.jar"; }
started_at="$(date +%s)"
step() { printf '\n==> %s\n' "$*"; }

# ---- prerequisites ------------------------------------------------------------------------------
[ "$(uname -s)" = Linux ] || die "Linux is needed (the simulated cameras use 127.0.10.0/24 on the loopback interface)"
install_with_apt() {
  [ "$(id -u)" -eq 0 ] || die "$1 is needed: install it (e.g. sudo apt-get install $2) and re-run"
  echo "demo: installing $2"
  DEBIAN_FRONTEND=noninteractive apt-get -qq -o DPkg::Lock::Timeout=300 update >/dev/null \
    && DEBIAN_FRONTEND=noninteractive apt-get -qq -o DPkg::Lock::Timeout=300 install -y --no-install-recommends "$2" >/dev/null \
    || die "apt-get install $2 failed"
}
command -v java >/dev/null || die "Java 17 or newer is needed: no 'java' on PATH (e.g. sudo apt-get install openjdk-17-jdk)"
java_major="$(java -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit }')"
[[ "$java_major" =~ ^[0-9]+$ ]] && [ "$java_major" -ge 17 ] || die "Java 17 or newer is needed; 'java' is version ${java_major:-unknown}"
command -v curl >/dev/null || install_with_apt curl curl
command -v jq >/dev/null || install_with_apt jq jq
command -v nohup >/dev/null || die "nohup (coreutils) is needed"

# ---- a previous run -----------------------------------------------------------------------------
stop_started() {
  stop_pidfile "$state/camera-lab.pid"
  stop_pidfile "$state/audit-service.pid"
  stop_pidfile "$state/inventory-service.pid"
}
mkdir -p "$state" "$logs"
for name in inventory-service audit-service camera-lab; do
  if live_pid "$state/$name.pid" >/dev/null; then
    echo "demo: a previous demo is still running; stopping it first"
    stop_started
    break
  fi
done
for port in "$inventory_port" "$audit_port"; do
  port_busy "$host" "$port" && die "port $host:$port is busy (another program listens there): stop it, or set CAMAUDIT_INVENTORY_PORT / CAMAUDIT_AUDIT_PORT"
done
# Port 80 needs root unless the kernel lets everyone bind it; else the cameras serve HTTP on 8080,
# one of the ports the scanner fingerprints by default.
camera_http_port=80
if [ "$(id -u)" -ne 0 ] && [ "$(cat /proc/sys/net/ipv4/ip_unprivileged_port_start 2>/dev/null || echo 1024)" -gt 80 ]; then
  camera_http_port=8080
fi
for ip in 127.0.10.10 127.0.10.130; do
  port_busy "$ip" "$camera_http_port" && die "$ip:$camera_http_port is busy: something else already uses the demo's camera network 127.0.10.0/24"
done

# ---- cleanup ------------------------------------------------------------------------------------
leave_running=0
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [ "$leave_running" -eq 0 ]; then
    echo
    echo "demo: stopping what it started"
    stop_started
    if [ -f "$state/postgres.started" ]; then
      bash deploy/local/postgres.sh stop >/dev/null 2>&1 || true
      rm -f "$state/postgres.started"
    fi
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- build --------------------------------------------------------------------------------------
stale=()
for module in "${modules[@]}"; do
  j="$(jar "$module")"
  if [ ! -f "$j" ] || [ -n "$(find "$module/src/main" "$module/pom.xml" service-common/src/main service-common/pom.xml pom.xml \
      -newer "$j" -print -quit 2>/dev/null)" ]; then
    stale+=("$module")
  fi
done
if [ "${#stale[@]}" -gt 0 ]; then
  step "Building ${stale[*]} (./mvnw -q -DskipTests package; log: $logs/build.log)"
  ./mvnw -B -q -DskipTests package >"$logs/build.log" 2>&1 || { tail -n 30 "$logs/build.log" >&2; die "the build failed; see $logs/build.log"; }
fi
for module in "${modules[@]}"; do
  [ -f "$(jar "$module")" ] || die "$(jar "$module") is missing after the build"
done

# ---- PostgreSQL and accounts --------------------------------------------------------------------
step "Starting PostgreSQL (deploy/local/postgres.sh)"
if ! bash deploy/local/postgres.sh status >/dev/null 2>&1; then
  bash deploy/local/postgres.sh start
  touch "$state/postgres.started"
else
  bash deploy/local/postgres.sh start >/dev/null
  echo "PostgreSQL already running"
fi
db_password="$(bash deploy/local/postgres.sh password)"

if [ ! -s "$accounts_file" ]; then
  (
    umask 077
    {
      echo "# camaudit demo accounts: name password roles (generated $(date -u +%FT%TZ))"
      echo "admin $(random_password) admin"
      echo "auditor $(random_password) auditor"
      echo "facilities $(random_password) facilities"
      echo "procurement $(random_password) viewer"
      echo "audit-reader $(random_password) viewer"
      echo "scanner $(random_password) scanner"
    } >"$accounts_file"
  )
fi
chmod 600 "$accounts_file"
password_of() { awk -v n="$1" '$1 == n { print $2 }' "$accounts_file"; }
camaudit_accounts="$(awk '!/^#/ && NF == 3 { printf "%s%s:%s:%s", sep, $1, $2, $3; sep = "," }' "$accounts_file")"
# One key for both services' console sessions, so one sign-in serves both (kept like the accounts).
session_key_file="$run/session-key"
[ -s "$session_key_file" ] || (umask 077; random_password >"$session_key_file")
chmod 600 "$session_key_file"
console=(CAMAUDIT_SESSION_KEY="$(cat "$session_key_file")" CAMAUDIT_INVENTORY_UI_URL="$inventory/ui" CAMAUDIT_AUDIT_UI_URL="$audit/ui")

# ---- JDK 25 AOT caches --------------------------------------------------------------------------
# The services run with the container images' JVM options (sized for 256 MiB). With a JDK 25 they
# start from an AOT cache, made once per build by deploy/aot/train.sh; else plainly on `java`.
service_java() { # MODULE: the java command and options that start it
  local app="$1/target/quarkus-app"
  if [ -n "$java25" ] && ! aot_cache_stale "$app" "$java25"; then
    echo "$java25 @deploy/jvm/service.options -XX:MaxRAM=256m -XX:AOTCache=$app/app.aot"
  else
    echo "java @deploy/jvm/service.options -XX:MaxRAM=256m"
  fi
}
java25="$(find_java25 || true)"
for module in inventory-service audit-service; do
  if [ -n "$java25" ] && aot_cache_stale "$module/target/quarkus-app" "$java25"; then
    step "Making the JDK 25 AOT cache of $module (deploy/aot/train.sh, once per build; log: $logs/aot-$module.log)"
    JAVA="$java25" bash deploy/aot/train.sh "$module" >"$logs/aot-$module.log" 2>&1 \
      || echo "demo: making the AOT cache failed (see $logs/aot-$module.log); $module starts without it"
  fi
done

# ---- services -----------------------------------------------------------------------------------
step "Starting inventory-service ($inventory) and audit-service ($audit)"
# shellcheck disable=SC2046 # service_java prints a command and its options
start_process "$state/inventory-service.pid" "$logs/inventory-service.log" "$(jar inventory-service)" \
  nohup env DB_URL="$(bash deploy/local/postgres.sh url inventory)" DB_USER="${CAMAUDIT_PG_USER:-camaudit}" \
  DB_PASSWORD="$db_password" CAMAUDIT_ACCOUNTS="$camaudit_accounts" "${console[@]}" \
  $(service_java inventory-service) -Dquarkus.http.host="$host" -Dquarkus.http.port="$inventory_port" -jar "$(jar inventory-service)"
# shellcheck disable=SC2046
start_process "$state/audit-service.pid" "$logs/audit-service.log" "$(jar audit-service)" \
  nohup env DB_URL="$(bash deploy/local/postgres.sh url audit)" DB_USER="${CAMAUDIT_PG_USER:-camaudit}" \
  DB_PASSWORD="$db_password" CAMAUDIT_ACCOUNTS="$camaudit_accounts" "${console[@]}" \
  INVENTORY_URL="$inventory" INVENTORY_USER=audit-reader INVENTORY_PASSWORD="$(password_of audit-reader)" \
  $(service_java audit-service) -Dquarkus.http.host="$host" -Dquarkus.http.port="$audit_port" -jar "$(jar audit-service)"
wait_ready inventory-service "$inventory/q/health/ready" "$state/inventory-service.pid" 180 "$logs/inventory-service.log" \
  || die "inventory-service did not become ready"
wait_ready audit-service "$audit/q/health/ready" "$state/audit-service.pid" 180 "$logs/audit-service.log" \
  || die "audit-service did not become ready"
echo "both services ready"

# ---- cameras ------------------------------------------------------------------------------------
step "Starting camera-lab: $(jq length "$fleet") simulated cameras on 127.0.10.0/24 ($fleet)"
rm -f "$state/fleet-manifest.json"
start_process "$state/camera-lab.pid" "$logs/camera-lab.log" "$(jar camera-lab)" \
  nohup java -jar "$(jar camera-lab)" --fleet "$fleet" --manifest "$state/fleet-manifest.json" --http-port "$camera_http_port"
deadline=$(( $(date +%s) + 120 ))
until [ -s "$state/fleet-manifest.json" ]; do
  kill -0 "$(recorded_pid "$state/camera-lab.pid")" 2>/dev/null || { tail -n 25 "$logs/camera-lab.log" >&2; die "camera-lab exited; see $logs/camera-lab.log"; }
  [ "$(date +%s)" -lt "$deadline" ] || die "camera-lab did not start its cameras within 120 s; see $logs/camera-lab.log"
  sleep 0.2
done
echo "$(jq length "$state/fleet-manifest.json") cameras listening"

# ---- scan ---------------------------------------------------------------------------------------
for entry in "${sites[@]}"; do
  read -r site cidr <<<"$entry"
  step "Scanning site $site ($cidr), pushing to inventory-service"
  # --no-multicast: the loopback interface carries no multicast, and multicast sent anyway could
  # leave the machine by another interface. Without it SADP is silent; the default TCP sweep of the
  # camera ports is how Hikvision units with ONVIF disabled are still found.
  set +e
  CAMAUDIT_USER=scanner CAMAUDIT_PASSWORD="$(password_of scanner)" CAMAUDIT_SCAN_JAR="$(jar scanner)" timeout 600 \
    scanner/camaudit-scan scan "$cidr" --site "$site" --inventory "$inventory" \
    --no-multicast --credentials "$camera_credentials" --spool "$state/spool" \
    >"$logs/scanner-$site.log" 2>&1
  rc=$?
  set -e
  case "$rc" in
    0) grep -E '^[0-9]+ device\(s\)|^scanner: ' "$logs/scanner-$site.log" || tail -n 2 "$logs/scanner-$site.log" ;;
    3) die "the scanner could not reach inventory-service (results spooled in $state/spool); see $logs/scanner-$site.log" ;;
    124) die "the scan of $site took longer than 600 s; see $logs/scanner-$site.log" ;;
    *) tail -n 20 "$logs/scanner-$site.log" >&2; die "the scan of $site failed (exit $rc); see $logs/scanner-$site.log" ;;
  esac
done

# ---- audit --------------------------------------------------------------------------------------
step "Running an audit"
curl -fsS --max-time 300 -u "auditor:$(password_of auditor)" -X POST "$audit/api/v1/audits" >"$state/audit.json" \
  || die "POST $audit/api/v1/audits failed; see $logs/audit-service.log"
jq -r '"audit \(.auditId): \(.devicesEvaluated) devices evaluated, \(.flagged) flagged (policy version \(.policyVersion), \(.durationMs) ms)"' "$state/audit.json"

# ---- summary ------------------------------------------------------------------------------------
viewer=(-u "procurement:$(password_of procurement)")
curl -fsS --max-time 60 "${viewer[@]}" -H 'Accept: application/json' "$inventory/api/v1/devices?size=1000" >"$state/devices.json"
curl -fsS --max-time 60 "${viewer[@]}" -H 'Accept: application/json' "$audit/api/v1/findings?size=1000" >"$state/findings.json"
curl -fsS --max-time 60 "${viewer[@]}" -H 'Accept: application/json' "$audit/api/v1/replacement-plan" >"$state/plan.json"
{
  echo
  echo "================================================================================"
  echo " camaudit demo: ready in $(( $(date +%s) - started_at )) s"
  echo "================================================================================"
  echo
  echo "Console: $inventory/ui/   (sign in as facilities / $(password_of facilities); auditors: auditor, procurement: procurement)"
  echo
  echo "Cameras found: $(jq '.total' "$state/devices.json") ($(jq -r '.items | group_by(.site) | map("\(.[0].site) \(length)") | join(", ")' "$state/devices.json"))"
  jq -r '.items | group_by(.manufacturer // "(unknown)") | map([(.[0].manufacturer // "(unknown)"), length])
         | sort_by(-.[1], .[0])[] | @tsv' "$state/devices.json" \
    | awk -F'\t' 'BEGIN { printf "  %-22s %7s\n", "manufacturer", "cameras" } { printf "  %-22s %7d\n", $1, $2 }'
  echo
  echo "Flagged as restricted-vendor equipment: $(jq '.total' "$state/findings.json")"
  jq -r '.items | group_by(.vendor) | map([.[0].vendor,
           (map(select(.confidence == "confirmed")) | length),
           (map(select(.confidence == "likely")) | length),
           (map(select(.confidence == "possible")) | length), length])
         | sort_by(-.[4])[] | @tsv' "$state/findings.json" \
    | awk -F'\t' 'BEGIN { printf "  %-12s %10s %8s %9s %7s\n", "vendor", "confirmed", "likely", "possible", "total" }
                  { printf "  %-12s %10d %8d %9d %7d\n", $1, $2, $3, $4, $5 }'
  echo
  echo "Replacement plan (policy version $(jq -r '.policyVersion' "$state/plan.json"), costs in $(jq -r '.currency' "$state/plan.json"))"
  jq -r '(.sites[] | [.site, .devices, .estimatedCost] | @tsv), (["total", .totals.devices, .totals.estimatedCost] | @tsv)' "$state/plan.json" \
    | awk -F'\t' 'BEGIN { printf "  %-12s %8s %16s\n", "site", "devices", "estimated cost" }
                  { if ($1 == "total") printf "  %-12s %8s %16s\n", "------------", "--------", "----------------";
                    printf "  %-12s %8d %16.2f\n", $1, $2, $3 }'
  echo
  echo "URLs (sign in with an account below; procurement has the viewer role)"
  echo "  console (devices)      $inventory/ui/devices"
  echo "  console (audit)        $audit/ui/dashboard"
  echo "  inventory Swagger UI   $inventory/q/swagger-ui"
  echo "  audit Swagger UI       $audit/q/swagger-ui"
  echo "  devices CSV            curl -u procurement:$(password_of procurement) -H 'Accept: text/csv' '$inventory/api/v1/devices?size=1000'"
  echo "  replacement plan CSV   curl -u procurement:$(password_of procurement) '$audit/api/v1/replacement-plan?format=csv'"
  echo
  echo "Accounts (generated once, kept in $accounts_file, mode 600)"
  awk '!/^#/ && NF == 3 { printf "  %-13s %-26s %s\n", $1, $2, $3 }' "$accounts_file"
  echo
  echo "Logs: $logs/   Results: $state/"
  echo
  echo "Open the console: $inventory/ui/  and sign in as facilities / $(password_of facilities)"
} | tee "$state/summary.txt"

if [ "$detach" -eq 1 ]; then
  leave_running=1
  echo "Running in the background. Stop it with: deploy/local/down.sh"
  exit 0
fi
echo "Press Ctrl-C to stop everything the demo started."
trap 'exit 0' INT TERM
while :; do
  for name in inventory-service audit-service camera-lab; do
    live_pid "$state/$name.pid" >/dev/null || die "$name stopped unexpectedly; see $logs/$name.log"
  done
  sleep 1
done
