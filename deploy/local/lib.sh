# Shell helpers shared by demo.sh, down.sh, the end-to-end scripts in .ci/e2e and bench/startup.sh.
# Source it; it defines functions only.

# Prints "<prog>: message" on stderr and exits 1.
die() {
  echo "${CAMAUDIT_PROG:-camaudit}: $*" >&2
  exit 1
}

# Whether something accepts TCP connections on host:port.
port_busy() {
  local host="$1" port="$2"
  (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null
}

# A random password of 24 characters from [A-Za-z0-9] (safe in CAMAUDIT_ACCOUNTS: no ':', ',', '|').
random_password() {
  local out=""
  while [ "${#out}" -lt 24 ]; do
    out+="$(head -c 64 /dev/urandom | tr -dc 'A-Za-z0-9')"
  done
  printf '%s' "${out:0:24}"
}

# Milliseconds since the epoch.
now_ms() {
  date +%s%3N
}

# Runs COMMAND in the background with its output in LOG, recording its PID and MARKER (a string
# its command line contains, e.g. the jar path) in PIDFILE.
#   start_process PIDFILE LOG MARKER COMMAND [ARG...]
start_process() {
  local pidfile="$1" log="$2" marker="$3"
  shift 3
  mkdir -p "$(dirname "$log")" "$(dirname "$pidfile")"
  "$@" >"$log" 2>&1 </dev/null &
  # line 1: the PID; line 2: the marker, so a stale file never names a process that reused the PID
  printf '%s\n%s\n' "$!" "$marker" >"$pidfile"
}

# The PID recorded in PIDFILE, if that process still runs the recorded jar.
live_pid() {
  local pidfile="$1" pid marker
  [ -f "$pidfile" ] || return 1
  pid="$(sed -n 1p "$pidfile")"
  marker="$(sed -n 2p "$pidfile")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  if [ -n "$marker" ]; then
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$marker" || return 1
  fi
  echo "$pid"
}

# The PID recorded in PIDFILE (line 1), whatever it runs now.
recorded_pid() {
  sed -n 1p "$1" 2>/dev/null
}

# Waits until URL answers 200 while the process recorded in PIDFILE lives, at most SECONDS;
# prints the log tail on failure.
#   wait_ready NAME URL PIDFILE SECONDS LOG
wait_ready() {
  local name="$1" url="$2" pid seconds="$4" log="$5"
  pid="$(recorded_pid "$3")"
  local deadline=$(( $(date +%s) + seconds ))
  while :; do
    if curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null; then
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "${CAMAUDIT_PROG:-camaudit}: $name exited during startup; last lines of $log:" >&2
      tail -n 25 "$log" >&2 || true
      return 1
    fi
    if [ "$(date +%s)" -ge "$deadline" ]; then
      echo "${CAMAUDIT_PROG:-camaudit}: $name not ready at $url after ${seconds}s; last lines of $log:" >&2
      tail -n 25 "$log" >&2 || true
      return 1
    fi
    sleep 0.2
  done
}

# Stops the process recorded in PIDFILE (TERM, then KILL after SECONDS, default 15) and removes
# the file. Does nothing to a process that is gone or no longer runs the recorded jar.
stop_pidfile() {
  local pidfile="$1" seconds="${2:-15}" pid
  [ -f "$pidfile" ] || return 0
  if pid="$(live_pid "$pidfile")"; then
    kill -TERM "$pid" 2>/dev/null || true
    local waited=0
    while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt $(( seconds * 10 )) ]; do
      sleep 0.1
      waited=$(( waited + 1 ))
    done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}

# Resident set size of PID in MiB (from /proc/PID/status VmRSS).
rss_mib() {
  awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"
}

# The feature version of the java at PATH_OR_NAME (17, 25, ...); empty when it does not run.
java_major() {
  "$1" -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit }'
}

# The java of a JDK 25 or newer, for the AOT cache: $JAVA25_HOME/bin/java, else `java` on PATH,
# else the newest /usr/lib/jvm/*/bin/java; status 1 when there is none.
find_java25() {
  local candidate major
  for candidate in ${JAVA25_HOME:+"$JAVA25_HOME/bin/java"} "$(command -v java 2>/dev/null)" \
      $(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | sort -V -r); do
    [ -x "$candidate" ] || continue
    major="$(java_major "$candidate")"
    if [[ "$major" =~ ^[0-9]+$ ]] && [ "$major" -ge 25 ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

# Whether APP_DIR/app.aot (deploy/aot/train.sh) is missing, older than a jar of the application,
# or made by another JDK than JAVA (train.sh records `java -version` in APP_DIR/app.aot.jdk).
aot_cache_stale() { # APP_DIR JAVA
  local app="$1" java="$2"
  [ -s "$app/app.aot" ] && [ -f "$app/app.aot.jdk" ] || return 0
  [ -z "$(find "$app" -name '*.jar' -newer "$app/app.aot" -print -quit)" ] || return 0
  [ "$("$java" -version 2>&1)" = "$(cat "$app/app.aot.jdk")" ] || return 0
  return 1
}
