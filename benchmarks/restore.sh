#!/usr/bin/env bash
# Restore throughput, as a user meets it through ./trestle, against the standard tools in the same run, from one
# archive of SRC made once (untimed) by ./trestle backup create, and one restic repository of SRC:
#   R1 ./trestle backup restore ARCHIVE DIR         (every file's SHA-256 checked against the index before it takes
#                                                     its name; the archive read past the page cache with O_DIRECT)
#   T1 tar -I 'zstd -T0' -xf ARCHIVE -C DIR         (the same archive; zstd checks its frame checksums, nothing else)
#   S1 restic restore latest --target DIR           (restic checks each blob's SHA-256)
#   R2, T2, S2: the same three restoring one file (FILE, default Makefile, or the tree's first file in sort order)
# Prints seconds (median of RUNS runs, default 3), the CPU seconds (user+sys) and the ratios against tar and restic.
# DIR is a new directory under TARGET_ROOT (default a directory under TMPDIR), removed after each run, untimed.
# Restoring tens of thousands of files is file-system work as much as decompression: on ext4, creating them right
# after deleting as many makes the allocator search (seconds, for every contender alike); set TARGET_ROOT=/dev/shm
# to measure the tools rather than the file system.
# SRC defaults to /usr/include; the issue's own tree is the Debian linux-source-6.1 package (see backup.sh).
# Needs the headless product built (./trestle builds it; TRESTLE_NO_BUILD=1 to use what is there), zstd, and
# restic (apt-get install restic; without it S1 and S2 are left out).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
src="$(cd "${SRC:-/usr/include}" && pwd)"
runs="${RUNS:-3}"
work="$(mktemp -d "${TMPDIR:-/var/tmp}/trestle-restore.XXXXXX")"
target_root="$(mktemp -d "${TARGET_ROOT:-$work}/targets.XXXXXX")"
trap 'rm -rf "$work" "$target_root"' EXIT
export XDG_STATE_HOME="$work/state"
export TRESTLE_JAVA_OPTIONS="${TRESTLE_JAVA_OPTIONS:-} -Dtrestle.backup.staging=$work/staging"
export RESTIC_PASSWORD=benchmark RESTIC_REPOSITORY="$work/restic" RESTIC_CACHE_DIR="$work/restic-cache"

. "$here/benchmarks/timing.sh"
# fresh: an empty directory to restore into, the one before it removed (untimed)
fresh() {
    rm -rf "$target_root/into"
    mkdir "$target_root/into"
    sync
    echo "$target_root/into"
}

have_restic=$(command -v restic >/dev/null && echo yes || echo no)
# (awk, not head: head would stop reading, and pipefail would take sort's broken pipe for a failure)
file="${FILE:-$(cd "$src" && if [ -f Makefile ]; then echo Makefile; else find . -type f | sort | awk 'NR == 1 { print substr($0, 3) }'; fi)}"
echo "source $src: $(find "$src" -type f | wc -l) files, $(($(du -sb "$src" | cut -f1) / 1000000)) MB; one file: $file;" \
    "$runs runs; $(nproc) cores; restoring under $target_root"
mkdir -p "$work/dest"
"$here/trestle" backup create "$src" "$work/dest" >/dev/null
archive="$(ls "$work"/dest/*.tar.zst)"
if [ "$have_restic" = yes ]; then
    restic init -q >/dev/null
    (cd "$src" && restic backup -q .) >/dev/null
fi

for _ in $(seq "$runs"); do
    timed trestle_all "$here/trestle" backup restore "$archive" "$(fresh)"
    timed tar_all tar -I 'zstd -T0' -xf "$archive" -C "$(fresh)"
    [ "$have_restic" = no ] || timed restic_all restic restore -q latest --target "$(fresh)"
    timed trestle_one "$here/trestle" backup restore "$archive" "$(fresh)" "$file"
    timed tar_one tar -I 'zstd -T0' -xf "$archive" -C "$(fresh)" "$file"
    [ "$have_restic" = no ] || timed restic_one restic restore -q latest --target "$(fresh)" --include "/$file"
done
# the last run's restores hold what the source holds
into="$(fresh)"
"$here/trestle" backup restore "$archive" "$into" >/dev/null
diff -r --no-dereference "$src" "$into" >/dev/null || { echo "trestle restore differs from $src" >&2; exit 1; }

m() { median <"$work/$1.$2"; }
printf '%-50s %8s %8s %8s %8s\n' "median of $runs runs" seconds "CPU s" "/ tar" "/ restic"
row() { # LABEL NAME TAR RESTIC
    local w
    w=$(m "$2" wall)
    printf '%-50s %8.2f %8.2f %8s %8s\n' "$1" "$w" "$(m "$2" cpu)" "$(ratio "$w" "$(m "$3" wall)")" \
        "$([ "$have_restic" = yes ] && ratio "$w" "$(m "$4" wall)")"
}
row "R1 trestle backup restore, whole tree" trestle_all tar_all restic_all
row "T1 tar -I 'zstd -T0' -xf, whole tree" tar_all tar_all restic_all
[ "$have_restic" = no ] || row "S1 restic restore, whole tree" restic_all tar_all restic_all
row "R2 trestle backup restore, one file" trestle_one tar_one restic_one
row "T2 tar -I 'zstd -T0' -xf, one file" tar_one tar_one restic_one
[ "$have_restic" = no ] || row "S2 restic restore, one file" restic_one tar_one restic_one
