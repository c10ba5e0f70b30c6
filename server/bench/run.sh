#!/usr/bin/env bash
# Benchmark Stek on loopback. Without an argument: a static file, a signed-in lesson page and a durable progress
# write, served by the same server in the same run, reported as requests per second and as ratios against the static
# file (about a minute). With `dashboard`: the facilitator dashboard, item analysis and CSV at 1,000 and 10,000
# learners (a few minutes). Both run on SQLite, or on PostgreSQL when STEK_TEST_DATABASE names a server (see README).
# Options as JAVA_OPTS: -Dbench.workers=32 -Dbench.seconds=8 -Dbench.warmup=3, -Dbench.learners=1000,10000.
set -euo pipefail
cd "$(dirname "$0")/.."
main=be.stek.bench.Benchmark
[ "${1:-}" = dashboard ] && main=be.stek.bench.DashboardBenchmark
mvn -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java ${JAVA_OPTS:-} -Dlogback.configurationFile=bench/logback-quiet.xml \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" "$main"
