#!/usr/bin/env bash
# camera-lab benchmark: start time and RSS for 1,000 and 5,000 cameras, and GetDeviceInformation
# replies per second under load.
#
#   bench/lab-start.sh [--build] [--counts "1000 5000"] [--duration SECONDS] [--jvm-opts "-Xmx512m"]
#
# Runs inside its own network namespace (only `lo`, multicast on, so Hello is multicast too) on
# 127.1.0.0/16, HTTP on port 80 (root), so it touches no address another bench or test uses.
#   1. for each count: launch the packaged lab with --count N --network 127.1.0.0/16 and time it until
#      the manifest exists (every camera listening); RSS of the JVM then;
#   2. with the 5,000-camera lab still running: wrk (2 threads, 32 connections, --duration s) POSTs an
#      authenticated GetDeviceInformation (WS-Security digest, Created on the camera's clock) to one camera,
#      then the same to 16 cameras at once (one wrk each, 2 connections); RSS after load;
#   3. peer in the same run: lighttpd 1.4.69 (the web server the recorded open-source camera firmware runs
#      under) serving the same reply as a static file, same wrk settings.
# Output: bench/out/lab-start/ (logs, numbers in summary.txt). Everything started is stopped on exit.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../.ci/lib/netns.sh
. "$repo_root/.ci/lib/netns.sh"
out="$repo_root/bench/out/lab-start"
jar="$repo_root/camera-lab/target/quarkus-app/quarkus-run.jar"
probe="$repo_root/camera-lab/src/test/scripts/labprobe.py"
counts="1000 5000"
duration=15
build=false
jvm_opts=""
while (($#)); do
  case "$1" in
    --build) build=true ;;
    --counts) counts="${2:?--counts needs a list}"; shift ;;
    --duration) duration="${2:?--duration needs seconds}"; shift ;;
    --jvm-opts) jvm_opts="${2?--jvm-opts needs options}"; shift ;;
    *) echo "usage: bench/lab-start.sh [--build] [--counts \"1000 5000\"] [--duration SECONDS] [--jvm-opts OPTS]" >&2; exit 2 ;;
  esac
  shift
done

[ "$(id -u)" -eq 0 ] || { echo "lab-start: needs root (network namespace, port 80)" >&2; exit 1; }
if $build || [ ! -f "$jar" ]; then
  (cd "$repo_root" && ./mvnw -B -q -pl camera-lab -am package -DskipTests)
fi
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v python3 >/dev/null || missing+=(python3)
if [ "${#missing[@]}" -gt 0 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get -qq update
  DEBIAN_FRONTEND=noninteractive apt-get -qq install -y --no-install-recommends "${missing[@]}"
fi

rm -rf "$out"
mkdir -p "$out"
ns="camlab-bench-$$"
lab_pid=""
peer_pid=""
cleanup() {
  for pid in $lab_pid $peer_pid; do kill "$pid" 2>/dev/null || true; done
  for pid in $lab_pid $peer_pid; do wait "$pid" 2>/dev/null || true; done
  ip netns del "$ns" 2>/dev/null || true
}
trap cleanup EXIT
netns_with_multicast_lo "$ns"
ulimit -n 200000 2>/dev/null || ulimit -n "$(ulimit -Hn)"
summary="$out/summary.txt"
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(. /etc/os-release; echo "$PRETTY_NAME"), $(java -version 2>&1 | head -1)"
  echo "open files limit: $(ulimit -n); JVM options: ${jvm_opts:-(none)}"
} > "$summary"

rss_mb() { awk '/VmRSS/{printf "%.0f", $2/1024}' "/proc/$1/status"; }

start_lab() { # count -> sets lab_pid and start_ms (milliseconds until the manifest exists)
  local count=$1 manifest="$out/manifest-$1.json"
  local t0 t1
  t0=$(date +%s%N)
  # shellcheck disable=SC2086
  ip netns exec "$ns" java $jvm_opts -jar "$jar" --count "$count" --network 127.1.0.0/16 --seed 2026 \
    --manifest "$manifest" --multicast on > "$out/lab-$count.log" 2>&1 &
  lab_pid=$!
  while [ ! -f "$manifest" ]; do
    kill -0 "$lab_pid" 2>/dev/null || { cat "$out/lab-$count.log" >&2; echo "lab-start: lab exited" >&2; exit 1; }
    sleep 0.02
  done
  t1=$(date +%s%N)
  start_ms=$(((t1 - t0) / 1000000))
}

stop_lab() {
  kill -TERM "$lab_pid"
  wait "$lab_pid" 2>/dev/null || true
  lab_pid=""
}

for count in $counts; do
  start_lab "$count"
  sleep 1
  binding=$(sed -n 's/.* cameras listening after \([0-9]*\) ms.*/\1/p' "$out/lab-$count.log")
  echo "start $count cameras: ${start_ms} ms from launch to manifest (binding every socket: ${binding} ms), RSS $(rss_mb "$lab_pid") MB" | tee -a "$summary"
  last_count=$count
  [ "$count" = "${counts##* }" ] || stop_lab
done

# Load: authenticated GetDeviceInformation on cameras of the last lab that have ONVIF on.
manifest="$out/manifest-$last_count.json"
python3 - "$manifest" "$out" <<'PY'
import base64, datetime, hashlib, json, os, sys
cameras = [c for c in json.load(open(sys.argv[1])) if c["onvif"]["enabled"]]
out = sys.argv[2]
with open(os.path.join(out, "targets.txt"), "w") as targets:
    for camera in cameras[:16]:
        nonce = os.urandom(16)
        created = (datetime.datetime.now(datetime.timezone.utc)
                   + datetime.timedelta(seconds=camera["clockSkewSeconds"])).strftime("%Y-%m-%dT%H:%M:%SZ")
        digest = base64.b64encode(hashlib.sha1(nonce + created.encode() + camera["onvif"]["password"].encode()).digest()).decode()
        body = ('<?xml version="1.0" encoding="UTF-8"?><s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" '
                'xmlns:tds="http://www.onvif.org/ver10/device/wsdl"><s:Header><wsse:Security '
                'xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd" '
                'xmlns:wsu="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd">'
                '<wsse:UsernameToken><wsse:Username>%s</wsse:Username><wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/'
                'oasis-200401-wss-username-token-profile-1.0#PasswordDigest">%s</wsse:Password><wsse:Nonce>%s</wsse:Nonce>'
                '<wsu:Created>%s</wsu:Created></wsse:UsernameToken></wsse:Security></s:Header><s:Body>'
                '<tds:GetDeviceInformation/></s:Body></s:Envelope>'
                % (camera["onvif"]["username"], digest, base64.b64encode(nonce).decode(), created))
        name = "body-%s.xml" % camera["ip"]
        open(os.path.join(out, name), "w").write(body)
        targets.write("%s %s\n" % (camera["ip"], name))
PY
cat > "$out/post.lua" <<'LUA'
-- POST the file named by the BODY environment variable as application/soap+xml
local f = assert(io.open(os.getenv("BODY"), "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/soap+xml; charset=utf-8"
response = function(status, headers, body)
  if status ~= 200 then wrk.thread:stop() end
end
LUA
read -r first_ip first_body < "$out/targets.txt"
status=$(ip netns exec "$ns" curl -s -o "$out/check.xml" -w '%{http_code}' -H 'Content-Type: application/soap+xml' \
  --data-binary "@$out/$first_body" "http://$first_ip/onvif/device_service")
[ "$status" = 200 ] || { echo "lab-start: GetDeviceInformation on $first_ip gave $status" >&2; cat "$out/check.xml" >&2; exit 1; }
rps() { awk '/Requests\/sec/{print $2}' "$1"; }
p99() { awk '/ 99%/{print $2}' "$1"; }
BODY="$out/$first_body" ip netns exec "$ns" wrk -t2 -c32 -d"${duration}s" --latency -s "$out/post.lua" \
  "http://$first_ip/onvif/device_service" > "$out/wrk-one.txt"
echo "GetDeviceInformation, one camera ($first_ip), wrk -t2 -c32 ${duration}s: $(rps "$out/wrk-one.txt") replies/s, p99 $(p99 "$out/wrk-one.txt")" | tee -a "$summary"
grep -q "Non-2xx" "$out/wrk-one.txt" && { echo "lab-start: non-2xx replies under load" >&2; exit 1; }

pids=()
while read -r ip body; do
  BODY="$out/$body" ip netns exec "$ns" wrk -t1 -c2 -d"${duration}s" -s "$out/post.lua" \
    "http://$ip/onvif/device_service" > "$out/wrk-$ip.txt" &
  pids+=($!)
done < "$out/targets.txt"
for pid in "${pids[@]}"; do wait "$pid"; done
total=$(cat "$out"/wrk-127.*.txt | awk '/Requests\/sec/{s+=$2} END{printf "%.0f", s}')
echo "GetDeviceInformation, 16 cameras at once (16 x wrk -t1 -c2 ${duration}s): $total replies/s in total" | tee -a "$summary"
echo "RSS after load with $last_count cameras: $(rss_mb "$lab_pid") MB" | tee -a "$summary"
stop_lab

# Peer: lighttpd 1.4.69 serving the same reply bytes as a static file (GET), same wrk settings.
if ! command -v lighttpd >/dev/null; then
  (cd "$out" && apt-get download lighttpd >/dev/null 2>&1 && dpkg -x lighttpd_*.deb lighttpd-root)
  lighttpd_bin="$out/lighttpd-root/usr/sbin/lighttpd"
else
  lighttpd_bin="$(command -v lighttpd)"
fi
mkdir -p "$out/www"
cp "$out/check.xml" "$out/www/device_service.xml"
cat > "$out/lighttpd.conf" <<CONF
server.document-root = "$out/www"
server.bind = "127.1.255.254"
server.port = 80
server.modules = ()
server.compat-module-load = "disable"
mimetype.assign = (".xml" => "application/soap+xml")
server.errorlog = "$out/lighttpd.err"
CONF
ip netns exec "$ns" "$lighttpd_bin" -D -f "$out/lighttpd.conf" &
peer_pid=$!
for _ in $(seq 1 50); do ip netns exec "$ns" curl -sf -o /dev/null http://127.1.255.254/device_service.xml && break; sleep 0.1; done
ip netns exec "$ns" wrk -t2 -c32 -d"${duration}s" --latency http://127.1.255.254/device_service.xml > "$out/wrk-peer.txt"
echo "peer: lighttpd $("$lighttpd_bin" -v | awk '{print $1}' | cut -d/ -f2) static GET of the same reply, wrk -t2 -c32 ${duration}s: $(rps "$out/wrk-peer.txt") replies/s, p99 $(p99 "$out/wrk-peer.txt")" | tee -a "$summary"
echo "summary in $summary"
