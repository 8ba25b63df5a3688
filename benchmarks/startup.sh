#!/usr/bin/env bash
# Start-up of the two products, as a user meets them through ./trestle:
#   - a no-op headless command (./trestle --version), wall time
#   - time to the first workbench window (the workbench prints TRESTLE_FIRST_WINDOW ms_since_jvm_start=N when
#     the window is shown with the project in its tree), plus the wall time of the whole run
# Each is compared in the same run with the same product started the plain way (java -jar product.jar), so
# the ratio shows what the launcher's unpacked start saves. Prints medians of RUNS runs (default 9).
# Needs the products built (./trestle builds them) and, for the window, a display (Xvfb is started if absent).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
runs="${RUNS:-9}"
export TRESTLE_NO_BUILD=1
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export XDG_STATE_HOME="$work/state" XDG_DATA_HOME="$work/data"
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"

median() { grep -v '^$' | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
millis() { date +%s%3N; }
wall() { local start; start=$(millis); "$@" >/dev/null 2>&1; echo $(( $(millis) - start )); }

# One virtual display for all runs: starting Xvfb per run races with the previous one shutting down.
if [ -z "${DISPLAY:-}" ]; then
    for number in $(seq 90 120); do
        [ -e "/tmp/.X11-unix/X$number" ] || [ -e "/tmp/.X$number-lock" ] || break
    done
    Xvfb ":$number" -screen 0 1280x1024x24 -nolisten tcp >/dev/null 2>&1 &
    xvfb_pid=$!
    trap 'kill "$xvfb_pid" 2>/dev/null; rm -rf "$work"' EXIT
    export DISPLAY=":$number"
    sleep 1
fi

"$here/trestle" --version >/dev/null   # unpacks the product and writes its class-data archive
echo "headless no-op command, $runs runs each (ms, median)"
launcher=(); plain=()
for _ in $(seq "$runs"); do
    launcher+=("$(wall "$here/trestle" --version)")
    plain+=("$(wall "$java" --sun-misc-unsafe-memory-access=allow -jar "$here/product/target/headless.jar" --version)")
done
a=$(printf '%s\n' "${launcher[@]}" | median); b=$(printf '%s\n' "${plain[@]}" | median)
printf '  ./trestle --version          %6s\n  java -jar headless.jar       %6s\n  ratio                        %6.2f\n' \
    "$a" "$b" "$(awk -v a="$a" -v b="$b" 'BEGIN { print a / b }')"

first_window() {
    "$@" 2>/dev/null | sed -n 's/^TRESTLE_FIRST_WINDOW ms_since_jvm_start=//p'
}
project="$work/project"
cp -R "$here/product/demo-project" "$project"
export TRESTLE_JAVA_OPTIONS="-Dtrestle.workbench.autoclose.ms=300"
first_window "$here/trestle" workbench "$project" >/dev/null
echo "first workbench window, $runs runs each (ms since JVM start, median)"
launcher=(); plain=()
for _ in $(seq "$runs"); do
    launcher+=("$(first_window "$here/trestle" workbench "$project")")
    plain+=("$(first_window "$java" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
        -Dtrestle.workbench.autoclose.ms=300 -Dtrestle.state.dir="$work/state/plain" \
        -jar "$here/product/target/workbench.jar" "$project")")
done
a=$(printf '%s\n' "${launcher[@]}" | median); b=$(printf '%s\n' "${plain[@]}" | median)
printf '  ./trestle workbench DIR      %6s\n  java -jar workbench.jar DIR  %6s\n  ratio                        %6.2f\n' \
    "$a" "$b" "$(awk -v a="$a" -v b="$b" 'BEGIN { print a / b }')"
