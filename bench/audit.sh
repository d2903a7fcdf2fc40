#!/usr/bin/env bash
# Audit benchmark: 100,000 devices in a real inventory-service (about 20% restricted, mixed evidence),
# then audit-service audits them and serves the replacement plan under wrk.
#
#   bench/audit.sh            # 100,000 devices
#   AUDIT_BENCH_DEVICES=20000 bench/audit.sh
#   AUDIT_BENCH_REPEATS=4 AUDIT_BENCH_WRK_SECONDS=0 bench/audit.sh   # four repeats, no wrk runs
#   AUDIT_BENCH_JFR=/tmp/jfr bench/audit.sh   # both services record JFR (profile settings) into that folder
#   AUDIT_BENCH_STREAM_READ=3 bench/audit.sh  # after the audits, read the device stream 3 times each through a
#                                             # Reader and through NdjsonLines (bench/audit/StreamRead.java)
#
# Measures: ingest time (context only), audit duration with its split into inventory read, evaluation and
# store (from GET /api/v1/audits/{id}), for a first audit (creates every finding) and repeat audits
# (nothing changed), each with the CPU seconds audit-service, inventory-service and PostgreSQL spent on it
# (from /proc; PostgreSQL counts the server and its backends, exited ones included); p50/p99 latency of GET /api/v1/replacement-plan (whole plan, one site, CSV) under wrk;
# and, as the peer in the same run, inventory-service's GET /api/v1/devices?size=1000 under wrk.
#
# Addresses: everything listens on 127.1.3.1 (bench range 127.1.0.0/16); ports 18181 (inventory),
# 18182 (audit), PostgreSQL 55483. Processes started here are stopped by PID on exit.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
devices="${AUDIT_BENCH_DEVICES:-100000}"
host=127.1.3.1
inventory_port=18181
audit_port=18182
pg_port=55483
wrk_seconds="${AUDIT_BENCH_WRK_SECONDS:-15}"
repeats="${AUDIT_BENCH_REPEATS:-2}"
stream_reads="${AUDIT_BENCH_STREAM_READ:-0}"
jfr_dir="${AUDIT_BENCH_JFR:-}"
work="$(mktemp -d /tmp/camaudit-audit-bench.XXXXXX)"
# the PostgreSQL server runs as the postgres user (as root) and must be able to enter this folder
chmod 755 "$work"
export CAMAUDIT_PG_DIR="$work/postgres" CAMAUDIT_PG_PORT="$pg_port" CAMAUDIT_PG_DATABASES="inventory audit"
pids=()

log() { printf '[audit-bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

cleanup() {
  local pid
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 20); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 1
    done
    kill -9 "$pid" 2>/dev/null || true
  done
  bash deploy/local/postgres.sh stop >&2 || true
  # the server this script started, if the stop above left it running: fast shutdown by its PID
  local postmaster
  postmaster="$(head -n 1 "$CAMAUDIT_PG_DIR/data/postmaster.pid" 2>/dev/null || true)"
  if [ -n "$postmaster" ] && kill -0 "$postmaster" 2>/dev/null; then
    kill -INT "$postmaster" 2>/dev/null || true
    for _ in $(seq 1 30); do
      kill -0 "$postmaster" 2>/dev/null || break
      sleep 1
    done
  fi
  rm -rf "$work"
}
trap cleanup EXIT

need() {
  command -v "$1" >/dev/null 2>&1 && return 0
  [ "$(id -u)" -eq 0 ] || { echo "audit.sh: $1 is needed (apt-get install $2)" >&2; exit 1; }
  log "installing $2"
  DEBIAN_FRONTEND=noninteractive apt-get -qq update >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get -qq install -y --no-install-recommends "$2" >/dev/null
}
need wrk wrk
need jq jq
need curl curl
need python3 python3

for module in inventory-service audit-service; do
  if [ ! -f "$module/target/quarkus-app/quarkus-run.jar" ]; then
    log "building $module"
    ./mvnw -B -q -pl "$module" -am package -DskipTests
  fi
done

# private copies, so a rebuild of the modules during the run cannot pull jars from under the services
cp -r inventory-service/target/quarkus-app "$work/inventory-app"
cp -r audit-service/target/quarkus-app "$work/audit-app"

log "starting PostgreSQL on 127.0.0.1:$pg_port"
bash deploy/local/postgres.sh start >/dev/null
db_password="$(bash deploy/local/postgres.sh password)"
accounts="scanner:bench-scanner:scanner,reader:bench-reader:viewer,auditor:bench-auditor:auditor"

start() {
  local name="$1"
  shift
  "$@" >"$work/$name.log" 2>&1 </dev/null &
  pids+=("$!")
}

wait_ready() {
  local name="$1" url="$2"
  for _ in $(seq 1 180); do
    curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null && return 0
    sleep 1
  done
  echo "audit.sh: $name did not become ready; last log lines:" >&2
  tail -n 30 "$work/$name.log" >&2
  exit 1
}

log "starting inventory-service and audit-service on $host"
jfr() {
  [ -n "$jfr_dir" ] || return 0
  mkdir -p "$jfr_dir"
  printf -- '-XX:StartFlightRecording=filename=%s/%s.jfr,settings=profile,dumponexit=true' "$jfr_dir" "$1"
}

start inventory env DB_URL="$(bash deploy/local/postgres.sh url inventory)" DB_USER=camaudit DB_PASSWORD="$db_password" \
  CAMAUDIT_ACCOUNTS="$accounts" \
  java $(jfr inventory) -Dquarkus.http.host="$host" -Dquarkus.http.port="$inventory_port" -jar "$work/inventory-app/quarkus-run.jar"
start audit env DB_URL="$(bash deploy/local/postgres.sh url audit)" DB_USER=camaudit DB_PASSWORD="$db_password" \
  CAMAUDIT_ACCOUNTS="$accounts" INVENTORY_URL="http://$host:$inventory_port" INVENTORY_USER=reader \
  INVENTORY_PASSWORD=bench-reader \
  java $(jfr audit) -Dquarkus.http.host="$host" -Dquarkus.http.port="$audit_port" -jar "$work/audit-app/quarkus-run.jar"
wait_ready inventory "http://$host:$inventory_port/q/health/ready"
wait_ready audit "http://$host:$audit_port/q/health/ready"

log "generating $devices devices (about 20% restricted) in batches of 10,000 observations"
python3 - "$devices" "$work/batches" <<'PY'
import json, os, random, sys, uuid
total, out = int(sys.argv[1]), sys.argv[2]
os.makedirs(out, exist_ok=True)
rnd = random.Random(20261128)

def mac(prefix, n):
    return prefix + ":%02x:%02x:%02x" % ((n >> 16) & 255, (n >> 8) & 255, n & 255)

def ev(source, field, value):
    return {"source": source, "field": field, "value": value}

def onvif(ip, name, hw):
    return {"xaddrs": ["http://%s/onvif/device_service" % ip],
            "scopes": ["onvif://www.onvif.org/type/video_encoder", "onvif://www.onvif.org/name/" + name,
                       "onvif://www.onvif.org/hardware/" + hw], "authRequired": True}

def restricted(n, ip):
    kind = rnd.random()
    if kind < 0.40:   # Hikvision naming itself, answering SADP
        model = rnd.choice(["DS-2CD2142FWD-I", "DS-2CD2043G0-I", "DS-2DE4425IW-DE", "DS-7608NI-K2", "DS-KH6320-WTE1"])
        return dict(mac=mac("44:19:b6", n), manufacturer="Hikvision", reportedManufacturer="HIKVISION", model=model,
                    firmwareVersion="V5.5.0 build 170725", serialNumber="%s20190101AAWR%09d" % (model, n), hardwareId="88",
                    discoveredBy=["ws-discovery", "onvif", "sadp"], onvif=onvif(ip, "HIKVISION", model),
                    evidence=[ev("onvif.GetDeviceInformation", "Manufacturer", "HIKVISION"),
                              ev("sadp", "DeviceDescription", model), ev("http", "Server", "App-webs/"),
                              ev("oui", "mac", "Hangzhou Hikvision Digital Technology Co.,Ltd.")])
    if kind < 0.55:   # relabelled Hikvision firmware
        return dict(mac=mac("00:14:d1", n), manufacturer="TRENDnet", reportedManufacturer="TRENDnet", model="TV-IP320PI",
                    firmwareVersion="V5.3.4 build 160830", serialNumber="TV-IP320PI20161206AAWR%09d" % n, hardwareId="88",
                    discoveredBy=["ws-discovery", "onvif"], onvif=onvif(ip, "TRENDnet", "TV-IP320PI"),
                    evidence=[ev("onvif.GetDeviceInformation", "FirmwareVersion", "V5.3.4 build 160830"),
                              ev("onvif.GetCapabilities", "namespace", "http://www.onvifext.com/onvif/ext/ver10/wsdl")])
    if kind < 0.80:   # Dahua by DHIP or model
        model = rnd.choice(["IPC-HFW2431S-S-S2", "IPC-HDBW2431E-S", "SD49225XA-HNR", "NVR4108HS-4KS2"])
        return dict(mac=mac("4c:11:bf", n), manufacturer="Dahua", reportedManufacturer="Dahua", model=model,
                    firmwareVersion="2.800.0000016.0.R, Build Date 2020-06-05", serialNumber="7J0%09dPAZ" % n,
                    discoveredBy=["dhip", "ws-discovery"] if rnd.random() < 0.5 else ["ws-discovery", "http"],
                    evidence=[ev("dhip", "DeviceType", model), ev("http", "path", "/RPC2_Login")])
    if kind < 0.92:   # OUI only
        return dict(mac=mac(rnd.choice(["bc:ad:28", "e0:50:8b", "24:b1:05"]), n), discoveredBy=["arp", "http"],
                    evidence=[ev("http", "Server", "nginx")])
    if kind < 0.97:   # Huawei
        return dict(mac=mac("00:e0:fc", n), manufacturer="Huawei", reportedManufacturer="HUAWEI", model="M2120-10-EI",
                    firmwareVersion="SDC 8.0.1.SPC300", discoveredBy=["ws-discovery", "onvif"])
    return dict(mac=mac("78:a6:a0", n), reportedManufacturer="EZVIZ", model="CS-C6N", discoveredBy=["ws-discovery"])

OTHERS = [("Axis", "AXIS", "00:40:8c", "AXIS Q6045-E", "5.55.1.2"), ("Bosch", "Bosch", "00:04:63", "FLEXIDOME indoor 5100i IR", "8.71.0066"),
          ("Hanwha Vision", "Hanwha Vision", "00:09:18", "XNV-8080R", "2.10.02_20230301"), ("Pelco", "Pelco", "00:04:7d", "D6230L", "2.9.0.4"),
          ("Uniview", "Uniview", "6c:f1:7e", "IPC2124LB-SF40KM-G", "IPC_G6103-B0005P62D1907"),
          ("Milesight", "Milesight Technology Co.,Ltd.", "1c:c3:16", "MS-C8165-PE", "61.8.0.3-r8")]

def other(n, ip):
    name, reported, prefix, model, fw = OTHERS[n % len(OTHERS)]
    return dict(mac=mac(prefix, n), manufacturer=name, reportedManufacturer=reported, model=model, firmwareVersion=fw,
                serialNumber="SN%010d" % n, hardwareId="1.0", discoveredBy=["ws-discovery", "onvif", "http"],
                onvif=onvif(ip, reported.replace(" ", "%20"), model),
                evidence=[ev("onvif.GetDeviceInformation", "Manufacturer", reported), ev("http", "Server", "lighttpd")])

batch, sites, restricted_count = 10000, 10, 0
for start in range(0, total, batch):
    site = "site-%02d" % ((start // batch) % sites)
    observations = []
    for n in range(start, min(total, start + batch)):
        ip = "10.%d.%d.%d" % (n // 65536 % 256, n // 256 % 256, n % 256)
        if rnd.random() < 0.20:
            fields = restricted(n, ip)
            restricted_count += 1
        else:
            fields = other(n, ip)
        fields.update(ip=ip, httpPorts=[80], observedAt="2026-11-28T10:00:04Z")
        observations.append(fields)
    body = {"scanId": str(uuid.UUID(int=rnd.getrandbits(128))), "site": site,
            "scanner": {"host": "bench", "version": "0.1.0"}, "startedAt": "2026-11-28T10:00:00Z",
            "finishedAt": "2026-11-28T10:00:09Z", "targets": ["10.0.0.0/8"], "observations": observations}
    with open(os.path.join(out, "%06d.json" % start), "w") as f:
        json.dump(body, f)
print(restricted_count, file=open(os.path.join(out, "restricted.count"), "w"))
PY
restricted="$(cat "$work/batches/restricted.count")"

ingest_started=$(date +%s%N)
for file in "$work"/batches/*.json; do
  curl -fsS --max-time 600 -u scanner:bench-scanner -H 'Content-Type: application/json' \
    --data-binary @"$file" "http://$host:$inventory_port/api/v1/observations" -o /dev/null
done
ingest_ms=$(( ($(date +%s%N) - ingest_started) / 1000000 ))
in_inventory="$(curl -fsS -u reader:bench-reader "http://$host:$inventory_port/api/v1/devices?size=1" | jq .total)"
log "inventory holds $in_inventory devices ($restricted generated as restricted); ingest took $ingest_ms ms"

inventory_pid="${pids[0]}"
audit_pid="${pids[1]}"
ticks_per_second="$(getconf CLK_TCK)"
# CPU ticks (user + system) of one process, with its reaped children's when $2 is "children"
ticks() {
  awk -v children="${2:-}" '{ print $14 + $15 + (children == "children" ? $16 + $17 : 0) }' "/proc/$1/stat"
}
# PostgreSQL: the server (with the backends it has reaped) plus its running backends
pg_ticks() {
  local postmaster total child
  postmaster="$(head -n 1 "$CAMAUDIT_PG_DIR/data/postmaster.pid")"
  total="$(ticks "$postmaster" children)"
  for child in $(cat "/proc/$postmaster/task/$postmaster/children"); do
    total=$(( total + $(ticks "$child") ))
  done
  echo "$total"
}
cpu_seconds() {
  awk -v t="$1" -v hz="$ticks_per_second" 'BEGIN { printf "%.2f", t / hz }'
}

audit_once() {
  local label="$1" started wall id audit_before inventory_before pg_before
  audit_before="$(ticks "$audit_pid")"
  inventory_before="$(ticks "$inventory_pid")"
  pg_before="$(pg_ticks)"
  started=$(date +%s%N)
  curl -fsS --max-time 900 -u auditor:bench-auditor -X POST "http://$host:$audit_port/api/v1/audits" >"$work/audit.json"
  wall=$(( ($(date +%s%N) - started) / 1000000 ))
  local audit_cpu inventory_cpu pg_cpu
  audit_cpu="$(cpu_seconds $(( $(ticks "$audit_pid") - audit_before )))"
  inventory_cpu="$(cpu_seconds $(( $(ticks "$inventory_pid") - inventory_before )))"
  pg_cpu="$(cpu_seconds $(( $(pg_ticks) - pg_before )))"
  id="$(jq .auditId "$work/audit.json")"
  curl -fsS -u reader:bench-reader "http://$host:$audit_port/api/v1/audits/$id" >"$work/audit-$label.json"
  jq -r --arg name "$label" --arg wall "$wall" --arg cpu "$audit_cpu | $inventory_cpu | $pg_cpu" \
    --arg load "$(cut -d' ' -f1 /proc/loadavg)" \
    '"| \($name) | \(.devicesEvaluated) | \(.flagged) | \(.durationMs) | \(.inventoryReadMs) | \(.evaluationMs) | \(.evaluationCpuMs) | \(.storeMs) | \($wall) | \($cpu) | \($load) |"' \
    "$work/audit-$label.json"
}

log "running audits"
load_start="$(cut -d' ' -f1-3 /proc/loadavg)"
audit_rows="$(audit_once first; for _ in $(seq 1 "$repeats"); do audit_once repeat; done)"
by_vendor="$(jq -c .byVendor "$work/audit-repeat.json")"

wrk_run() {
  local label="$1" url="$2" accept="$3" auth="$4"
  wrk -t2 -c4 -d"${wrk_seconds}s" --latency --timeout 30s \
    -H "Authorization: Basic $(printf %s "$auth" | base64 -w0)" -H "Accept: $accept" "$url" >"$work/wrk.txt"
  local p50 p99 rps
  p50="$(awk '$1 == "50%" { print $2 }' "$work/wrk.txt")"
  p99="$(awk '$1 == "99%" { print $2 }' "$work/wrk.txt")"
  rps="$(awk '/Requests\/sec/ { print $2 }' "$work/wrk.txt")"
  printf '| %s | %s | %s | %s |\n' "$label" "$p50" "$p99" "$rps"
}

stream_rows=""
if [ "$stream_reads" -gt 0 ]; then
  log "reading the device stream $stream_reads times each way, 10 us of work per line"
  for _ in $(seq 1 "$stream_reads"); do
    for method in reader lines; do
      stream_rows+="$(java -cp "$(echo "$work"/audit-app/app/*.jar)" \
        bench/audit/StreamRead.java "http://$host:$inventory_port/api/v1/devices/stream" reader:bench-reader "$method" 10 1)"$'\n'
    done
  done
fi

wrk_rows=""
plan_size="$(curl -fsS -u reader:bench-reader "http://$host:$audit_port/api/v1/replacement-plan" | wc -c)"
plan_items="$(curl -fsS -u reader:bench-reader "http://$host:$audit_port/api/v1/replacement-plan" | jq .totals.devices)"
if [ "$wrk_seconds" -gt 0 ]; then
  log "wrk on the replacement plan (${wrk_seconds}s each, 2 threads, 4 connections)"
  wrk_rows="$(
    wrk_run "GET /api/v1/replacement-plan (all sites, JSON)" "http://$host:$audit_port/api/v1/replacement-plan" application/json reader:bench-reader
    wrk_run "GET /api/v1/replacement-plan?site=site-03 (JSON)" "http://$host:$audit_port/api/v1/replacement-plan?site=site-03" application/json reader:bench-reader
    wrk_run "GET /api/v1/replacement-plan?format=csv (all sites)" "http://$host:$audit_port/api/v1/replacement-plan?format=csv" text/csv reader:bench-reader
    wrk_run "peer: inventory GET /api/v1/devices?size=1000" "http://$host:$inventory_port/api/v1/devices?size=1000" application/json reader:bench-reader
  )"
fi

cat <<EOF
audit benchmark, $(date -u +%Y-%m-%dT%H:%MZ), load average at start $load_start, at end $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(java -version 2>&1 | head -1)
inventory: $in_inventory devices ($restricted generated restricted), ingest $ingest_ms ms; plan: $plan_items items, $plan_size bytes JSON
by vendor (last audit): $by_vendor

| audit | devices | flagged | durationMs | inventoryReadMs | evaluationMs | evaluationCpuMs | storeMs | wall ms (curl) | CPU s audit | CPU s inventory | CPU s PostgreSQL | load |
|---|---|---|---|---|---|---|---|---|---|---|---|---|
$audit_rows

$stream_rows
| endpoint | p50 | p99 | req/s |
|---|---|---|---|
$wrk_rows
EOF
