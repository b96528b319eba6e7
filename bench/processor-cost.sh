#!/usr/bin/env bash
# What the Retort annotation processor adds to compile time. A benchmark, not a test: it is not
# part of the Maven build and asserts nothing about speed.
#
# For each size N it generates N revision classes (bench/src/GenerateRevisions.java) and compiles
# the same sources with javac twice over: without the processor (-proc:none) and with it. Each
# configuration gets one warm-up run (page cache, jar cache), then RUNS timed runs. Runs alternate
# between the two configurations, and which one goes first alternates too, so that load drifting
# on the machine hits both alike. Times are whole-process wall times of javac, JVM start included,
# because that is what a build pays.
#
# Usage:   bench/processor-cost.sh [N ...]          (default: 1000 10000)
# Options: RUNS=5           timed runs per configuration and size
#          WORK=/some/dir   where sources and classes go (default: a new temporary folder)
#          SKIP_BUILD=1     reuse the jars and classpath of an earlier run
#          JAVAC_OPTS=...   extra javac options for both configurations, e.g. -J-Xmx2g
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${RUNS:-5}"
WORK="${WORK:-$(mktemp -d "${TMPDIR:-/tmp}/retort-bench.XXXXXX")}"
read -r -a SIZES <<<"${*:-1000 10000}"
read -r -a EXTRA <<<"${JAVAC_OPTS:-}"

log() { echo "[bench] $*" >&2; }
die() { echo "[bench] error: $*" >&2; exit 1; }

# --- Build the jars and the processor's classpath ---------------------------------------------
cd "$ROOT"
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  log "building annotations, runtime and processor jars (mvn package, tests skipped)"
  # dependency:build-classpath runs in the same reactor as package, so the runtime and
  # annotations jars resolve from target/ without an install; each module writes its own file.
  mvn -q -DskipTests -pl processor -am package dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -DincludeScope=runtime
fi

jar_of() {
  local found
  found="$(ls "$1"/target/retort-"$1"-*.jar 2>/dev/null \
    | grep -v -E -- '-(sources|javadoc|tests)\.jar$' | head -n 1)"
  [[ -n "$found" ]] || die "no jar in $1/target; run without SKIP_BUILD=1"
  echo "$found"
}
ANNOTATIONS_JAR="$(jar_of annotations)"
PROCESSOR_JAR="$(jar_of processor)"
[[ -s processor/target/bench-classpath.txt ]] || die "processor/target/bench-classpath.txt missing"
PROCESSOR_PATH="$PROCESSOR_JAR:$(cat processor/target/bench-classpath.txt)"

# --- One timed compile --------------------------------------------------------------------------
# compile N with|without -> prints "wall user sys" in seconds of one javac run
compile() {
  local n="$1" mode="$2" out="$WORK/$1/out-$2" gen="$WORK/$1/gen-$2" tfile
  rm -rf "$out" "$gen"
  mkdir -p "$out" "$gen"
  local -a args=(--release 17 -cp "$ANNOTATIONS_JAR" -d "$out" -s "$gen" "${EXTRA[@]}")
  if [[ "$mode" == with ]]; then
    args+=(-processorpath "$PROCESSOR_PATH" -processor dev.retort.processor.RevisionProcessor
      -Aretort.registry=bench.Registry)
  else
    args+=(-proc:none)
  fi
  tfile="$(mktemp "$WORK/time.XXXXXX")"
  local TIMEFORMAT='%R %U %S' status=0
  { time javac "${args[@]}" "@$WORK/$n/sources.txt" >"$WORK/$n/javac-$mode.log" 2>&1; } \
    2>"$tfile" || status=$?
  ((status == 0)) || die "javac ($mode processor, N=$n) failed; see $WORK/$n/javac-$mode.log"
  # Never time a compile that did not do its job.
  if [[ "$mode" == with ]]; then
    [[ -f "$out/bench/Registry.class" ]] || die "the processor generated no registry (N=$n)"
  else
    [[ ! -e "$out/bench/Registry.class" ]] || die "a registry appeared with -proc:none (N=$n)"
  fi
  local classes
  classes="$(find "$out/bench/migrations" -name '*.class' | wc -l)"
  ((classes == n)) || die "expected $n migration classes, found $classes ($mode, N=$n)"
  cat "$tfile"
  rm -f "$tfile"
}

# --- Statistics ---------------------------------------------------------------------------------
# stats FILE -> "median min max" of the first column
stats() {
  sort -n -k1,1 "$1" | awk '{ v[NR] = $1 } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%.2f %.2f %.2f\n", m, v[1], v[NR] }'
}
# share WITH WITHOUT -> "+12.3%"
share() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%+.1f%%", (a - b) / b * 100 }'; }
# cpu FILE -> median of user+sys
cpu() {
  awk '{ print $2 + $3 }' "$1" | sort -n | awk '{ v[NR] = $1 } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%.2f\n", m }'
}

# --- Run ----------------------------------------------------------------------------------------
log "work folder: $WORK"
loadavg() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a; }
log "javac: $(javac -version 2>&1); $(nproc) CPUs; load average at start: $(loadavg)"
for n in "${SIZES[@]}"; do
  mkdir -p "$WORK/$n"
  log "N=$n: generating sources"
  java "$ROOT/bench/src/GenerateRevisions.java" "$WORK/$n/src" "$n"
  mv "$WORK/$n/src/sources.txt" "$WORK/$n/sources.txt"
  : >"$WORK/$n/with.times"
  : >"$WORK/$n/without.times"
  log "N=$n: warm-up"
  compile "$n" without >/dev/null
  compile "$n" with >/dev/null
  for ((r = 0; r < RUNS; r++)); do
    if ((r % 2 == 0)); then order=(without with); else order=(with without); fi
    for mode in "${order[@]}"; do
      t="$(compile "$n" "$mode")"
      echo "$t" >>"$WORK/$n/$mode.times"
      log "N=$n run $((r + 1))/$RUNS $mode: ${t%% *} s"
    done
  done
done

# --- Report -------------------------------------------------------------------------------------
declare -A WALL_WITH WALL_WITHOUT CPU_WITH CPU_WITHOUT
echo
echo "javac wall time in seconds, median of $RUNS runs after 1 warm-up (min-max), and the median"
echo "CPU time (user+sys, all threads). $(javac -version 2>&1), $(nproc) CPUs, load average at end:"
echo "$(loadavg). On a busy machine trust the CPU columns more."
echo
echo "| revisions | wall without | wall with | processor adds (wall) | CPU without | CPU with | processor adds (CPU) |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
for n in "${SIZES[@]}"; do
  read -r wo_med wo_min wo_max < <(stats "$WORK/$n/without.times")
  read -r w_med w_min w_max < <(stats "$WORK/$n/with.times")
  WALL_WITH[$n]="$w_med"
  WALL_WITHOUT[$n]="$wo_med"
  CPU_WITH[$n]="$(cpu "$WORK/$n/with.times")"
  CPU_WITHOUT[$n]="$(cpu "$WORK/$n/without.times")"
  printf "| %s | %s (%s-%s) | %s (%s-%s) | %s | %s | %s | %s |\n" \
    "$n" "$wo_med" "$wo_min" "$wo_max" "$w_med" "$w_min" "$w_max" \
    "$(share "$w_med" "$wo_med")" "${CPU_WITHOUT[$n]}" "${CPU_WITH[$n]}" \
    "$(share "${CPU_WITH[$n]}" "${CPU_WITHOUT[$n]}")"
done
# Growth from the smallest to the largest size given (10,000/1,000 by default).
if ((${#SIZES[@]} > 1)); then
  small="${SIZES[0]}"
  large="${SIZES[${#SIZES[@]} - 1]}"
  echo
  for what in wall CPU; do
    if [[ "$what" == wall ]]; then
      w1="${WALL_WITH[$small]}" w2="${WALL_WITH[$large]}"
      o1="${WALL_WITHOUT[$small]}" o2="${WALL_WITHOUT[$large]}"
    else
      w1="${CPU_WITH[$small]}" w2="${CPU_WITH[$large]}"
      o1="${CPU_WITHOUT[$small]}" o2="${CPU_WITHOUT[$large]}"
    fi
    awk -v what="$what" -v s="$small" -v l="$large" -v w1="$w1" -v w2="$w2" -v o1="$o1" -v o2="$o2" '
      BEGIN {
        printf "- %s, %s/%s ratio with the processor: %.2f (without: %.2f; linear: %.2f)\n",
          what, l, s, w2 / w1, o2 / o1, l / s
        if (w1 - o1 > 0)
          printf "- %s, %s/%s ratio of the processor-only time (with - without): %.2f (%.2f s / %.2f s)\n",
            what, l, s, (w2 - o2) / (w1 - o1), w2 - o2, w1 - o1
        else
          printf "- %s, processor-only ratio: n/a (no measurable cost at %s)\n", what, s
      }'
  done
fi
echo
echo "Raw times (wall user sys) are in $WORK/<N>/{with,without}.times."
