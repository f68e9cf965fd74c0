#!/usr/bin/env bash
# Export benchmark: GET .../assignments as text/csv of a 1,000,000-customer job from the service at -Xmx512m,
# against psql \copy of the same SELECT to a file, on the same database, in the same run; both files must be
# byte for byte the same. Also: the service's peak RSS over the exports, how soon an export the client abandons
# gives its connection back, and the plans of the lookup of one customer and of the export.
# Not a test: it prints figures and writes them to the "Export" section of bench/RESULTS.md.
#
#   bench/export-benchmark.sh [runs]
#
# Needs: JDK 25 (JAVA_HOME), psql, curl, jq, bc and PostgreSQL. Knobs: those of common.sh, and BENCH_HEAP (512m).
set -euo pipefail
BENCH_SEGMENTS=${BENCH_SEGMENTS:-8}
source "$(dirname "$0")/common.sh"

runs=${1:-5}
heap=${BENCH_HEAP:-512m}
key='X-API-Key: bench-key'
api="http://localhost:$port/api/v1"
now() { date +%s.%N; }
# stats VALUES...: "median min max"
stats() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {printf "%s %s %s", (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2, a[1], a[NR]}'; }
fmt() { read -r m lo hi <<< "$1"; printf "$2 ($2–$2)" "$m" "$lo" "$hi"; }

start_service "$work/export-service.log" -Xmx"$heap"
dataset=$(curl -sf -H "$key" -H 'Content-Type: text/csv' --data-binary @"$csv" "$api/datasets?name=bench" | jq -r .id)
job=$(curl -sf -H "$key" -H 'Content-Type: application/json' -d "{\"datasetId\": \"$dataset\", \"k\": 8, \"restarts\": 1, \"seed\": 1}" \
    "$api/segmentations" | jq -r .id)
until status=$(curl -sf -H "$key" "$api/segmentations/$job" | jq -r .status); [[ $status != QUEUED && $status != RUNNING ]]; do sleep 1; done
[[ $status == SUCCEEDED ]] || { echo "the job ended $status"; exit 1; }
assignments=$(psql_db "$db" -t -A -c "SELECT count(*) FROM segment_assignment WHERE job_id = '$job'")
echo "job $job: $assignments assignments"

# The service's query (AssignmentStore.writeCsv), for \copy to run as it is
safe() { echo "CASE WHEN left($1, 1) IN ('=', '+', '-', '@', chr(9), chr(13)) THEN '''' || $1 ELSE $1 END"; }
select="SELECT $(safe a.customer_id) AS \"customerId\", a.segment, ((SELECT array_agg(key ORDER BY segment) FROM segment WHERE job_id = '$job'))[a.segment + 1] AS key, ((SELECT array_agg($(safe 'coalesce(custom_name, label)') ORDER BY segment) FROM segment WHERE job_id = '$job'))[a.segment + 1] AS name, a.distance FROM segment_assignment a WHERE a.job_id = '$job' ORDER BY a.row_number"

# one export first, not counted, so that the runs compare a warmed-up service (JIT) with psql
curl -sf -o /dev/null -H "$key" -H 'Accept: text/csv' "$api/segmentations/$job/assignments"
echo 5 > /proc/$service/clear_refs 2>/dev/null || true # resets the peak RSS (VmHWM) where the kernel allows it
printf '%-4s %10s %10s %14s %14s %10s\n' run copy_s export_s copy_rows/s export_rows/s MB
copy_rate=(); export_rate=()
for run in $(seq 1 "$runs"); do
    start=$(now)
    psql_db "$db" -c "\\copy ($select) TO '$work/copy.csv' WITH (FORMAT csv, HEADER)"
    copy_s=$(echo "$(now) - $start" | bc)
    start=$(now)
    code=$(curl -s -o "$work/export.csv" -w '%{http_code}' -H "$key" -H 'Accept: text/csv' "$api/segmentations/$job/assignments")
    export_s=$(echo "$(now) - $start" | bc)
    [[ $code == 200 ]] || { echo "the export answered $code"; exit 1; }
    cmp -s "$work/copy.csv" "$work/export.csv" || { echo "the export differs from \\copy's file"; exit 1; }
    copy_rate+=("$(echo "$assignments / $copy_s" | bc -l)"); export_rate+=("$(echo "$assignments / $export_s" | bc -l)")
    printf '%-4s %10.2f %10.2f %14.0f %14.0f %10.1f\n' "$run" "$copy_s" "$export_s" "${copy_rate[-1]}" "${export_rate[-1]}" \
        "$(echo "$(stat -c %s "$work/export.csv") / 1048576" | bc -l)"
done
peak_mb=$(( $(awk '/VmHWM/ {print $2}' /proc/$service/status) / 1024 ))
heap_max_mb=$(curl -s -H "$key" "http://localhost:$port/actuator/prometheus" \
    | awk '/^jvm_memory_max_bytes\{area="heap"/ {sum += $NF} END {printf "%.0f", sum / 1048576}')

# A client that reads 100 kB and leaves: how long until no COPY of the job runs and no connection is busy
active() { curl -s -H "$key" "http://localhost:$port/actuator/prometheus" | awk '/^hikaricp_connections_active\{/ {sum += $NF} END {print sum + 0}'; }
copying() { psql_db "$db" -t -A -c "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE 'COPY (SELECT%$job%'"; }
curl -s -H "$key" -H 'Accept: text/csv' "$api/segmentations/$job/assignments" | head -c 100000 > /dev/null || true
left=$(now)
until [[ $(copying) == 0 && $(active) == 0 ]]; do sleep 0.01; done
released_ms=$(echo "($(now) - $left) * 1000" | bc)
after=$(curl -s -o /dev/null -w '%{http_code}' -H "$key" "$api/segmentations/$job/assignments?size=10")
echo "abandoned export: connection free ${released_ms%.*} ms after the client left; next page answered $after"
kill $service; wait $service 2>/dev/null || true

customer=500000
# The benchmark's dataset has no ID column, so its customers go by their row numbers and the lookup
# (AssignmentStore.find) reads the assignment by its primary key; with an ID column, a query by the dataset's
# unique index on the IDs (RowTable.rowOf) finds the row first.
lookup_plan_sql="SELECT a.row_number, a.customer_id, a.segment, ((SELECT array_agg(coalesce(custom_name, label) ORDER BY segment) FROM segment WHERE job_id = '$job'))[a.segment + 1], a.distance FROM segment_assignment a WHERE a.job_id = '$job' AND a.row_number = $customer"
lookup_plan=$(psql_db "$db" -c "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ${lookup_plan_sql}")
export_plan=$(psql_db "$db" -c "EXPLAIN (COSTS OFF) $select")
# the same once autovacuum (here: ANALYZE) has seen the job's rows
psql_db "$db" -c "ANALYZE segment_assignment"
lookup_plan_analyzed=$(psql_db "$db" -c "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ${lookup_plan_sql}")
export_plan_analyzed=$(psql_db "$db" -c "EXPLAIN (COSTS OFF) $select")
echo "$lookup_plan"; echo "$export_plan"; echo "$lookup_plan_analyzed"; echo "$export_plan_analyzed"

copy_s=$(stats "${copy_rate[@]}"); export_s=$(stats "${export_rate[@]}")
ratio=$(echo "${export_s%% *} / ${copy_s%% *}" | bc -l)
section=$(
    echo "## Export"
    echo
    echo "Written by \`bench/export-benchmark.sh $runs\` on $(date -u '+%Y-%m-%d %H:%M UTC'): $(nproc) cores, $("$java" -version 2>&1 | head -1),"
    echo "$(psql_db postgres -t -A -c 'SHOW server_version' | cut -d' ' -f1 | sed 's/^/PostgreSQL /'); a fixed-k job (k = 8) on $assignments customers x $columns columns, the service at"
    echo "\`-Xmx$heap\` (heap max as the service reports it: $heap_max_mb MB). Each figure: median (min–max) of $runs runs."
    echo
    echo "| figure | measured | baseline, same run | ratio | target | |"
    echo "|---|---|---|---|---|---|"
    printf '| CSV export of every assignment, `Accept: text/csv` | %s rows/s | `psql \\copy (SELECT ...) TO` a file %s rows/s | %.2f | ≥ 0.7 × `\\copy` | %s |\n' \
        "$(fmt "$export_s" '%.0f')" "$(fmt "$copy_s" '%.0f')" "$ratio" "$([[ $(echo "$ratio >= 0.7" | bc -l) == 1 ]] && echo met || echo '**not met**')"
    printf '| peak RSS of the service over the exports | %s MB | | | | |\n' "$peak_mb"
    printf '| an export abandoned after 100 kB: until no COPY runs and no connection is active | %s ms | | | | |\n' "${released_ms%.*}"
    echo
    echo "Each export was byte for byte the file \`\\copy\` wrote. The exports ran right after the job, on the statistics"
    echo "it left (none yet of its rows), as a CRM's first export would. The plans of the lookup of one customer (row"
    echo "500,000; the dataset has no ID column, so the customer's ID is its row number, and the lookup reads its"
    echo "assignment by the primary key; with an ID column, the dataset's unique index on the IDs gives the row first)"
    echo "and of the export, then and once ANALYZE (autovacuum's, in production) has seen the rows:"
    echo
    echo '```'
    echo "$lookup_plan"
    echo "$export_plan"
    echo '```'
    echo
    echo '```'
    echo "$lookup_plan_analyzed"
    echo "$export_plan_analyzed"
    echo '```'
)
# bench/run rewrites the file above this section and keeps it
if grep -q '^## Export$' bench/RESULTS.md; then
    sed -i '/^## Export$/,$d' bench/RESULTS.md
fi
sed -i -e :a -e '/^\n*$/{$d;N;ba' -e '}' bench/RESULTS.md
printf '\n%s\n' "$section" >> bench/RESULTS.md
echo "$section"
