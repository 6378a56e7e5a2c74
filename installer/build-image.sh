#!/usr/bin/env bash
# Builds the Concord app image (and a .deb where dpkg-deb and fakeroot exist) from the shaded jar with JDK 17's
# jpackage and a trimmed runtime, then proves it runs: the packaged launcher prints --version and does a short
# headless replay. Exit code 0 only when both checks pass.
#
#   mvn -B -pl app -am package -DskipTests && installer/build-image.sh        (or: mvn -B -Pinstaller -pl installer -am verify -DskipTests)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR="$ROOT/app/target/concord.jar"
OUT="$ROOT/installer/target"
VERSION=${CONCORD_VERSION:-0.1.0}
JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
JPACKAGE="$JAVA_HOME/bin/jpackage"; [ -x "$JPACKAGE" ] || JPACKAGE=jpackage
JDEPS="$JAVA_HOME/bin/jdeps"; [ -x "$JDEPS" ] || JDEPS=jdeps

[ -f "$JAR" ] || { echo "installer: $JAR is missing: build it first (mvn -B -pl app -am package -DskipTests)" >&2; exit 2; }
rm -rf "$OUT/concord" "$OUT/input" "$OUT"/*.deb
mkdir -p "$OUT/input"
cp "$JAR" "$OUT/input/concord.jar"

# The runtime's modules: what jdeps finds in the jar, plus the ones reached by reflection or service loading
# (TLS for Binance, JFR-free management, the JDK's Unsafe for JavaFX/ChartFX/SQLite, zip file system for DJL).
BASE="java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.prefs,java.scripting,java.sql,java.xml,jdk.crypto.ec,jdk.unsupported,jdk.zipfs,jdk.localedata"
FOUND=$("$JDEPS" --ignore-missing-deps --multi-release 17 --print-module-deps -q "$OUT/input/concord.jar" 2>/dev/null || true)
MODULES=$(echo "$BASE,${FOUND}" | tr ',' '\n' | grep -E '^(java|jdk)\.' | sort -u | paste -sd, -)
echo "installer: runtime modules: $MODULES"

t0=$(date +%s)
"$JPACKAGE" --type app-image --name concord --app-version "$VERSION" --vendor "Concord" \
  --input "$OUT/input" --main-jar concord.jar --main-class org.concord.app.Launcher \
  --add-modules "$MODULES" --jlink-options "--strip-debug --no-header-files --no-man-pages --compress=2" \
  --java-options "-Dai.djl.offline=true" --java-options "-Xmx2g" \
  --dest "$OUT"
echo "installer: app image built in $(( $(date +%s) - t0 )) s: $(du -sh "$OUT/concord" | cut -f1) ($OUT/concord)"
echo "installer: of which runtime $(du -sh "$OUT/concord/lib/runtime" | cut -f1), app jar $(du -sh "$OUT/concord/lib/app" | cut -f1)"

# Prove it runs, headless: --version, then a short replay into a fresh data directory.
BIN="$OUT/concord/bin/concord"
"$BIN" --version
DATA=$(mktemp -d)
trap 'rm -rf "$DATA"' EXIT
"$BIN" replay --data-dir "$DATA" --from 2013-11-25 --to 2013-11-26 --timeframe 1h --out "$DATA/bars.csv"
LINES=$(wc -l < "$DATA/bars.csv")
[ "$LINES" -gt 2 ] || { echo "installer: the packaged replay wrote $LINES lines" >&2; exit 1; }
echo "installer: packaged launcher ran --version and a replay ($((LINES - 1)) 1h bars): OK"

if command -v dpkg-deb >/dev/null && command -v fakeroot >/dev/null; then
  "$JPACKAGE" --type deb --app-image "$OUT/concord" --name concord --app-version "$VERSION" --vendor "Concord" \
    --linux-package-name concord --linux-app-category finance --dest "$OUT"
  echo "installer: $(ls "$OUT"/*.deb) $(du -sh "$OUT"/*.deb | cut -f1)"
else
  echo "installer: dpkg-deb/fakeroot not found: no .deb (the app image is complete)"
fi
