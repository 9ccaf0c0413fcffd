#!/usr/bin/env bash
# Writes the AppCDS archive (lib/app/parley.jsa) into an installed or freshly built Parley app-image by
# running the app once. Usage: cds-archive.sh APP_DIR [--window [SECONDS]]
#
# The launcher already names the archive (-XX:SharedArchiveFile=$APPDIR/parley.jsa, ignored while it is
# missing or stale); for one run this swaps that option for -XX:ArchiveClassesAtExit, so the archive
# records exactly the class path the launcher uses. An archive holds absolute paths, so it is made where
# the app lives: at build time for the app-image, by the .deb's postinst for /opt/parley.
#
# Warm-up runs:
#   default   start with no display: the command line is parsed, JavaFX's launcher and toolkit load, opening
#             a window fails and the app exits. Quick (a few seconds) and needs nothing installed.
#   --window  start the demo for SECONDS (default 30) on a private Xvfb display, then stop it with SIGTERM:
#             the archive then also holds the UI, the local store and the embedded server (about 10x larger).
set -euo pipefail
app=${1:?usage: cds-archive.sh APP_DIR [--window [SECONDS]]}
mode=${2:-headless}
seconds=${3:-30}
cfg="$app/lib/app/Parley.cfg"
jsa="$app/lib/app/parley.jsa"

rm -f "$jsa"
data=$(mktemp -d)
cp "$cfg" "$data/Parley.cfg.orig"
xvfb=
cleanup() {
  cp "$data/Parley.cfg.orig" "$cfg"
  if [ -n "$xvfb" ]; then kill "$xvfb" 2>/dev/null || true; fi
  rm -rf "$data"
}
trap cleanup EXIT
sed -i 's/-XX:SharedArchiveFile=/-XX:ArchiveClassesAtExit=/' "$cfg"

case "$mode" in
  headless)
    env -u DISPLAY -u WAYLAND_DISPLAY "$app/bin/Parley" --data-dir "$data/app" >"$data/run.log" 2>&1 || true
    ;;
  --window)
    # -displayfd makes Xvfb pick a free display number and tell us which.
    Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$data/display" >/dev/null 2>&1 &
    xvfb=$!
    for _ in $(seq 50); do [ -s "$data/display" ] && break; sleep 0.1; done
    [ -s "$data/display" ] || { echo "cds-archive: Xvfb did not start" >&2; exit 1; }
    env -u WAYLAND_DISPLAY DISPLAY=":$(cat "$data/display")" \
      "$app/bin/Parley" --data-dir "$data/app" >"$data/run.log" 2>&1 &
    pid=$!
    sleep "$seconds"
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" || true
    ;;
  *) echo "usage: cds-archive.sh APP_DIR [--window [SECONDS]]" >&2; exit 2 ;;
esac

if [ ! -s "$jsa" ]; then
  echo "cds-archive: $jsa was not written; the warm-up run said:" >&2
  grep -v '\[cds' "$data/run.log" | tail -20 >&2 || true
  exit 1
fi
echo "cds-archive: $(du -h "$jsa" | cut -f1) $jsa ($mode warm-up)"
