# Shared by the benchmarks (sourced, not run): settings, JDK check, the generated CSV, the jar, a fresh database,
# and starting the service. Knobs: BENCH_ROWS (1000000), BENCH_COLUMNS (10), BENCH_SEGMENTS (groups in the
# generated data; 0, none, unless the script sets another default), BENCH_PORT (18080),
# BENCH_DB (segmentation_bench; dropped and created), BENCH_PG_HOST/PORT/USER (127.0.0.1, 5432, postgres).
cd "$(dirname "${BASH_SOURCE[0]}")/.."

rows=${BENCH_ROWS:-1000000}
columns=${BENCH_COLUMNS:-10}
segments=${BENCH_SEGMENTS:-0}
port=${BENCH_PORT:-18080}
db=${BENCH_DB:-segmentation_bench}
pg_host=${BENCH_PG_HOST:-127.0.0.1}
pg_port=${BENCH_PG_PORT:-5432}
pg_user=${BENCH_PG_USER:-postgres}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
"$java" -version 2>&1 | grep -qE 'version "(2[5-9]|[3-9][0-9])' || { echo "needs JDK 25 or later: set JAVA_HOME"; exit 1; }
work=target/bench
csv=$work/customers-${rows}x${columns}$([[ $segments == 0 ]] || echo "-${segments}segments").csv
psql_db() { psql -q -X -h "$pg_host" -p "$pg_port" -U "$pg_user" -d "$1" "${@:2}"; }

mkdir -p "$work"
if [[ ! -f $csv ]]; then
    echo "generating $csv"
    "$java" bench/GenerateBenchmarkCsv.java "$csv" "$rows" "$columns" "$segments"
fi
jar=$(ls target/customer-segmentation-service-*.jar 2>/dev/null | grep -v plain | head -1 || true)
if [[ -z $jar ]]; then
    ./mvnw -q -B -DskipTests package
    jar=$(ls target/customer-segmentation-service-*.jar | grep -v plain | head -1)
fi
psql_db postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"

# start_service LOG [JVM options...]: starts the jar on the fresh database, waits until it is healthy, and sets
# $service to its process id (killed when the script exits). The bench tenant may send 2,000 requests a second,
# so that the load the benchmarks make is measured, not refused.
start_service() {
    local log=$1
    shift
    SPRING_DATASOURCE_URL="jdbc:postgresql://$pg_host:$pg_port/$db" SPRING_DATASOURCE_USERNAME=$pg_user \
    SEGMENTATION_API_KEYS=bench=bench-key SEGMENTATION_UPLOAD_MAX_SIZE=2GB SERVER_PORT=$port \
        "$java" -Dsegmentation.limits.tenants.bench.requests-per-second=2000 \
        -Dsegmentation.limits.tenants.bench.request-burst=4000 "$@" -jar "$jar" > "$log" 2>&1 &
    service=$!
    trap 'kill $service 2>/dev/null || true' EXIT
    until curl -sf "http://localhost:$port/actuator/health" > /dev/null; do
        kill -0 $service 2>/dev/null || { echo "the service did not start; see $log"; exit 1; }
        sleep 1
    done
}
