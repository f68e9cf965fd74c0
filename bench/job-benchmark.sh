#!/usr/bin/env bash
# Job benchmark: a default request (k from 2 to 10, 10 restarts each) on 1,000,000 customers x 10 features,
# timed by the job's own startedAt/finishedAt, next to single Smile KMeans.fit runs on the same file in the
# same session. Not a test: it prints figures. Needs what upload-benchmark.sh needs.
#
#   bench/job-benchmark.sh
set -euo pipefail
cd "$(dirname "$0")/.."

rows=${BENCH_ROWS:-1000000}
columns=${BENCH_COLUMNS:-10}
port=${BENCH_PORT:-18080}
db=${BENCH_DB:-segmentation_bench}
pg_host=${BENCH_PG_HOST:-127.0.0.1}
pg_port=${BENCH_PG_PORT:-5432}
pg_user=${BENCH_PG_USER:-postgres}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
"$java" -version 2>&1 | grep -qE 'version "(2[5-9]|[3-9][0-9])' || { echo "needs JDK 25 or later: set JAVA_HOME"; exit 1; }
work=target/bench
csv=$work/customers-${rows}x${columns}.csv

mkdir -p "$work"
[[ -f $csv ]] || "$java" bench/GenerateBenchmarkCsv.java "$csv" "$rows" "$columns"
jar=$(ls target/customer-segmentation-service-*.jar 2>/dev/null | grep -v plain | head -1 || true)
if [[ -z $jar ]]; then
    ./mvnw -q -B -DskipTests package
    jar=$(ls target/customer-segmentation-service-*.jar | grep -v plain | head -1)
fi
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$work/classpath.txt" > /dev/null

psql -q -X -h "$pg_host" -p "$pg_port" -U "$pg_user" -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
SPRING_DATASOURCE_URL="jdbc:postgresql://$pg_host:$pg_port/$db" SPRING_DATASOURCE_USERNAME=$pg_user \
SEGMENTATION_API_KEYS=bench=bench-key SEGMENTATION_UPLOAD_MAX_SIZE=2GB SERVER_PORT=$port \
    "$java" -jar "$jar" > "$work/job-service.log" 2>&1 &
service=$!
trap 'kill $service 2>/dev/null || true' EXIT
until curl -sf "http://localhost:$port/actuator/health" > /dev/null; do sleep 1; done

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
