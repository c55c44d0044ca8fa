#!/usr/bin/env bash
# The soak (docs/reliability.md, "Soak"; docs/benchmarks.md, "Soak"). From the repository root, after
# ./mvnw -B -q package -DskipTests:
#
#   deploy/bench/soak.sh                    # 30 minutes, 16 virtual users
#   SOAK_MINUTES=3 deploy/bench/soak.sh     # a short run
#   deploy/bench/soak.sh --build            # packages the application first (offline)
#
# On a fresh $SOAK_DIR (default deploy/target/soak) it starts the packaged application on its embedded defaults
# (its own PostgreSQL in $SOAK_DIR/data, the demo network) and runs SoakBench.java against it: SOAK_USERS members
# of both demo places browse pages, read availability, book and cancel desk half-days and room hours, read their
# calendar feeds, while a manager reads occupancy and check-in lists and a treasurer lists invoices and exports
# CSV, and anonymous visitors read the public map. Every SOAK_SAMPLE seconds it records throughput, latency
# percentiles per kind, errors and the JVM's live heap after a full GC (jcmd GC.class_histogram), committed heap
# (GC.heap_info), RSS, threads and open files: $SOAK_DIR/soak.csv, soak-kinds.csv; the class histograms when idle,
# after the warm-up and at the end (histogram-*.txt), the classes that grew most printed at the end. At the end: a summary ($SOAK_DIR/summary.md), the database's
# size, the overlap check of the booking benchmark (overlaps.sql) and the ERROR lines of the application's log.
# Exits 1 when a request failed (5xx, unexpected status, timeout), the heap is not flat (SoakBench.verdict: less
# than 10% growth of the post-GC heap over the run) or bookings overlap.
#
# Settings (environment): SOAK_MINUTES=30 SOAK_USERS=16 SOAK_SAMPLE=30 (seconds) SOAK_WARMUP (seconds, default
# 120, or a fifth of a shorter run) SOAK_THINK=250 (mean think time in ms: uniform 0 to twice that)
# JAVA_OPTS (the application's JVM options, none by default) JAVA_HOME PGBIN SOAK_DIR.
set -euo pipefail
OUT=${SOAK_DIR:-$(cd "$(dirname "$0")/../.." && pwd)/deploy/target/soak}
MINUTES=${SOAK_MINUTES:-30}
USERS=${SOAK_USERS:-16}
SAMPLE=${SOAK_SAMPLE:-30}
THINK=${SOAK_THINK:-250}
WARMUP=${SOAK_WARMUP:-$(python3 -c "print(min(120, int(float('$MINUTES') * 60 / 5)))")}
JAVA_OPTS=${JAVA_OPTS:-}
source "$(dirname "$0")/bench-app.sh"

if [[ ${1:-} == --build ]]; then
  log "packaging (offline)"
  (cd "$ROOT" && ./mvnw -B -q -o package -DskipTests -DskipITs)
fi

trap app_stop EXIT
rm -rf "$OUT"
mkdir -p "$OUT"

# shellcheck disable=SC2086
app_start $JAVA_OPTS
grep -o 'started in [0-9.]*s' "$OUT/app.log" | head -1 || true
db_size() { su_psql -Atc "select pg_size_pretty(pg_database_size('tierslieux'))"; }
DB_BEFORE=$(db_size)
echo "application pid $APP_PID on $URL; database $DB_BEFORE; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"

log "soak: $USERS virtual users, $MINUTES min, a sample every $SAMPLE s (warm-up $WARMUP s)"
STATUS=0
"$JAVA" "$BENCH/SoakBench.java" --url "$URL" --dir "$OUT" --pid "$APP_PID" --jcmd "$JAVA_HOME/bin/jcmd" \
  --minutes "$MINUTES" --users "$USERS" --sample "$SAMPLE" --warmup "$WARMUP" --think "$THINK" \
  | tee "$OUT/results.txt" || STATUS=$?

DB_AFTER=$(db_size)
if [[ -f $OUT/histogram-start.txt && -f $OUT/histogram-end.txt ]]; then
  echo "classes whose live bytes grew most, from the first sample after the warm-up to the last:" | tee -a "$OUT/results.txt"
  python3 - "$OUT/histogram-start.txt" "$OUT/histogram-end.txt" <<'PY' | tee "$OUT/histogram-growth.txt" | tee -a "$OUT/results.txt"
import re, sys
def read(path):
    rows = {}
    for line in open(path):
        m = re.match(r'\s*\d+:\s+(\d+)\s+(\d+)\s+(.*\S)', line)
        if m:
            rows[m.group(3)] = (int(m.group(1)), int(m.group(2)))
    return rows
a, b = read(sys.argv[1]), read(sys.argv[2])
growth = sorted(((b.get(k, (0, 0))[1] - a.get(k, (0, 0))[1], k) for k in set(a) | set(b)), reverse=True)
for delta, k in growth[:10]:
    print(f"  {delta / 1024:+10.1f} KB  {a.get(k, (0, 0))[0]:>9} -> {b.get(k, (0, 0))[0]:>9} instances  {k}")
PY
fi
BOOKINGS=$(su_psql -AtF' ' -c "select count(*), count(*) filter (where b.status in ('HELD', 'CONFIRMED'))
  from booking b join person p on p.id = b.person_id where p.email like 'soak-%'" 2>/dev/null || echo "? ?")
read -r EXCL POOL FLAG ACTIVE < <(su_psql -AtF' ' -f "$BENCH/overlaps.sql")
echo "overlapping active bookings of exclusive resources: $EXCL; instants where a pool is over capacity: $POOL (both must be 0)" | tee -a "$OUT/results.txt"
((EXCL == 0 && POOL == 0 && FLAG == 0)) || STATUS=1
ERRORS=$(grep -c ' ERROR ' "$OUT/app.log" || true)
echo "database $DB_BEFORE -> $DB_AFTER; soak members' bookings (all, still active): $BOOKINGS; ERROR lines in the application's log: $ERRORS" | tee -a "$OUT/results.txt"
grep ' ERROR ' "$OUT/app.log" | head -20 || true

result() { grep -h "^RESULT $1 " "$OUT/results.txt" | tail -1 | grep -o " $2=[^ ]*" | cut -d= -f2; }
{
  echo "## Soak, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "commit $(git -C "$ROOT" rev-parse --short HEAD), $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), application JVM options: ${JAVA_OPTS:-none}, load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  [[ -f $OUT/summary-body.md ]] && cat "$OUT/summary-body.md"
  echo "- database $DB_BEFORE → $DB_AFTER; the soak members' bookings (all, still active at the end): $BOOKINGS; ERROR lines in the application's log: $ERRORS"
  echo "- overlapping active bookings of exclusive resources / instants where a pool is over capacity: $EXCL / $POOL"
  echo "- verdict: $( ((STATUS == 0)) && echo "PASS (no error, heap flat)" || echo "FAIL (errors=$(result soak errors), heap flat=$(result soak flat))")"
} | tee "$OUT/summary.md"
exit "$STATUS"
