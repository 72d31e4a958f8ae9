#!/usr/bin/env bash
# Throwaway PostgreSQL and Redis servers for the tests, on 127.0.0.1 and free ports, in a temp folder.
# Source it, then call start_test_services; it exports
#   INBOUND_TEST_POSTGRES  a connection string whose role may create databases
#   INBOUND_TEST_REDIS     host:port
# and stop_test_services removes both (test.sh calls it on exit). Installs Debian's postgresql and
# redis-server when they are missing. Nothing is kept: fsync is off, Redis saves nothing.

_sudo() { if [ "$(id -u)" -ne 0 ]; then sudo "$@"; else "$@"; fi; }

_pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

# A port nobody listens on: bash's /dev/tcp connects only where something listens.
_free_port() {
  local port
  while :; do
    port=$(( 20000 + RANDOM % 40000 ))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

# PostgreSQL refuses to run as root: as root, its commands run as the postgres user the package created.
_as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

install_test_services() {
  local missing=()
  [ -n "$(_pg_bin)" ] || missing+=(postgresql)
  command -v redis-server >/dev/null || missing+=(redis-server)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing ${missing[*]} for the integration tests..."
    _sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive _sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  # The package starts its own cluster and Redis on the default ports; the tests use their own.
}

start_test_services() {
  install_test_services
  TEST_SERVICES_DIR=$(mktemp -d /tmp/inbound-services.XXXXXX)
  chmod 755 "$TEST_SERVICES_DIR"
  local bin pg_port redis_port
  bin=$(_pg_bin)
  pg_port=$(_free_port)
  mkdir "$TEST_SERVICES_DIR/pg"
  [ "$(id -u)" -eq 0 ] && chown postgres "$TEST_SERVICES_DIR/pg"
  _as_pg "$bin/initdb" -D "$TEST_SERVICES_DIR/pg/data" -U postgres --auth=trust -E UTF8 --locale=C >/dev/null
  # fsync and synchronous commit off: the cluster lives for one test run; a crash loses nothing anyone wants.
  _as_pg "$bin/pg_ctl" -D "$TEST_SERVICES_DIR/pg/data" -l "$TEST_SERVICES_DIR/pg/log" -w -t 120 start \
    -o "-p $pg_port -k $TEST_SERVICES_DIR/pg -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=500 -c shared_buffers=128MB" >/dev/null
  "$bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -qc "CREATE ROLE inbound LOGIN CREATEDB PASSWORD 'inbound'; GRANT pg_signal_backend TO inbound" >/dev/null
  export INBOUND_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=inbound;Password=inbound;Database=postgres"

  redis_port=$(_free_port)
  redis-server --bind 127.0.0.1 --port "$redis_port" --save '' --appendonly no --daemonize yes \
    --dir "$TEST_SERVICES_DIR" --pidfile "$TEST_SERVICES_DIR/redis.pid" --logfile "$TEST_SERVICES_DIR/redis.log"
  local tries=0
  until redis-cli -h 127.0.0.1 -p "$redis_port" ping >/dev/null 2>&1; do
    tries=$((tries + 1)); [ $tries -gt 200 ] && { echo "Redis did not start" >&2; return 1; }
    sleep 0.1
  done
  export INBOUND_TEST_REDIS="127.0.0.1:$redis_port"
  echo "Test services: PostgreSQL on 127.0.0.1:$pg_port, Redis on $INBOUND_TEST_REDIS ($TEST_SERVICES_DIR)"
}

stop_test_services() {
  [ -n "${TEST_SERVICES_DIR:-}" ] && [ -d "$TEST_SERVICES_DIR" ] || return 0
  [ -f "$TEST_SERVICES_DIR/redis.pid" ] && kill "$(cat "$TEST_SERVICES_DIR/redis.pid")" 2>/dev/null
  _as_pg "$(_pg_bin)/pg_ctl" -D "$TEST_SERVICES_DIR/pg/data" -m immediate stop >/dev/null 2>&1
  rm -rf "$TEST_SERVICES_DIR"
}
