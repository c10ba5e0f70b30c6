#!/usr/bin/env bash
# Two Stek nodes on one PostgreSQL database behind nginx, one of them killed with `kill -9` half-way through learner
# journeys (sign-up, lessons, a case, a reflection, a SCORM commit); checks that the journeys finish and that every
# write Stek acknowledged is in the database.
#   deploy/scale-test.sh [LEARNERS]     (default 12; run from anywhere; needs server/target/stek.jar and the test
#                                        classes: mvn -o -q package -DskipTests, or after mvn verify)
# Everything runs on loopback, in a temporary folder that is removed at the end: a throw-away PostgreSQL cluster
# (.ci/postgres.sh), the two nodes (the built jar, free ports, one shared data folder), and nginx with a configuration
# made from deploy/nginx/stek.conf (the upstream servers and listen addresses of Stek's origin and of the SCORM
# content origin replaced; SCORM commits go through nginx's content origin). The journeys are
# be.stek.scale.ScaleJourneys (server/src/test/java), run on the test classpath. Exits non-zero on any failure, and
# gives up after about two minutes (STEK_SCALE_TEST_SECONDS=N: N seconds).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
learners=${1:-12}
deadline=$((SECONDS + ${STEK_SCALE_TEST_SECONDS:-115}))
jar=server/target/stek.jar
[ -f "$jar" ] && [ -d server/target/test-classes/be/stek/scale ] \
  || { echo "scale-test: build first (mvn -o -q package -DskipTests)" >&2; exit 2; }
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$nginx_bin" ] || { echo "scale-test: nginx is not installed (apt-get install nginx)" >&2; exit 2; }

work=$(mktemp -d /tmp/stek-scale.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  [ -f "$work/nginx/nginx.pid" ] && kill "$(cat "$work/nginx/nginx.pid")" 2>/dev/null || true
  "$root/.ci/postgres.sh" stop "$work/pg" || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "scale-test: FAIL: $*" >&2; for f in "$work"/node*.log "$work"/nginx/error.log; do
  [ -f "$f" ] && { echo "--- $f" >&2; tail -20 "$f" >&2; }; done; exit 1; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' \
  2>/dev/null || shuf -i 20000-60000 -n 1; }
wait_for() { # URL: until it answers 200, within the deadline
  until curl -fsS -o /dev/null --max-time 2 "$1" 2>/dev/null; do
    [ $SECONDS -lt $deadline ] || fail "$1 did not answer in time"
    sleep 0.3
  done
}

db=$(.ci/postgres.sh start "$work/pg")
nginx_port=$(free_port); nginx_content_port=$(free_port)
mkdir -p "$work/data" "$work/nginx"
node_ports=(); content_ports=()
for n in 1 2; do
  port=$(free_port); content=$(free_port)
  node_ports+=("$port"); content_ports+=("$content")
  java -Xmx256m -XX:+UseSerialGC -jar "$jar" --host 127.0.0.1 --port "$port" --content-port "$content" \
    --data "$work/data" --courses courses --media media --database "$db" --trusted-proxy 127.0.0.1 \
    --base-url "http://127.0.0.1:$nginx_port" --content-base-url "http://127.0.0.1:$nginx_content_port" \
    >"$work/node$n.log" 2>&1 &
  pids+=($!)
  disown $!
  # The first node creates the tables; the second then starts on a migrated database (both could start at once:
  # the second waits for the first's migration lock, which only makes this test slower).
  wait_for "http://127.0.0.1:$port/healthz"
done

# nginx: the shipped site configuration, upstream servers and listen addresses replaced, inside a minimal main file
# (the first `listen 80;` is Stek's origin, the second the content origin).
upstream() { echo "upstream $1 {\n    server 127.0.0.1:$2 max_fails=3 fail_timeout=10s;\n    server 127.0.0.1:$3 max_fails=3 fail_timeout=10s;"; }
site=$(sed -E '/^\s*server stek-node-[0-9]+:808[01]/d' deploy/nginx/stek.conf \
  | sed -E "s/^upstream stek \{/$(upstream stek "${node_ports[@]}")/" \
  | sed -E "s/^upstream stek_content \{/$(upstream stek_content "${content_ports[@]}")/" \
  | sed -E "0,/listen 80;/s//listen 127.0.0.1:$nginx_port;/" \
  | sed -E "0,/listen 80;/s//listen 127.0.0.1:$nginx_content_port;/")
user=""; [ "$(id -u)" -eq 0 ] && user="user root;"
cat >"$work/nginx/nginx.conf" <<EOF
$user
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 512; }
http {
    access_log off;
    client_body_temp_path $work/nginx/body;
    proxy_temp_path $work/nginx/proxy;
    fastcgi_temp_path $work/nginx/fastcgi;
    uwsgi_temp_path $work/nginx/uwsgi;
    scgi_temp_path $work/nginx/scgi;
$site
}
EOF
"$nginx_bin" -c "$work/nginx/nginx.conf" -p "$work/nginx" || fail "nginx did not start"
wait_for "http://127.0.0.1:$nginx_port/healthz"

cp=$(cat server/target/scale.classpath 2>/dev/null || true)
if [ -z "$cp" ]; then
  (cd server && mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/scale.classpath \
    -Dmdep.includeScope=test >/dev/null) || fail "could not list the test classpath"
  cp=$(cat server/target/scale.classpath)
fi
echo "scale-test: PostgreSQL, two nodes and nginx up after $SECONDS s"
left=$((deadline - SECONDS)); [ $left -gt 10 ] || fail "no time left for the journeys"
timeout "$left" java -Dlogback.configurationFile=server/bench/logback-quiet.xml \
  -cp "server/target/test-classes:server/target/classes:$cp" be.stek.scale.ScaleJourneys \
  "http://127.0.0.1:$nginx_port" "$db" "${pids[0]}" "$learners" || fail "journeys failed (exit $?)"
kill -0 "${pids[0]}" 2>/dev/null && fail "node 1 is still running: it was not killed"
echo "scale-test: OK in $SECONDS s"
