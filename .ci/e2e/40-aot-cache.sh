#!/usr/bin/env bash
# End to end: the AOT cache the container images make, made here the way their build stage makes
# it. For inventory-service, audit-service and the scanner: copy the packaged application to a
# folder standing for the image's /deployments, run the Dockerfile's training line
# (deploy/aot/train.sh against a throwaway PostgreSQL, on a JDK 25), then start the application
# with the Dockerfile's own ENTRYPOINT (paths moved to that folder) plus -XX:AOTMode=on, which makes
# the JVM refuse to start unless it can use the cache. A service must become ready; the scanner
# must print its help. Skipped without a JDK 25 (JAVA25_HOME). Bounded; stops what it started.
set -euo pipefail
cd "$(dirname "$0")/../.."
CAMAUDIT_PROG=aot-e2e
. deploy/local/lib.sh

java25_home="${JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
if [ ! -x "$java25_home/bin/java" ]; then
  echo "aot-e2e: no JDK 25 at $java25_home (set JAVA25_HOME); skipped"
  exit 0
fi
out="$PWD/deploy/target/aot-e2e"
host=127.0.78.9
rm -rf "$out"
mkdir -p "$out"
cleanup() {
  local status=$?
  stop_pidfile "$out/service.pid" 30
  stop_pidfile "$out/inventory.pid" 30
  CAMAUDIT_PG_DIR="$out/postgres" CAMAUDIT_PG_PORT="${pg_port:-0}" bash deploy/local/postgres.sh stop >/dev/null 2>&1 || true
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
fail() {
  echo "aot-e2e: FAILED: $*" >&2
  exit 1
}

# The Dockerfile's build stage, in folder DIR instead of /deployments.
train_like_the_image() { # MODULE DIR
  local module="$1" dir="$2" dockerfile="$1/src/main/docker/Dockerfile.jvm" options
  options="$(grep -o 'cp deploy/jvm/[a-z-]*\.options /deployments/jvm.options' "$dockerfile" | awk '{ print $2 }')"
  [ -n "$options" ] || fail "$dockerfile does not copy its JVM options"
  grep -q "bash deploy/aot/train.sh $module /deployments" "$dockerfile" || fail "$dockerfile does not train $module"
  rm -rf "$dir"
  cp -a "$module/target/quarkus-app" "$dir"
  rm -f "$dir/app.aot"
  cp "$options" "$dir/jvm.options"
  PATH="$java25_home/bin:$PATH" JAVA=java CAMAUDIT_JVM_OPTS="@$dir/jvm.options" CAMAUDIT_TRAIN_DIR="$out/train-$module" \
    timeout 900 bash deploy/aot/train.sh "$module" "$dir" || fail "training $module failed"
  [ -s "$dir/app.aot" ] || fail "no cache at $dir/app.aot"
}

# The Dockerfile's ENTRYPOINT command with /deployments moved to DIR.
entrypoint_of() { # MODULE DIR
  sed -n 's/^ENTRYPOINT //p' "$1/src/main/docker/Dockerfile.jvm" | jq -r '.[2]' | sed "s#/deployments#$2#g"
}

for module in inventory-service audit-service scanner; do
  [ -f "$module/target/quarkus-app/quarkus-run.jar" ] || fail "$module is not packaged (./mvnw package)"
done

echo "aot-e2e: inventory-service"
dir="$out/inventory-service"
train_like_the_image inventory-service "$dir"
# a port free when checked can be taken before PostgreSQL binds it: try a few
for pg_port in 55490 55497 55503 55511 55519; do
  port_busy 127.0.0.1 "$pg_port" && continue
  export CAMAUDIT_PG_DIR="$out/postgres" CAMAUDIT_PG_PORT="$pg_port"
  bash deploy/local/postgres.sh start >"$out/postgres.log" 2>&1 && break
done
bash deploy/local/postgres.sh status >/dev/null || { cat "$out/postgres.log" >&2; fail "PostgreSQL did not start"; }
db_password="$(bash deploy/local/postgres.sh password)"
port_busy "$host" 18381 && fail "$host:18381 is busy"
start_process "$out/service.pid" "$out/inventory-service.log" "$dir/quarkus-run.jar" \
  env PATH="$java25_home/bin:$PATH" DB_URL="$(bash deploy/local/postgres.sh url inventory)" DB_USER=camaudit DB_PASSWORD="$db_password" \
  CAMAUDIT_ACCOUNTS="viewer:e2e-viewer-pw:viewer" \
  JAVA_OPTS_APPEND="-XX:AOTMode=on -Dquarkus.http.host=$host -Dquarkus.http.port=18381" \
  sh -c "$(entrypoint_of inventory-service "$dir")" java
wait_ready inventory-service "http://$host:18381/q/health/ready" "$out/service.pid" 300 "$out/inventory-service.log" \
  || fail "inventory-service did not become ready with its AOT cache"
tr '\0' ' ' <"/proc/$(recorded_pid "$out/service.pid")/cmdline" | grep -q -- "-XX:AOTCache=$dir/app.aot" \
  || fail "inventory-service runs without -XX:AOTCache"
curl -fsS --max-time 30 -u viewer:e2e-viewer-pw "http://$host:18381/api/v1/devices" | jq -e '.total == 0' >/dev/null \
  || fail "inventory-service with its cache does not serve the devices list"
stop_pidfile "$out/service.pid" 30

echo "aot-e2e: audit-service"
dir="$out/audit-service"
train_like_the_image audit-service "$dir"
port_busy "$host" 18382 && fail "$host:18382 is busy"
start_process "$out/service.pid" "$out/audit-service.log" "$dir/quarkus-run.jar" \
  env PATH="$java25_home/bin:$PATH" DB_URL="$(bash deploy/local/postgres.sh url audit)" DB_USER=camaudit DB_PASSWORD="$db_password" \
  CAMAUDIT_ACCOUNTS="viewer:e2e-viewer-pw:viewer" INVENTORY_URL="http://$host:18381" INVENTORY_USER=viewer INVENTORY_PASSWORD=e2e-viewer-pw \
  JAVA_OPTS_APPEND="-XX:AOTMode=on -Dquarkus.http.host=$host -Dquarkus.http.port=18382" \
  sh -c "$(entrypoint_of audit-service "$dir")" java
wait_ready audit-service "http://$host:18382/q/health/ready" "$out/service.pid" 300 "$out/audit-service.log" \
  || fail "audit-service did not become ready with its AOT cache"
curl -fsS --max-time 30 -u viewer:e2e-viewer-pw "http://$host:18382/api/v1/policy" | jq -e . >/dev/null \
  || fail "audit-service with its cache does not serve the policy"
stop_pidfile "$out/service.pid" 30

echo "aot-e2e: scanner"
dir="$out/scanner"
train_like_the_image scanner "$dir"
JAVA_OPTS_APPEND="-XX:AOTMode=on" PATH="$java25_home/bin:$PATH" timeout 120 \
  sh -c "$(entrypoint_of scanner "$dir")" java --help >"$out/scanner-help.txt" 2>&1 \
  || { cat "$out/scanner-help.txt" >&2; fail "the scanner did not run with its AOT cache"; }
grep -q 'scan' "$out/scanner-help.txt" || fail "the scanner's help does not name the scan command"

echo "aot-e2e: passed (caches: $(du -sh "$out"/*/app.aot | awk '{ printf "%s %s; ", $2, $1 }'))"
