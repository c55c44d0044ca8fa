#!/usr/bin/env bash
# The FEC export benchmark (docs/benchmarks.md, "Exports"). From the repository root, after
# ./mvnw -B -q package -DskipTests:
#
#   deploy/bench/fec-bench.sh
#
# On a fresh $BENCH_DIR (default deploy/target/bench-fec) it starts the packaged application on the embedded
# defaults with a small heap (XMX=128m), creates a place through the API, inserts N=100000 invoices of the current
# year by SQL as the superuser (fec-documents.sql: 2 lines, 2 VAT rates each; most paid at issue), then downloads
# the year's FEC through the API twice (cold, then warm) and the year's invoices CSV once, sampling the JVM's heap
# with jstat every 200 ms meanwhile. It checks the file (18 fields on every line, every entry balanced, debits =
# credits) and prints a summary (also $BENCH_DIR/summary.md).
set -euo pipefail
OUT=${BENCH_DIR:-$(cd "$(dirname "$0")/../.." && pwd)/deploy/target/bench-fec}
N=${N:-100000}
XMX=${XMX:-128m}
source "$(dirname "$0")/bench-app.sh"
trap app_stop EXIT
rm -rf "$OUT"
mkdir -p "$OUT"

app_start "-Xmx$XMX" -Dtl.plans.renewal-delay=24h
SLUG=bench-fec
bench_place "$SLUG"
log "inserting $N invoices by SQL"
su_psql -v n="$N" -v slug="$SLUG" -f "$BENCH/fec-documents.sql" | tee "$OUT/documents.txt"
YEAR=$(TZ=Europe/Paris date +%Y)

heap_sample() { # label: jstat samples until the flag file disappears
  "$JAVA_HOME/bin/jstat" -gc "$APP_PID" 200 >"$OUT/jstat-$1.txt" 2>&1 &
  echo $!
}
heap_report() { # label -> "max used MB, max old MB, young GCs, full GCs"
  python3 - "$OUT/jstat-$1.txt" <<'PY'
import sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip() and not l.lstrip().startswith('S0C')]
head = open(sys.argv[1]).readline().split()
ix = {k: i for i, k in enumerate(head)}
def f(r, k): return float(r[ix[k]].replace(',', '.'))
used = [sum(f(r, k) for k in ('S0U', 'S1U', 'EU', 'OU')) / 1024 for r in rows if len(r) == len(head)]
old = [f(r, 'OU') / 1024 for r in rows if len(r) == len(head)]
ygc = [f(r, 'YGC') for r in rows if len(r) == len(head)]
fgc = [f(r, 'FGC') for r in rows if len(r) == len(head)]
print(f"samples={len(used)} heapMaxMB={max(used):.1f} oldStartMB={old[0]:.1f} oldMaxMB={max(old):.1f} oldEndMB={old[-1]:.1f} youngGCs={ygc[-1]-ygc[0]:.0f} fullGCs={fgc[-1]-fgc[0]:.0f}")
PY
}

download() { # label path file
  local sampler
  sampler=$(heap_sample "$1")
  sleep 1
  local t
  t=$(curl -fsS -u "$ADMIN" -D "$OUT/$1.headers" -o "$OUT/$3" -w '%{time_total} %{size_download}' "$URL$2")
  sleep 1
  kill "$sampler" 2>/dev/null || true
  wait "$sampler" 2>/dev/null || true
  echo "RESULT $1 seconds=${t% *} bytes=${t#* } $(heap_report "$1") load=$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$OUT/results.txt"
}

log "FEC of $YEAR, cold"
download fec-cold "/api/v1/places/$SLUG/exports/fec?year=$YEAR" fec-cold.txt
log "FEC of $YEAR, warm"
download fec-warm "/api/v1/places/$SLUG/exports/fec?year=$YEAR" fec.txt
log "invoices CSV of $YEAR"
download csv "/api/v1/places/$SLUG/exports/invoices.csv?from=$YEAR-01-01&to=$YEAR-12-31" invoices.csv

log "checks"
grep -i '^content-disposition' "$OUT/fec-warm.headers" | tee -a "$OUT/results.txt"
cmp -s "$OUT/fec-cold.txt" "$OUT/fec.txt" && echo "the two FEC downloads are identical" | tee -a "$OUT/results.txt"
python3 - "$OUT/fec.txt" <<'PY' | tee -a "$OUT/results.txt"
import sys, collections
from decimal import Decimal
lines = open(sys.argv[1], encoding='iso-8859-15', newline='').read().split('\r\n')
assert lines[-1] == ''
head, rows = lines[0], [l.split('|') for l in lines[1:-1]]
assert head.split('|')[0] == 'JournalCode' and len(head.split('|')) == 18, head
bad = [r for r in rows if len(r) != 18]
entries = collections.defaultdict(lambda: [Decimal(0), Decimal(0)])
for r in rows:
    entries[(r[0], r[2])][0] += Decimal(r[11].replace(',', '.'))
    entries[(r[0], r[2])][1] += Decimal(r[12].replace(',', '.'))
unbalanced = [k for k, (d, c) in entries.items() if d != c]
debit = sum(d for d, c in entries.values()); credit = sum(c for d, c in entries.values())
journals = collections.Counter(r[0] for r in rows)
print(f"RESULT check lines={len(rows)} entries={len(entries)} wrongFieldCount={len(bad)} unbalanced={len(unbalanced)} debit={debit} credit={credit} journals={dict(journals)}")
PY
wc -l "$OUT/invoices.csv" | tee -a "$OUT/results.txt"

result() { grep -h "^RESULT $1 " "$OUT/results.txt" | tail -1 | grep -o "$2=[^ ]*" | cut -d= -f2; }
{
  echo "## FEC export benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "commit $(git -C "$ROOT" rev-parse --short HEAD), $(nproc) cores, -Xmx$XMX, $N invoices"
  echo
  echo "| measure | value |"
  echo "|---|---|"
  for l in fec-cold fec-warm csv; do
    echo "| $l | $(result $l seconds) s, $(result $l bytes) bytes; heap max $(result $l heapMaxMB) MB, old gen $(result $l oldStartMB) → max $(result $l oldMaxMB) → $(result $l oldEndMB) MB, $(result $l youngGCs) young GCs, $(result $l fullGCs) full GCs; load $(result $l load) |"
  done
  echo "| FEC lines / entries | $(result check lines) / $(result check entries) |"
  echo "| lines without 18 fields / unbalanced entries | $(result check wrongFieldCount) / $(result check unbalanced) |"
  echo "| total debit / credit | $(result check debit) / $(result check credit) |"
} | tee "$OUT/summary.md"
