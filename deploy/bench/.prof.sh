#!/usr/bin/env bash
# The booking engine benchmark (docs/benchmarks.md, "Booking engine"). From the repository root:
#
#   deploy/bench/booking-bench.sh            # expects deploy/target/quarkus-app (./mvnw -B -q package -DskipTests)
#   deploy/bench/booking-bench.sh --build    # packages it first
#
# On a fresh directory (deploy/target/bench, or $BENCH_DIR) it starts the application on the embedded defaults
# (its own PostgreSQL 17 in $BENCH_DIR/data, demo profile) on a free port, then:
#   1. creates 100 places x 20 resources, one member account and personal token per load client and a reader
#      account, all through the HTTP API as the network admin (BookingBench.java setup);
#   2. generates one year of booking history by SQL as the superuser (history.sql);
#   3. measures one place's week of availability: 500 sequential GETs after 100 of warm-up (p50/p95/p99);
#   4. measures booking throughput through the API (each client its own token and lane), 16 then 64 clients,
#      and pgbench doing the equivalent INSERT on the same database at the same concurrency, side by side;
#   5. counts overlapping bookings and overfull pools (overlaps.sql), which must be 0;
# prints a summary table (also written to $BENCH_DIR/summary.md) and stops the application and its database.
#
# Settings (environment): PLACES=100 LOW=16 HIGH=64 (client counts) RUN_SECONDS=30 WARMUP_SECONDS=45
# AVAILABILITY_REQUESTS=500
# JAVA_HOME PGBIN BENCH_DIR. A quick smoke run: PLACES=8 LOW=2 HIGH=4 RUN_SECONDS=5 AVAILABILITY_REQUESTS=50.
# On a shared machine, QUIET_LOAD=1.5 waits (up to QUIET_WAIT=900 s) before each measurement until the 1-minute
# load average is below 1.5: other people's builds otherwise take the cores the measurement needs.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BENCH=$ROOT/deploy/bench
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA=$JAVA_HOME/bin/java
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
OUT=${BENCH_DIR:-$ROOT/deploy/target/bench}
PLACES=${PLACES:-100}
RUN_SECONDS=${RUN_SECONDS:-30}
WARMUP_SECONDS=${WARMUP_SECONDS:-45}
AVAILABILITY_REQUESTS=${AVAILABILITY_REQUESTS:-500}
LOW=${LOW:-16}
HIGH=${HIGH:-64}
MEMBERS=$((LOW + HIGH + LOW)) # one place and one member per API client: LOW, then HIGH, then LOW for the warm-up
JAR=$ROOT/deploy/target/quarkus-app/quarkus-run.jar

log() { printf '\n[%s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }

QUIET_LOAD=${QUIET_LOAD:-}
QUIET_WAIT=${QUIET_WAIT:-900}
quiet() { # waits for the machine to calm down, if asked to; says how busy it is
  local waited=0
  while [[ -n $QUIET_LOAD ]] && python3 -c "import sys; sys.exit(0 if float(open('/proc/loadavg').read().split()[0]) >= $QUIET_LOAD else 1)"; do
    ((waited >= QUIET_WAIT)) && { echo "load still $(cut -d' ' -f1 /proc/loadavg) after ${QUIET_WAIT} s: measuring anyway"; break; }
    ((waited % 60 == 0)) && echo "waiting for the load average ($(cut -d' ' -f1 /proc/loadavg)) to drop below $QUIET_LOAD"
    sleep 10
    waited=$((waited + 10))
  done
  echo "load average before the measurement: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/results.txt"
}

if [[ ${1:-} == --build ]]; then
  log "packaging"
  (cd "$ROOT" && ./mvnw -B -q package -DskipTests)
fi
[[ -f $JAR ]] || { echo "no $JAR: run ./mvnw -B -q package -DskipTests (or pass --build)" >&2; exit 1; }
((PLACES >= MEMBERS)) || { echo "PLACES must be at least $MEMBERS ($LOW + $HIGH + $LOW load clients, one place each)" >&2; exit 1; }

rm -rf "$OUT"
mkdir -p "$OUT"
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
URL=http://127.0.0.1:$PORT
APP_PID=

stop() {
  if [[ -n $APP_PID ]] && kill -0 "$APP_PID" 2>/dev/null; then
    log "stopping the application (pid $APP_PID)"
    kill "$APP_PID"
    for _ in $(seq 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$APP_PID" 2>/dev/null && kill -9 "$APP_PID"
  fi
  # the embedded PostgreSQL is stopped by the application on exit; if it is still there, stop it by its pid
  local pidfile=$OUT/data/postgres/postmaster.pid
  if [[ -f $pidfile ]]; then
    local pg_pid
    pg_pid=$(head -1 "$pidfile")
    if kill -0 "$pg_pid" 2>/dev/null && grep -q "$OUT/data/postgres" "/proc/$pg_pid/cmdline" 2>/dev/null; then
      log "stopping the left-over PostgreSQL (pid $pg_pid)"
      kill -INT "$pg_pid"
      for _ in $(seq 60); do kill -0 "$pg_pid" 2>/dev/null || break; sleep 0.5; done
    fi
  fi
}
trap stop EXIT

log "starting the application on port $PORT, data in $OUT/data"
TL_DATA_DIR=$OUT/data "$JAVA" -XX:StartFlightRecording=filename=/tmp/prof.jfr,settings=profile -Dquarkus.http.port="$PORT" -jar "$JAR" >"$OUT/app.log" 2>&1 &
APP_PID=$!
for i in $(seq 240); do
  curl -fs "$URL/q/health/ready" >/dev/null 2>&1 && break
  kill -0 "$APP_PID" 2>/dev/null || { tail -50 "$OUT/app.log"; echo "the application died" >&2; exit 1; }
  ((i < 240)) || { echo "the application is not ready after 120 s" >&2; exit 1; }
  sleep 0.5
done
grep -o 'started in [0-9.]*s' "$OUT/app.log" || true

PGPORT=$(sed -n 4p "$OUT/data/postgres/postmaster.pid")
export PGHOST=localhost PGPORT PGDATABASE=tierslieux
SU_PSQL=("$PGBIN/psql" -U postgres -v ON_ERROR_STOP=1 -X)
echo "embedded PostgreSQL on port $PGPORT: $("${SU_PSQL[@]}" -Atc 'select version()' | cut -d' ' -f1-2)," \
  "$("${SU_PSQL[@]}" -Atc "select 'fsync=' || current_setting('fsync') || ' synchronous_commit=' || current_setting('synchronous_commit') || ' shared_buffers=' || current_setting('shared_buffers')")"

bench() { "$JAVA" "$BENCH/BookingBench.java" "$@" --url "$URL" --dir "$OUT" | tee -a "$OUT/results.txt"; }

log "setup: $PLACES places x 20 resources, accounts and tokens, through the API"
bench setup --places "$PLACES" --members "$MEMBERS"

log "history: one year of bookings by SQL"
"${SU_PSQL[@]}" -f "$BENCH/history.sql" | tee "$OUT/history.txt"
"${SU_PSQL[@]}" -Atc "select pg_size_pretty(pg_total_relation_size('booking'))" | sed 's/^/booking table with its indexes: /'

quiet
log "availability: one place's week, $AVAILABILITY_REQUESTS sequential GETs after 100 of warm-up"
bench availability --requests "$AVAILABILITY_REQUESTS" --warmup 100

# pgbench: client k books the exclusive resources of place bench-k, far beyond the API's 90-day horizon (the
# database does not know the horizon), a different year for each run
"${SU_PSQL[@]}" -f "$BENCH/lanes.sql"
NRES=$("${SU_PSQL[@]}" -Atc 'select count(*) from bench.lane where client = 0')
monday_in() { date -d "$(date -d "+$1 years" +%F) -$(($(date -d "+$1 years" +%u) - 1)) days" +%F; }
pgbench_run() { # label clients seconds base-monday
  echo "pgbench $1: $2 clients, $3 s, slots from $4" | tee -a "$OUT/results.txt"
  PGPASSWORD=embedded-app "$PGBIN/pgbench" -U tl_app -n -M prepared -c "$2" -j 2 -T "$3" \
    -D n=0 -D nres="$NRES" -D base="$4" -f "$BENCH/booking-insert.pgbench" >"$OUT/$1.txt" 2>&1 || true
  cat "$OUT/$1.txt"
  local tps failed
  tps=$(grep -o 'tps = [0-9.]*' "$OUT/$1.txt" | cut -d' ' -f3)
  failed=$(grep -o 'number of failed transactions: [0-9]*' "$OUT/$1.txt" | grep -o '[0-9]*$' || echo "?")
  echo "RESULT $1 clients=$2 rate=$(printf '%.0f' "${tps:-0}") failed=$failed load=$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$OUT/results.txt"
}

log "warm-up: $LOW API clients (places $((LOW + HIGH)) on), $WARMUP_SECONDS s, and pgbench 5 s, not measured"
bench book --clients "$LOW" --first $((LOW + HIGH)) --seconds "$WARMUP_SECONDS" --label api-warmup
pgbench_run pg-warmup "$LOW" 5 "$(monday_in 5)"

quiet
log "booking throughput, $LOW clients: API (places 0 to $((LOW - 1))), then pgbench"
bench book --clients "$LOW" --first 0 --seconds "$RUN_SECONDS" --label "api$LOW"
quiet
pgbench_run "pg$LOW" "$LOW" "$RUN_SECONDS" "$(monday_in 2)"

quiet
log "booking throughput, $HIGH clients: API (places $LOW to $((LOW + HIGH - 1))), then pgbench"
bench book --clients "$HIGH" --first "$LOW" --seconds "$RUN_SECONDS" --label "api$HIGH"
quiet
pgbench_run "pg$HIGH" "$HIGH" "$RUN_SECONDS" "$(monday_in 3)"

log "checks"
"${SU_PSQL[@]}" -f "$BENCH/overlaps.sql" | tee "$OUT/overlaps.txt"
read -r EXCL POOL FLAG ACTIVE < <("${SU_PSQL[@]}" -AtF' ' -f "$BENCH/overlaps.sql")
API_CREATED=$(grep -h '^RESULT api' "$OUT/results.txt" | grep -o 'created=[0-9]*' | cut -d= -f2 | awk '{ s += $1 } END { print s + 0 }')
IN_DB=$("${SU_PSQL[@]}" -Atc "select count(*) from booking b join place p on p.id = b.tenant_id
  where p.slug like 'bench-%' and b.exclusive and b.starts_at > now() and b.starts_at < now() + interval '90 days'
    and extract(hour from b.starts_at at time zone p.time_zone) >= 13")
echo "API answered 201 for $API_CREATED bookings; the database holds $IN_DB in the load clients' lanes"

result() { grep -h "^RESULT $1 " "$OUT/results.txt" | tail -1 | grep -o "$2=[^ ]*" | cut -d= -f2; }
ratio() { python3 -c "print(f'{float($1) / float($2):.2f}' if float($2) else '?')"; }
{
  echo "## Booking engine benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "commit $(git -C "$ROOT" rev-parse --short HEAD), $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "| measure | value |"
  echo "|---|---|"
  echo "| week of availability, one place (20 resources), $(result availability requests) GETs | p50 $(result availability p50) ms, p95 **$(result availability p95) ms**, p99 $(result availability p99) ms, max $(result availability max) ms (p95 past weeks $(result availability p95past) ms, current and coming weeks $(result availability p95coming) ms); errors $(result availability errors); load $(result availability load) |"
  for c in "$LOW" "$HIGH"; do
    echo "| API bookings, $c clients, ${RUN_SECONDS} s | **$(result api$c rate)/s** ($(result api$c created) created, $(result api$c failed) refused or failed; latency p50 $(result api$c p50) ms, p95 $(result api$c p95) ms; load $(result api$c load)) |"
    echo "| pgbench INSERT, $c clients, ${RUN_SECONDS} s | **$(result pg$c rate)/s** ($(result pg$c failed) failed; load $(result pg$c load)) |"
    echo "| API / pgbench, $c clients | **$(ratio "$(result api$c rate)" "$(result pg$c rate)")** (target: at least 0.5) |"
  done
  echo "| overlapping active bookings (exclusive resources) | $EXCL |"
  echo "| instants where a pool holds more seats than its capacity | $POOL |"
  echo "| active bookings of exclusive resources without the exclusive flag | $FLAG |"
  echo "| active bookings in the database | $ACTIVE |"
  echo "| API 201 answers / bookings found in the lanes | $API_CREATED / $IN_DB |"
} | tee "$OUT/summary.md"
