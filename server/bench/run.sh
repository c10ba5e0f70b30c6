#!/usr/bin/env bash
# Benchmark Stek on loopback. Without an argument: a static file, a signed-in lesson page and a durable progress
# write, served by the same server in the same run, reported as requests per second and as ratios against the static
# file (about a minute). With `dashboard`: the facilitator dashboard, item analysis and CSV at 1,000 and 10,000
# learners (a few minutes). With `memory`: the resident memory of a separate Stek process under 500 connections.
# These run on SQLite, or on PostgreSQL when STEK_TEST_DATABASE names a server (see README).
# With `scale`: all of it in one run (about 10 minutes): lesson page, durable write, /me and a dashboard on SQLite, on
# PostgreSQL with one node and with two nodes behind nginx, then dashboards at 1,000 and 10,000 learners on both
# stores, then memory; it starts a throw-away PostgreSQL cluster (.ci/postgres.sh) unless STEK_TEST_DATABASE is set.
# Options as JAVA_OPTS: -Dbench.workers=32 -Dbench.seconds=8 -Dbench.warmup=3, -Dbench.learners=1000,10000,
# -Dbench.cohort=1000.
set -euo pipefail
cd "$(dirname "$0")/.."
server=$PWD
main=be.stek.bench.Benchmark
case "${1:-}" in
  dashboard) main=be.stek.bench.DashboardBenchmark ;;
  memory) main=be.stek.bench.MemoryBenchmark ;;
  scale) main=be.stek.bench.ScaleBenchmark ;;
esac
mvn -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
if [ "${1:-}" = scale ] && [ -z "${STEK_TEST_DATABASE:-}" ] && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  pgdir=$(mktemp -d)
  trap '"$server/../.ci/postgres.sh" stop "$pgdir"; rm -rf "$pgdir"' EXIT
  STEK_TEST_DATABASE=$(../.ci/postgres.sh start "$pgdir")
  export STEK_TEST_DATABASE
fi
# From the repository root: nginx's configuration is read from deploy/nginx/stek.conf.
cd ..
java ${JAVA_OPTS:-} -Dlogback.configurationFile="$server/bench/logback-quiet.xml" \
  -cp "$server/target/test-classes:$server/target/classes:$(cat "$server/target/bench.classpath")" "$main"
