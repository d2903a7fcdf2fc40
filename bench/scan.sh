#!/usr/bin/env bash
# Scanner benchmark, in a private network namespace (created and removed here) on its loopback,
# addresses 127.2.0.0/20 and 127.4.0.0/16 of that namespace only. Dead addresses are silent as on a
# real network (outgoing ICMP port-unreachable and TCP resets from addresses without a camera are
# dropped), and so are closed ports (resets from the camera ports are dropped too): the firewall
# case, where every closed port costs a timeout unless a device's ports are probed together.
#
# Cases, each beside its bare peer and nmap, measured in the same run:
#   A. 100 cameras in a /20, --no-tcp-sweep (UDP discovery) at 40,000 probes/s (20,000 addresses/s)
#      vs a one-socket WS-Discovery sweep at 20,000 probes/s.
#   B. the same /20 with default options vs a bare sweep that sends the WS-Discovery probe and
#      connect-sweeps the same ports at the same rate; nmap -sT on the same ports and rate.
#   C. 1,000 cameras in a /16 with default options: the README's command (scanner/camaudit-scan),
#      the default JVM (java -jar), and the README's command at --rate 40000; bare sweep and nmap -sT
#      at the default rate.
#
# Usage: bench/scan.sh [--skip-nmap] [--only=ABC] [--scanners-only] [--jfr]
#   (root; installs nmap, nftables and GNU time if missing)
#   --scanners-only: the scanner runs of each case without their peers (for before/after profiles)
#   SCAN_BASELINE_JAR=DIR/quarkus-run.jar: B and C also run that (earlier) build with the default JVM,
#          so before and after are measured in the same run
#   --jfr: each scanner run also writes a JFR recording (settings=profile: execution samples and
#          allocation) to bench/out/scan/NAME.jfr; it costs some CPU, so time such runs apart
# Results: printed, and kept in bench/out/scan/ (JSON results, logs, summary.txt).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=../.ci/lib/netns.sh
. .ci/lib/netns.sh

SKIP_NMAP=false
ONLY=""
PEERS=true
JFR=false
for arg in "$@"; do
  case "$arg" in
    --skip-nmap) SKIP_NMAP=true ;;
    --only=*) ONLY="${arg#--only=}" ;;   # --only=AB, --only=C: run those cases only
    --scanners-only) PEERS=false; SKIP_NMAP=true ;;
    --jfr) JFR=true ;;
    *) echo "usage: bench/scan.sh [--skip-nmap] [--only=ABC] [--scanners-only] [--jfr]" >&2; exit 2 ;;
  esac
done
wants() { [ -z "$ONLY" ] || [[ "$ONLY" == *"$1"* ]]; }

LAB_JAR=camera-lab/target/quarkus-app/quarkus-run.jar
SCANNER_JAR=scanner/target/quarkus-app/quarkus-run.jar
LAUNCHER=scanner/camaudit-scan
BASELINE_JAR=${SCAN_BASELINE_JAR:-}
OUT=bench/out/scan
NS="scanbench-$$"
LAB_PID=""
PORTS=80,443,554,8000,8080,37777   # the scanner's default --ports
DEFAULT_RATE=5000                  # the scanner's default --rate (UDP and TCP probes together)
TIMEOUT_MS=1000                    # the scanner's default --timeout; the bare sweeps' window

fail() { echo "scan.sh: FAIL: $*" >&2; exit 1; }
log() { echo "scan.sh: $*"; }

[ "$(id -u)" -eq 0 ] || fail "needs root for ip netns and nft"
missing=()
command -v nmap >/dev/null || missing+=(nmap)
command -v nft >/dev/null || missing+=(nftables)
[ -x /usr/bin/time ] || missing+=(time)
command -v python3 >/dev/null || missing+=(python3)
command -v bc >/dev/null || missing+=(bc)
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
ip netns exec "$NS" nft -f - <<NFT
table inet silence {
  set cameras { type ipv4_addr; }
  chain out {
    type filter hook output priority 0; policy accept;
    icmp type destination-unreachable icmp code port-unreachable drop
    ip saddr != @cameras tcp flags & rst == rst drop
    tcp sport { $PORTS } tcp flags & (syn | rst) == rst drop
  }
}
NFT
in_ns() { ip netns exec "$NS" "$@"; }

# The bound: one socket, one WS-Discovery Probe per address at a fixed rate, one reply window.
cat > "$WORK/sweeper.py" <<'PY'
# The bare peer: one UDP socket sends one WS-Discovery Probe per address and, with a port list,
# one non-blocking connect per port per address from one selector, all at one fixed probe rate;
# then one window for replies. Found = addresses that answered the Probe or have an open port.
import ipaddress, resource, selectors, socket, sys, time, uuid
MAX_PENDING = 8192   # connects in flight at once, as the scanner's max-pending-connects
resource.setrlimit(resource.RLIMIT_NOFILE, (resource.getrlimit(resource.RLIMIT_NOFILE)[1],) * 2)
network, rate, window = ipaddress.ip_network(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
ports = [int(p) for p in sys.argv[4].split(",")] if len(sys.argv) > 4 and sys.argv[4] else []
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
sel = selectors.DefaultSelector()
pending = {}   # socket -> (address, deadline)
found = set()
def drain():
    while True:
        try:
            data, (address, _) = sock.recvfrom(65535)
        except BlockingIOError:
            break
        if b"ProbeMatches" in data and message_id.encode() in data:
            found.add(address)
    if pending:
        for key, _ in sel.select(0):
            s = key.fileobj
            if s.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR) == 0:
                found.add(pending[s][0])
            sel.unregister(s); s.close(); del pending[s]
        now = time.monotonic()
        for s in [s for s, (_, deadline) in pending.items() if deadline < now]:
            sel.unregister(s); s.close(); del pending[s]
start = time.monotonic()
sent = 0
for address in network:
    host = str(address)
    for kind in [None] + ports:
        due = start + sent / rate
        while time.monotonic() < due or len(pending) >= MAX_PENDING:
            drain()
        if kind is None:
            while True:
                try:
                    sock.sendto(probe, (host, 3702)); break
                except BlockingIOError:
                    drain()
        else:
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.setblocking(False)
            s.connect_ex((host, kind))
            sel.register(s, selectors.EVENT_WRITE)
            pending[s] = (host, time.monotonic() + window)
        sent += 1
end = time.monotonic() + window
while time.monotonic() < end or (pending and time.monotonic() < end + window):
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
  echo "closed ports and dead addresses silent; --timeout $TIMEOUT_MS; site credentials"
  printf '%-20s %-44s %8s %6s %10s %7s %7s %6s %6s %6s\n' fleet run expected found identified "time s" "RSS MiB" \
    "CPU s" "user s" "sys s"
} > "$SUMMARY"
row() { printf '%-20s %-44s %8s %6s %10s %7s %7s %6s %6s %6s\n' "$@" | tee -a "$SUMMARY"; }

start_lab() { # count cidr seed name
  rm -f "$WORK/manifest.json"
  ip netns exec "$NS" java -jar "$LAB_JAR" --count "$1" --network "$2" --seed "$3" \
    --manifest "$WORK/manifest.json" --multicast on --http-port 80 > "$OUT/$4-lab.log" 2>&1 &
  LAB_PID=$!
  for _ in $(seq 1 600); do
    [ -s "$WORK/manifest.json" ] && break
    kill -0 "$LAB_PID" 2>/dev/null || { cat "$OUT/$4-lab.log" >&2; fail "the lab exited"; }
    sleep 0.2
  done
  [ -s "$WORK/manifest.json" ] || fail "no manifest for $4"
  sleep 1
  cp "$WORK/manifest.json" "$OUT/$4-manifest.json"
  local ips
  ips=$(python3 -c "import json,sys; print(', '.join(c['ip'] for c in json.load(open(sys.argv[1]))))" "$WORK/manifest.json")
  in_ns nft flush set inet silence cameras
  in_ns nft add element inet silence cameras "{ $ips }"
  python3 "$WORK/credentials.py" "$WORK/manifest.json" "$2" > "$WORK/credentials.json"
}

scan() { # fleet-label run-label name cidr "command" [scan options...]
  local fleet=$1 label=$2 name=$3 cidr=$4 command=$5
  shift 5
  local jfr=()
  if [ "$JFR" = true ]; then
    rm -f "$OUT/$name.jfr"
    # JDK_JAVA_OPTIONS reaches the JVM of both the launcher and java -jar
    jfr=("JDK_JAVA_OPTIONS=-XX:StartFlightRecording=filename=$OUT/$name.jfr,settings=profile")
  fi
  # shellcheck disable=SC2086 # $command is a program and its JVM arguments
  env "${jfr[@]}" /usr/bin/time -f "%e %M %U %S" -o "$WORK/time.txt" ip netns exec "$NS" timeout 900 \
    $command scan "$cidr" "$@" \
    --credentials "$WORK/credentials.json" --format json --output "$OUT/$name-scan.json" 2> "$OUT/$name-scan.err" \
    || fail "scanner failed on $name"
  local seconds rss_kib user_s sys_s expected found identified extra
  read -r seconds rss_kib user_s sys_s < "$WORK/time.txt"
  read -r expected found identified extra < <(python3 "$WORK/evaluate.py" "$WORK/manifest.json" "$OUT/$name-scan.json")
  [ "$extra" = "0" ] || log "$name: $extra reported addresses hold no camera"
  row "$fleet" "$label" "$expected" "$found" "$identified" "$seconds" "$((rss_kib / 1024))" "$(echo "$user_s + $sys_s" | bc)" \
    "$user_s" "$sys_s"
}

bare() { # fleet-label run-label cidr rate ports
  [ "$PEERS" = true ] || return 0
  local swept seconds
  /usr/bin/time -f "%U %S" -o "$WORK/time.txt" ip netns exec "$NS" python3 "$WORK/sweeper.py" "$3" "$4" \
    "$(echo "$TIMEOUT_MS/1000" | bc -l)" "$5" > "$WORK/sweep.txt"
  read -r swept seconds < "$WORK/sweep.txt"
  read -r user_s sys_s < "$WORK/time.txt"
  row "$1" "$2" "$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))))" "$WORK/manifest.json")" \
    "$swept" "-" "$seconds" "-" "$(echo "$user_s + $sys_s" | bc)" "$user_s" "$sys_s"
}

nmap_connect() { # fleet-label cidr rate
  [ "$SKIP_NMAP" = false ] || return 0
  local start end open_hosts
  start=$(date +%s.%N)
  /usr/bin/time -f "%U %S" -o "$WORK/time.txt" ip netns exec "$NS" timeout 900 nmap -n -sT -Pn -p "$PORTS" \
    --min-rate "$3" --max-rate "$3" --max-retries 0 --open -oG "$WORK/nmap.txt" "$2" > /dev/null 2>&1 || true
  end=$(date +%s.%N)
  open_hosts=$(grep -c 'Ports:.*/open/' "$WORK/nmap.txt" || true)
  read -r user_s sys_s < "$WORK/time.txt"
  row "$1" "peer: nmap -sT -p PORTS --min-rate $3" "-" "$open_hosts" "-" "$(printf '%.1f' "$(echo "$end - $start" | bc -l)")" "-" \
    "$(echo "$user_s + $sys_s" | bc)" "$user_s" "$sys_s"
}

log "fleets in namespace $NS; results in $OUT"
# A and B: 100 cameras in a /20.
if wants A || wants B; then
start_lab 100 127.2.0.0/20 12 100-in-20
fi
if wants A; then
scan "100 in /20" "A: --no-tcp-sweep --rate 40000, default JVM" a-100 127.2.0.0/20 \
  "java -jar $SCANNER_JAR" --no-tcp-sweep --rate 40000
scan "100 in /20" "A: --no-tcp-sweep --rate 40000, camaudit-scan" a-100-launcher 127.2.0.0/20 \
  "$LAUNCHER" --no-tcp-sweep --rate 40000
bare "100 in /20" "A peer: WS-Discovery sweep 20000/s" 127.2.0.0/20 20000 ""
fi
if wants B; then
scan "100 in /20" "B: defaults, camaudit-scan" b-100-launcher 127.2.0.0/20 "$LAUNCHER"
scan "100 in /20" "B: defaults, default JVM" b-100 127.2.0.0/20 "java -jar $SCANNER_JAR"
[ -z "$BASELINE_JAR" ] || scan "100 in /20" "B: defaults, default JVM, baseline build" b-100-baseline 127.2.0.0/20 \
  "java -jar $BASELINE_JAR"
bare "100 in /20" "B peer: WS-D + connect sweep ${DEFAULT_RATE}/s" 127.2.0.0/20 "$DEFAULT_RATE" "$PORTS"
nmap_connect "100 in /20" 127.2.0.0/20 "$DEFAULT_RATE"
fi
stop_lab
# C: 1,000 cameras in a /16.
if wants C; then
start_lab 1000 127.4.0.0/16 13 1000-in-16
scan "1000 in /16" "C: README command (camaudit-scan), defaults" c-1000-launcher 127.4.0.0/16 "$LAUNCHER"
scan "1000 in /16" "C: java -jar (default JVM), defaults" c-1000 127.4.0.0/16 "java -jar $SCANNER_JAR"
[ -z "$BASELINE_JAR" ] || scan "1000 in /16" "C: java -jar, defaults, baseline build" c-1000-baseline 127.4.0.0/16 \
  "java -jar $BASELINE_JAR"
scan "1000 in /16" "C: camaudit-scan --rate 40000" c-1000-40k 127.4.0.0/16 "$LAUNCHER" --rate 40000
bare "1000 in /16" "C peer: WS-D + connect sweep ${DEFAULT_RATE}/s" 127.4.0.0/16 "$DEFAULT_RATE" "$PORTS"
bare "1000 in /16" "C peer: WS-D + connect sweep 40000/s" 127.4.0.0/16 40000 "$PORTS"
nmap_connect "1000 in /16" 127.4.0.0/16 "$DEFAULT_RATE"
stop_lab
fi
cat "$SUMMARY"
