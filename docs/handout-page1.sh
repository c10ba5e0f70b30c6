#!/usr/bin/env bash
# Renders the first page of a module's handout to docs/handout-page1.png, the picture in the README.
# Usage: docs/handout-page1.sh [COURSE]   (default: imh-basis)
# Needs the jar (built here when missing) and pdftoppm from Debian's poppler-utils (installed when missing and root).
set -euo pipefail
cd "$(dirname "$0")/.."
course="${1:-imh-basis}"
jar=server/target/stek.jar
if [ ! -f "$jar" ]; then
  mvn -q -DskipTests package
fi
if ! command -v pdftoppm >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    apt-get install -y -q poppler-utils >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q poppler-utils >/dev/null; }
  else
    echo "pdftoppm not found: install Debian's poppler-utils" >&2
    exit 1
  fi
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
java -jar "$jar" handout "$course" --out "$tmp/handout.pdf" >/dev/null 2>&1
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$tmp/handout.pdf" docs/handout-page1
echo "wrote docs/handout-page1.png (page 1 of the handout of $course)"
