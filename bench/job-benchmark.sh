#!/usr/bin/env bash
# Job benchmark: a default request (k from 2 to 10, 10 restarts each) on 1,000,000 customers x 10 features,
# timed by the job's own startedAt/finishedAt, next to single Smile KMeans.fit runs (k = the generated number
# of segments) on the same file in the same session. The data has 8 Gaussian segments unless BENCH_SEGMENTS
# says otherwise; BENCH_SEGMENTS=0 gives data without any, on which every Lloyd run goes to its iteration cap.
# The job runs BENCH_JOB_RUNS times (3), one after the other, each with its own seed.
# Not a test: it prints figures. Needs what upload-benchmark.sh needs.
#
#   bench/job-benchmark.sh
set -euo pipefail
BENCH_SEGMENTS=${BENCH_SEGMENTS:-8}
source "$(dirname "$0")/common.sh"

./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$work/classpath.txt" > /dev/null

start_service "$work/job-service.log"

key='X-API-Key: bench-key'
dataset=$(curl -sf -H "$key" -H 'Content-Type: text/csv' --data-binary @"$csv" "http://localhost:$port/api/v1/datasets?name=bench" \
    | sed -E 's/.*"id":"([^"]+)".*/\1/')
runs=${BENCH_JOB_RUNS:-3}
for run in $(seq 1 "$runs"); do
    # one job at a time, so that each has the machine to itself
    job=$(curl -sf -H "$key" -H 'Content-Type: application/json' -d "{\"datasetId\": \"$dataset\", \"seed\": $run}" \
        "http://localhost:$port/api/v1/segmentations" | sed -E 's/.*"id":"([^"]+)".*/\1/')
    until curl -sf -H "$key" "http://localhost:$port/api/v1/segmentations/$job" | grep -qE '"status":"(SUCCEEDED|FAILED)"'; do sleep 5; done
    curl -sf -H "$key" "http://localhost:$port/api/v1/segmentations/$job/result" > "$work/result.json"
    echo "job run $run: $(grep -E "Job $job (succeeded|failed)" "$work/job-service.log" | sed 's/.*Job [^ ]* //'); " \
        "$(grep -oE '"chosenK":[0-9]+|"silhouette":[0-9.]+' "$work/result.json" | head -2 | tr '\n' ' ')"
done
kill $service
"$java" -cp "$(cat "$work/classpath.txt")" bench/KMeansFitBaseline.java "$csv" "$(( segments > 0 ? segments : 8 ))" 3 \
    | grep -v " INFO smile\."
