#!/usr/bin/env bash
# Makefile generation against its peers, on Debian's lua5.4 (the tests' cached copy, or LUA_TREE=DIR).
#  (a) dependency scanning of every translation unit: `trestle make scan` (whole command, JVM start included,
#      and the scan alone as the command reports it) against `gcc -MM` over the same units with the same flags
#      (two at a time: this is a 2-core machine and the scanner uses both) and against `cat` of the unique files
#      the scanner read (units, project headers, system headers).
#  (a') the same on a large tree: lua's sources COPIES times (default 50), thousands of units.
#  (a'') the same on git's sources (the tests' cached copy, or GIT_TREE=DIR; flags of its own Makefile), and the
#      scan through the resident server (./trestle server start), once SERVER_WARMUP scans (default 25) warmed it.
#  (a''') with KERNEL_TREE set, the same on the kernel's kernel/ mm/ fs/ (see there how to prepare the tree).
#  (b) a no-op build: make on Trestle's Makefile, ninja on Trestle's build.ninja, ninja and make on CMake's
#      builds of the same project (benchmarks/lua/CMakeLists.txt) when cmake is installed.
#  (b') and (c) the same on Debian's zlib (the tests' cached copy, or ZLIB_TREE=DIR) against zlib's own
#      CMakeLists.txt: a no-op build, and a clean `-j2` build of the same targets (zlib's shared and static
#      library, example, minigzip and their 64-bit-offset twins, with CMake's flags), Trestle's Makefile against
#      CMake's Ninja and Unix Makefiles builds. ONLY=zlib runs just these.
# Every figure is the median of RUNS runs (default 11) after one warm-up, all in this one run, so ratios compare
# like with like. Needs the product built: flock /tmp/trestle-build.lock mvn -B -q install -DskipTests \
#   -pl bundles/dev.trestle.make,features/make,product
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
runs="${RUNS:-11}"
export TRESTLE_NO_BUILD=1
lua_tree="${LUA_TREE:-$(ls -d "$HOME"/.cache/trestle-test/lua5.4/lua5.4-*/ 2>/dev/null | head -1)}"
[ -f "$lua_tree/src/lua.c" ] || { echo "no lua5.4 tree: run the make bundle's tests or set LUA_TREE" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export XDG_STATE_HOME="$work/state"

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
seconds() { date +%s.%N; }
# time_cmd CMD...: median wall seconds of RUNS runs after one warm-up
time_cmd() {
    "$@" >/dev/null 2>&1
    for _ in $(seq "${RUNS:-$runs}"); do
        local start; start=$(seconds); "$@" >/dev/null 2>&1; echo "$(seconds) - $start" | bc -l
    done | median
}
ratio() { echo "scale=1; $1 / $2" | bc -l; }
# scan_seconds RUNS ARGS...: median of the scan time `trestle make scan ARGS` reports
scan_seconds() {
    local n="$1"; shift
    for _ in $(seq "$n"); do "$here/trestle" make scan "$@" | sed -n 's/.* in \([0-9.]*\) s.*/\1/p'; done | median
}
row() { printf '  %-44s %9.4f s\n' "$1" "$2"; }
# start_warm_server TREE SCANS SUMMARY: a resident server with a state directory of its own ($server_state), warmed
# by SCANS --fresh scans of TREE, each of which must give the SUMMARY the scan gives alone
start_warm_server() {
    server_state="$(mktemp -d)"
    XDG_STATE_HOME="$server_state" "$here/trestle" server start >/dev/null
    for _ in $(seq "$2"); do
        [ "$(XDG_STATE_HOME="$server_state" "$here/trestle" make scan "$1" --fresh | grep "^scanned" |
            sed 's/ in [0-9.]* s//')" = "$(echo "$3" | sed 's/ in [0-9.]* s//')" ] ||
            { echo "warm server: the scan of $1 differs from the one without it" >&2; exit 1; }
    done
}
stop_server() {
    XDG_STATE_HOME="$server_state" "$here/trestle" server stop >/dev/null
    rm -rf "$server_state"
}

if [ "${ONLY:-}" != zlib ]; then
cp -r "$lua_tree" "$work/lua"
cp "$here/benchmarks/lua/trestle-build.txt" "$work/lua/"
lua="$work/lua"
flags=(-DLUA_COMPAT_5_3 -DLUA_USE_LINUX)

echo "== (a) scanning the $(ls "$lua"/src/*.c | wc -l) translation units of lua5.4 ($runs runs, median)"
"$here/trestle" make scan "$lua" --list | grep '^/' > "$work/files"
summary="$("$here/trestle" make scan "$lua" | grep "^scanned")"
echo "  trestle: $summary"
scan_internal=$(scan_seconds "$runs" "$lua")
scan_wall=$(time_cmd "$here/trestle" make scan "$lua")
gcc_mm() { ls "$lua"/src/*.c | xargs -P2 -n1 gcc -MM -MG "${flags[@]}" >/dev/null; }
gcc_time=$(time_cmd gcc_mm)
cat_files() { xargs cat < "$work/files" >/dev/null; }
cat_time=$(time_cmd cat_files)
row "cat of the $(wc -l < "$work/files") unique files" "$cat_time"
row "trestle make scan (the scan, as reported)" "$scan_internal"
row "trestle make scan (whole command, JVM start)" "$scan_wall"
row "gcc -MM -MG, 2 at a time" "$gcc_time"
echo "  scan/cat $(ratio "$scan_internal" "$cat_time")x   gcc -MM/cat $(ratio "$gcc_time" "$cat_time")x" \
    "  gcc -MM/scan $(ratio "$gcc_time" "$scan_internal")x (whole command: $(ratio "$gcc_time" "$scan_wall")x)"

# A large tree: lua's sources COPIES times (default 50) under different directories, all one target, so the
# ratios are measured on thousands of units and the JVM's start is amortised as it is on a real big project.
copies="${COPIES:-50}"
big="$work/big"
mkdir -p "$big"
for i in $(seq "$copies"); do mkdir -p "$big/copy$i" && cp -r "$lua/src" "$big/copy$i/src"; done
cat > "$big/trestle-build.txt" <<DESC
project = lua-x$copies

[platform linux-gcc]
os = linux
compiler = gcc

[static-library all]
sources = **/*.c
define = LUA_COMPAT_5_3 LUA_USE_LINUX
DESC
big_units=$(find "$big" -name '*.c' | wc -l)
echo "== (a') scanning $big_units translation units: lua5.4's sources $copies times under different directories"
"$here/trestle" make scan "$big" --list | grep '^/' > "$work/big-files"
echo "  trestle: $("$here/trestle" make scan "$big" | grep "^scanned")"
big_runs=$(( runs < 5 ? runs : 5 ))
big_internal=$(scan_seconds "$big_runs" "$big")
big_wall=$(RUNS=$big_runs time_cmd "$here/trestle" make scan "$big")
big_gcc() { find "$big" -name '*.c' | xargs -P2 -n1 gcc -MM -MG "${flags[@]}" >/dev/null; }
big_gcc_time=$(RUNS=1 time_cmd big_gcc)
big_cat() { xargs cat < "$work/big-files" >/dev/null; }
big_cat_time=$(time_cmd big_cat)
row "cat of the $(wc -l < "$work/big-files") unique files" "$big_cat_time"
row "trestle make scan (the scan, as reported)" "$big_internal"
row "trestle make scan (whole command, JVM start)" "$big_wall"
row "gcc -MM -MG, 2 at a time (1 run)" "$big_gcc_time"
echo "  scan/cat $(ratio "$big_internal" "$big_cat_time")x (whole command: $(ratio "$big_wall" "$big_cat_time")x)" \
    "  gcc -MM/cat $(ratio "$big_gcc_time" "$big_cat_time")x" \
    "  gcc -MM/scan $(ratio "$big_gcc_time" "$big_internal")x (whole command: $(ratio "$big_gcc_time" "$big_wall")x)"
echo "  targets (issue 3): scan within 10x of cat, at least 50x faster than gcc -MM"

# A large real tree: git's sources (Debian's, as the tests fetch them, or GIT_TREE=DIR), the units its Makefile
# compiles on Linux with its flags (benchmarks/git/trestle-build.txt). Every unit reaches hundreds of system
# headers through git-compat-util.h, which is what makes gcc -MM cost hundreds of times a cat of the files.
git_tree="${GIT_TREE:-$(ls -d "$HOME"/.cache/trestle-test/git/git-*/ 2>/dev/null | head -1)}"
if [ -f "$git_tree/git-compat-util.h" ]; then
    cp -r "$git_tree" "$work/git"
    cp "$here/benchmarks/git/trestle-build.txt" "$work/git/"
    git_dir="$work/git"
    (cd "$git_dir" && ls *.c builtin/*.c xdiff/*.c reftable/*.c refs/*.c negotiator/*.c ewah/*.c trace2/*.c \
        sha1dc/*.c block-sha1/*.c sha256/block/*.c t/helper/*.c compat/linux/*.c compat/simple-ipc/*.c) > "$work/git-units"
    git_units=$(wc -l < "$work/git-units")
    echo "== (a'') scanning the $git_units translation units of git ($runs runs, median)"
    "$here/trestle" make scan "$git_dir" --list | grep '^/' > "$work/git-files"
    git_summary="$("$here/trestle" make scan "$git_dir" | grep "^scanned")"
    echo "  trestle: $git_summary"
    git_internal=$(scan_seconds "$runs" "$git_dir")
    git_wall=$(time_cmd "$here/trestle" make scan "$git_dir")
    git_flags=(-I. -DHAVE_SYSINFO '-DGIT_HOST_CPU="x86_64"' -DHAVE_ALLOCA_H -DNO_GETTEXT -DSUPPORTS_SIMPLE_IPC -DSHA1_DC
        -DSHA1DC_NO_STANDARD_INCLUDES -DSHA1DC_INIT_SAFE_HASH_DEFAULT=0 '-DSHA1DC_CUSTOM_INCLUDE_SHA1_C="cache.h"'
        '-DSHA1DC_CUSTOM_INCLUDE_UBC_CHECK_C="git-compat-util.h"' -DSHA256_BLK -DHAVE_PATHS_H -DHAVE_DEV_TTY
        -DHAVE_CLOCK_GETTIME -DHAVE_CLOCK_MONOTONIC -DHAVE_SYNC_FILE_RANGE -DHAVE_GETDELIM
        '-DPROCFS_EXECUTABLE_PATH="/proc/self/exe"' -DFREAD_READS_DIRECTORIES -DNO_STRLCPY '-DSHELL_PATH="/bin/sh"'
        -g -O2 -Wall)
    git_gcc() { (cd "$git_dir" && xargs -P2 -n1 gcc -MM -MG "${git_flags[@]}" < "$work/git-units" >/dev/null); }
    git_gcc_time=$(RUNS=3 time_cmd git_gcc)
    git_cat() { xargs cat < "$work/git-files" >/dev/null; }
    git_cat_time=$(time_cmd git_cat)
    # The resident server: a warm JVM with C2. With --fresh its scanner reads and prepares every file again, as the
    # first scan of a tree does; without, it keeps each file's prepared directives while the file's size and time
    # stay the same (the incremental scan), so a scan after the first only checks the files.
    # C2 settles over the first scans: the scan takes 1.0 s, then 0.27 s by the third and 0.12-0.14 s from about the
    # twenty-fifth on (git)
    start_warm_server "$git_dir" "${SERVER_WARMUP:-25}" "$git_summary"
    git_fresh=$(XDG_STATE_HOME="$server_state" scan_seconds "$runs" "$git_dir" --fresh)
    git_fresh_wall=$(XDG_STATE_HOME="$server_state" time_cmd "$here/trestle" make scan "$git_dir" --fresh)
    git_server=$(XDG_STATE_HOME="$server_state" scan_seconds "$runs" "$git_dir")
    stop_server
    row "cat of the $(wc -l < "$work/git-files") unique files" "$git_cat_time"
    row "trestle make scan (the scan, as reported)" "$git_internal"
    row "trestle make scan (whole command, JVM start)" "$git_wall"
    row "trestle make scan --fresh, server warmed by ${SERVER_WARMUP:-25} scans (the scan)" "$git_fresh"
    row "  (whole command)" "$git_fresh_wall"
    row "trestle make scan, warm server, files known" "$git_server"
    row "gcc -MM -MG, 2 at a time (3 runs)" "$git_gcc_time"
    echo "  scan/cat: alone $(ratio "$git_internal" "$git_cat_time")x (whole command $(ratio "$git_wall" "$git_cat_time")x);" \
        "--fresh in the warm server $(ratio "$git_fresh" "$git_cat_time")x (whole command" \
        "$(ratio "$git_fresh_wall" "$git_cat_time")x); files known $(ratio "$git_server" "$git_cat_time")x"
    echo "  gcc -MM/cat $(ratio "$git_gcc_time" "$git_cat_time")x   gcc -MM/scan: alone $(ratio "$git_gcc_time" "$git_internal")x" \
        "(whole command $(ratio "$git_gcc_time" "$git_wall")x); --fresh in the warm server" \
        "$(ratio "$git_gcc_time" "$git_fresh")x (whole command $(ratio "$git_gcc_time" "$git_fresh_wall")x);" \
        "files known $(ratio "$git_gcc_time" "$git_server")x"
    echo "  targets (issue 3): scan within 10x of cat, at least 50x faster than gcc -MM"
else
    echo "  (no git tree: run the make bundle's tests, which fetch it, or set GIT_TREE; git is not measured)"
fi

# The kernel: Debian's linux-source-6.1 after `make defconfig prepare` (KERNEL_TREE=DIR; prepare it with
#   cp -r /usr/src/linux-source-6.1 DIR && make -C DIR defconfig prepare   (needs flex bison bc libelf-dev libssl-dev)),
# its kernel/ mm/ fs/ as one target with kernel/fork.o's flags (benchmarks/linux/trestle-build.txt).
if [ -n "${KERNEL_TREE:-}" ] && [ -f "$KERNEL_TREE/include/generated/autoconf.h" ]; then
    cp "$here/benchmarks/linux/trestle-build.txt" "$KERNEL_TREE/"
    kernel_units=$(cd "$KERNEL_TREE" && find kernel mm fs -name '*.c' | sort | tee "$work/kernel-units" | wc -l)
    echo "== (a''') scanning the $kernel_units translation units of the kernel's kernel/ mm/ fs/ (3 runs, median)"
    "$here/trestle" make scan "$KERNEL_TREE" --list | grep '^/' > "$work/kernel-files"
    kernel_summary="$("$here/trestle" make scan "$KERNEL_TREE" | grep "^scanned")"
    echo "  trestle: $kernel_summary"
    kernel_internal=$(scan_seconds 3 "$KERNEL_TREE")
    kernel_flags=(-nostdinc -I./arch/x86/include -I./arch/x86/include/generated -I./include -I./arch/x86/include/uapi
        -I./arch/x86/include/generated/uapi -I./include/uapi -I./include/generated/uapi
        -include ./include/linux/compiler-version.h -include ./include/linux/kconfig.h
        -include ./include/linux/compiler_types.h -D__KERNEL__ -std=gnu11 -m64 -mno-sse -mno-mmx -mno-sse2 -mno-3dnow
        -mno-avx -mcmodel=kernel -fno-PIE -O2)
    kernel_gcc() { (cd "$KERNEL_TREE" && xargs -P2 -n1 gcc -MM -MG "${kernel_flags[@]}" < "$work/kernel-units" >/dev/null 2>&1); }
    kernel_gcc_time=$(RUNS=1 time_cmd kernel_gcc)
    kernel_cat() { xargs cat < "$work/kernel-files" >/dev/null; }
    kernel_cat_time=$(time_cmd kernel_cat)
    # the resident server as for git, warmed by fewer scans: each takes seconds
    start_warm_server "$KERNEL_TREE" "${KERNEL_SERVER_WARMUP:-5}" "$kernel_summary"
    kernel_fresh=$(XDG_STATE_HOME="$server_state" scan_seconds 3 "$KERNEL_TREE" --fresh)
    stop_server
    row "cat of the $(wc -l < "$work/kernel-files") unique files" "$kernel_cat_time"
    row "trestle make scan (the scan, as reported)" "$kernel_internal"
    row "trestle make scan --fresh, server warmed by ${KERNEL_SERVER_WARMUP:-5} scans" "$kernel_fresh"
    row "gcc -MM -MG, 2 at a time (1 run)" "$kernel_gcc_time"
    echo "  scan/cat $(ratio "$kernel_internal" "$kernel_cat_time")x (warm server $(ratio "$kernel_fresh" "$kernel_cat_time")x)" \
        "  gcc -MM/cat $(ratio "$kernel_gcc_time" "$kernel_cat_time")x" \
        "  gcc -MM/scan $(ratio "$kernel_gcc_time" "$kernel_internal")x (warm server $(ratio "$kernel_gcc_time" "$kernel_fresh")x)"
else
    echo "  (KERNEL_TREE is not a prepared kernel tree: the kernel's kernel/ mm/ fs/ are not measured)"
fi

echo "== (b) no-op builds of lua5.4 ($runs runs, median)"
"$here/trestle" make generate "$lua" >/dev/null
"$here/trestle" make generate "$lua" --backend ninja >/dev/null
out="$lua/build/linux-gcc"
make -s -j2 -C "$out" >/dev/null
[ "$("$out/bin/lua" -e 'print(1+1)')" = 2 ] || { echo "the make build of lua does not run" >&2; exit 1; }
ninja -j2 -C "$out" >/dev/null
ninja -C "$out" -n | grep -q 'no work to do' || { echo "ninja is not a no-op after a build" >&2; exit 1; }
make_noop=$(time_cmd make -C "$out")
ninja_noop=$(time_cmd ninja -C "$out")
row "make, Trestle's Makefile" "$make_noop"
row "ninja, Trestle's build.ninja" "$ninja_noop"
echo "  make/ninja $(ratio "$make_noop" "$ninja_noop")x"
if command -v cmake >/dev/null; then
    cmake -S "$here/benchmarks/lua" -B "$work/cmake-ninja" -G Ninja -DLUA_SRC="$lua" >/dev/null
    cmake -S "$here/benchmarks/lua" -B "$work/cmake-make" -G "Unix Makefiles" -DLUA_SRC="$lua" >/dev/null
    ninja -j2 -C "$work/cmake-ninja" >/dev/null
    make -s -j2 -C "$work/cmake-make" >/dev/null
    cmake_ninja=$(time_cmd ninja -C "$work/cmake-ninja")
    cmake_make=$(time_cmd make -C "$work/cmake-make")
    row "ninja, CMake's build.ninja" "$cmake_ninja"
    row "make, CMake's Unix Makefiles" "$cmake_make"
    echo "  Trestle make / CMake ninja $(ratio "$make_noop" "$cmake_ninja")x" \
        "  CMake make / Trestle make $(ratio "$cmake_make" "$make_noop")x"
else
    echo "  (cmake is not installed: CMake's builds are not measured)"
fi
fi

zlib_tree="${ZLIB_TREE:-$(ls -d "$HOME"/.cache/trestle-test/zlib/zlib-*/ 2>/dev/null | head -1)}"
if [ ! -f "$zlib_tree/zlib.h" ]; then
    echo "== (b') and (c) not measured: no zlib tree (run the make bundle's tests or set ZLIB_TREE)"
    exit 0
fi
command -v cmake >/dev/null || { echo "== (b') and (c) not measured: cmake is not installed"; exit 0; }
# Separate copies: CMake's out-of-tree build renames the source tree's zconf.h (to zconf.h.included).
cp -r "$zlib_tree" "$work/zlib"
cp -r "$zlib_tree" "$work/zlib-cmake"
# Debian's tarball drops win32/, which zlib's CMakeLists.txt lists (for Windows' resource compiler) on every system
mkdir -p "$work/zlib-cmake/win32" && touch "$work/zlib-cmake/win32/zlib1.rc"
zlib="$work/zlib"
# What zlib's CMakeLists.txt builds on Linux, with its flags: -D_LARGEFILE64_SOURCE=1 everywhere, the shared
# library (libz.so.1.2.13 with the soname libz.so.1 and its two links) with ZLIB_DLL and zlib.map,
# example64/minigzip64 with -D_FILE_OFFSET_BITS=64. HAVE_UNISTD_H and HAVE_STDARG_H stand for the zconf.h that
# CMake generates with them.
lib_sources="adler32.c compress.c crc32.c deflate.c gzclose.c gzlib.c gzread.c gzwrite.c inflate.c infback.c"
lib_sources="$lib_sources inftrees.c inffast.c trees.c uncompr.c zutil.c"
zdefs="HAVE_UNISTD_H HAVE_STDARG_H _LARGEFILE64_SOURCE=1"
cat > "$zlib/trestle-build.txt" <<DESC
project = zlib

[platform linux-gcc]
os = linux
compiler = gcc

[shared-library z]
sources = $lib_sources
include = .
define = $zdefs ZLIB_DLL
link-flags = -Wl,--version-script,$zlib/zlib.map
version = 1.2.13

[static-library zstatic]
sources = $lib_sources
include = .
define = $zdefs

[program example]
sources = test/example.c
include = .
define = $zdefs
libs = z

[program minigzip]
sources = test/minigzip.c
include = .
define = $zdefs
libs = z

[program example64]
sources = test/example.c
include = .
define = $zdefs _FILE_OFFSET_BITS=64
libs = z

[program minigzip64]
sources = test/minigzip.c
include = .
define = $zdefs _FILE_OFFSET_BITS=64
libs = z
DESC
"$here/trestle" make generate "$zlib" >/dev/null
zout="$zlib/build/linux-gcc"
cmake -S "$work/zlib-cmake" -B "$work/zlib-cmake-ninja" -G Ninja >/dev/null 2>&1
cmake -S "$work/zlib-cmake" -B "$work/zlib-cmake-make" -G "Unix Makefiles" >/dev/null 2>&1
[ -f "$work/zlib-cmake/zconf.h.included" ] && echo "  (CMake renamed zconf.h to zconf.h.included in its copy of the sources)"
units_ours=$(grep -c '^C_[0-9]* :=' "$zout/Makefile")
units_cmake=$(ninja -C "$work/zlib-cmake-ninja" -t commands all | grep -c ' -c ')
echo "== (c) clean -j2 builds of zlib: $units_ours compiles (CMake: $units_cmake), $runs runs, median"
# Clean builds take seconds and the machine is shared: the three builds take turns in every round, so a busy
# moment slows all of them alike. Each build is timed after its clean (untimed); one warm-up round.
ours_clean="make -s -C '$zout' clean"
ours_make="make -s -j2 -C '$zout'"
ninja_clean="ninja -C '$work/zlib-cmake-ninja' -t clean"
ninja_make="ninja -j2 -C '$work/zlib-cmake-ninja'"
cmake_clean="make -s -C '$work/zlib-cmake-make' clean"
cmake_make="make -s -j2 -C '$work/zlib-cmake-make'"
timed_build() {
    eval "$1" >/dev/null 2>&1
    local start; start=$(seconds)
    eval "$2" >/dev/null 2>&1 || { echo "build failed: $2" >&2; exit 1; }
    echo "$(seconds) - $start" | bc -l
}
: > "$work/t-ours"; : > "$work/t-ninja"; : > "$work/t-cmake"
for round in $(seq 0 "$runs"); do
    t1=$(timed_build "$ours_clean" "$ours_make")
    t2=$(timed_build "$ninja_clean" "$ninja_make")
    t3=$(timed_build "$cmake_clean" "$cmake_make")
    if [ "$round" -gt 0 ]; then
        echo "$t1" >> "$work/t-ours"; echo "$t2" >> "$work/t-ninja"; echo "$t3" >> "$work/t-cmake"
    fi
done
ours_build=$(median < "$work/t-ours")
cmake_ninja_build=$(median < "$work/t-ninja")
cmake_make_build=$(median < "$work/t-cmake")
LD_LIBRARY_PATH="$zout/lib" "$zout/bin/example" "$work/foo.gz" >/dev/null || { echo "Trestle's zlib example fails" >&2; exit 1; }
row "make -j2, Trestle's Makefile" "$ours_build"
row "ninja -j2, CMake's build.ninja" "$cmake_ninja_build"
row "make -j2, CMake's Unix Makefiles" "$cmake_make_build"
echo "  Trestle make / CMake ninja $(ratio "$ours_build" "$cmake_ninja_build")x" \
    "(target: within 5%, i.e. at most 1.05x; to three places: $(echo "scale=3; $ours_build / $cmake_ninja_build" | bc -l)x)"

echo "== (b') no-op builds of zlib ($runs runs, median)"
make -s -j2 -C "$zout" >/dev/null
ninja -j2 -C "$work/zlib-cmake-ninja" >/dev/null
make -s -j2 -C "$work/zlib-cmake-make" >/dev/null
noop_output="$(make -C "$zout")"
grep -q "Nothing to be done" <<< "$noop_output" || { echo "Trestle's make is not a no-op after a build" >&2; exit 1; }
zmake_noop=$(time_cmd make -C "$zout")
zninja_noop=$(time_cmd ninja -C "$work/zlib-cmake-ninja")
zcmake_make_noop=$(time_cmd make -C "$work/zlib-cmake-make")
row "make, Trestle's Makefile" "$zmake_noop"
row "ninja, CMake's build.ninja" "$zninja_noop"
row "make, CMake's Unix Makefiles" "$zcmake_make_noop"
echo "  Trestle make / CMake ninja $(ratio "$zmake_noop" "$zninja_noop")x (target: at most 2x)" \
    "  CMake make / Trestle make $(ratio "$zcmake_make_noop" "$zmake_noop")x (target: at least 10x)"
