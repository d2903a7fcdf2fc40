#!/usr/bin/env bash
# Startup time and memory of inventory-service and audit-service from their jars, in four modes:
#   jdk17        the default java (17), plain
#   jdk17-cds    the same with a dynamic AppCDS archive (-XX:ArchiveClassesAtExit in a training
#                run, then -XX:SharedArchiveFile), what quarkus.package.jar.appcds.enabled builds
#   jdk25        Temurin 25 (JAVA25_HOME, default /usr/lib/jvm/temurin-25-jdk-amd64), plain
#   jdk25-aot    the same with the JDK 25 AOT cache (JEP 483/514: -XX:AOTCacheOutput in a training
#                run, then -XX:AOTCache)
# Startup = from launching java to the first 200 from /q/health/ready (polled every 20 ms); Quarkus'
# own "started in" figure is reported too. RSS = VmRSS right after ready, and after 200 requests.
#
#   bench/startup.sh [RUNS]     (default 3 runs per mode and service; prints a Markdown table)
#
# Network: services listen on 127.1.0.1 (ports 18181, 18182); PostgreSQL on 127.0.0.1:55450, a
# private cluster under bench/out/startup/. Everything it starts is stopped by PID at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
CAMAUDIT_PROG=startup-bench
. deploy/local/lib.sh

runs="${1:-3}"
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive number"
java25_home="${JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
host=127.1.0.1
out="$PWD/bench/out/startup"
export CAMAUDIT_PG_DIR="$out/postgres" CAMAUDIT_PG_PORT=55450
declare -A port=([inventory-service]=18181 [audit-service]=18182)
services=(inventory-service audit-service)
modes=(jdk17 jdk17-cds)
[ -x "$java25_home/bin/java" ] && modes+=(jdk25 jdk25-aot) || echo "startup-bench: no JDK 25 at $java25_home; skipping its modes" >&2

for s in "${services[@]}"; do
  [ -f "$s/target/quarkus-app/quarkus-run.jar" ] || die "$s/target/quarkus-app/quarkus-run.jar is missing: ./mvnw -DskipTests package first"
  port_busy "$host" "${port[$s]}" && die "$host:${port[$s]} is busy"
done

cleanup() {
  for s in "${services[@]}"; do stop_pidfile "$out/$s.pid"; done
  stop_pidfile "$out/inventory-bg.pid"
  bash deploy/local/postgres.sh stop >/dev/null 2>&1 || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$out"
bash deploy/local/postgres.sh start >/dev/null
db_password="$(bash deploy/local/postgres.sh password)"
viewer_pw="$(random_password)"
reader_pw="$(random_password)"
accounts="bench:$viewer_pw:viewer,audit-reader:$reader_pw:viewer"

java_of() { case "$1" in jdk25*) echo "$java25_home/bin/java" ;; *) echo java ;; esac; }
cds_flags() { # MODE SERVICE PHASE(train|use)
  local archive="$out/$2-$1"
  case "$1:$3" in
    jdk17-cds:train) echo "-XX:ArchiveClassesAtExit=$archive.jsa" ;;
    jdk17-cds:use) echo "-XX:SharedArchiveFile=$archive.jsa" ;;
    jdk25-aot:train) echo "-XX:AOTCacheOutput=$archive.aot" ;;
    jdk25-aot:use) echo "-XX:AOTCache=$archive.aot" ;;
  esac
}

# Starts SERVICE in MODE (PHASE train|use), waits for readiness; prints "startup_ms quarkus_ms rss_ready rss_loaded".
measure() {
  local service="$1" mode="$2" phase="$3"
  local jar="$service/target/quarkus-app/quarkus-run.jar" log="$out/$service-$mode-$phase.log"
  local -a env_vars=(DB_URL="$(bash deploy/local/postgres.sh url "${service%-service}")" DB_USER=camaudit
    DB_PASSWORD="$db_password" CAMAUDIT_ACCOUNTS="$accounts")
  [ "$service" = audit-service ] && env_vars+=(INVENTORY_URL="http://$host:${port[inventory-service]}"
    INVENTORY_USER=audit-reader INVENTORY_PASSWORD="$reader_pw")
  local t0 ready pid quarkus rss_ready rss_loaded
  # shellcheck disable=SC2046
  t0="$(now_ms)"
  start_process "$out/$service.pid" "$log" "$jar" env "${env_vars[@]}" "$(java_of "$mode")" \
    $(cds_flags "$mode" "$service" "$phase") \
    -Dquarkus.http.host="$host" -Dquarkus.http.port="${port[$service]}" -jar "$jar"
  pid="$(recorded_pid "$out/$service.pid")"
  while ! curl -fsS -o /dev/null --max-time 1 "http://$host:${port[$service]}/q/health/ready" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { tail -n 20 "$log" >&2; die "$service ($mode) exited during startup"; }
    [ $(( $(now_ms) - t0 )) -lt 120000 ] || die "$service ($mode) not ready within 120 s"
    sleep 0.02
  done
  ready=$(( $(now_ms) - t0 ))
  rss_ready="$(rss_mib "$pid")"
  local path=/api/v1/devices
  [ "$service" = audit-service ] && path=/api/v1/findings
  for _ in $(seq 200); do
    curl -fsS -o /dev/null -u "bench:$viewer_pw" "http://$host:${port[$service]}$path" || true
  done
  rss_loaded="$(rss_mib "$pid")"
  quarkus="$(grep -o 'started in [0-9.]*s' "$log" | head -1 | grep -o '[0-9.]*' | awk '{ printf "%d", $1 * 1000 }')"
  # the archive or cache of a training run is written when the JVM exits
  stop_pidfile "$out/$service.pid" 60
  echo "$ready ${quarkus:-0} $rss_ready $rss_loaded"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# inventory-service must run while audit-service starts (its readiness may check the inventory).
start_inventory_background() {
  start_process "$out/inventory-bg.pid" "$out/inventory-bg.log" "inventory-service/target/quarkus-app/quarkus-run.jar" \
    env DB_URL="$(bash deploy/local/postgres.sh url inventory)" DB_USER=camaudit DB_PASSWORD="$db_password" \
    CAMAUDIT_ACCOUNTS="$accounts" java -Dquarkus.http.host="$host" -Dquarkus.http.port=18183 \
    -jar inventory-service/target/quarkus-app/quarkus-run.jar
  wait_ready inventory-service "http://$host:18183/q/health/ready" "$out/inventory-bg.pid" 120 "$out/inventory-bg.log"
}

{
  echo "| service | mode | startup to ready (ms, median of $runs) | Quarkus \"started in\" (ms) | RSS at ready (MiB) | RSS after 200 requests (MiB) |"
  echo "|---|---|---:|---:|---:|---:|"
} >"$out/table.md"
echo "startup-bench: load average before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$out/load.txt"
for service in "${services[@]}"; do
  if [ "$service" = audit-service ]; then
    port[inventory-service]=18183
    start_inventory_background
  fi
  # training runs write the CDS archive and the AOT cache
  for mode in "${modes[@]}"; do
    case "$mode" in
      *-cds|*-aot)
        rm -f "$out/$service-$mode".jsa "$out/$service-$mode".aot
        measure "$service" "$mode" train >/dev/null ;;
    esac
    : >"$out/samples-$service-$mode"
  done
  # modes take turns within each round, so a change in the machine's load hits them alike
  for _ in $(seq "$runs"); do
    for mode in "${modes[@]}"; do
      measure "$service" "$mode" use >>"$out/samples-$service-$mode"
    done
  done
  for mode in "${modes[@]}"; do
    samples="$out/samples-$service-$mode"
    printf '| %s | %s | %s | %s | %s | %s |\n' "$service" "$mode" \
      "$(cut -d' ' -f1 "$samples" | median)" "$(cut -d' ' -f2 "$samples" | median)" \
      "$(cut -d' ' -f3 "$samples" | median)" "$(cut -d' ' -f4 "$samples" | median)" | tee -a "$out/table.md"
  done
  [ "$service" = audit-service ] && stop_pidfile "$out/inventory-bg.pid"
done
echo "startup-bench: load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/load.txt"
echo
cat "$out/table.md"
