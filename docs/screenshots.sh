#!/usr/bin/env bash
# Screenshots of the main pages (desktop 1280 px and phone 390 px) into docs/screenshots/, as linked from the README.
# Usage: docs/screenshots.sh   Needs Debian's chromium and chromium-driver (as the browser tests do).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -DskipTests test-compile
cp=$(mktemp)
trap 'rm -f "$cp"' EXIT
mvn -q -pl server dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp" >/dev/null
java -cp "server/target/test-classes:server/target/classes:$(cat "$cp")" be.stek.testing.Screenshots docs/screenshots
