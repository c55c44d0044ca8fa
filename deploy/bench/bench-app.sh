# Shared by fec-bench.sh and renewal-bench.sh (sourced, not run): starts and stops the packaged application on
# the embedded defaults (its own PostgreSQL in $OUT/data), as booking-bench.sh does.
#   app_start [java options...]   starts it on $PORT, waits until ready, sets APP_PID, PGPORT
#   app_kill9                     kill -9 of the JVM, then a fast shutdown of the orphaned PostgreSQL
#   app_stop                      a clean stop (SIGTERM), then the PostgreSQL if it is still there
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BENCH=$ROOT/deploy/bench
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA=$JAVA_HOME/bin/java
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
JAR=$ROOT/deploy/target/quarkus-app/quarkus-run.jar
ADMIN=${ADMIN:-admin@demo.test:demo}
APP_PID=

log() { printf '\n[%s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }

pg_stop_orphan() {
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

app_start() {
  [[ -f $JAR ]] || { echo "no $JAR: run ./mvnw -B -q package -DskipTests" >&2; exit 1; }
  PORT=${PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
  URL=http://127.0.0.1:$PORT
  log "starting the application on port $PORT ($*), data in $OUT/data"
  TL_DATA_DIR=$OUT/data "$JAVA" "$@" -Dquarkus.http.port="$PORT" -jar "$JAR" >>"$OUT/app.log" 2>&1 &
  APP_PID=$!
  for i in $(seq 480); do
    curl -fs "$URL/q/health/ready" >/dev/null 2>&1 && break
    kill -0 "$APP_PID" 2>/dev/null || { tail -50 "$OUT/app.log"; echo "the application died" >&2; exit 1; }
    ((i < 480)) || { echo "the application is not ready after 240 s" >&2; exit 1; }
    sleep 0.5
  done
  PGPORT=$(sed -n 4p "$OUT/data/postgres/postmaster.pid")
  export PGHOST=localhost PGPORT PGDATABASE=tierslieux
}

app_kill9() {
  log "kill -9 of the application (pid $APP_PID)"
  kill -9 "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=
  pg_stop_orphan
}

app_stop() {
  if [[ -n $APP_PID ]] && kill -0 "$APP_PID" 2>/dev/null; then
    log "stopping the application (pid $APP_PID)"
    kill "$APP_PID"
    for _ in $(seq 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$APP_PID" 2>/dev/null && kill -9 "$APP_PID"
  fi
  APP_PID=
  pg_stop_orphan
}

su_psql() { "$PGBIN/psql" -U postgres -v ON_ERROR_STOP=1 -X "$@"; }

api() { # method path [json]
  curl -fsS -u "$ADMIN" -X "$1" -H 'Content-Type: application/json' ${3:+-d "$3"} "$URL$2"
}

# a place of the benchmark (SIRET of the demo places) where the admin is manager and treasurer
bench_place() { # slug
  api POST /api/v1/network/places "{\"slug\":\"$1\",\"name\":\"Bench $1\",\"timeZone\":\"Europe/Paris\",\"kinds\":[\"COWORKING\"],
    \"legal\":{\"legalName\":\"Bench $1 SAS\",\"siret\":\"44306184100047\",\"vatNumber\":\"FR12443061841\"},
    \"address\":{\"street\":\"1 rue du Banc\",\"postalCode\":\"59000\",\"city\":\"Lille\",\"country\":\"FR\"},
    \"latitude\":50.6,\"longitude\":3.06}" >/dev/null
  api POST "/api/v1/places/$1/members" "{\"email\":\"${ADMIN%%:*}\",\"roles\":[\"MANAGER\",\"TREASURER\"]}" >/dev/null
}
