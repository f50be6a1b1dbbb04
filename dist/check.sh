#!/usr/bin/env bash
# Proves the distribution (CI runs it after the tests): builds it with ./mvnw -Pdist package, then runs the
# app image's launcher with no Java on the PATH (report --json, export --chart dashboard, and the window
# under Xvfb to its first frame) and checks the .deb with dpkg-deb. Fails on the first thing that breaks.
# Needs: xvfb, fakeroot (apt); dpkg-deb comes with Debian.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
./mvnw -q -B -Pdist package -DskipTests
image=$PWD/target/dist/roofline-lab
deb=$(ls target/dist/roofline-lab_*.deb)
tmp=$(mktemp -d)
trap 'kill ${xvfb:-} 2>/dev/null || true; rm -rf "$tmp"' EXIT
# A PATH with the shell's tools but no java: the image must bring its own runtime.
mkdir -p "$tmp/path" "$tmp/home" "$tmp/out"
ln -s "$(command -v readlink)" "$tmp/path/readlink"
run() { env -i HOME="$tmp/home" PATH="$tmp/path" LANG=C.UTF-8 "$image/bin/roofline-lab" "$@"; }
fail() { echo "dist check: $*" >&2; exit 1; }
if env -i PATH="$tmp/path" /bin/sh -c 'command -v java' >/dev/null; then fail "java is on the test PATH"; fi

run report --json > "$tmp/report.json" || fail "report --json failed"
grep -q '"feasible"' "$tmp/report.json" || fail "report --json printed no report: $(head -c 300 "$tmp/report.json")"
run export --chart dashboard --out "$tmp/out/dashboard.png" || fail "export --chart dashboard failed"
[ "$(stat -c %s "$tmp/out/dashboard.png")" -gt 20000 ] || fail "the exported dashboard is nearly empty"
run --version | grep -q "^Roofline Lab [0-9]" || fail "--version does not name the version"

display=:$(( 500 + RANDOM % 100 ))
Xvfb "$display" -screen 0 1440x900x24 >/dev/null 2>&1 & xvfb=$!
sleep 1
window=$(timeout 60 env -i HOME="$tmp/home" PATH="$tmp/path" LANG=C.UTF-8 DISPLAY="$display" \
    JAVA_TOOL_OPTIONS=-Droofline.exitAfterFirstFrame=true "$image/bin/roofline-lab" 2>&1) \
    || fail "the window did not open: $window"
echo "$window" | grep -q "first frame" || fail "the window showed no first frame: $window"

dpkg-deb --info "$deb" > "$tmp/info" || fail "dpkg-deb --info failed"
grep -q "Package: roofline-lab" "$tmp/info" || fail "the .deb is not the roofline-lab package"
dpkg-deb --contents "$deb" > "$tmp/contents" || fail "dpkg-deb --contents failed"
for f in ./opt/roofline-lab/bin/roofline-lab ./opt/roofline-lab/lib/roofline-lab-roofline-lab.desktop \
         ./opt/roofline-lab/lib/roofline-lab.png ./opt/roofline-lab/lib/app/roofline-lab.jar \
         ./opt/roofline-lab/lib/runtime/bin/java; do
    grep -q " $f\$" "$tmp/contents" || fail "the .deb lacks $f"
done
dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./postinst | grep -q "ln -sf /opt/roofline-lab/bin/roofline-lab /usr/bin/roofline-lab" \
    || fail "the .deb's postinst does not put roofline-lab on the PATH"
echo "dist check: app image and .deb fine ($(du -sh "$image" | cut -f1) image, $(du -h "$deb" | cut -f1) .deb," \
     "$(( $(date +%s) - start )) s); $(echo "$window" | grep 'first frame')"
