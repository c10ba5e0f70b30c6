#!/usr/bin/env bash
# Benchmark Stek on loopback: a static file, a signed-in lesson page and a durable progress write, served by the
# same server in the same run, reported as requests per second and as ratios against the static file.
# Takes about a minute. Options: -Dbench.workers=32 -Dbench.seconds=8 -Dbench.warmup=3 (as JAVA_OPTS).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java ${JAVA_OPTS:-} -Dlogback.configurationFile=bench/logback-quiet.xml \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" be.stek.bench.Benchmark
