# Sourced by the benchmarks that time whole commands; the sourcing script sets $work, a scratch directory.

# median: the median of the numbers on standard input, one a line
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# ratio A B: A / B to two decimals
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
# timed NAME COMMAND...: runs COMMAND, appends its wall seconds to NAME.wall and its CPU seconds (user+sys) to
# NAME.cpu under $work; its output is dropped and its standard error shown only if it fails (on a terminal, backup
# create would draw its progress line)
timed() {
    local name="$1"
    shift
    if ! /usr/bin/time -f '%e %U %S' -o "$work/time" "$@" >/dev/null 2>"$work/stderr"; then
        cat "$work/stderr" >&2
        return 1
    fi
    awk '{ print $1 }' "$work/time" >>"$work/$name.wall"
    awk '{ printf "%.2f\n", $2 + $3 }' "$work/time" >>"$work/$name.cpu"
}
