#!/usr/bin/env bash
# Page-load times of the web console, as a signed-in browser fetches them (the HTML of each page).
#
#   bench/console.sh [--devices N] [--requests N]     # own inventory-service with N synthetic devices
#   bench/console.sh --demo [--requests N]            # the running demo (deploy/local/demo.sh), both services
#                                                     # (CAMAUDIT_INVENTORY_PORT / CAMAUDIT_AUDIT_PORT as for the demo)
#
# With --devices (default 100,000) it starts a private PostgreSQL (deploy/local/postgres.sh, data under
# bench/out/, port 55472) with a fresh `inventory` database and the packaged inventory-service on
# 127.1.2.3:18091, posts N observations (10,000 per request, sites bench-site-0..9), signs in on the form,
# then fetches each page --requests times (default 50) one after another and prints p50/p95/max per page,
# with the CPU seconds the service and PostgreSQL spent. Peer in the same run: the API's JSON for the same
# filtered list (HTTP Basic), i.e. the same query without the page around it.
# With --demo it signs in on the demo's two services with the demo's accounts and times every page.
# Everything it started is stopped on exit. Builds the service first when its jar is missing.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$repo_root/bench/out/console"
devices=100000
requests=50
demo=false
while (($#)); do
  case "$1" in
    --devices) devices="${2:?--devices needs a number}"; shift ;;
    --requests) requests="${2:?--requests needs a number}"; shift ;;
    --demo) demo=true ;;
    *) echo "usage: bench/console.sh [--devices N | --demo] [--requests N]" >&2; exit 2 ;;
  esac
  shift
done
mkdir -p "$out"
jar="$repo_root/inventory-service/target/quarkus-app/quarkus-run.jar"
service_pid=""
pg="$repo_root/deploy/local/postgres.sh"
export CAMAUDIT_PG_DIR="$out/postgres" CAMAUDIT_PG_PORT=55472 CAMAUDIT_PG_DATABASES=inventory

cleanup() {
  if [[ -n "$service_pid" ]] && kill -0 "$service_pid" 2>/dev/null; then
    kill "$service_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$service_pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$service_pid" 2>/dev/null || true
  fi
  $demo || "$pg" stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

# Signs in on the form at BASE/ui/login; the session cookie lands in JAR.
sign_in() { # BASE USER PASSWORD JAR
  rm -f "$4"
  local code
  code="$(curl -sS -o /dev/null -w '%{http_code}' -c "$4" --data-urlencode "username=$2" --data-urlencode "password=$3" "$1/ui/login")"
  [[ "$code" == 302 ]] && grep -q camaudit-session "$4" || { echo "sign-in as $2 on $1 failed ($code)" >&2; exit 1; }
}

# Fetches URL REQUESTS times with the cookie jar (or curl options after it) and prints p50/p95/max in ms.
time_page() { # NAME URL CURL-AUTH...
  local name="$1" url="$2"
  shift 2
  local times=() t code
  for _ in $(seq 1 "$requests"); do
    read -r code t < <(curl -sS -o /dev/null -w '%{http_code} %{time_total}\n' "$@" "$url")
    [[ "$code" == 200 ]] || { echo "$name: $url answered $code" >&2; exit 1; }
    times+=("$t")
  done
  printf '%s\n' "${times[@]}" | python3 -c '
import sys
name = sys.argv[1]
ts = sorted(float(x) * 1000 for x in sys.stdin.read().split())
pick = lambda q: ts[min(len(ts) - 1, int(round(q * (len(ts) - 1))))]
print("  %-44s p50 %6.1f ms   p95 %6.1f ms   max %6.1f ms   (%d requests)" % (name, pick(0.5), pick(0.95), ts[-1], len(ts)))' "$name"
}

cpu_seconds() { # PID... : CPU seconds of these processes and the PostgreSQL server's backends
  local total=0 ticks pid postmaster
  local pids=("$@")
  if [[ -r "$CAMAUDIT_PG_DIR/data/postmaster.pid" ]]; then
    postmaster="$(head -1 "$CAMAUDIT_PG_DIR/data/postmaster.pid")"
    pids+=("$postmaster" $(pgrep -P "$postmaster"))
  fi
  for pid in "${pids[@]}"; do
    [[ -r "/proc/$pid/stat" ]] || continue
    ticks="$(sed 's/^.*) //' "/proc/$pid/stat" | awk '{print $12 + $13}')"
    total=$((total + ticks))
  done
  python3 -c "import sys; print(int(sys.argv[1]) / int(sys.argv[2]))" "$total" "$(getconf CLK_TCK)"
}

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"

if $demo; then
  accounts="$repo_root/deploy/local/.run/accounts"
  [[ -r "$accounts" ]] || { echo "no demo accounts at $accounts: run deploy/local/demo.sh --detach first" >&2; exit 1; }
  password_of() { awk -v n="$1" '$1 == n { print $2 }' "$accounts"; }
  inventory="http://127.0.0.1:${CAMAUDIT_INVENTORY_PORT:-8081}"
  audit="http://127.0.0.1:${CAMAUDIT_AUDIT_PORT:-8082}"
  sign_in "$inventory" facilities "$(password_of facilities)" "$out/demo.cookies"
  device="$(curl -fsS -u "procurement:$(password_of procurement)" "$inventory/api/v1/devices?size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')"
  finding="$(curl -fsS -u "procurement:$(password_of procurement)" "$audit/api/v1/findings?size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')"
  echo "demo fleet: $requests sequential requests per page, signed in as facilities (one session for both services)"
  for page in /ui/devices "/ui/devices?site=HQ&q=ds-2" "/ui/devices/$device" /ui/sites /ui/devices.csv; do
    time_page "inventory $page" "$inventory$page" -b "$out/demo.cookies"
  done
  for page in /ui/dashboard /ui/findings "/ui/findings/$finding" /ui/plan /ui/policy /ui/costs /ui/plan.csv; do
    time_page "audit $page" "$audit$page" -b "$out/demo.cookies"
  done
  exit 0
fi

host=127.1.2.3
port=18091
base="http://$host:$port"
if [[ ! -f "$jar" ]]; then
  (cd "$repo_root" && ./mvnw -B -q -DskipTests package -pl inventory-service -am)
fi
"$pg" start >/dev/null
pg_password="$("$pg" password)"
bindir="$(pg_config --bindir 2>/dev/null || ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
PGPASSWORD="$pg_password" "$bindir/psql" -q -h 127.0.0.1 -p "$CAMAUDIT_PG_PORT" -U camaudit -d postgres \
  -c "DROP DATABASE IF EXISTS inventory" -c "CREATE DATABASE inventory OWNER camaudit" >/dev/null
scanner_pw="$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
viewer_pw="$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
CAMAUDIT_ACCOUNTS="bench-scanner:$scanner_pw:scanner,bench-viewer:$viewer_pw:viewer" \
CAMAUDIT_SESSION_KEY="$(head -c 24 /dev/urandom | base64)" \
DB_URL="$("$pg" url inventory)" DB_USER=camaudit DB_PASSWORD="$pg_password" \
  java -Dquarkus.http.host="$host" -Dquarkus.http.port="$port" -jar "$jar" >"$out/service.log" 2>&1 &
service_pid=$!
for _ in $(seq 1 240); do
  curl -fsS -o /dev/null "$base/q/health/ready" 2>/dev/null && break
  kill -0 "$service_pid" 2>/dev/null || { echo "inventory-service exited, see $out/service.log" >&2; exit 1; }
  sleep 0.5
done

echo "posting $devices observations ..."
python3 - "$out" "$devices" <<'EOF'
import json, sys
out, total = sys.argv[1], int(sys.argv[2])
vendors = [("Hikvision", "DS-2CD2142FWD-I"), ("Dahua", "IPC-HDW1230S"), ("Axis", "M3045-V"), ("Hanwha Vision", "XNV-6080R")]
batch, b = [], 0
def flush():
    global batch, b
    body = {"scanId": "console-bench-%d" % b, "site": "bench-site-%d" % (b % 10), "scanner": {"host": "bench", "version": "0.1.0"},
            "targets": ["10.%d.0.0/16" % b], "observations": batch}
    json.dump(body, open("%s/batch-%d.json" % (out, b), "w"), separators=(",", ":"))
    batch, b = [], b + 1
for n in range(total):
    manufacturer, model = vendors[n % len(vendors)]
    i = len(batch)
    batch.append({"ip": "10.%d.%d.%d" % (b, i // 250, i % 250 + 1), "manufacturer": manufacturer, "model": model,
                  "serialNumber": "BENCH%08d" % n, "discoveredBy": ["ws-discovery", "onvif"],
                  "evidence": [{"source": "onvif.GetDeviceInformation", "field": "Manufacturer", "value": manufacturer}]})
    if len(batch) == 10000:
        flush()
if batch:
    flush()
EOF
for f in "$out"/batch-*.json; do
  curl -fsS --max-time 600 -o /dev/null -u "bench-scanner:$scanner_pw" -H 'Content-Type: application/json' \
    --data-binary "@$f" "$base/api/v1/observations" || { echo "posting $f failed" >&2; exit 1; }
done
rm -f "$out"/batch-*.json
PGPASSWORD="$pg_password" "$bindir/psql" -q -h 127.0.0.1 -p "$CAMAUDIT_PG_PORT" -U camaudit -d inventory -c "VACUUM ANALYZE" >/dev/null

sign_in "$base" bench-viewer "$viewer_pw" "$out/bench.cookies"
device="$(curl -fsS -u "bench-viewer:$viewer_pw" "$base/api/v1/devices?site=bench-site-3&size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')"
echo "$devices devices: $requests sequential requests per page"
cpu_start="$(cpu_seconds "$service_pid")"
start=$(date +%s.%N)
time_page "GET /ui/devices (first page of all)" "$base/ui/devices" -b "$out/bench.cookies"
time_page "GET /ui/devices?site=bench-site-3&q=bench0003" "$base/ui/devices?site=bench-site-3&q=bench0003" -b "$out/bench.cookies"
time_page "GET /ui/devices?manufacturer=axis&sort=-lastSeen" "$base/ui/devices?manufacturer=axis&sort=-lastSeen" -b "$out/bench.cookies"
time_page "GET /ui/devices/{id}" "$base/ui/devices/$device" -b "$out/bench.cookies"
time_page "GET /ui/sites" "$base/ui/sites" -b "$out/bench.cookies"
time_page "peer: API JSON ?site=bench-site-3&q=bench0003" "$base/api/v1/devices?site=bench-site-3&q=bench0003" -u "bench-viewer:$viewer_pw"
end=$(date +%s.%N)
cpu_end="$(cpu_seconds "$service_pid")"
python3 -c "import sys; print('  %.1f s wall, %.1f CPU s (service + PostgreSQL) for %d requests' % (float(sys.argv[2])-float(sys.argv[1]), float(sys.argv[4])-float(sys.argv[3]), int(sys.argv[5])))" \
  "$start" "$end" "$cpu_start" "$cpu_end" "$((requests * 6))"
echo "machine after: load $(cut -d' ' -f1-3 /proc/loadavg)"
