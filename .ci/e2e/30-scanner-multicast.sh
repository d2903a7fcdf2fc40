#!/usr/bin/env bash
# scanner multicast end to end: in a private network namespace whose loopback has multicast,
# start a camera-lab fleet and prove the scanner finds every camera by multicast WS-Discovery,
# SADP and DHIP alone (unicast probes to UDP 3702 and 37810 are dropped in the namespace), that a full
# scan identifies each one (serial numbers equal to the lab's manifest), and that a firewall that
# drops closed ports costs the scan about one timeout, not one per port. Needs root (ip netns).
# Builds nothing: expects the camera-lab and scanner jars (CI ran ./mvnw verify before).
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=../../.ci/lib/netns.sh
. .ci/lib/netns.sh

LAB_JAR=camera-lab/target/quarkus-app/quarkus-run.jar
SCANNER_JAR=scanner/target/quarkus-app/quarkus-run.jar
NS="scanner-e2e-$$"
WORK="$(mktemp -d /tmp/scanner-e2e.XXXXXX)"
LAB_PID=""

fail() { echo "30-scanner-multicast: FAIL: $*" >&2; exit 1; }
log() { echo "30-scanner-multicast: $*"; }

[ "$(id -u)" -eq 0 ] || fail "needs root for ip netns"
[ -f "$LAB_JAR" ] || fail "$LAB_JAR missing: run ./mvnw verify first"
[ -f "$SCANNER_JAR" ] || fail "$SCANNER_JAR missing: run ./mvnw verify first"
missing=()
command -v python3 >/dev/null || missing+=(python3)
command -v ip >/dev/null || missing+=(iproute2)
command -v iptables >/dev/null || missing+=(iptables)
if [ "${#missing[@]}" -gt 0 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get -qq update
  DEBIAN_FRONTEND=noninteractive apt-get -qq install -y --no-install-recommends "${missing[@]}"
fi

cleanup() {
  if [ -n "$LAB_PID" ]; then
    kill "$LAB_PID" 2>/dev/null || true
    wait "$LAB_PID" 2>/dev/null || true
  fi
  ip netns del "$NS" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

netns_with_multicast_lo "$NS"
# Only multicast may reach the discovery ports: unicast WS-Discovery probes are dropped.
ip netns exec "$NS" iptables -A OUTPUT -p udp --dport 3702 ! -d 224.0.0.0/4 -j DROP
ip netns exec "$NS" iptables -A OUTPUT -p udp --dport 37810 ! -d 224.0.0.0/4 -j DROP
in_ns() { timeout 120 ip netns exec "$NS" "$@"; }

cat > "$WORK/fleet.json" <<'JSON'
[
  {"ip": "127.0.30.1", "profile": "hikvision"},
  {"ip": "127.0.30.2", "profile": "dahua"},
  {"ip": "127.0.30.3", "profile": "axis"},
  {"ip": "127.0.30.4", "profile": "hikvision", "onvif": {"enabled": false}},
  {"ip": "127.0.30.5", "profile": "hikvision-oem"},
  {"ip": "127.0.30.6", "profile": "bosch", "onvif": {"enabled": true, "auth": "none"}},
  {"ip": "127.0.30.7", "profile": "uniview"},
  {"ip": "127.0.30.8", "profile": "generic-onvif", "faults": ["silent"]}
]
JSON

ip netns exec "$NS" timeout 300 java -jar "$LAB_JAR" --fleet "$WORK/fleet.json" --manifest "$WORK/manifest.json" \
  --multicast on --sadp-unicast false --http-port 80 > "$WORK/lab.log" 2>&1 &
LAB_PID=$!
for _ in $(seq 1 300); do
  [ -s "$WORK/manifest.json" ] && break
  kill -0 "$LAB_PID" 2>/dev/null || { cat "$WORK/lab.log" >&2; fail "the lab exited before writing its manifest"; }
  sleep 0.2
done
[ -s "$WORK/manifest.json" ] || fail "no manifest within 60 s"
sleep 0.5
log "lab started: $(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))))" "$WORK/manifest.json") cameras"

# 1. Discovery by multicast only.
in_ns java -jar "$SCANNER_JAR" scan 127.0.30.0/24 --methods ws-discovery,sadp,dhip --interface lo --timeout 1500 \
  --format json --output "$WORK/multicast.json" 2> "$WORK/scan1.err" || { cat "$WORK/scan1.err" >&2; fail "multicast scan failed"; }
python3 - "$WORK/manifest.json" "$WORK/multicast.json" <<'PY' || fail "multicast discovery incomplete"
import json, sys
manifest = json.load(open(sys.argv[1]))
found = {o["ip"]: o for o in json.load(open(sys.argv[2]))}
errors = []
for camera in manifest:
    ip, faults = camera["ip"], camera.get("faults") or []
    onvif = (camera.get("onvif") or {}).get("enabled", True)
    hikvision_firmware = camera["profile"] in ("hikvision", "hikvision-oem")
    if "silent" in faults:
        if ip in found:
            errors.append(f"{ip}: a silent camera was reported")
        continue
    if ip not in found:
        errors.append(f"{ip} ({camera['profile']}): not found by multicast")
        continue
    methods = set(found[ip]["discoveredBy"])
    if onvif and "ws-discovery" not in methods:
        errors.append(f"{ip}: ONVIF camera not found by multicast WS-Discovery ({sorted(methods)})")
    if hikvision_firmware:
        if "sadp" not in methods:
            errors.append(f"{ip}: Hikvision firmware not found by SADP ({sorted(methods)})")
        elif found[ip].get("serialNumber") != camera["identity"]["serialNumber"]:
            errors.append(f"{ip}: SADP serial {found[ip].get('serialNumber')} != {camera['identity']['serialNumber']}")
    if camera["profile"].startswith("dahua") and "dhip" not in methods:
        errors.append(f"{ip}: Dahua firmware not found by DHIP multicast ({sorted(methods)})")
    if not onvif and "ws-discovery" in methods:
        errors.append(f"{ip}: ONVIF-disabled camera answered WS-Discovery")
extra = set(found) - {c["ip"] for c in manifest}
if extra:
    errors.append(f"reported addresses without a camera: {sorted(extra)}")
print("\n".join(errors) if errors else f"multicast: {len(found)} cameras found")
sys.exit(1 if errors else 0)
PY
log "every camera found by multicast WS-Discovery, SADP or DHIP; the ONVIF-disabled Hikvision by SADP, Dahua by DHIP"

# 2. A full scan (multicast discovery, then HTTP and ONVIF with each camera's account) identifies them.
python3 - "$WORK/manifest.json" > "$WORK/credentials.json" <<'PY'
import json, sys
print(json.dumps([{"cidr": c["ip"] + "/32", "username": c["onvif"]["username"], "password": c["onvif"]["password"]}
                  for c in json.load(open(sys.argv[1])) if c.get("onvif", {}).get("username")]))
PY
in_ns java -jar "$SCANNER_JAR" scan 127.0.30.0/24 --interface lo --credentials "$WORK/credentials.json" --timeout 1500 \
  --format json --output "$WORK/full.json" 2> "$WORK/scan2.err" || { cat "$WORK/scan2.err" >&2; fail "full scan failed"; }
grep -q "Camlab\|password" "$WORK/scan2.err" && fail "a password appeared in the scanner's messages"
python3 - "$WORK/manifest.json" "$WORK/full.json" <<'PY' || fail "identification incomplete"
import json, sys
manifest = json.load(open(sys.argv[1]))
found = {o["ip"]: o for o in json.load(open(sys.argv[2]))}
errors = []
for camera in manifest:
    ip = camera["ip"]
    if "silent" in (camera.get("faults") or []):
        continue
    observation = found.get(ip)
    if observation is None:
        errors.append(f"{ip}: not found")
        continue
    if observation.get("serialNumber") != camera["identity"]["serialNumber"]:
        errors.append(f"{ip}: serial {observation.get('serialNumber')} != {camera['identity']['serialNumber']}")
    if not observation.get("manufacturer"):
        errors.append(f"{ip}: no manufacturer")
print("\n".join(errors) if errors else f"full scan: {len(found)} cameras identified")
sys.exit(1 if errors else 0)
PY
log "full scan identifies every camera (serial numbers match the manifest)"

# 3. Behind a firewall that drops closed ports, each device's ports are probed at once: the drop
#    costs about one timeout for the whole scan, not one per closed port of each device.
scan_millis() {
  local start end
  start=$(date +%s%N)
  # the silent camera is left out: its open, mute web port costs its whole device budget either way
  in_ns java -jar "$SCANNER_JAR" scan 127.0.30.0/24 --exclude 127.0.30.8 --interface lo \
    --credentials "$WORK/credentials.json" --timeout 1000 --format json --output "$WORK/$1.json" 2> "$WORK/$1.err" \
    || { cat "$WORK/$1.err" >&2; fail "$1 scan failed"; }
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}
answering=$(scan_millis closed-answer)
ip netns exec "$NS" iptables -A INPUT -p tcp --syn -d 127.0.30.0/24 -m multiport --dports 443,554,8000,8080,37777 -j DROP
dropping=$(scan_millis closed-drop)
[ "$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))))" "$WORK/closed-drop.json")" -eq \
  "$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))))" "$WORK/closed-answer.json")" ] \
  || fail "the dropping firewall changed what was found"
log "closed ports answering: ${answering} ms; dropped: ${dropping} ms (5 filtered ports per device)"
[ "$dropping" -le $(( answering + 2500 )) ] || fail "filtered ports cost more than one timeout per device"
log "ok"
