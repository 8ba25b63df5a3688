#!/usr/bin/env bash
# The editor on huge files, against vim and less on the same files in the same run:
#   - a 1 GiB strace-like log opened to the first painted screen (Trestle: from the call that opens the file to the
#     end of the first paint of the text, in a workbench window under X; vim -u NONE and less: the wall time of a run
#     in a pseudo-terminal that draws the first screen and quits, process start included)
#   - memory: Trestle's Java heap in use after a GC and its resident set (all of it, and without the pages of the
#     mapped file, which are the page cache's), against vim's and less's maximum resident set (/usr/bin/time)
#   - time to the last line: Trestle's Ctrl+End right after the first paint, while the line index may still run;
#     vim's +$ (open and go to the last line, minus nothing: vim must read the whole file first anyway)
#   - keystroke-to-paint latency in a 100 MB file (Trestle only: from the key event to the end of the next paint), keys
#     66 ms apart as a fast typist types; keys back to back are printed too, but they measure GTK's frame pacing
#     (a frame follows the previous frame by a refresh interval, 16.7 ms) more than the editor
# The files are kept in ~/.cache/trestle-bench (HUGE=..., EDIT=... override). The page cache is warmed first, so
# every tool reads from memory. Trestle's figures come from the EditorBenchmark class of the editor UI's tests.
# RUNS (default 3) runs of vim and less, median; Trestle runs once per RUNS too.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
runs="${RUNS:-3}"
cache="$HOME/.cache/trestle-bench"
huge="${HUGE:-$cache/strace-1GB.log}"
edit="${EDIT:-$cache/strace-100MB.log}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export PATH="$JAVA_HOME/bin:$PATH"
for tool in vim less script /usr/bin/time xvfb-run; do
    command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install vim less bsdutils time xvfb)" >&2; exit 1; }
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

mkdir -p "$cache"
if [ ! -s "$huge" ]; then
    if [ -s "$cache/strace-builds-600MB.log" ]; then
        cat "$cache/strace-builds-600MB.log" "$cache/strace-builds-600MB.log" | head -c 1073741824 >"$huge.tmp"
    else
        # strace -f -tt -T lines of a build, generated
        awk 'BEGIN { for (i = 0; ; i++) printf "%d %02d:%02d:%02d.%06d openat(AT_FDCWD, \"/usr/include/x86_64-linux-gnu/bits/h%d.h\", O_RDONLY|O_NOCTTY) = -1 ENOENT (No such file or directory) <0.%06d>\n", 4000 + i % 97, i / 3600000 % 24, i / 60000 % 60, i / 1000 % 60, i % 1000000, i, i % 997 }' \
            | head -c 1073741824 >"$huge.tmp"
    fi
    mv "$huge.tmp" "$huge"
fi
[ -s "$edit" ] || head -c 104857600 "$huge" >"$edit"
cat "$huge" "$edit" >/dev/null

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
millis() { echo $(( $(date +%s%N) / 1000000 )); }
# runs "$@" in a pseudo-terminal of 80x24 with the keys of $keys typed; prints wall ms, writes max RSS (KB) to $work/rss
in_tty() {
    local keys="$1" start end; shift
    start=$(millis)
    printf '%s' "$keys" | TERM=xterm script -qec "stty rows 24 cols 80; /usr/bin/time -f %M -o $work/rss $*" /dev/null >/dev/null 2>&1
    end=$(millis)
    echo $(( end - start ))
}

# Where builds share the machine, hold their lock while measuring, so that no build competes with either side.
if [ -e /tmp/trestle-build.lock ]; then
    exec 9>>/tmp/trestle-build.lock
    flock 9
fi
# Trestle: build the editor bundles once, then run the benchmark class RUNS times (each a fresh JVM: the first open
# is "cold", with the editor's classes still to load and compile; the second, in a new window, is "warm")
(cd "$here" && mvn -q -o -pl bundles/dev.trestle.editor,bundles/dev.trestle.editor.ui install -DskipTests >"$work/build.log" 2>&1) \
    || { cat "$work/build.log" >&2; exit 1; }
: >"$work/trestle"
for _ in $(seq "$runs"); do
    (cd "$here" && TRESTLE_EDITOR_BENCH_HUGE="$huge" TRESTLE_EDITOR_BENCH_EDIT="$edit" xvfb-run -a -s "-screen 0 1280x1024x24" \
        mvn -o -pl bundles/dev.trestle.editor.ui surefire:test -Dtest=EditorBenchmark -Dtrestle.editor.probe=true 2>&1) \
        | sed -n 's/^EDITOR_BENCH //p; s/^.*TRESTLE_EDITOR_PROBE /probe_/p' >>"$work/trestle"
done
trestle() { sed -n "s/^$1=//p" "$work/trestle" | median; }
[ -s "$work/trestle" ] || { echo "the Trestle benchmark printed nothing" >&2; exit 1; }

vim_open=(); vim_rss=(); vim_last=(); less_open=(); less_rss=()
for _ in $(seq "$runs"); do
    vim_open+=("$(in_tty '' vim -u NONE -c redraw -c q "$huge")"); vim_rss+=("$(cat "$work/rss")")
    vim_last+=("$(in_tty '' vim -u NONE + -c redraw -c q "$huge")")
    less_open+=("$(in_tty q less "$huge")"); less_rss+=("$(cat "$work/rss")")
done
vo=$(printf '%s\n' "${vim_open[@]}" | median); vr=$(( $(printf '%s\n' "${vim_rss[@]}" | median) / 1024 ))
vl=$(printf '%s\n' "${vim_last[@]}" | median)
lo=$(printf '%s\n' "${less_open[@]}" | median); lr=$(( $(printf '%s\n' "${less_rss[@]}" | median) / 1024 ))

to=$(trestle huge_open_to_first_paint_ms); tw=$(trestle huge_open_to_first_paint_warm_ms)
tl=$(trestle huge_goto_last_line_ms)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }'; }
size=$(( $(stat -c %s "$huge") / 1048576 ))
lines=$(trestle huge_lines)
echo "editor on a $size MB log ($lines lines), medians of $runs runs; ratio = Trestle / other"
printf '  %-44s %10s %10s %10s\n' "" Trestle "vim -u NONE" less
printf '  %-44s %10s %10s %10s\n' "open to first screen (ms)" "$to" "$vo" "$lo"
printf '  %-44s %10s %10s %10s\n' "  ratio" "" "$(ratio "$to" "$vo")" "$(ratio "$to" "$lo")"
printf '  %-44s %10s %10s %10s\n' "  again, editor classes loaded (ms)" "$tw" "" ""
printf '  %-44s %10s %10s %10s\n' "  ratio" "" "$(ratio "$tw" "$vo")" "$(ratio "$tw" "$lo")"
printf '  %-44s %10s %10s %10s\n' "go to the last line (ms; vim: open + G)" "$tl" "$vl" ""
printf '  %-44s %10s %10s %10s\n' "  ratio" "" "$(ratio "$tl" "$vl")" ""
printf '  %-44s %10s %10s %10s\n' "Java heap in use after GC (MB)" "$(trestle huge_heap_used_mb)" "" ""
printf '  %-44s %10s %10s %10s\n' "  of it for the file (MB)" "$(trestle huge_heap_growth_mb)" "" ""
printf '  %-44s %10s %10s %10s\n' "resident set, whole process (MB)" "$(trestle huge_rss_mb)" "$vr" "$lr"
printf '  %-44s %10s %10s %10s\n' "  without mapped file pages (MB)" "$(trestle huge_rss_anon_mb)" "" ""
printf '  %-44s %10s %10s %10s\n' "  ratio (without mapped pages / vim)" "" "$(ratio "$(trestle huge_rss_anon_mb)" "$vr")" ""
printf '  %-44s %10s\n' "line index complete after go to last (ms)" "$(trestle huge_index_wait_after_goto_ms)"
printf '  %-44s %10s\n' "go to the middle line once indexed (ms)" "$(trestle huge_goto_middle_line_ms)"
echo "keystroke to paint in a $(( $(stat -c %s "$edit") / 1048576 )) MB file (Trestle, ms; keys 66 ms apart, as typed)"
printf '  %-44s %10s\n' "median" "$(trestle edit_keystroke_to_paint_median_ms)"
printf '  %-44s %10s\n' "95th percentile" "$(trestle edit_keystroke_to_paint_p95_ms)"
printf '  %-44s %10s\n' "key handling alone, median" "$(trestle edit_key_handling_median_ms)"
printf '  %-44s %10s\n' "keys back to back, median (GTK frame pacing)" "$(trestle edit_back_to_back_keystroke_to_paint_median_ms)"
echo "targets: first screen < 500 ms, heap < 100 MB, keystroke to paint < 16 ms"
echo "every Trestle figure in run order (probe_*: steps of each open and go-to, from -Dtrestle.editor.probe=true):"
awk -F= '{ v[$1] = v[$1] " " $2 } END { for (k in v) printf "  %-44s%s\n", k, v[k] }' "$work/trestle" | sort
