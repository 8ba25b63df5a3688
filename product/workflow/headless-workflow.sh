#!/usr/bin/env bash
# The workbench's build-trace-audit-backup-edit workflow, with ./trestle commands only, on a copy of the demo project:
#   generate, build, break a dependency on purpose, build under trace, see the audit finding, fix it, rebuild clean,
#   back up, verify, clean behind the safety net, edit a file and see its saved version.
# Usage: headless-workflow.sh [WORK_DIR]   (default: a new temporary directory, removed afterwards)
# Each step prints "== step" and the command's output; the script stops at the first step that does not do what it
# should, with a line saying which.
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
trestle="${TRESTLE:-$here/trestle}"
if [ $# -gt 0 ]; then
    work="$1"
    mkdir -p "$work"
else
    work="$(mktemp -d "${TMPDIR:-/tmp}/trestle-workflow.XXXXXX")"
    trap 'rm -rf "$work"' EXIT
fi
project="$work/demo"
backups="$work/backups"
rm -rf "$project" "$backups"
cp -R "$here/product/demo-project" "$project"
mkdir -p "$backups"

step() { printf '\n== %s\n' "$*"; }
fail() { printf 'workflow failed: %s\n' "$*" >&2; exit 1; }
expect_status() { # expect_status WANTED command...
    local wanted=$1; shift
    local status=0
    "$@" || status=$?
    [ "$status" -eq "$wanted" ] || fail "'$*' exited with $status, expected $wanted"
}

step "a Trestle project, a build description, a makefile"
"$trestle" project init "$project"
"$trestle" make init "$project"
"$trestle" make generate "$project"

step "build"
"$trestle" make build "$project"
[ -x "$project/build/linux-gcc/bin/main" ] || fail "no program after the build"

step "break a dependency on purpose: a header found only through a hand-written -I flag"
mkdir -p "$project/vendor"
printf '#define WORDFREQ_BANNER "wordfreq (vendored banner)"\n' >"$project/vendor/wordfreq_banner.h"
sed -i '1i #include "wordfreq_banner.h"' "$project/src/main.c"
sed -i "/^\[program main\]/a flags = -I$project/vendor" "$project/trestle-build.txt"
"$trestle" make generate "$project"
"$trestle" make build "$project"

step "build under trace, then the audit names the header the makefile does not declare"
"$trestle" make clean "$project" >/dev/null
"$trestle" make build "$project" --trace "$work/build.strace"
audit="$work/audit.txt"
expect_status 1 "$trestle" trace audit "$project" "$work/build.strace" >"$audit"
cat "$audit"
grep -q "missing: src/main.c opened vendor/wordfreq_banner.h" "$audit" || fail "the audit does not name the header"
grep -q "fix: add 'vendor' to the include paths of target main" "$audit" || fail "the audit offers no fix"

step "fix it: the audit's fix makes vendor an include path of the description; the makefile is generated again"
"$trestle" trace audit --fix "$project" "$work/build.strace"
grep -q "^include = .* vendor$" "$project/trestle-build.txt" || fail "vendor is not an include path now"
"$trestle" make generate "$project"
"$trestle" make clean "$project" >/dev/null
"$trestle" make build "$project" --trace "$work/rebuild.strace"
"$trestle" trace audit "$project" "$work/rebuild.strace"

step "back up and verify"
"$trestle" backup create "$project" "$backups"
"$trestle" backup verify "$backups"
"$trestle" backup status
"$trestle" make clean "$project" --dry-run >"$work/fresh.out"
cat "$work/fresh.out"
! grep -q "warning" "$work/fresh.out" || fail "clean warned although the backup is current"

step "edit a file after the backup, keeping the version it replaces as the editor's save does"
"$trestle" history keep "$project/src/options.c"
printf '/* edited after the backup */\n' >>"$project/src/options.c"
"$trestle" history keep "$project/src/options.c"
versions=$("$trestle" history list "$project/src/options.c" | wc -l)
[ "$versions" -eq 2 ] || fail "expected 2 saved versions of src/options.c, found $versions"

step "clean warns that the backup is older than the change, and removes only build outputs"
"$trestle" make clean "$project" >"$work/clean.out"
cat "$work/clean.out"
grep -q "^warning: .* older than the last change" "$work/clean.out" || fail "clean did not warn about the stale backup"
[ ! -e "$project/build/linux-gcc/bin/main" ] || fail "clean left the program behind"
[ -f "$project/src/options.c" ] || fail "clean removed a source"

printf '\nworkflow complete\n'
