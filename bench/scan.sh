#!/usr/bin/env bash
# Scanner benchmark: time to a complete, identified result for camera-lab fleets of 20 cameras in
# a /24, 100 in a /20 and 1,000 in a /16, with found/expected, identified/expected and peak RSS,
# and in the same run the peers on the same fleets: a minimal one-socket WS-Discovery sweeper
# (the bound) and, on the /24, nmap's wsdd-discover script.
#
# Everything runs inside a private network namespace (created and removed here) on its loopback,
# addresses 127.1.0.0/24, 127.2.0.0/20 and 127.4.0.0/16 of that namespace only. Dead addresses are
# made silent as on a real network: the namespace drops outgoing ICMP port-unreachable, and TCP
# resets from every address that holds no camera (a camera still resets its own closed ports).
#
# Usage: bench/scan.sh [--skip-nmap]     (root; installs nmap, nftables and GNU time if missing)
# Results: printed, and kept in bench/out/scan/ (JSON results, logs, summary.txt).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=../.ci/lib/netns.sh
. .ci/lib/netns.sh

SKIP_NMAP=false
[ "${1:-}" = "--skip-nmap" ] && SKIP_NMAP=true

LAB_JAR=camera-lab/target/quarkus-app/quarkus-run.jar
SCANNER_JAR=scanner/target/quarkus-app/quarkus-run.jar
OUT=bench/out/scan
NS="scanbench-$$"
LAB_PID=""
SCANNER_RATE=40000      # probes/s: two unicast probes per address (WS-Discovery, DHIP) = 20,000 addresses/s
SWEEPER_RATE=20000      # probes/s of the one-socket sweeper: one probe per address
WINDOW_MS=1000          # late-reply window of both
# A short-lived scan spends much of its CPU in the JIT compiler: C1 only and the serial collector
# halve its CPU time on a small machine. Both runs are reported.
TUNED_JVM="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"

fail() { echo "scan.sh: FAIL: $*" >&2; exit 1; }
log() { echo "scan.sh: $*"; }

[ "$(id -u)" -eq 0 ] || fail "needs root for ip netns and nft"
missing=()
command -v nmap >/dev/null || missing+=(nmap)
command -v nft >/dev/null || missing+=(nftables)
[ -x /usr/bin/time ] || missing+=(time)
command -v python3 >/dev/null || missing+=(python3)
if [ "${#missing[@]}" -gt 0 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get -qq update
  DEBIAN_FRONTEND=noninteractive apt-get -qq install -y --no-install-recommends "${missing[@]}"
fi
if [ ! -f "$LAB_JAR" ] || [ ! -f "$SCANNER_JAR" ]; then
  ./mvnw -B -q -pl camera-lab,scanner -am package -DskipTests
fi

mkdir -p "$OUT"
WORK="$(mktemp -d /tmp/scanbench.XXXXXX)"
stop_lab() {
  if [ -n "$LAB_PID" ]; then
    kill "$LAB_PID" 2>/dev/null || true
    wait "$LAB_PID" 2>/dev/null || true
    LAB_PID=""
  fi
}
cleanup() {
  stop_lab
  ip netns del "$NS" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

netns_with_multicast_lo "$NS"
ip netns exec "$NS" nft -f - <<'NFT'
table inet silence {
  set cameras { type ipv4_addr; }
  chain out {
    type filter hook output priority 0; policy accept;
    icmp type destination-unreachable icmp code port-unreachable drop
    ip saddr != @cameras tcp flags & rst == rst drop
  }
}
NFT
in_ns() { ip netns exec "$NS" "$@"; }

# The bound: one socket, one WS-Discovery Probe per address at a fixed rate, one reply window.
cat > "$WORK/sweeper.py" <<'PY'
import ipaddress, socket, sys, time, uuid
network, rate, window = ipaddress.ip_network(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
message_id = str(uuid.uuid4())
probe = ('<?xml version="1.0" encoding="UTF-8"?><s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" '
         'xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing" xmlns:d="http://schemas.xmlsoap.org/ws/2005/04/discovery" '
         'xmlns:dn="http://www.onvif.org/ver10/network/wsdl"><s:Header><a:Action s:mustUnderstand="1">'
         'http://schemas.xmlsoap.org/ws/2005/04/discovery/Probe</a:Action><a:MessageID>urn:uuid:' + message_id +
         '</a:MessageID><a:To s:mustUnderstand="1">urn:schemas-xmlsoap-org:ws:2005:04:discovery</a:To></s:Header>'
         '<s:Body><d:Probe><d:Types>dn:NetworkVideoTransmitter</d:Types></d:Probe></s:Body></s:Envelope>').encode()
sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 8 << 20)
sock.setblocking(False)
found = set()
def drain():
    while True:
        try:
            data, (address, _) = sock.recvfrom(65535)
        except BlockingIOError:
            return
        if b"ProbeMatches" in data and message_id.encode() in data:
            found.add(address)
start = time.monotonic()
for sent, address in enumerate(network):
    due = start + sent / rate
    while time.monotonic() < due:
        drain()
    while True:
        try:
            sock.sendto(probe, (str(address), 3702))
            break
        except BlockingIOError:
            drain()
end = time.monotonic() + window
while time.monotonic() < end:
    drain()
    time.sleep(0.001)
print(len(found), round(time.monotonic() - start, 2))
PY

# Expected vs. found: found = reported addresses that hold a camera; identified = serial number
# equal to the manifest's, or (where no protocol can give one to a scanner without the camera's
# password) the manifest's manufacturer and model.
cat > "$WORK/evaluate.py" <<'PY'
import json, sys
manifest = json.load(open(sys.argv[1]))
found = {o["ip"]: o for o in json.load(open(sys.argv[2]))}
cameras = {c["ip"]: c for c in manifest}
hits = [ip for ip in found if ip in cameras]
identified = 0
for ip in hits:
    o, identity = found[ip], cameras[ip]["identity"]
    if o.get("serialNumber") == identity["serialNumber"] or (
            o.get("manufacturer") and o.get("model") == identity["model"]):
        identified += 1
print(len(cameras), len(hits), identified, len(set(found) - set(cameras)))
PY

# Site credentials: the account most of the fleet uses (some cameras keep another password, as in real estates).
cat > "$WORK/credentials.py" <<'PY'
import collections, json, sys
manifest = json.load(open(sys.argv[1]))
accounts = collections.Counter((c["onvif"]["username"], c["onvif"]["password"]) for c in manifest
                               if c.get("onvif", {}).get("username"))
user, password = accounts.most_common(1)[0][0]
print(json.dumps([{"cidr": sys.argv[2], "username": user, "password": password}]))
PY

SUMMARY="$OUT/summary.txt"
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(. /etc/os-release; echo "$PRETTY_NAME"), $(java -version 2>&1 | head -1)"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "scanner: --rate $SCANNER_RATE --timeout $WINDOW_MS --retries 0 --concurrency 128, site credentials; sweeper: $SWEEPER_RATE probes/s, ${WINDOW_MS} ms window"
  printf '%-22s %-14s %8s %7s %10s %8s %9s %7s\n' fleet run expected found identified "time s" "RSS MiB" "CPU s"
} > "$SUMMARY"

run_case() { # count cidr seed
  local count=$1 cidr=$2 seed=$3 name
  name="${count}-in-$(echo "$cidr" | tr '/' '_')"
  rm -f "$WORK/manifest.json"
  ip netns exec "$NS" java -jar "$LAB_JAR" --count "$count" --network "$cidr" --seed "$seed" \
    --manifest "$WORK/manifest.json" --multicast on --http-port 80 > "$OUT/$name-lab.log" 2>&1 &
  LAB_PID=$!
  for _ in $(seq 1 600); do
    [ -s "$WORK/manifest.json" ] && break
    kill -0 "$LAB_PID" 2>/dev/null || { cat "$OUT/$name-lab.log" >&2; fail "the lab exited"; }
    sleep 0.2
  done
  [ -s "$WORK/manifest.json" ] || fail "no manifest for $name"
  sleep 1
  cp "$WORK/manifest.json" "$OUT/$name-manifest.json"
  local ips
  ips=$(python3 -c "import json,sys; print(', '.join(c['ip'] for c in json.load(open(sys.argv[1]))))" "$WORK/manifest.json")
  in_ns nft flush set inet silence cameras
  in_ns nft add element inet silence cameras "{ $ips }"
  python3 "$WORK/credentials.py" "$WORK/manifest.json" "$cidr" > "$WORK/credentials.json"

  local jvm label
  for jvm in "" "$TUNED_JVM"; do
    label="default JVM"
    [ -n "$jvm" ] && label="C1 + SerialGC"
    # shellcheck disable=SC2086 # $jvm is a list of JVM options
    /usr/bin/time -f "%e %M %U %S" -o "$WORK/time.txt" ip netns exec "$NS" timeout 300 java $jvm -jar "$SCANNER_JAR" scan "$cidr" \
      --rate "$SCANNER_RATE" --timeout "$WINDOW_MS" --retries 0 --concurrency 128 --credentials "$WORK/credentials.json" \
      --format json --output "$OUT/$name-scan.json" 2> "$OUT/$name-scan.err" || fail "scanner failed on $name"
    read -r seconds rss_kib user_s sys_s < "$WORK/time.txt"
    read -r expected found identified extra < <(python3 "$WORK/evaluate.py" "$WORK/manifest.json" "$OUT/$name-scan.json")
    [ "$extra" = "0" ] || log "$name: $extra reported addresses hold no camera"
    printf '%-22s %-14s %8s %7s %10s %8s %9s %7s\n' "$count in $cidr" "$label" "$expected" "$found" "$identified" \
      "$seconds" "$((rss_kib / 1024))" "$(echo "$user_s + $sys_s" | bc)" | tee -a "$SUMMARY"
  done
  read -r swept sweep_seconds < <(in_ns python3 "$WORK/sweeper.py" "$cidr" "$SWEEPER_RATE" "$(echo "$WINDOW_MS/1000" | bc -l)")
  printf '%-22s %-14s %8s %7s %10s %8s %9s %7s\n' "$count in $cidr" "peer: sweeper" "$expected" "$swept" "-" \
    "$sweep_seconds" "-" "-" | tee -a "$SUMMARY"

  if [ "$count" = 20 ] && [ "$SKIP_NMAP" = false ]; then
    local start end nmap_found
    start=$(date +%s.%N)
    in_ns timeout 900 nmap -n -sU -p 3702 --script wsdd-discover -T4 --min-rate 5000 --max-retries 1 "$cidr" \
      > "$OUT/$name-nmap.txt" 2>&1 || true
    end=$(date +%s.%N)
    nmap_found=$(grep -oE 'https?://127\.[0-9.]+' "$OUT/$name-nmap.txt" | sed 's#.*//##' | sort -u | wc -l)
    echo "  peer nmap wsdd-discover (-T4 --min-rate 5000 --max-retries 1) on $cidr: $nmap_found/$expected found in $(printf '%.1f' "$(echo "$end - $start" | bc -l)") s" \
      | tee -a "$SUMMARY"
  fi
  stop_lab
}

log "fleets in namespace $NS; results in $OUT"
run_case 20 127.1.0.0/24 11
run_case 100 127.2.0.0/20 12
run_case 1000 127.4.0.0/16 13
cat "$SUMMARY"
