#!/usr/bin/env bash
# A self-contained app image of Trestle, Java runtime included, made by jpackage from the exported jars:
#   TARGET/app-image/trestle/bin/trestle            the workbench ([DIR] opens a project)
#   TARGET/app-image/trestle/bin/trestle-headless   the headless commands (trestle-headless make generate DIR, ...)
# Usage: app-image.sh TARGET_DIR JDK_HOME   (run by 'mvnw -Papp-image package -pl product -am')
set -euo pipefail
target="$(cd "$1" && pwd)"
jdk="$2"
input="$target/app-input"
dest="$target/app-image"
for jar in workbench.jar headless.jar; do
    [ -f "$target/$jar" ] || { echo "app-image: no $target/$jar; export the products first" >&2; exit 2; }
done
rm -rf "$input" "$dest"
mkdir -p "$input"
cp "$target/workbench.jar" "$target/headless.jar" "$input/"
# SWT and zstd-jni load native code; Felix still uses sun.misc.Unsafe
options="--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow"
cat >"$target/headless-launcher.properties" <<PROPERTIES
main-jar=headless.jar
java-options=$options
win-console=true
PROPERTIES
"$jdk/bin/jpackage" --type app-image --name trestle --app-version 0.1.0 \
    --description "Trestle: build, trace, back up and edit native code" \
    --input "$input" --main-jar workbench.jar --java-options "$options" \
    --add-launcher trestle-headless="$target/headless-launcher.properties" \
    --dest "$dest"
echo "app image: $dest/trestle ($(du -sh "$dest/trestle" | cut -f1)); bin/trestle opens the workbench," \
    "bin/trestle-headless runs the headless commands"
