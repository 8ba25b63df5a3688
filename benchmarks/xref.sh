#!/usr/bin/env bash
# The symbol index against Universal Ctags and GNU Global, in one run on the same trees: the time to index a tree
# from nothing and list every definition (Trestle: `trestle xref symbols DIR`, a whole command with its JVM start;
# ctags -R to a file; gtags, its tag files outside the tree, then `global -x '.*'`), and the number of definitions
# each lists. The trees: lua5.4 (Debian's source package, as the tests use it) and, when unpacked, the kernel/ and
# fs/ directories of Debian's linux-source-6.1 (KERNEL=... overrides where it is).
# How many of Global's and ctags's definitions the index also has is checked by the editor's tests
# (GlobalComparisonTest, CtagsComparisonTest); this script measures time.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
runs="${RUNS:-3}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}" PATH="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin:$PATH"
for tool in ctags gtags global; do
    command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install universal-ctags global)" >&2; exit 1; }
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
lua="$(find "$HOME/.cache/trestle-test/lua5.4" -maxdepth 3 -name lua.h -path '*/src/*' -printf '%h\n' 2>/dev/null | head -1)"
kernel="${KERNEL:-/var/tmp/linux-source-6.1}"
trees=()
[ -n "$lua" ] && trees+=("$(dirname "$lua")")
for dir in kernel fs; do [ -d "$kernel/$dir" ] && trees+=("$kernel/$dir"); done
[ ${#trees[@]} -gt 0 ] || { echo "no tree to index: apt-get source lua5.4 into ~/.cache/trestle-test/lua5.4" >&2; exit 1; }

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
millis() { date +%s%3N; }
# runs "$@" RUNS times; prints the median wall milliseconds; the last run's output stays in $work/out
timed() {
    local times=() start
    for _ in $(seq "$runs"); do
        start=$(millis)
        "$@" >"$work/out" 2>/dev/null
        times+=($(( $(millis) - start )))
    done
    printf '%s\n' "${times[@]}" | median
}
gtags_run() {
    rm -rf "$work/gtags" && mkdir -p "$work/gtags"
    (cd "$1" && find . -name '*.[ch]' -not -path '*/.*' | sed 's|^\./||' >"$work/gtags/files" \
        && gtags -f "$work/gtags/files" "$work/gtags" \
        && GTAGSROOT="$1" GTAGSDBPATH="$work/gtags" global -x '.*')
}
# hidden directories left out, as Trestle and the gtags run leave them (a Debian source tree has its patches in .pc/)
ctags_run() {
    (cd "$1" && find . -name '*.[ch]' -not -path '*/.*' | ctags -L - --languages=C,C++ --kinds-C=fdegstuv -f -)
}

(cd "$here" && ./trestle --version >/dev/null)   # builds the products if stale, outside the timings
echo "index a tree from nothing and list every definition; medians of $runs runs (ms); ratio = Trestle / other"
printf '  %-34s %8s %8s %8s %10s %10s %12s\n' tree files Trestle ctags "GNU Global" "vs ctags" "vs Global"
for tree in "${trees[@]}"; do
    files=$(cd "$tree" && find . -name '*.[ch]' -not -path '*/.*' | wc -l)
    t=$(TRESTLE_NO_BUILD=1 timed "$here/trestle" xref symbols "$tree"); td=$(wc -l <"$work/out")
    c=$(timed ctags_run "$tree"); cd_=$(wc -l <"$work/out")
    g=$(timed gtags_run "$tree"); gd=$(wc -l <"$work/out")
    printf '  %-34s %8s %8s %8s %10s %10s %12s\n' "$(basename "$(dirname "$tree")")/$(basename "$tree")" "$files" \
        "$t" "$c" "$g" "$(awk -v a="$t" -v b="$c" 'BEGIN { printf "%.2f", a / b }')" \
        "$(awk -v a="$t" -v b="$g" 'BEGIN { printf "%.2f", a / b }')"
    printf '  %-34s %8s %8s %8s %10s\n' "  definitions listed" "" "$td" "$cd_" "$gd"
done
echo "Trestle's time includes starting its JVM (about 0.3 s); in the workbench the index is built once in the"
echo "background and kept current file by file."
