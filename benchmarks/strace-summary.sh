#!/usr/bin/env bash
# Throughput of `trestle trace summary` (full parse + strace -c style summary) on a large strace log,
# against cat, wc -l and an awk script that computes the same summary (calls and errors per syscall),
# all in one run on the same file. Prints the median wall and CPU seconds of RUNS runs (default 5), MB/s
# and ratios; checks that a 16 MB heap gives the same summary. The launcher runs the C1 JIT only; a
# second row shows the product with C2 as well, a third the resident server (./trestle server start: warm,
# C2, no JVM start per command), started for this run with a state directory of its own and stopped after.
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

runs="${RUNS:-5}"
# Wall and CPU (user+sys) seconds of one run, "wall cpu"; the CPU time says more than the wall time when other
# work shares the machine.
times="$(mktemp)"
trap 'rm -f "$times"; rm -rf "${work:-}"' EXIT
one_run() {
    local start end
    start=$(date +%s%N)
    /usr/bin/time -o "$times" -f '%U %S' "$@" >/dev/null
    end=$(date +%s%N)
    awk -v s="$start" -v e="$end" -v c="$(tail -1 "$times")" \
        'BEGIN { split(c, t, " "); printf "%.3f %.2f\n", (e - s) / 1e9, t[1] + t[2] }'
}
# The median wall and CPU seconds of $runs runs, "wall cpu".
median_run() {
    local i
    for ((i = 0; i < runs; i++)); do one_run "$@"; done |
        sort -n -k1,1 | awk '{ w[NR] = $1; c[NR] = $2 } END { m = int((NR + 1) / 2); printf "%s %s\n", w[m], c[m] }'
}
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

"$here/trestle" trace summary "$log" >"$cache/summary.expected"   # warms the page cache and the product
# Heap bounded: the same summary with a 16 MB heap, for a log 40 times that size.
TRESTLE_JAVA_OPTIONS="-Xmx16m" "$here/trestle" trace summary "$log" | cmp -s - "$cache/summary.expected" &&
    echo "heap: the same summary with -Xmx16m" || { echo "heap: -Xmx16m run failed or differed" >&2; exit 1; }
export TRESTLE_NO_BUILD=1   # the product was (re)built above if needed, never while timing
echo "median of $runs runs each, on $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "mawk/this: how many times faster than mawk (goal >= 4); this/wc-l: how many times slower than wc -l (goal <= 3)"
printf '%-26s %7s %7s %7s %10s %10s\n' tool wall cpu MB/s mawk/this this/wc-l
server_state="$(mktemp -d)"
trap 'XDG_STATE_HOME="$server_state" "$here/trestle" server stop >/dev/null 2>&1 || true; rm -rf "$server_state"
    rm -f "$times"; rm -rf "${work:-}"' EXIT
XDG_STATE_HOME="$server_state" "$here/trestle" server start >/dev/null
for warmup in 1 2 3 4 5; do   # C2 settles within the first five runs; each gives the same summary as without the server
    XDG_STATE_HOME="$server_state" "$here/trestle" trace summary "$log" | cmp -s - "$cache/summary.expected" ||
        { echo "warm server: the summary differs from the one without it" >&2; exit 1; }
done
server_pid="$(cut -d' ' -f3 "$server_state/trestle/server/address")"
server_ticks() { awk '{ sub(/.*\) /, ""); print $12 + $13 }' "/proc/$server_pid/stat"; }
ticks_before="$(server_ticks)"
warm=$(XDG_STATE_HOME="$server_state" median_run "$here/trestle" trace summary "$log")
server_cpu="$(awk -v a="$ticks_before" -v b="$(server_ticks)" -v hz="$(getconf CLK_TCK)" -v n="$runs" \
    'BEGIN { printf "%.2f", (b - a) / hz / n }')"
round_trip=$(XDG_STATE_HOME="$server_state" median_run "$here/trestle" --version)
served="$(XDG_STATE_HOME="$server_state" "$here/trestle" server status | sed -n 's/.* \([0-9]*\) commands served.*/\1/p')"
[ "$served" -ge $((5 + 2 * runs)) ] || { echo "warm server: only $served commands ran in it" >&2; exit 1; }
XDG_STATE_HOME="$server_state" "$here/trestle" server stop >/dev/null
trestle=$(median_run "$here/trestle" trace summary "$log")
c2=$(TRESTLE_JAVA_OPTIONS="-XX:TieredStopAtLevel=4" median_run "$here/trestle" trace summary "$log")
cat_=$(median_run cat "$log")
wc_=$(median_run wc -l "$log")
mawk_=$(median_run mawk "$awk_summary" "$log")
row() {
    set -- "$1" $2
    printf '%-26s %7s %7s %7.0f %10.2f %10.2f\n' "$1" "$2" "$3" "$(awk -v m="$mb" -v s="$2" 'BEGIN { print m / s }')" \
        "$(awk -v a="${mawk_%% *}" -v b="$2" 'BEGIN { print a / b }')" \
        "$(awk -v a="$2" -v b="${wc_%% *}" 'BEGIN { print a / b }')"
}
row "trestle trace summary" "$trestle"
row "trestle, C2 JIT as well" "$c2"
row "trestle, warm server" "$warm"
row "cat" "$cat_"
row "wc -l" "$wc_"
row "mawk (same summary)" "$mawk_"
echo "warm server: a command's round trip (trestle --version through it) takes ${round_trip%% *} s wall," \
    "${round_trip##* } s CPU in the client"
echo "warm server: its cpu column is the client's; the server itself used $server_cpu s CPU per summary (mean)"
