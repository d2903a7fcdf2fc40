#!/usr/bin/env bash
# Evaluation benchmark: the shipped policy applied to 100,000 synthetic devices built like bench/audit.sh's
# (about 20% restricted), in one JVM, with no database and no HTTP (audit-service's EvaluationBench test class).
# Each JVM evaluates the fleet several times: pass 1 is cold (interpreted and JIT-compiling code), the later
# passes are warm. Reported per pass: wall time, the evaluating thread's CPU, the whole process's CPU (JIT and GC
# threads included), GC time and the bytes the evaluating thread allocated; then a digest of every verdict, which
# must be equal for equal behaviour.
#
#   bench/evaluate.sh              # this tree
#   bench/evaluate.sh main         # this tree and main's evaluator (the peer), JVMs alternated in the same run
#   EVALUATE_BENCH_DEVICES=20000 EVALUATE_BENCH_PASSES=3 EVALUATE_BENCH_RUNS=1 bench/evaluate.sh
#
# A git ref as argument is exported with `git archive` into a temporary folder and only its audit-service
# classes are compiled there; the same bench class (from this tree) runs against them. The peer's public
# evaluation API (DeviceEvaluator, SiteScope, Evaluation) must match this tree's. Each build evaluates with its
# own shipped policy, so equal digests are expected only when the two builds ship the same policy.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
devices="${EVALUATE_BENCH_DEVICES:-100000}"
passes="${EVALUATE_BENCH_PASSES:-5}"
runs="${EVALUATE_BENCH_RUNS:-2}"
peer="${1:-}"
work="$(mktemp -d /tmp/camaudit-evaluate-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT

log() { printf '[evaluate-bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

log "compiling audit-service and its tests"
./mvnw -B -q -o -pl audit-service -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$work/classpath" >&2
# private copies, so a rebuild during the run cannot change the classes under the JVMs
cp -r audit-service/target/classes "$work/tree-classes"
cp -r audit-service/target/test-classes "$work/test-classes"
labels=(tree)
tree_label="this tree ($(git rev-parse --short HEAD)$(git diff --quiet HEAD -- audit-service || echo ', modified'))"

if [ -n "$peer" ]; then
  peer_commit="$(git rev-parse --short "$peer^{commit}")"
  log "compiling the peer's audit-service ($peer = $peer_commit)"
  mkdir "$work/peer"
  git archive "$peer_commit" | tar -x -C "$work/peer"
  (cd "$work/peer" && ./mvnw -B -q -o -pl audit-service -am compile >&2)
  cp -r "$work/peer/audit-service/target/classes" "$work/peer-classes"
  rm -rf "$work/peer"
  labels=(peer tree)
fi

load_start="$(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(seq 1 "$runs"); do
  for label in "${labels[@]}"; do
    log "run $run: $label"
    /usr/bin/time -f 'GNU time: %U s user, %S s system, %e s elapsed, %M KiB max RSS' \
      java -cp "$work/$label-classes:$work/test-classes:$(cat "$work/classpath")" \
      org.camaudit.audit.evaluation.EvaluationBench "$devices" "$passes" >"$work/$label-$run.txt" 2>&1
  done
done
load_end="$(cut -d' ' -f1-3 /proc/loadavg)"

# a per-pass column scaled to 100,000 devices: median of the warm passes (2..N) of every JVM, range of the cold ones
summary() {
  sort -n | awk -v unit="$1" '{ v[NR] = $1 } END { if (NR) printf "%.0f %s (%.0f-%.0f, %d passes)", \
    (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2), unit, v[1], v[NR], NR }'
}
passes_of() {   # column (6 thread CPU ms, 9 allocated MB), cold|warm
  cat "$work/$label"-*.txt | awk -F'|' -v devices="$devices" -v column="$1" -v want="$2" \
    '$2 ~ /^ [0-9]+ $/ && (want == "cold" ? $2 + 0 == 1 : $2 + 0 > 1) { print $column * 100000 / devices }'
}

echo "evaluation benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $devices devices, $passes passes per JVM, $runs JVM(s) each," \
  "load average at start $load_start, at end $load_end, $(nproc) cores, $(java -version 2>&1 | head -1)"
for label in "${labels[@]}"; do
  if [ "$label" = peer ]; then name="peer: $peer ($peer_commit)"; else name="$tree_label"; fi
  for run in $(seq 1 "$runs"); do
    echo
    echo "### $name, JVM $run"
    cat "$work/$label-$run.txt"
  done
  echo
  echo "$name, per 100,000 devices: thread CPU warm median $(passes_of 6 warm | summary ms), cold $(passes_of 6 cold | summary ms);" \
    "allocated warm median $(passes_of 9 warm | summary MB), cold $(passes_of 9 cold | summary MB)"
done
