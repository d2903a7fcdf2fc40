#!/usr/bin/env bash
# camera-lab multicast end to end: in a private network namespace whose loopback has multicast,
# start the packaged lab and check Hello, multicast WS-Discovery, multicast SADP, nmap's
# broadcast-wsdd-discover / wsdd-discover, and Bye on SIGTERM. Needs root (ip netns).
# Builds nothing: expects camera-lab/target/quarkus-app/quarkus-run.jar (CI ran verify before).
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=../../.ci/lib/netns.sh
. .ci/lib/netns.sh

JAR=camera-lab/target/quarkus-app/quarkus-run.jar
PROBE=camera-lab/src/test/scripts/labprobe.py
NS="camlab-e2e-$$"
WORK="$(mktemp -d /tmp/camlab-e2e.XXXXXX)"
LAB_PID=""
LISTEN_PID=""

fail() { echo "20-camera-lab-multicast: FAIL: $*" >&2; exit 1; }
log() { echo "20-camera-lab-multicast: $*"; }

[ "$(id -u)" -eq 0 ] || fail "needs root for ip netns"
[ -f "$JAR" ] || fail "$JAR missing: run ./mvnw verify first"
missing=()
command -v nmap >/dev/null || missing+=(nmap)
command -v python3 >/dev/null || missing+=(python3)
command -v ip >/dev/null || missing+=(iproute2)
if [ "${#missing[@]}" -gt 0 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get -qq update
  DEBIAN_FRONTEND=noninteractive apt-get -qq install -y --no-install-recommends "${missing[@]}"
fi

cleanup() {
  for pid in $LAB_PID $LISTEN_PID; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in $LAB_PID $LISTEN_PID; do
    wait "$pid" 2>/dev/null || true
  done
  ip netns del "$NS" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

netns_with_multicast_lo "$NS"
in_ns() { timeout 60 ip netns exec "$NS" "$@"; }

cat > "$WORK/fleet.json" <<'JSON'
[
  {"ip": "127.0.20.1", "profile": "hikvision"},
  {"ip": "127.0.20.2", "profile": "dahua"},
  {"ip": "127.0.20.3", "profile": "axis"},
  {"ip": "127.0.20.4", "profile": "hikvision", "onvif": {"enabled": false}},
  {"ip": "127.0.20.5", "profile": "hikvision-oem"},
  {"ip": "127.0.20.6", "profile": "generic-onvif", "faults": ["silent"]}
]
JSON
ONVIF_IPS="127.0.20.1 127.0.20.2 127.0.20.3 127.0.20.5"
SADP_IPS="127.0.20.1 127.0.20.4 127.0.20.5"

timeout 120 ip netns exec "$NS" python3 "$PROBE" listen 90 > "$WORK/announcements.txt" &
LISTEN_PID=$!
sleep 1

ip netns exec "$NS" timeout 180 java -jar "$JAR" --fleet "$WORK/fleet.json" --manifest "$WORK/manifest.json" \
  --multicast on --http-port 80 > "$WORK/lab.log" 2>&1 &
LAB_PID=$!
for _ in $(seq 1 300); do
  [ -f "$WORK/manifest.json" ] && break
  kill -0 "$LAB_PID" 2>/dev/null || { cat "$WORK/lab.log" >&2; fail "the lab exited before writing its manifest"; }
  sleep 0.2
done
[ -f "$WORK/manifest.json" ] || fail "no manifest within 60 s"
log "lab started ($(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))))" "$WORK/manifest.json") cameras)"

same_set() { # expected, actual (space separated)
  [ "$(tr ' ' '\n' <<<"$1" | sort -u | xargs)" = "$(tr ' ' '\n' <<<"$2" | sort -u | xargs)" ]
}

wsd=$(in_ns python3 "$PROBE" wsd 239.255.255.250 --timeout 2 | awk '{print $1}' | xargs)
same_set "$ONVIF_IPS" "$wsd" || fail "multicast WS-Discovery answered by [$wsd], expected [$ONVIF_IPS]"
log "multicast WS-Discovery: $wsd"

sadp=$(in_ns python3 "$PROBE" sadp 239.255.255.250 --timeout 2 | awk '{print $1}' | xargs)
same_set "$SADP_IPS" "$sadp" || fail "multicast SADP answered by [$sadp], expected [$SADP_IPS]"
log "multicast SADP: $sadp"

in_ns nmap -e lo -n --script broadcast-wsdd-discover --script-args timeout=3s > "$WORK/nmap-broadcast.txt" 2>&1 || true
for ip in $ONVIF_IPS; do
  grep -q "$ip" "$WORK/nmap-broadcast.txt" || { cat "$WORK/nmap-broadcast.txt" >&2; fail "nmap broadcast-wsdd-discover did not list $ip"; }
done
grep -q "onvif/device_service" "$WORK/nmap-broadcast.txt" || fail "nmap broadcast-wsdd-discover shows no XAddrs"
log "nmap broadcast-wsdd-discover lists every ONVIF camera"

in_ns nmap -e lo -n -sU -p 3702 --script wsdd-discover 127.0.20.1 127.0.20.4 > "$WORK/nmap-unicast.txt" 2>&1 || true
grep -A8 "127.0.20.1" "$WORK/nmap-unicast.txt" | grep -q "device_service" \
  || { cat "$WORK/nmap-unicast.txt" >&2; fail "nmap wsdd-discover found no device service on 127.0.20.1"; }
if grep -A8 "127.0.20.4" "$WORK/nmap-unicast.txt" | grep -q "device_service"; then
  fail "ONVIF-disabled 127.0.20.4 answered WS-Discovery"
fi
log "nmap wsdd-discover: 127.0.20.1 answers, ONVIF-disabled 127.0.20.4 does not"

kill -TERM "$LAB_PID"
for _ in $(seq 1 100); do kill -0 "$LAB_PID" 2>/dev/null || break; sleep 0.1; done
kill -0 "$LAB_PID" 2>/dev/null && fail "the lab did not stop within 10 s of SIGTERM"
LAB_PID=""
sleep 1
kill "$LISTEN_PID" 2>/dev/null || true
wait "$LISTEN_PID" 2>/dev/null || true
LISTEN_PID=""
hello=$(awk '$1=="Hello"{print $2}' "$WORK/announcements.txt" | xargs)
bye=$(awk '$1=="Bye"{print $2}' "$WORK/announcements.txt" | xargs)
expected_announcers="$ONVIF_IPS 127.0.20.6"
same_set "$expected_announcers" "$hello" || fail "Hello from [$hello], expected [$expected_announcers]"
same_set "$expected_announcers" "$bye" || fail "Bye from [$bye], expected [$expected_announcers]"
log "Hello on start and Bye on SIGTERM from every ONVIF camera"
log "ok"
