#!/usr/bin/env bash
# A throw-away PostgreSQL cluster on loopback for the tests (Debian's postgresql package, version 15 or later).
#   .ci/postgres.sh start DIR   initdb in DIR, start on a free port, print the database URL for STEK_TEST_DATABASE
#   .ci/postgres.sh stop DIR    stop it (DIR may then be removed)
# PostgreSQL refuses to run as root: as root the cluster runs as the system user postgres.
set -euo pipefail
cmd=${1:?start or stop}; dir=${2:?folder for the cluster}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$bin/initdb" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }
as_owner() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "$cmd" in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
      || shuf -i 20000-60000 -n 1)
    as_owner "$bin/initdb" -D "$dir/data" -A trust -U stek -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -o "-p $port -k $dir -c listen_addresses=127.0.0.1 \
      -c fsync=on -c max_connections=300 -c shared_buffers=64MB" start >/dev/null
    echo "$port" >"$dir/port"
    echo "postgresql://stek@127.0.0.1:$port/postgres"
    ;;
  stop)
    [ -d "$dir/data" ] && as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
