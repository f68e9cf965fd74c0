#!/usr/bin/env bash
# Job benchmark: a default request (k from 2 to 10, 10 restarts each) on 1,000,000 customers x 10 features,
# timed by the job's own startedAt/finishedAt, next to single Smile KMeans.fit runs on the same file in the
# same session. Not a test: it prints figures. Needs what upload-benchmark.sh needs.
#
#   bench/job-benchmark.sh
set -euo pipefail
source "$(dirname "$0")/common.sh"

./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$work/classpath.txt" > /dev/null

start_service "$work/job-service.log"

key='X-API-Key: bench-key'
dataset=$(curl -sf -H "$key" -H 'Content-Type: text/csv' --data-binary @"$csv" "http://localhost:$port/api/v1/datasets?name=bench" \
    | sed -E 's/.*"id":"([^"]+)".*/\1/')
job=$(curl -sf -H "$key" -H 'Content-Type: application/json' -d "{\"datasetId\": \"$dataset\", \"seed\": 1}" \
    "http://localhost:$port/api/v1/segmentations" | sed -E 's/.*"id":"([^"]+)".*/\1/')
until curl -sf -H "$key" "http://localhost:$port/api/v1/segmentations/$job" | grep -qE '"status":"(SUCCEEDED|FAILED)"'; do sleep 5; done
curl -sf -H "$key" "http://localhost:$port/api/v1/segmentations/$job" > "$work/job.json"
echo "job: $(grep -oE '"status":"[A-Z]+"|"startedAt":"[^"]+"|"finishedAt":"[^"]+"' "$work/job.json" | tr '\n' ' ')"
grep -E "Job .* (succeeded|failed)" "$work/job-service.log" | tail -1 | sed 's/.*Job/Job/'
kill $service
"$java" -cp "$(cat "$work/classpath.txt")" bench/KMeansFitBaseline.java "$csv" 8 3
