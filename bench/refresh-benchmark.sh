#!/usr/bin/env bash
# Refresh benchmark: on 1,000,000 customers x 10 features (8 Gaussian segments), the same job (k = 8, 1 restart)
# with and without refreshOf, alternating, BENCH_REFRESH_RUNS times (3) each, in one run of the service. The
# refreshes all refresh one earlier job of the same request; the new snapshot is the same upload, as the fit,
# not the data, is what is timed. Each job is timed by the service's own log line (claim to commit), whose phase
# summary puts the matching in SAVING, beside the assignments' COPY. Prints the runs and the medians.
# Not a test: it prints figures. Needs: JDK 25 (JAVA_HOME), psql, curl, jq and PostgreSQL; knobs of common.sh.
#
#   bench/refresh-benchmark.sh
set -euo pipefail
BENCH_SEGMENTS=${BENCH_SEGMENTS:-8}
source "$(dirname "$0")/common.sh"

runs=${BENCH_REFRESH_RUNS:-3}
key='X-API-Key: bench-key'
api="http://localhost:$port/api/v1"
log=$work/refresh-service.log
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

start_service "$log"
dataset=$(curl -sf -H "$key" -H 'Content-Type: text/csv' --data-binary @"$csv" "$api/datasets?name=bench" | jq -r .id)

# run_job BODY: starts the job, waits for it, and prints its milliseconds from the service's log
run_job() {
    local job status
    job=$(curl -sf -H "$key" -H 'Content-Type: application/json' -d "$1" "$api/segmentations" | jq -r .id)
    until status=$(curl -sf -H "$key" "$api/segmentations/$job" | jq -r .status); [[ $status != QUEUED && $status != RUNNING ]]; do
        sleep 1
    done
    [[ $status == SUCCEEDED ]] || { echo "job $job ended $status" >&2; exit 1; }
    grep -E "Job $job attempt [0-9]+ succeeded" "$log" | sed -E 's/.* ([0-9]+) ms \((.*)\)$/\1 \2/' | tr -d '\n'
    echo " $job"
}

request="\"datasetId\": \"$dataset\", \"k\": 8, \"restarts\": 1"
earlier=$(run_job "{$request, \"seed\": 100}" | awk '{print $NF}')
echo "earlier job $earlier"
plain_ms=(); refresh_ms=()
printf '%-4s %-8s %8s  %s\n' run kind ms phases
for run in $(seq 1 "$runs"); do
    read -r ms phases <<< "$(run_job "{$request, \"seed\": $run}" | sed -E 's/ [^ ]+$//')"
    plain_ms+=("$ms"); printf '%-4s %-8s %8s  %s\n' "$run" plain "$ms" "$phases"
    out=$(run_job "{\"datasetId\": \"$dataset\", \"refreshOf\": \"$earlier\", \"seed\": $run}")
    job=${out##* }
    read -r ms phases <<< "${out% *}"
    refresh_ms+=("$ms"); printf '%-4s %-8s %8s  %s\n' "$run" refresh "$ms" "$phases"
    keys=$(curl -sf -H "$key" "$api/segmentations/$job/result" | jq -c '[.lineage.newKeys, .lineage.retiredKeys]')
    echo "     lineage of $job: newKeys, retiredKeys = $keys"
done
echo "median plain:   $(median "${plain_ms[@]}") ms over $runs runs"
echo "median refresh: $(median "${refresh_ms[@]}") ms over $runs runs"
