#!/usr/bin/env bash
# Start-up, measured as a user launches: JVM start to the first frame (the app's own timer, which counts from
# the first JVM's start, so the jar's C1 relaunch is inside it) under Xvfb, and `report` as a whole process.
# The jar (java -jar, as downloaded: no class archive beside it) and the app image's launcher alternate in one
# run, so both see the same machine.   ./mvnw -q -Pdist package -DskipTests && dist/startup-bench.sh [RUNS]
# Needs: xvfb (apt). Prints medians; README's Benchmarks table keeps them.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-9}
jar=$PWD/target/roofline-lab.jar
launcher=$PWD/target/dist/roofline-lab/bin/roofline-lab
[ -f "$jar" ] && [ -x "$launcher" ] || { echo "build first: ./mvnw -q -Pdist package -DskipTests"; exit 2; }
tmp=$(mktemp -d)
display=:$(( 400 + RANDOM % 100 ))
Xvfb "$display" -screen 0 1440x900x24 >/dev/null 2>&1 & xvfb=$!
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$tmp"' EXIT
sleep 1
rm -f "$PWD/target/roofline-lab.jsa" # the jar as a user has it
frame() { # prints the first frame's milliseconds after launch
    DISPLAY=$display HOME=$tmp "$@" 2>/dev/null | sed -n 's/.*first frame \([0-9]*\) ms.*/\1/p'
}
process_ms() { # a whole process, wall clock, in milliseconds
    local t0 t1; t0=$(date +%s%N); HOME=$tmp "$@" >/dev/null 2>&1; t1=$(date +%s%N); echo $(( (t1 - t0) / 1000000 ))
}
# One start each first: the OS's file cache and JavaFX's native library cache warm, as on any second start.
frame java -Droofline.exitAfterFirstFrame=true -jar "$jar" >/dev/null
JAVA_TOOL_OPTIONS=-Droofline.exitAfterFirstFrame=true frame "$launcher" >/dev/null
for i in $(seq "$runs"); do
    frame java -Droofline.exitAfterFirstFrame=true -jar "$jar" >> "$tmp/jar"
    JAVA_TOOL_OPTIONS=-Droofline.exitAfterFirstFrame=true frame "$launcher" >> "$tmp/image"
    process_ms java -jar "$jar" report >> "$tmp/jar-report"
    process_ms "$launcher" report >> "$tmp/image-report"
done
median() { sort -n "$1" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
jar_ms=$(median "$tmp/jar"); image_ms=$(median "$tmp/image")
echo "first frame (JVM start to first frame, median of $runs): jar ${jar_ms} ms, app image ${image_ms} ms" \
     "($(awk -v a="$image_ms" -v b="$jar_ms" 'BEGIN {printf "%.2f", a / b}')x the jar's; goals: under 1,000 ms, at most 0.7x)"
echo "report as a whole process (median of $runs): jar $(median "$tmp/jar-report") ms," \
     "app image $(median "$tmp/image-report") ms (goal: under 400 ms)"
