#!/usr/bin/env bash
# Starts the compose stack with one profile and drives a product read (MISS,
# then HIT) and a write through the published api-service port. It then checks
# that the catalog is in PostgreSQL, that Redis holds entries (profile redis),
# and that the api-service and the cache-service run as a non-root user and
# stop on SIGTERM. The stack is always removed again, and the first failed check exits
# non-zero.
#
#   docker/compose-smoke-test.sh memory|redis
#
# Environment:
#   API_PORT               host port of the api-service (default 18080)
#   COMPOSE_PROJECT_NAME   compose project (default cachepair-smoke-<profile>)
#   READY_TIMEOUT_SECONDS  maximum wait for every container to be healthy (default 180)
# The images must exist already (`docker-compose build`).
set -euo pipefail

cd "$(dirname "$0")/.."
readonly PROFILE=${1:?usage: $0 memory|redis}
export COMPOSE_PROFILES=$PROFILE
export COMPOSE_PROJECT_NAME=${COMPOSE_PROJECT_NAME:-cachepair-smoke-$PROFILE}
export API_PORT=${API_PORT:-18080}
readonly READY_TIMEOUT_SECONDS=${READY_TIMEOUT_SECONDS:-180}
readonly BASE_URL="http://127.0.0.1:$API_PORT/api/v1/products"
readonly RESPONSE=$(mktemp -d)

log() { printf '[smoke %s] %s\n' "$PROFILE" "$*"; }

# docker-compose 1.x where it is installed, otherwise the Compose v2 plugin.
compose() {
  if command -v docker-compose >/dev/null; then
    docker-compose "$@"
  else
    docker compose "$@"
  fi
}
fail() {
  log "FAILED: $*" >&2
  exit 1
}

tear_down() {
  local status=$?
  if [[ $status -ne 0 ]]; then
    log "logs of the failed run:" >&2
    compose logs --no-color --tail 40 >&2 || true
  fi
  log "removing the stack"
  compose down --volumes --remove-orphans --timeout 40 >/dev/null 2>&1 || true
  rm -rf "$RESPONSE"
  exit "$status"
}

# Waits until every container of the project reports healthy, and fails as soon
# as one has stopped.
wait_until_healthy() {
  local deadline=$((SECONDS + READY_TIMEOUT_SECONDS)) container state pending
  while ((SECONDS < deadline)); do
    pending=0
    for container in $(compose ps --all --quiet); do
      state=$(docker inspect -f '{{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{end}}' "$container")
      case "$state" in
        "running healthy") ;;
        running*) pending=$((pending + 1)) ;;
        *) fail "container $(docker inspect -f '{{.Name}}' "$container") is '$state'" ;;
      esac
    done
    if [[ $pending -eq 0 ]]; then
      return 0
    fi
    sleep 2
  done
  fail "containers not healthy after ${READY_TIMEOUT_SECONDS}s"
}

# Sends a request with curl and writes the status to $RESPONSE/status, the
# headers to $RESPONSE/headers and the body to $RESPONSE/body.
request() {
  curl -sS --max-time 10 -o "$RESPONSE/body" -D "$RESPONSE/headers" -w '%{http_code}' "$@" \
    >"$RESPONSE/status"
}

header() {
  grep -i "^$1:" "$RESPONSE/headers" | head -1 | cut -d' ' -f2- | tr -d '\r'
}

expect_status() {
  local actual
  actual=$(cat "$RESPONSE/status")
  [[ "$actual" == "$1" ]] || fail "$2: expected status $1, got $actual: $(head -c 300 "$RESPONSE/body")"
}

expect_cache() {
  local actual
  actual=$(header X-Cache)
  [[ "$actual" == "$1" ]] || fail "$2: expected X-Cache $1, got '${actual}'"
  log "$2: $(cat "$RESPONSE/status") X-Cache $actual"
}

check_read() {
  request "$BASE_URL/1"
  expect_status 200 "first GET /api/v1/products/1"
  expect_cache MISS "first GET /api/v1/products/1"
  cp "$RESPONSE/body" "$RESPONSE/miss-body"
  request "$BASE_URL/1"
  expect_status 200 "second GET /api/v1/products/1"
  expect_cache HIT "second GET /api/v1/products/1"
  cmp -s "$RESPONSE/miss-body" "$RESPONSE/body" || fail "the HIT body differs from the MISS body"
}

product_json() {
  printf '{"sku":"SMOKE-%s","name":"%s","price":12.50,"currency":"EUR","category":"smoke","stock":3}' \
    "$PROFILE" "$1"
}

# Creates a product, reads it into the cache, replaces it and reads the new name
# back, then deletes it: every write must remove the cached copy before it returns.
check_write() {
  local location etag
  request -X POST "$BASE_URL" -H 'Content-Type: application/json' -d "$(product_json 'Smoke test')"
  expect_status 201 "POST /api/v1/products"
  location=$(header Location)
  log "POST /api/v1/products: 201 Location $location"
  request "$location"
  expect_status 200 "GET of the new product"
  request "$location"
  expect_cache HIT "GET of the new product, again"
  etag=$(header ETag)
  request -X PUT "$location" -H 'Content-Type: application/json' -H "If-Match: $etag" \
    -d "$(product_json 'Smoke test, renamed')"
  expect_status 200 "PUT of the new product"
  request "$location"
  expect_status 200 "GET after the PUT"
  expect_cache MISS "GET after the PUT"
  grep -q '"name":"Smoke test, renamed"' "$RESPONSE/body" || fail "GET after the PUT returned the old name"
  request -X DELETE "$location"
  expect_status 204 "DELETE of the new product"
  request "$location"
  expect_status 404 "GET after the DELETE"
  log "write: created, replaced and deleted $location, each change visible at once"
}

# Without a working SPRING_DATASOURCE_URL the api-service would start on its
# embedded H2 database and pass every other check.
check_catalog_in_postgres() {
  local count
  count=$(compose exec -T postgres psql --username=catalog --dbname=catalog --tuples-only --no-align \
    --command='SELECT count(*) FROM product' | tr -d '\r')
  [[ "$count" =~ ^[0-9]+$ && "$count" -gt 0 ]] || fail "PostgreSQL holds no products ('$count')"
  log "PostgreSQL holds $count products"
}

check_redis_holds_entries() {
  local keys
  keys=$(compose exec -T redis redis-cli dbsize | tr -d '\r')
  [[ "$keys" =~ ^[0-9]+$ && "$keys" -gt 0 ]] || fail "Redis holds no keys after the reads ('$keys')"
  log "Redis holds $keys keys"
}

check_users() {
  local service uid
  for service in api-service "$CACHE_SERVICE"; do
    uid=$(compose exec -T "$service" id -u | tr -d '\r')
    [[ "$uid" =~ ^[0-9]+$ && "$uid" -ne 0 ]] || fail "$service runs as user '$uid'"
    log "$service runs as user $uid"
  done
}

# Exit status 143 is 128 + SIGTERM: the JVM ended on the signal within the grace
# period, instead of being killed (137).
check_graceful_stop() {
  local service container status
  for service in api-service "$CACHE_SERVICE"; do
    container=$(compose ps --quiet "$service")
    compose stop --timeout 40 "$service" >/dev/null 2>&1
    status=$(docker inspect -f '{{.State.ExitCode}}' "$container")
    [[ "$status" == 143 ]] || fail "$service exited with status $status after SIGTERM"
    log "$service stopped on SIGTERM (exit status $status)"
  done
}

main() {
  case "$PROFILE" in
    memory) CACHE_SERVICE=cache-service ;;
    redis) CACHE_SERVICE=cache-service-redis ;;
    *) fail "unknown profile '$PROFILE'; use memory or redis" ;;
  esac
  trap tear_down EXIT
  log "starting project $COMPOSE_PROJECT_NAME, api-service on 127.0.0.1:$API_PORT"
  compose up -d --no-build
  wait_until_healthy
  compose ps
  check_read
  check_write
  check_catalog_in_postgres
  if [[ "$PROFILE" == redis ]]; then
    check_redis_holds_entries
  fi
  check_users
  check_graceful_stop
  log "passed"
}

main
