#!/usr/bin/env bash
# Backup throughput, as a user meets it through ./trestle, against the standard tools in the same run:
#   A  ./trestle backup create SRC DEST  +  ./trestle backup verify DEST
#      (staged archive, verified, copied, fsynced, read back past the page cache with O_DIRECT, verified again;
#       then verify reads every archive at DEST past the cache once more)
#   B  tar -cf - SRC | zstd -T0 -3 > X                          (compression alone, no verification)
#   C  B followed by find SRC -type f -exec sha256sum {} +      (what a careful user does by hand)
# Prints seconds (median of RUNS runs, default 3) and the ratios A/B and A/C. The issue's target: A/B <= 1.5.
# SRC defaults to /usr/include; the issue's own tree is the Debian linux-source-6.1 package
# (apt-get install linux-source-6.1 && tar -xf /usr/src/linux-source-6.1.tar.xz -C /tmp; SRC=/tmp/linux-source-6.1).
# Run it on an idle machine: with other work on the cores the wall times swing by a factor of 2; the CPU seconds
# of A are printed too because they swing less.
# The page cache is warm for the source (one untimed tar first), as it is for every contender alike.
# DEST defaults to a directory under TMPDIR; set DEST to a directory on a real device (USB stick) to include it.
# Needs the headless product built (./trestle builds it; TRESTLE_NO_BUILD=1 to use what is there).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
src="$(cd "${SRC:-/usr/include}" && pwd)"
runs="${RUNS:-3}"
work="$(mktemp -d "${TMPDIR:-/var/tmp}/trestle-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
dest_root="${DEST:-$work/dest}"
mkdir -p "$dest_root"
export XDG_STATE_HOME="$work/state"
export TRESTLE_JAVA_OPTIONS="${TRESTLE_JAVA_OPTIONS:-} -Dtrestle.backup.staging=$work/staging -Dtrestle.backup.state=$work/backup-state"

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }

files=$(find "$src" -type f | wc -l)
bytes=$(du -sb "$src" | cut -f1)
echo "source $src: $files files, $((bytes / 1000000)) MB; $runs runs; $(nproc) cores"
tar -cf - -C "$(dirname "$src")" "$(basename "$src")" >/dev/null   # warm the cache for all alike
"$here/trestle" --version >/dev/null                                 # unpack the product, write its CDS archive

trestle=(); creates=(); cpus=(); tarzstd=(); tarsha=()
for i in $(seq "$runs"); do
    dest="$dest_root/run-$i"
    mkdir -p "$dest"
    start=$(now)
    /usr/bin/time -f '%U %S' -o "$work/cpu1" "$here/trestle" backup create "$src" "$dest" >/dev/null
    creates+=("$(secs "$start" "$(now)")")
    /usr/bin/time -f '%U %S' -o "$work/cpu2" "$here/trestle" backup verify "$dest" >/dev/null
    trestle+=("$(secs "$start" "$(now)")")
    cpus+=("$(cat "$work/cpu1" "$work/cpu2" | awk '{ s += $1 + $2 } END { printf "%.2f", s }')")
    rm -rf "$dest"

    start=$(now)
    tar -cf - -C "$(dirname "$src")" "$(basename "$src")" | zstd -q -T0 -3 >"$work/x.tar.zst"
    tarzstd+=("$(secs "$start" "$(now)")")
    rm -f "$work/x.tar.zst"

    start=$(now)
    tar -cf - -C "$(dirname "$src")" "$(basename "$src")" | zstd -q -T0 -3 >"$work/x.tar.zst"
    find "$src" -type f -exec sha256sum {} + >/dev/null
    tarsha+=("$(secs "$start" "$(now)")")
    rm -f "$work/x.tar.zst"
done

a=$(printf '%s\n' "${trestle[@]}" | median)
b=$(printf '%s\n' "${tarzstd[@]}" | median)
c=$(printf '%s\n' "${tarsha[@]}" | median)
a1=$(printf '%s\n' "${creates[@]}" | median)
a2=$(printf '%s\n' "${cpus[@]}" | median)
printf '%-58s %8s %8s\n' "median of $runs runs" seconds ratio
printf '%-58s %8.2f %8s\n' "A  trestle backup create + verify" "$a" ""
printf '%-58s %8.2f %8s\n' "     of which create" "$a1" ""
printf '%-58s %8.2f %8s\n' "     CPU seconds (user+sys) of A, a steadier figure on a busy machine" "$a2" ""
printf '%-58s %8.2f %8.2f\n' "B  tar | zstd -T0 -3   (A/B, target <= 1.5)" "$b" "$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", a / b }')"
printf '%-58s %8.2f %8.2f\n' "C  tar | zstd -T0 -3, then sha256sum every file   (A/C)" "$c" "$(awk -v a="$a" -v c="$c" 'BEGIN { printf "%.2f", a / c }')"
printf 'trestle throughput: %.0f MB/s\n' "$(awk -v s="$bytes" -v a="$a" 'BEGIN { print s / 1e6 / a }')"
