#!/usr/bin/env bash
# Builds Parley's Linux app-image (jlinked runtime + AppCDS archive) and, unless --no-deb, a .deb.
# Run from anywhere; output goes to target/packaging/ at the repository root. See docs/PACKAGING.md.
set -euo pipefail
cd "$(dirname "$0")/.."

usage="usage: packaging/build-linux.sh [--no-deb] [--warm-up=auto|window|headless]"
deb=yes
warmup=auto
for arg in "$@"; do
  case "$arg" in
    --no-deb) deb=no ;;
    --warm-up=auto|--warm-up=window|--warm-up=headless) warmup=${arg#--warm-up=} ;;
    *) echo "$usage" >&2; exit 2 ;;
  esac
done
if [ "$warmup" = auto ]; then
  if command -v Xvfb >/dev/null 2>&1; then warmup=window; else warmup=headless; fi
fi

out=target/packaging
# jpackage wants a plain numeric version: 0.1.0-SNAPSHOT becomes 0.1.0.
version=$(grep -m1 -o '<version>[^<]*' pom.xml)
version=${version#<version>}
version=${version%%-*}

step() { echo "== $* ($(date +%T))"; }

step "client jar and its runtime libraries"
mvn -B -ntp -q -Papp-image -pl src/client -am package -DskipTests
rm -rf "$out"
mkdir -p "$out/input"
cp src/client/target/parley-client-*.jar "$out/input/parley-client.jar"
for jar in src/client/target/app-lib/*.jar; do
  # JavaFX's jars without a classifier are empty placeholders; the -linux ones hold classes and natives.
  [[ "$(basename "$jar")" =~ ^javafx-[a-z]+-[0-9.]+\.jar$ ]] && continue
  cp "$jar" "$out/input/"
done
# Ships in lib/app/, so an installed or moved image can write its own archive (the .deb's postinst does).
cp packaging/linux/cds-archive.sh "$out/input/"

step "runtime modules (jdeps)"
found=$(jdeps --ignore-missing-deps --multi-release 17 --print-module-deps "$out"/input/*.jar | tail -n 1)
# Loaded by name or service lookup, so jdeps cannot see them: TLS elliptic curves (wss://),
# locale data for dates and numbers, extra charsets, and jar file systems.
extra=jdk.crypto.ec,jdk.localedata,jdk.charsets,jdk.zipfs
modules="$found,$extra"
echo "modules: $modules"

step "jlink"
# The JDK's own module files (some distributions' jlink does not look for them by default).
jmods=$(dirname "$(readlink -f "$(command -v jlink)")")/../jmods
jlink --module-path "$jmods" --add-modules "$modules" --output "$out/runtime" \
  --strip-debug --no-header-files --no-man-pages --compress=2 --generate-cds-archive
# The JDK's class-data archive for -XX:-UseCompressedOops (heaps over 32 GB) is 10 MB Parley never uses.
rm -f "$out/runtime/lib/server/classes_nocoops.jsa"

step "jpackage app-image"
jpackage @packaging/package.args @packaging/launcher.args @packaging/linux/app-image.args \
  --type app-image --app-version "$version" \
  --input "$out/input" --runtime-image "$out/runtime" --dest "$out/image"
app="$out/image/Parley"

step "AppCDS archive ($warmup warm-up)"
if [ "$warmup" = window ]; then
  "$app/lib/app/cds-archive.sh" "$app" --window
else
  "$app/lib/app/cds-archive.sh" "$app"
fi

step "check"
"$app/bin/Parley" --version

if [ "$deb" = yes ]; then
  step "jpackage deb"
  # The archive is only valid where it was made, so the package leaves it out and its postinst
  # writes one in /opt/parley.
  rm -rf "$out/deb-image"
  mkdir -p "$out/deb-image"
  cp -a "$app" "$out/deb-image/"
  rm -f "$out/deb-image/Parley/lib/app/parley.jsa"
  jpackage @packaging/package.args @packaging/linux/deb.args \
    --type deb --app-version "$version" --app-image "$out/deb-image/Parley" --dest "$out"
fi

step "done"
du -sh "$app" "$out"/*.deb 2>/dev/null || true
