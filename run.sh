#!/usr/bin/env bash
# Builds both services and runs them on this machine with embedded defaults: the
# cache-service with its memory store and the api-service on an in-memory H2 database
# loaded with sample products. Waits until both are ready, prints their URLs, and stops
# both on Ctrl-C or as soon as either one exits.
#
# Environment:
#   JAVA_HOME     a JDK 25; defaults to /usr/lib/jvm/temurin-25-jdk-amd64 when present
#   CACHE_PORT    the cache-service port (default 8081)
#   API_PORT      the api-service port (default 8080)
#   SKIP_BUILD=1  reuse the jars already under */target
set -euo pipefail

cd "$(dirname "$0")"
readonly CACHE_PORT=${CACHE_PORT:-8081}
readonly API_PORT=${API_PORT:-8080}
readonly LOG_DIR=target/run
readonly READY_TIMEOUT_SECONDS=120

choose_java() {
  if [[ -z "${JAVA_HOME:-}" && -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
    export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
  fi
  local java=${JAVA_HOME:+$JAVA_HOME/bin/}java
  local version
  version=$("$java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')
  if [[ "$version" != 25 ]]; then
    echo "run.sh: Java 25 is required but '$java' is Java ${version:-unknown}; set JAVA_HOME to a JDK 25." >&2
    exit 1
  fi
  JAVA=$java
}

build() {
  if [[ "${SKIP_BUILD:-}" != 1 ]]; then
    echo "Building both services (./mvnw package, tests skipped)..."
    ./mvnw -q -B -DskipTests package
  fi
}

# Prints the HTTP status of a GET on loopback, or 000 when the connection fails.
http_status() {
  curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$1" 2>/dev/null || echo 000
}

# Starts a service in the background of this shell, so that `wait` can watch it, and
# sets STARTED_PID.
start_service() {
  local name=$1 port=$2
  shift 2
  "$JAVA" -jar "$name/target/$name-0.1.0-SNAPSHOT.jar" --server.port="$port" "$@" \
    >"$LOG_DIR/$name.log" 2>&1 &
  STARTED_PID=$!
  echo "$STARTED_PID" >"$LOG_DIR/$name.pid"
}

stop_all() {
  trap - INT TERM EXIT
  for pid in ${API_PID:-} ${CACHE_PID:-}; do
    kill "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
}

wait_until_ready() {
  local name=$1 port=$2 pid=$3
  local url="http://127.0.0.1:$port/actuator/health/readiness"
  for ((second = 0; second < READY_TIMEOUT_SECONDS; second++)); do
    if [[ "$(http_status "$url")" == 200 ]]; then
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "run.sh: $name exited during startup; the end of $LOG_DIR/$name.log:" >&2
      tail -20 "$LOG_DIR/$name.log" >&2
      return 1
    fi
    sleep 1
  done
  echo "run.sh: $name was not ready after ${READY_TIMEOUT_SECONDS}s; see $LOG_DIR/$name.log" >&2
  return 1
}

main() {
  choose_java
  build
  mkdir -p "$LOG_DIR"
  trap stop_all EXIT
  trap 'echo; echo "Stopping both services..."; exit 130' INT TERM
  start_service cache-service "$CACHE_PORT"
  CACHE_PID=$STARTED_PID
  start_service api-service "$API_PORT" --cachepair.cache-client.base-url="http://127.0.0.1:$CACHE_PORT"
  API_PID=$STARTED_PID
  wait_until_ready cache-service "$CACHE_PORT" "$CACHE_PID"
  wait_until_ready api-service "$API_PORT" "$API_PID"
  cat <<MSG

Both services are ready (logs in $LOG_DIR/):
  api-service    http://127.0.0.1:$API_PORT/api/v1/products/1
  cache-service  http://127.0.0.1:$CACHE_PORT/v1/caches/products/entries/1
Press Ctrl-C to stop both.
MSG
  local status=0
  wait -n "$CACHE_PID" "$API_PID" || status=$?
  echo "run.sh: a service exited (status $status); stopping the other." >&2
  exit "$status"
}

main "$@"
