#!/usr/bin/env bash
# Two builds of the processor against plain javac, interleaved in one run, on the revisions that
# bench/run.sh generated: whole-process wall time and CPU time (user + system) of each javac.
# CPU time is the figure to read on a shared machine, where wall time follows the other load.
#
#   bench/compare-processors.sh WORK RUNS OLD_PROCESSOR_PATH NEW_PROCESSOR_PATH
#
# Run it where bench/run.sh ran (the repository), whose sources.txt names the sources from there.
# WORK is a javac-N folder of bench/run.sh's work (with src/ and sources.txt); each processor path
# is the -processorpath of bench/run.sh (bench/retort/target/processor/*.jar and
# bench/retort/target/lib/*.jar, ':'-separated). Prints one line per javac, then the medians.
# OLD_OPTIONS and NEW_OPTIONS add processor options to one side: with the same path twice,
# OLD_OPTIONS=-Aretort.lint=off measures what the safety checks cost.
set -euo pipefail
work=$1 runs=$2 old=$3 new=$4
read -r -a old_options <<< "${OLD_OPTIONS:-}"
read -r -a new_options <<< "${NEW_OPTIONS:-}"
api=$(echo "$new" | tr ':' '\n' | grep -v '/processor/' | paste -sd:)
common=(--release 17 -cp "$api" "@$work/sources.txt")
measure() { # name, javac options...
  local name=$1 out="$work/compare-$1"
  shift
  rm -rf "$out" && mkdir -p "$out"
  if ! /usr/bin/time -f "$name %e %U %S" -o "$work/compare.time" \
    javac -d "$out" "$@" "${common[@]}" > "$work/compare.log" 2>&1; then
    cat "$work/compare.log" >&2
    exit 1
  fi
  cat "$work/compare.time"
}
registry=-Aretort.registry=bench.generated.RetortMigrations
rm -f "$work/compare.samples"
for run in $(seq 0 "$runs"); do
  for variant in plain old new; do
    case $variant in
      plain) line=$(measure plain -proc:none) ;;
      old) line=$(measure old -processorpath "$old" "$registry" ${old_options[@]+"${old_options[@]}"}) ;;
      new) line=$(measure new -processorpath "$new" "$registry" ${new_options[@]+"${new_options[@]}"}) ;;
    esac
    echo "run $run: $line"
    [ "$run" -gt 0 ] && echo "$line" >> "$work/compare.samples"
  done
done
# Medians of wall and CPU (user + system) seconds per variant, and what each processor adds.
awk '{ wall[$1] = wall[$1] " " $2; cpu[$1] = cpu[$1] " " ($3 + $4) }
  function median(list,   n, a, i, j, t) {
    n = split(list, a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  END {
    for (v in wall) { w[v] = median(wall[v]); c[v] = median(cpu[v]) }
    printf "plain: wall %.2f s, cpu %.2f s\n", w["plain"], c["plain"]
    for (v in wall) if (v != "plain")
      printf "%s: wall %.2f s (+%.1f%%), cpu %.2f s (+%.1f%%)\n", v, w[v], 100 * (w[v] / w["plain"] - 1), c[v], 100 * (c[v] / c["plain"] - 1)
  }' "$work/compare.samples"
rm -f "$work/compare.samples"
