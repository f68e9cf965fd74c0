#!/usr/bin/env bash
# Comparison benchmark: two fixed-k jobs (k = 8 and k = 5) on the same 1,000,000-customer CSV, then
# GET .../comparison?with= and the movers as CSV and as NDJSON, each timed as the client sees it (curl's total
# time, the whole download). Prints every run, then median (min–max) per figure, and the plan of the comparison's
# join. Not a test; it writes nothing to bench/RESULTS.md.
#
#   bench/comparison-benchmark.sh [runs]
#
# Needs: JDK 25 (JAVA_HOME), psql, curl, jq and PostgreSQL. Knobs: those of common.sh, and BENCH_HEAP (512m).
set -euo pipefail
BENCH_SEGMENTS=${BENCH_SEGMENTS:-8}
source "$(dirname "$0")/common.sh"

runs=${1:-5}
heap=${BENCH_HEAP:-512m}
key='X-API-Key: bench-key'
api="http://localhost:$port/api/v1"
# stats VALUES...: "median min max"
stats() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {printf "%.2f s (%.2f–%.2f)", (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2, a[1], a[NR]}'; }

start_service "$work/comparison-service.log" -Xmx"$heap"
dataset=$(curl -sf -H "$key" -H 'Content-Type: text/csv' --data-binary @"$csv" "$api/datasets?name=bench" | jq -r .id)
start_job() {
    curl -sf -H "$key" -H 'Content-Type: application/json' \
        -d "{\"datasetId\": \"$dataset\", \"k\": $1, \"restarts\": 1, \"seed\": 1}" "$api/segmentations" | jq -r .id
}
await_job() {
    local status
    until status=$(curl -sf -H "$key" "$api/segmentations/$1" | jq -r .status); [[ $status != QUEUED && $status != RUNNING ]]; do sleep 1; done
    [[ $status == SUCCEEDED ]] || { echo "job $1 ended $status"; exit 1; }
}
earlier=$(start_job 8)
await_job "$earlier"
later=$(start_job 5)
await_job "$later"
echo "jobs: $earlier (k = 8, earlier) and $later (k = 5), $(psql_db "$db" -t -A -c "SELECT count(*) FROM segment_assignment WHERE job_id = '$later'") customers each"

timed() { curl -s -o "$work/comparison-out" -w '%{http_code} %{time_total}' -H "$key" "$@"; }
check() { [[ ${1%% *} == 200 ]] || { echo "answered ${1%% *}: $(head -c 300 "$work/comparison-out")"; exit 1; }; echo "${1#* }"; }
comparison="$api/segmentations/$later/comparison?with=$earlier"
movers="$api/segmentations/$later/comparison/movers?with=$earlier"
# one of each first, not counted (JIT, the buffer cache)
check "$(timed "$comparison")" > /dev/null
check "$(timed -H 'Accept: text/csv' "$movers")" > /dev/null
check "$(timed -H 'Accept: application/x-ndjson' "$movers")" > /dev/null

printf '%-4s %12s %10s %12s\n' run comparison_s csv_s ndjson_s
compare_s=(); csv_s=(); ndjson_s=()
for run in $(seq 1 "$runs"); do
    compare_s+=("$(check "$(timed "$comparison")")")
    common=$(jq .commonCustomers "$work/comparison-out"); ari=$(jq .adjustedRandIndex "$work/comparison-out")
    csv_s+=("$(check "$(timed -H 'Accept: text/csv' "$movers")")")
    csv_lines=$(( $(wc -l < "$work/comparison-out") - 1 ))
    ndjson_s+=("$(check "$(timed -H 'Accept: application/x-ndjson' "$movers")")")
    ndjson_lines=$(wc -l < "$work/comparison-out")
    printf '%-4s %12s %10s %12s\n' "$run" "${compare_s[-1]}" "${csv_s[-1]}" "${ndjson_s[-1]}"
done
[[ $csv_lines == "$ndjson_lines" ]] || { echo "the CSV has $csv_lines movers, the NDJSON $ndjson_lines"; exit 1; }

echo
echo "on $(nproc) cores, $(psql_db postgres -t -A -c 'SHOW server_version' | cut -d' ' -f1 | sed 's/^/PostgreSQL /'), the service at -Xmx$heap;"
echo "$common common customers, adjusted Rand index $ari, $csv_lines movers; median (min–max) of $runs runs:"
echo "  comparison            $(stats "${compare_s[@]}")"
echo "  movers, text/csv      $(stats "${csv_s[@]}")"
echo "  movers, NDJSON        $(stats "${ndjson_s[@]}")"
echo
echo "the comparison's join as the service runs it (ComparisonStore.contingency, after preferHashJoins):"
psql_db "$db" -c "BEGIN" -c "SET LOCAL enable_mergejoin = off" -c "SET LOCAL enable_nestloop = off" \
    -c "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) SELECT o.segment, t.segment, count(*) FROM segment_assignment t JOIN segment_assignment o ON o.customer_id = t.customer_id AND o.job_id = '$earlier' WHERE t.job_id = '$later' GROUP BY o.segment, t.segment" \
    -c "ROLLBACK"
kill $service; wait $service 2>/dev/null || true
