#!/usr/bin/env bash
# Writes src/main/resources/lab/roofline/classes.lst: the classes a start loads, from two real starts of the
# built jar (the window to its first frame, under Xvfb; and `report`). The installers make the app's class
# archive from it (roofline-lab --make-class-archive). Run it again when start-up code changes much; a class
# the list names that no longer exists is only skipped (ClassListTest says which).
#   ./mvnw -q package -DskipTests && dist/class-list.sh
# Needs: xvfb (apt).
set -euo pipefail
cd "$(dirname "$0")/.."
jar=$PWD/target/roofline-lab.jar
[ -f "$jar" ] || { echo "build first: ./mvnw -q package -DskipTests"; exit 2; }
tmp=$(mktemp -d)
display=:$(( 300 + RANDOM % 100 ))
Xvfb "$display" -screen 0 1440x900x24 >/dev/null 2>&1 & xvfb=$!
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$tmp"' EXIT
sleep 1
# The window for a few seconds: its first frame, and what joins just after it (the lower controls).
DISPLAY=$display timeout -s TERM 8 java -XX:TieredStopAtLevel=1 -XX:DumpLoadedClassList="$tmp/app.lst" \
    -Droofline.home="$tmp/home" -cp "$jar" lab.roofline.Main app || true
java -XX:TieredStopAtLevel=1 -XX:DumpLoadedClassList="$tmp/report.lst" -Droofline.home="$tmp/home" \
    -cp "$jar" lab.roofline.Main report >/dev/null
out=src/main/resources/lab/roofline/classes.lst
cat "$tmp/app.lst" "$tmp/report.lst" | awk '!seen[$0]++' > "$out"
echo "wrote $out: $(wc -l < "$out") classes"
