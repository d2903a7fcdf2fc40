#!/usr/bin/env bash
# Startup time, CPU and memory of inventory-service, audit-service and the scanner from their jars,
# plain JDK 17 against the container images' way (JDK 25, deploy/jvm/*.options, AOT cache), in
# four modes taking turns within each round:
#   jdk17        the default java (17), `java -jar` with no options: how the services ran before
#   jdk17-opts   the same with the images' JVM options (deploy/jvm/service.options or scanner.options,
#                services with -XX:MaxRAM=256m, i.e. sized as in a 256 MiB container)
#   jdk25-opts   Temurin 25 (JAVA25_HOME, default /usr/lib/jvm/temurin-25-jdk-amd64), same options
#   jdk25-aot    the same with the AOT cache that deploy/aot/train.sh makes (as the images do)
# Services: startup = launching java until the first 200 from /q/health/ready (polled every 20 ms);
# CPU = user+system seconds of the JVM at that moment (the machine is shared: CPU-seconds compare
# better than wall time); RSS at ready and after 200 authenticated list requests.
# Scanner: `scanner --help` from launch to exit, its CPU seconds and peak RSS.
#
#   bench/startup.sh [RUNS]    (default 3 runs per mode; prints Markdown tables)
#
# QUARKUS_APP=target/aot-build measures another packaging of the same modules (e.g. one built with
# -Dquarkus.package.jar.type=aot-jar -Dquarkus.package.output-directory=aot-build); default
# target/quarkus-app. Network: services on 127.1.0.1 (ports 18181, 18182); PostgreSQL on
# 127.0.0.1:55450, a private cluster under bench/out/startup/. Everything it starts is stopped by PID.
set -euo pipefail
cd "$(dirname "$0")/.."
CAMAUDIT_PROG=startup-bench
. deploy/local/lib.sh

runs="${1:-3}"
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive number"
java25_home="${JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
java25="$java25_home/bin/java"
quarkus_app="${QUARKUS_APP:-target/quarkus-app}"
host=127.1.0.1
out="$PWD/bench/out/startup"
export CAMAUDIT_PG_DIR="$out/postgres" CAMAUDIT_PG_PORT=55450
declare -A port=([inventory-service]=18181 [audit-service]=18182)
services=(inventory-service audit-service)
modes=(jdk17 jdk17-opts)
[ -x "$java25" ] && modes+=(jdk25-opts jdk25-aot) || echo "startup-bench: no JDK 25 at $java25_home; skipping its modes" >&2

app_of() { echo "$1/$quarkus_app"; }
for m in "${services[@]}" scanner; do
  [ -f "$(app_of "$m")/quarkus-run.jar" ] || die "$(app_of "$m")/quarkus-run.jar is missing: ./mvnw -DskipTests package first"
done
for s in "${services[@]}"; do
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
# the caches, made by the images' training procedure when missing or stale
if [ -x "$java25" ]; then
  for m in "${services[@]}" scanner; do
    if aot_cache_stale "$(app_of "$m")" "$java25"; then
      echo "startup-bench: training the AOT cache of $m (deploy/aot/train.sh)" >&2
      JAVA="$java25" INVENTORY_APP_DIR="$(app_of inventory-service)" CAMERA_LAB_APP_DIR="camera-lab/target/quarkus-app" \
        bash deploy/aot/train.sh "$m" "$(app_of "$m")" >&2
    fi
  done
fi

bash deploy/local/postgres.sh start >/dev/null
db_password="$(bash deploy/local/postgres.sh password)"
viewer_pw="$(random_password)"
reader_pw="$(random_password)"
accounts="bench:$viewer_pw:viewer,audit-reader:$reader_pw:viewer"

# The java command and options of MODE for MODULE.
command_of() { # MODE MODULE
  local options=deploy/jvm/service.options extra=-XX:MaxRAM=256m
  if [ "$2" = scanner ]; then options=deploy/jvm/scanner.options; extra=""; fi
  case "$1" in
    jdk17) echo "java" ;;
    jdk17-opts) echo "java @$options $extra" ;;
    jdk25-opts) echo "$java25 @$options $extra" ;;
    jdk25-aot) echo "$java25 @$options $extra -XX:AOTCache=$(app_of "$2")/app.aot" ;;
  esac
}
cpu_seconds() { awk '{ printf "%.2f", ($14 + $15) / 100 }' "/proc/$1/stat"; }

# Starts SERVICE in MODE, waits for readiness; prints "startup_ms cpu_s rss_ready rss_loaded".
measure_service() {
  local service="$1" mode="$2"
  local jar; jar="$(app_of "$service")/quarkus-run.jar"
  local log="$out/$service-$mode.log"
  local -a env_vars=(DB_URL="$(bash deploy/local/postgres.sh url "${service%-service}")" DB_USER=camaudit
    DB_PASSWORD="$db_password" CAMAUDIT_ACCOUNTS="$accounts")
  [ "$service" = audit-service ] && env_vars+=(INVENTORY_URL="http://$host:18183"
    INVENTORY_USER=audit-reader INVENTORY_PASSWORD="$reader_pw")
  local t0 ready pid cpu rss_ready rss_loaded
  t0="$(now_ms)"
  # shellcheck disable=SC2046 # command_of prints a command and its options
  start_process "$out/$service.pid" "$log" "$jar" env "${env_vars[@]}" $(command_of "$mode" "$service") \
    -Dquarkus.http.host="$host" -Dquarkus.http.port="${port[$service]}" -jar "$jar"
  pid="$(recorded_pid "$out/$service.pid")"
  while ! curl -fsS -o /dev/null --max-time 1 "http://$host:${port[$service]}/q/health/ready" 2>/dev/null; do
    # under heavy load a start can miss the 5 s database acquisition timeout: the caller retries once
    kill -0 "$pid" 2>/dev/null || { tail -n 5 "$log" >&2; echo "startup-bench: $service ($mode) exited during startup" >&2; return 1; }
    [ $(( $(now_ms) - t0 )) -lt 120000 ] || die "$service ($mode) not ready within 120 s"
    sleep 0.02
  done
  ready=$(( $(now_ms) - t0 ))
  cpu="$(cpu_seconds "$pid")"
  rss_ready="$(rss_mib "$pid")"
  local path=/api/v1/devices
  [ "$service" = audit-service ] && path=/api/v1/findings
  for _ in $(seq 200); do
    curl -fsS -o /dev/null -u "bench:$viewer_pw" "http://$host:${port[$service]}$path" || true
  done
  rss_loaded="$(rss_mib "$pid")"
  stop_pidfile "$out/$service.pid" 60
  echo "$ready $cpu $rss_ready $rss_loaded"
}

# Runs `scanner --help` in MODE; prints "wall_ms cpu_s peak_rss_mib".
measure_scanner() {
  local mode="$1" t0 wall
  t0="$(now_ms)"
  # shellcheck disable=SC2046
  /usr/bin/time -f '%U %S %M' -o "$out/scanner-time.txt" $(command_of "$mode" scanner) \
    -jar "$(app_of scanner)/quarkus-run.jar" --help >"$out/scanner-$mode.log" 2>&1 || die "scanner --help failed ($mode)"
  wall=$(( $(now_ms) - t0 ))
  awk -v w="$wall" '{ printf "%d %.2f %.0f\n", w, $1 + $2, $3 / 1024 }' "$out/scanner-time.txt"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# inventory-service runs while audit-service starts (the audit's readiness may check the inventory).
start_inventory_background() {
  local jar; jar="$(app_of inventory-service)/quarkus-run.jar"
  start_process "$out/inventory-bg.pid" "$out/inventory-bg.log" "$jar" \
    env DB_URL="$(bash deploy/local/postgres.sh url inventory)" DB_USER=camaudit DB_PASSWORD="$db_password" \
    CAMAUDIT_ACCOUNTS="$accounts" java -Dquarkus.http.host="$host" -Dquarkus.http.port=18183 -jar "$jar"
  wait_ready inventory-service "http://$host:18183/q/health/ready" "$out/inventory-bg.pid" 120 "$out/inventory-bg.log"
}

packaging="$(unzip -p "$(app_of inventory-service)/quarkus-run.jar" META-INF/MANIFEST.MF 2>/dev/null | grep -q AotQuarkusEntryPoint && echo aot-jar || echo fast-jar)"
{
  echo "Packaging: $packaging ($quarkus_app); medians of $runs runs."
  echo
  echo "| service | mode | startup to ready (ms) | CPU at ready (s) | RSS at ready (MiB) | RSS after 200 requests (MiB) |"
  echo "|---|---|---:|---:|---:|---:|"
} >"$out/table.md"
echo "startup-bench: load average before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$out/load.txt"
start_inventory_background
for service in "${services[@]}"; do
  for mode in "${modes[@]}"; do : >"$out/samples-$service-$mode"; done
  # modes take turns within each round, so a change in the machine's load hits them alike
  for _ in $(seq "$runs"); do
    for mode in "${modes[@]}"; do
      measure_service "$service" "$mode" >>"$out/samples-$service-$mode" \
        || measure_service "$service" "$mode" >>"$out/samples-$service-$mode" || die "$service ($mode) failed to start twice"
    done
  done
  for mode in "${modes[@]}"; do
    samples="$out/samples-$service-$mode"
    printf '| %s | %s | %s | %s | %s | %s |\n' "$service" "$mode" \
      "$(cut -d' ' -f1 "$samples" | median)" "$(cut -d' ' -f2 "$samples" | median)" \
      "$(cut -d' ' -f3 "$samples" | median)" "$(cut -d' ' -f4 "$samples" | median)" | tee -a "$out/table.md"
  done
done
stop_pidfile "$out/inventory-bg.pid"
{
  echo
  echo "| scanner --help | mode | launch to exit (ms) | CPU (s) | peak RSS (MiB) |"
  echo "|---|---|---:|---:|---:|"
} >>"$out/table.md"
for mode in "${modes[@]}"; do : >"$out/samples-scanner-$mode"; done
for _ in $(seq "$runs"); do
  for mode in "${modes[@]}"; do measure_scanner "$mode" >>"$out/samples-scanner-$mode"; done
done
for mode in "${modes[@]}"; do
  samples="$out/samples-scanner-$mode"
  printf '| scanner | %s | %s | %s | %s |\n' "$mode" "$(cut -d' ' -f1 "$samples" | median)" \
    "$(cut -d' ' -f2 "$samples" | median)" "$(cut -d' ' -f3 "$samples" | median)" | tee -a "$out/table.md"
done
echo "startup-bench: load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/load.txt"
echo
cat "$out/table.md"
