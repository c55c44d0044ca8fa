#!/usr/bin/env bash
# The monthly renewal benchmark (docs/benchmarks.md, "Renewal"). From the repository root, after
# ./mvnw -B -q package -DskipTests:
#
#   deploy/bench/renewal-bench.sh
#
# On a fresh $BENCH_DIR (default deploy/target/bench-renewal), with the packaged application on the embedded
# defaults (the scheduled renewal put off with tl.plans.renewal-delay=24h, so only the runs asked for here happen):
#   1. timed run: place bench-renew-a with N=10000 due subscriptions (renewal-subscriptions.sql), then one
#      POST /api/v1/places/bench-renew-a/subscriptions/renewals (the renewal job, as a manager's button runs it),
#      timed; then the PDFs of the day's documents through GET .../exports/pdfs.zip (renders and stores each PDF
#      not yet rendered), timed; counts (renewal-counts.sql);
#   2. kill run: place bench-renew-b with N due subscriptions; the renewal POST in the background; when a third of
#      them are renewed, kill -9 of the JVM (and a fast stop of its orphaned PostgreSQL), restart, POST again; then
#      the counts must show N renewal periods, no duplicate period, no duplicate invoice, nothing still due.
# SKIP_TIMED=1 skips step 1 (the kill run alone).
# Invoices and PDFs of renewals exist once billing observes SubscriptionRenewed (issue 5, checkout/payment): before
# that, the counts of invoices and PDFs are 0 and the ZIP answers 503 (no invoicing in the application).
set -euo pipefail
OUT=${BENCH_DIR:-$(cd "$(dirname "$0")/../.." && pwd)/deploy/target/bench-renewal}
N=${N:-10000}
JAVA_OPTS=${JAVA_OPTS:-}
source "$(dirname "$0")/bench-app.sh"
trap app_stop EXIT
rm -rf "$OUT"
mkdir -p "$OUT"
# shellcheck disable=SC2086
start() { app_start $JAVA_OPTS -Dtl.plans.renewal-delay=24h; }
counts() { su_psql -v slug="$1" -AtF' ' -f "$BENCH/renewal-counts.sql"; }
report() { # label slug
  read -r R D S I DI P O DO < <(counts "$2")
  echo "RESULT $1 renewals=$R duplicatePeriods=$D stillDue=$S invoices=$I duplicateInvoices=$DI pdfs=$P orders=$O severalOrders=$DO" | tee -a "$OUT/results.txt"
}

start
TODAY=$(TZ=Europe/Paris date +%F)

if [[ -z ${SKIP_TIMED:-} ]]; then
log "1. timed run: $N due subscriptions in bench-renew-a"
bench_place bench-renew-a
su_psql -v n="$N" -v slug=bench-renew-a -f "$BENCH/renewal-subscriptions.sql" | tee -a "$OUT/results.txt"
T=$(curl -sS -u "$ADMIN" -X POST -o "$OUT/renew-a.json" -w '%{http_code} %{time_total}' "$URL/api/v1/places/bench-renew-a/subscriptions/renewals")
echo "RESULT renew-a status=${T% *} seconds=${T#* } answer=$(cat "$OUT/renew-a.json" | tr -d ' ') load=$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$OUT/results.txt"
T=$(curl -sS -u "$ADMIN" -o "$OUT/pdfs-a.zip" -w '%{http_code} %{time_total} %{size_download}' "$URL/api/v1/places/bench-renew-a/exports/pdfs.zip?from=$TODAY&to=$TODAY")
read -r CODE SECS SIZE <<<"$T"
echo "RESULT pdfs-a status=$CODE seconds=$SECS bytes=$SIZE entries=$( [[ $CODE == 200 ]] && python3 -c "import zipfile,sys; print(len(zipfile.ZipFile(sys.argv[1]).namelist()))" "$OUT/pdfs-a.zip" || echo 0)" | tee -a "$OUT/results.txt"
report counts-a bench-renew-a
fi

log "2. kill run: $N due subscriptions in bench-renew-b, kill -9 at a third"
bench_place bench-renew-b
su_psql -v n="$N" -v slug=bench-renew-b -f "$BENCH/renewal-subscriptions.sql" >/dev/null
curl -sS -u "$ADMIN" -X POST -o "$OUT/renew-b1.json" "$URL/api/v1/places/bench-renew-b/subscriptions/renewals" >/dev/null 2>&1 &
CURL_PID=$!
for _ in $(seq 1200); do
  DONE=$(su_psql -Atc "select count(*) from subscription_period sp join place p on p.id = sp.tenant_id where p.slug = 'bench-renew-b' and sp.kind = 'RENEWAL'")
  ((DONE >= N / 3)) && break
  sleep 0.2
done
echo "renewed before the kill: $DONE" | tee -a "$OUT/results.txt"
app_kill9
wait "$CURL_PID" 2>/dev/null || true
start
report after-kill bench-renew-b
T=$(curl -sS -u "$ADMIN" -X POST -o "$OUT/renew-b2.json" -w '%{http_code} %{time_total}' "$URL/api/v1/places/bench-renew-b/subscriptions/renewals")
echo "RESULT renew-b-rerun status=${T% *} seconds=${T#* } answer=$(cat "$OUT/renew-b2.json" | tr -d ' ')" | tee -a "$OUT/results.txt"
T=$(curl -sS -u "$ADMIN" -X POST -o "$OUT/renew-b3.json" -w '%{http_code} %{time_total}' "$URL/api/v1/places/bench-renew-b/subscriptions/renewals")
echo "RESULT renew-b-again status=${T% *} answer=$(cat "$OUT/renew-b3.json" | tr -d ' ')" | tee -a "$OUT/results.txt"
report counts-b bench-renew-b

result() { grep -h "^RESULT $1 " "$OUT/results.txt" | tail -1 | grep -o "$2=[^ ]*" | cut -d= -f2; }
{
  echo "## Renewal benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "commit $(git -C "$ROOT" rev-parse --short HEAD), $(nproc) cores, N=$N"
  echo
  echo "| measure | value |"
  echo "|---|---|"
  echo "| renewal run, $N due subscriptions (one POST) | HTTP $(result renew-a status), **$(result renew-a seconds) s** ($(result renew-a answer)); load $(result renew-a load) |"
  echo "| renewal periods / invoices / PDFs stored after it | $(result counts-a renewals) / $(result counts-a invoices) / $(result counts-a pdfs) |"
  echo "| PDFs of the day through the ZIP export | HTTP $(result pdfs-a status), $(result pdfs-a seconds) s, $(result pdfs-a entries) entries |"
  echo "| kill run: renewed before kill -9 / after the rerun | $(result after-kill renewals) / $(result counts-b renewals) (rerun $(result renew-b-rerun seconds) s: $(result renew-b-rerun answer); a third run: $(result renew-b-again answer)) |"
  echo "| duplicate periods / duplicate invoices / still due | $(result counts-b duplicatePeriods) / $(result counts-b duplicateInvoices) / $(result counts-b stillDue) |"
  echo "| invoices / PDFs in the kill run's place | $(result counts-b invoices) / $(result counts-b pdfs) |"
} | tee "$OUT/summary.md"
