#!/usr/bin/env bash
# Ingest benchmark of inventory-service.
#
#   bench/inventory-ingest.sh [--build] [--duration SECONDS] [--clients N] [--app DIR] [--profile]
#                             [--jvm plain|shipped] [--warm]
#
# Starts a private PostgreSQL (deploy/local/postgres.sh, data under bench/out/, port 55471) with a fresh
# `inventory` database and the packaged service on 127.1.2.1:18081 (benches use 127.1.0.0/16), then:
#   1. posts 100,000 observations in 10 batches of 10,000 (one site and scanId per batch) into the empty
#      database from --clients concurrent clients (default 2, like two site scanners), and reports
#      observations/second and observations per CPU second of the service and PostgreSQL together;
#   2. posts the same observations again under new scanIds (every device unchanged), same report;
#   3. vacuums (as autovacuum soon would), then runs wrk against GET /api/v1/devices?size=50 for
#      --duration seconds (default 20) and reports p50/p99.
# Peers measured in the same run: a PostgreSQL COPY of the same rows into a bare table (the floor for
# writing this data on this machine) and wrk against /q/health/live (HTTP with no database work).
# Everything it started is stopped on exit. Builds the service first when its jar is missing (or --build).
# --app DIR runs another build of the service (a copy of its target/quarkus-app, e.g. the one before a change,
# so that before and after are measured in the same session). --profile records pass 1 with JFR (hot methods)
# and pg_stat_statements (statements by total time) and prints both.
# --jvm shipped runs the service as the container images do: JDK 25 (JAVA25_HOME, default
# /usr/lib/jvm/temurin-25-jdk-amd64) with deploy/jvm/service.options, -XX:MaxRAM=256m (sized as in its 256 MiB
# container) and the AOT cache of deploy/aot/train.sh (trained first when missing or stale); the default,
# plain, is `java -jar` with no options. --warm first posts every batch once and empties the inventory
# tables (TRUNCATE), so that pass 1 measures the same new-device work on a service whose JIT is warm.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$repo_root/bench/out/inventory-ingest"
host=127.1.2.1
port=18081
base="http://$host:$port"
duration=20
clients=2
build=false
app_dir=""
profile=false
jvm=plain
warm=false
batches=10
batch_size=10000

while (($#)); do
  case "$1" in
    --build) build=true ;;
    --duration) duration="${2:?--duration needs seconds}"; shift ;;
    --clients) clients="${2:?--clients needs a number}"; shift ;;
    --app) app_dir="${2:?--app needs the folder of a quarkus-app}"; shift ;;
    --profile) profile=true ;;
    --jvm) jvm="${2:?--jvm needs plain or shipped}"; shift
           [[ "$jvm" == plain || "$jvm" == shipped ]] || { echo "--jvm takes plain or shipped" >&2; exit 2; } ;;
    --warm) warm=true ;;
    *) echo "usage: bench/inventory-ingest.sh [--build] [--duration SECONDS] [--clients N] [--app DIR] [--profile]" \
         "[--jvm plain|shipped] [--warm]" >&2
       exit 2 ;;
  esac
  shift
done

export CAMAUDIT_PG_DIR="$out/postgres"
export CAMAUDIT_PG_PORT=55471
export CAMAUDIT_PG_DATABASES=inventory
pg="$repo_root/deploy/local/postgres.sh"
jar="$repo_root/inventory-service/target/quarkus-app/quarkus-run.jar"
[[ -z "$app_dir" ]] || jar="$(cd "$app_dir" && pwd)/quarkus-run.jar"
service_pid=""

cleanup() {
  if [[ -n "$service_pid" ]] && kill -0 "$service_pid" 2>/dev/null; then
    kill "$service_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$service_pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$service_pid" 2>/dev/null || true
  fi
  "$pg" stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

command -v wrk >/dev/null 2>&1 || {
  [[ "$(id -u)" == 0 ]] || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
}
command -v python3 >/dev/null 2>&1 || { echo "python3 is needed to generate the batches" >&2; exit 1; }

mkdir -p "$out"
if [[ -z "$app_dir" ]] && { $build || [[ ! -f "$jar" ]]; }; then
  echo "building inventory-service ..."
  (cd "$repo_root" && ./mvnw -B -q -pl inventory-service -am install -DskipTests)
fi

echo "starting PostgreSQL on 127.0.0.1:$CAMAUDIT_PG_PORT (fresh inventory database) ..."
"$pg" start >/dev/null
pg_password="$("$pg" password)"
bindir="$(pg_config --bindir 2>/dev/null || ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
PGPASSWORD="$pg_password" "$bindir/psql" -q -h 127.0.0.1 -p "$CAMAUDIT_PG_PORT" -U camaudit -d postgres \
  -c "DROP DATABASE IF EXISTS inventory" -c "CREATE DATABASE inventory OWNER camaudit" >/dev/null
psql_inventory() {
  PGPASSWORD="$pg_password" "$bindir/psql" -q -h 127.0.0.1 -p "$CAMAUDIT_PG_PORT" -U camaudit -d inventory "$@"
}
if $profile; then
  # pg_stat_statements must be preloaded: set it for this private cluster and restart it
  PGPASSWORD="$pg_password" "$bindir/psql" -q -h 127.0.0.1 -p "$CAMAUDIT_PG_PORT" -U camaudit -d postgres \
    -c "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'" >/dev/null
  "$pg" stop >/dev/null && "$pg" start >/dev/null
  psql_inventory -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" >/dev/null
fi

# the service's java command: plain `java`, or the images' JDK 25 with their options and AOT cache
java_cmd=(java)
if [[ "$jvm" == shipped ]]; then
  java25="${JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
  [[ -x "$java25" ]] || { echo "--jvm shipped needs a JDK 25 at $java25 (set JAVA25_HOME)" >&2; exit 1; }
  app="$(dirname "$jar")"
  # shellcheck source=../deploy/local/lib.sh
  (CAMAUDIT_PROG=inventory-ingest; . "$repo_root/deploy/local/lib.sh"; aot_cache_stale "$app" "$java25") && {
    echo "training the AOT cache of $app (deploy/aot/train.sh) ..."
    JAVA="$java25" bash "$repo_root/deploy/aot/train.sh" inventory-service "$app" >"$out/aot-train.log" 2>&1 \
      || { echo "AOT training failed, see $out/aot-train.log" >&2; exit 1; }
  }
  java_cmd=("$java25" "@$repo_root/deploy/jvm/service.options" -XX:MaxRAM=256m "-XX:AOTCache=$app/app.aot")
fi

scanner_pw="$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
viewer_pw="$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
echo "starting inventory-service on $base ..."
CAMAUDIT_ACCOUNTS="bench-scanner:$scanner_pw:scanner,bench-viewer:$viewer_pw:viewer" \
DB_URL="$("$pg" url inventory)" DB_USER=camaudit DB_PASSWORD="$pg_password" \
  "${java_cmd[@]}" -Dquarkus.http.host="$host" -Dquarkus.http.port="$port" -jar "$jar" >"$out/service.log" 2>&1 &
service_pid=$!
for _ in $(seq 1 120); do
  if curl -fsS -o /dev/null "$base/q/health/ready" 2>/dev/null; then break; fi
  kill -0 "$service_pid" 2>/dev/null || { echo "inventory-service exited, see $out/service.log" >&2; exit 1; }
  sleep 0.5
done
curl -fsS -o /dev/null "$base/q/health/ready" || { echo "inventory-service not ready after 60 s" >&2; exit 1; }

echo "generating $batches batches of $batch_size observations ..."
python3 - "$out" "$batches" "$batch_size" <<'EOF'
import json, sys
out, batches, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
vendors = [("Hikvision", "HIKVISION", "DS-2CD2142FWD-I", "V5.5.0 build 170725"),
           ("Dahua", "Dahua", "IPC-HDW1230S", "2.622.0000000.31.R"),
           ("Axis", "AXIS", "M3045-V", "9.80.1"),
           ("Hanwha Vision", "Hanwha Techwin", "XNV-6080R", "2.10.01")]
for b in range(batches):
    observations = []
    for i in range(size):
        n = b * size + i
        manufacturer, reported, model, firmware = vendors[n % len(vendors)]
        ip = "10.%d.%d.%d" % (b, i // 250, i % 250 + 1)
        observations.append({
            "ip": ip, "mac": "02:%02x:%02x:%02x:%02x:%02x" % (b, (n >> 16) & 255, (n >> 8) & 255, n & 255, 1),
            "manufacturer": manufacturer, "reportedManufacturer": reported, "model": model,
            "firmwareVersion": firmware, "serialNumber": "BENCH%08d" % n, "hardwareId": "88",
            "discoveredBy": ["ws-discovery", "onvif", "oui"],
            "onvif": {"xaddrs": ["http://%s/onvif/device_service" % ip], "scopes": ["onvif://www.onvif.org/name/" + reported],
                      "authRequired": True},
            "httpPorts": [80],
            "evidence": [{"source": "onvif.GetDeviceInformation", "field": "Manufacturer", "value": reported}],
            "observedAt": "2026-11-28T10:00:04Z"})
    body = {"scanId": "__SCAN_ID__", "site": "bench-site-%d" % b, "scanner": {"host": "bench", "version": "0.1.0"},
            "startedAt": "2026-11-28T10:00:00Z", "finishedAt": "2026-11-28T10:05:00Z",
            "targets": ["10.%d.0.0/16" % b], "observations": observations}
    with open("%s/batch-%d.json" % (out, b), "w") as f:
        json.dump(body, f, separators=(",", ":"))
EOF

# CPU seconds used so far by the service and the PostgreSQL server (postmaster and its backends). On a
# machine shared with other work, observations per CPU second says what the ingest costs regardless of load.
cpu_seconds() {
  local postmaster pid total=0 ticks pids
  postmaster="$(head -1 "$CAMAUDIT_PG_DIR/data/postmaster.pid")"
  case "${1:-all}" in
    service) pids="$service_pid" ;;
    postgres) pids="$postmaster $(pgrep -P "$postmaster" | tr '\n' ' ')" ;;
    *) pids="$service_pid $postmaster $(pgrep -P "$postmaster" | tr '\n' ' ')" ;;
  esac
  for pid in $pids; do
    [[ -r "/proc/$pid/stat" ]] || continue
    ticks="$(sed 's/^.*) //' "/proc/$pid/stat" | awk '{print $12 + $13}')"
    total=$((total + ticks))
  done
  python3 -c "import sys; print(int(sys.argv[1]) / int(sys.argv[2]))" "$total" "$(getconf CLK_TCK)"
}

# CPU seconds the service's JIT compiler threads (jit) or its garbage collector (gc: G1's threads, or the VM
# thread, where the serial collector runs) used so far: on a cold service, part of pass 1 is warm-up.
thread_seconds() {
  local task total=0
  for task in /proc/"$service_pid"/task/*; do
    case "$1:$(cat "$task/comm" 2>/dev/null)" in
      jit:C1\ Compiler*|jit:C2\ Compiler*|gc:GC\ Thread*|gc:G1\ *|gc:VM\ Thread)
        total=$((total + $(sed 's/^.*) //' "$task/stat" | awk '{print $12 + $13}'))) ;;
    esac
  done
  python3 -c "import sys; print(int(sys.argv[1]) / int(sys.argv[2]))" "$total" "$(getconf CLK_TCK)"
}

# Posts one batch under a new scanId and checks the count it expects.
post_batch() {
  local pass="$1" expect="$2" b="$3" answer
  sed "s/__SCAN_ID__/bench-$pass-$b-$$/" "$out/batch-$b.json" >"$out/post-$b.json"
  answer="$(curl -sS --max-time 300 -u "bench-scanner:$scanner_pw" -H 'Content-Type: application/json' \
    --data-binary "@$out/post-$b.json" -w '\n%{http_code}' "$base/api/v1/observations")"
  [[ "${answer##*$'\n'}" == 200 ]] || { echo "batch $b of pass $pass failed: ${answer:0:300}" >&2; return 1; }
  printf '%s' "${answer%$'\n'*}" | python3 -c 'import json,sys; a=json.load(sys.stdin); k=sys.argv[1]; n=int(sys.argv[2])
if a[k] != n: sys.exit("%s: expected %d %s, got %s" % (a["scanId"], n, k, {x: a[x] for x in ("created","updated","unchanged")}))' \
    "$expect" "$batch_size"
}

# Posts every batch once, split among $clients concurrent clients (as several site scanners would);
# prints observations/second and CPU cost.
ingest_pass() {
  local pass="$1" expect="$2" start end c b cpu_start cpu_end svc_start svc_end jit_start jit_end gc_start gc_end
  local pids=() failed=0
  cpu_start="$(cpu_seconds)"
  svc_start="$(cpu_seconds service)"
  jit_start="$(thread_seconds jit)"
  gc_start="$(thread_seconds gc)"
  start=$(date +%s.%N)
  for c in $(seq 0 $((clients - 1))); do
    (
      for b in $(seq "$c" "$clients" $((batches - 1))); do
        post_batch "$pass" "$expect" "$b" || exit 1
      done
    ) &
    pids+=($!)
  done
  for c in "${pids[@]}"; do wait "$c" || failed=1; done
  ((failed == 0)) || exit 1
  end=$(date +%s.%N)
  cpu_end="$(cpu_seconds)"
  svc_end="$(cpu_seconds service)"
  jit_end="$(thread_seconds jit)"
  gc_end="$(thread_seconds gc)"
  python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); c=float(sys.argv[5])-float(sys.argv[4]); n=int(sys.argv[3])
v=float(sys.argv[7])-float(sys.argv[6]); j=float(sys.argv[9])-float(sys.argv[8]); g=float(sys.argv[11])-float(sys.argv[10])
print('%.1f s, %.0f observations/s; %.1f CPU s (service %.1f, of which JIT compiler %.1f, GC %.1f; PostgreSQL %.1f), %.0f observations per CPU second' % (s, n/s, c, v, j, g, c-v, n/c))" \
    "$start" "$end" "$((batches * batch_size))" "$cpu_start" "$cpu_end" "$svc_start" "$svc_end" "$jit_start" "$jit_end" \
    "$gc_start" "$gc_end"
}

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
warmup=""
if $warm; then
  echo "warm-up: every batch once, then the inventory tables emptied ..."
  warmup="$(ingest_pass 0 created)"
  echo "  $warmup"
  psql_inventory -c "TRUNCATE device, sighting, scan_target, scan_part, scan" >/dev/null
fi
echo "pass 1: $((batches * batch_size)) new observations ..."
if $profile; then
  psql_inventory -c "SELECT pg_stat_statements_reset()" >/dev/null
  jcmd "$service_pid" JFR.start name=pass1 settings=profile >/dev/null
fi
pass1="$(ingest_pass 1 created)"
echo "  $pass1"
if $profile; then
  echo "  pass 1 statements by total time (pg_stat_statements):"
  # statements on the per-transaction temporary tables get a new id per transaction: group them by their text
  psql_inventory -P pager=off -c "SELECT round(sum(total_exec_time)::numeric / 1000, 2) AS seconds, sum(calls) AS calls,
      sum(rows) AS rows, left(regexp_replace(query, '\s+', ' ', 'g'), 100) AS statement
    FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'inventory')
    GROUP BY 4 ORDER BY 1 DESC LIMIT 15" | tee "$out/pass1-statements.txt"
  jcmd "$service_pid" JFR.stop name=pass1 filename="$out/pass1.jfr" >/dev/null
  jfr_tool="$(ls /usr/lib/jvm/temurin-25-jdk-amd64/bin/jfr 2>/dev/null || command -v jfr)"
  echo "  pass 1 hot methods of the service (JFR, $out/pass1.jfr):"
  "$jfr_tool" view --width 160 hot-methods "$out/pass1.jfr" 2>&1 | head -30 | tee "$out/pass1-hot-methods.txt"
fi
echo "pass 2: the same observations again (all unchanged) ..."
pass2="$(ingest_pass 2 unchanged)"
echo "  $pass2"

# Peer for the ingest, same run: PostgreSQL COPY of the same 100,000 rows into a plain table with the
# device columns (no identity rules, no sightings, no HTTP): the floor for writing this data here.
python3 - "$out" "$batches" <<'EOF2'
import csv, json, sys
out, batches = sys.argv[1], int(sys.argv[2])
with open(out + "/peer.csv", "w", newline="") as f:
    w = csv.writer(f)
    for b in range(batches):
        body = json.load(open("%s/batch-%d.json" % (out, b)))
        for o in body["observations"]:
            w.writerow([body["site"], o["ip"], o["mac"], o["manufacturer"], o["reportedManufacturer"], o["model"],
                        o["firmwareVersion"], o["serialNumber"], o["hardwareId"], json.dumps(o["discoveredBy"]),
                        json.dumps(o["onvif"]), json.dumps(o["httpPorts"]), json.dumps(o["evidence"]), o["observedAt"]])
EOF2
# The peer's CPU: its PostgreSQL backend's (read from /proc by the backend itself, before and after the COPY)
# and psql's (reading and sending the CSV, where the service stands in the passes).
peer_start=$(date +%s.%N)
PGPASSWORD="$pg_password" /usr/bin/time -f '%U %S' -o "$out/peer-psql-time.txt" "$bindir/psql" -q -At \
  -h 127.0.0.1 -p "$CAMAUDIT_PG_PORT" -U camaudit -d inventory -v ON_ERROR_STOP=1 \
  -c "CREATE TABLE bench_copy_peer (site text, ip text, mac text, manufacturer text, reported_manufacturer text,
        model text, firmware_version text, serial_number text, hardware_id text, discovered_by jsonb, onvif jsonb,
        http_ports jsonb, evidence jsonb, observed_at timestamptz)" \
  -c "SELECT pg_read_file('/proc/' || pg_backend_pid() || '/stat')" \
  -c "\\copy bench_copy_peer FROM '$out/peer.csv' WITH (FORMAT csv)" \
  -c "SELECT pg_read_file('/proc/' || pg_backend_pid() || '/stat')" \
  -c "DROP TABLE bench_copy_peer" >"$out/peer-backend-stat.txt"
peer_end=$(date +%s.%N)
peer="$(python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); n=int(sys.argv[3]); hz=int(sys.argv[6])
stats=[l.rsplit(') ', 1)[1].split() for l in open(sys.argv[4]) if ') ' in l]
p=(int(stats[1][11]) + int(stats[1][12]) - int(stats[0][11]) - int(stats[0][12])) / hz
u, k = map(float, open(sys.argv[5]).read().split()[-2:]); c=p+u+k
print('%.1f s, %.0f rows/s; %.2f CPU s (psql %.2f, PostgreSQL %.2f), %.0f rows per CPU second' % (s, n/s, c, u+k, p, n/c))" \
  "$peer_start" "$peer_end" "$((batches * batch_size))" "$out/peer-backend-stat.txt" "$out/peer-psql-time.txt" \
  "$(getconf CLK_TCK)")"
echo "  peer, COPY of the same rows into a bare table: $peer"

# steady state for the reads: what autovacuum does shortly after a large ingest (visibility map, statistics)
PGPASSWORD="$pg_password" "$bindir/psql" -q -h 127.0.0.1 -p "$CAMAUDIT_PG_PORT" -U camaudit -d inventory \
  -c "VACUUM (ANALYZE) device, sighting, scan" >/dev/null
echo "wrk: GET /api/v1/devices?size=50 for ${duration}s, 2 threads, 16 connections ..."
auth="Authorization: Basic $(printf '%s' "bench-viewer:$viewer_pw" | base64 | tr -d '\n')"
cpu_start="$(cpu_seconds)"
wrk -t2 -c16 -d"${duration}s" --timeout 10s --latency -H "$auth" "$base/api/v1/devices?size=50" >"$out/wrk.txt"
cpu_end="$(cpu_seconds)"
p50="$(awk '$1 == "50%" {print $2}' "$out/wrk.txt")"
p99="$(awk '$1 == "99%" {print $2}' "$out/wrk.txt")"
rps="$(awk '/Requests\/sec/ {print $2}' "$out/wrk.txt")"
non2xx="$(awk '/Non-2xx/ {print $NF}' "$out/wrk.txt")"
requests="$(awk '/requests in/ {print $1}' "$out/wrk.txt")"
# no request may finish within --duration on an overloaded machine: then there is no per-request cost
cpu_per_request="$(python3 -c "import sys; n=int(sys.argv[3] or 0); print('%.1f' % (1000 * (float(sys.argv[2]) - float(sys.argv[1])) / n) if n else 'n/a')" \
  "$cpu_start" "$cpu_end" "$requests")"
[[ -z "$non2xx" ]] || { echo "wrk saw $non2xx non-2xx answers, see $out/wrk.txt" >&2; exit 1; }
# Peer for the reads, same run: the service's liveness probe (no database, no authentication).
wrk -t2 -c16 -d"${duration}s" --timeout 10s --latency "$base/q/health/live" >"$out/wrk-peer.txt"
peer_p50="$(awk '$1 == "50%" {print $2}' "$out/wrk-peer.txt")"
peer_p99="$(awk '$1 == "99%" {print $2}' "$out/wrk-peer.txt")"
peer_rps="$(awk '/Requests\/sec/ {print $2}' "$out/wrk-peer.txt")"

{
  echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "load average (1/5/15 min) before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(. /etc/os-release; echo "$PRETTY_NAME"), $(java -version 2>&1 | head -1)"
  echo "service JVM: $jvm ($("${java_cmd[0]}" -version 2>&1 | head -1)${java_cmd[1]:+, ${java_cmd[*]:1}})"
  echo "clients: $clients concurrent, batches of $batch_size"
  [[ -z "$warmup" ]] || echo "warm-up (same batches, then TRUNCATE): $warmup"
  echo "pass 1 (new devices): $pass1"
  echo "pass 2 (unchanged):   $pass2"
  echo "peer, PostgreSQL COPY of the same 100,000 rows into a bare table: $peer"
  echo "GET /api/v1/devices?size=50 (wrk -t2 -c16 -d${duration}s): p50 $p50, p99 $p99, $rps requests/s, $cpu_per_request CPU ms per request (service + PostgreSQL)"
  echo "peer, GET /q/health/live (same wrk settings): p50 $peer_p50, p99 $peer_p99, $peer_rps requests/s"
} | tee "$out/result.txt"
