#!/usr/bin/env bash
# Throughput of `trestle trace summary` (full parse + strace -c style summary) on a large strace log,
# against cat, wc -l and an awk script that computes the same summary (calls and errors per syscall),
# all in one run on the same file. Prints MB/s and ratios.
#
# The log is made reproducibly: strace -f -tt -T of a loop of small C compilations, repeated until the
# log reaches SIZE_MB (default 600). It is cached in $CACHE (default ~/.cache/trestle-bench).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
size_mb="${SIZE_MB:-600}"
cache="${CACHE:-$HOME/.cache/trestle-bench}"
log="$cache/strace-builds-${size_mb}MB.log"
mkdir -p "$cache"

if [ ! -f "$log" ]; then
    work="$(mktemp -d)"
    trap 'rm -rf "$work"' EXIT
    printf '#include <stdio.h>\n#include <stdlib.h>\nint main(void) { puts("x"); return 0; }\n' >"$work/x.c"
    : >"$log.part"
    round=0
    while [ "$(stat -c %s "$log.part")" -lt $((size_mb * 1024 * 1024)) ]; do
        round=$((round + 1))
        strace -f -tt -T -o "$work/round.log" \
            sh -c "for i in 1 2 3 4 5; do cc -O1 -c -o $work/x.o $work/x.c; cc -o $work/x $work/x.o; $work/x >/dev/null; done; ls /nonexistent 2>/dev/null; true"
        cat "$work/round.log" >>"$log.part"
    done
    mv "$log.part" "$log"
    echo "made $log in $round rounds"
fi
bytes="$(stat -c %s "$log")"
mb="$(awk -v b="$bytes" 'BEGIN { printf "%.0f", b / 1048576 }')"
echo "log: $log ($mb MB, $(wc -l <"$log") lines)"

seconds() { local start end; start=$(date +%s%N); "$@" >/dev/null; end=$(date +%s%N); awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", (e - s) / 1e9 }'; }
# The same summary in awk: the syscall name is the word before the first "(", an error is "= -1 E...".
awk_summary='
{
    line = $0
    if (line ~ /^[0-9]+ +/) sub(/^[0-9]+ +/, "", line)
    if (line ~ /^[0-9:.]+ /) sub(/^[0-9:.]+ /, "", line)
    if (line ~ /^<\.\.\. /) { split(substr(line, 6), w, " "); name = w[1]; resumed = 1 } else {
        p = index(line, "("); if (p == 0) next; name = substr(line, 1, p - 1); resumed = 0
        if (name !~ /^[a-z_0-9]+$/) next
    }
    if (line ~ /<unfinished \.\.\.>$/) next
    calls[name]++
    if (line ~ /= -1 E[A-Z]+/) errors[name]++
}
END { for (n in calls) printf "%-20s %10d %8d\n", n, calls[n], errors[n] }'

"$here/trestle" trace summary "$log" >/dev/null   # warm the page cache and the product
echo "tool                         seconds      MB/s   ratio to trestle"
t_trestle=$(seconds "$here/trestle" trace summary "$log")
report() { printf '%-26s %9s %9.0f %9.2f\n' "$1" "$2" "$(awk -v m="$mb" -v s="$2" 'BEGIN { print m / s }')" \
    "$(awk -v a="$2" -v b="$t_trestle" 'BEGIN { print a / b }')"; }
report "trestle trace summary" "$t_trestle"
report "cat" "$(seconds cat "$log")"
report "wc -l" "$(seconds wc -l "$log")"
report "mawk (same summary)" "$(seconds mawk "$awk_summary" "$log")"
