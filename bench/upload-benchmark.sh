#!/usr/bin/env bash
# Upload benchmark: the service's CSV upload against psql \copy of the same file into a plain table of
# double precision columns, on the same database, in the same run. Not a test: it prints figures.
#
#   bench/upload-benchmark.sh [runs]
#
# Needs: JDK 25 (JAVA_HOME), psql, curl, and PostgreSQL (trust or PGPASSWORD). Knobs: those of common.sh, and
# BENCH_HEAP (512m) for the service.
set -euo pipefail
source "$(dirname "$0")/common.sh"

runs=${1:-5}
heap=${BENCH_HEAP:-512m}
now() { date +%s.%N; }

plain_columns=$(seq -s, -f 'f%g double precision' 1 "$columns")

start_service "$work/service.log" -Xmx"$heap"

printf '%-4s %12s %12s %14s %14s %12s\n' run copy_s upload_s copy_rows/s upload_rows/s peak_rss_MB
copy_times=(); upload_times=(); peaks=()
for run in $(seq 1 "$runs"); do
    psql_db "$db" -c "DROP TABLE IF EXISTS bench_plain" -c "CREATE TABLE bench_plain ($plain_columns)" -c "CHECKPOINT"
    start=$(now)
    psql_db "$db" -c "\\copy bench_plain FROM '$csv' WITH (FORMAT csv, HEADER true)"
    copy_s=$(echo "$(now) - $start" | bc)

    psql_db "$db" -c "CHECKPOINT"
    echo 5 > /proc/$service/clear_refs 2>/dev/null || true # resets the peak RSS (VmHWM) where the kernel allows it
    start=$(now)
    response=$(curl -sS -o "$work/upload.json" -w '%{http_code}' -H 'X-API-Key: bench-key' -H 'Content-Type: text/csv' \
        --data-binary @"$csv" "http://localhost:$port/api/v1/datasets?name=bench")
    upload_s=$(echo "$(now) - $start" | bc)
    [[ $response == 201 ]] || { echo "upload failed with $response: $(cat "$work/upload.json")"; exit 1; }
    peak_kb=$(awk '/VmHWM/ {print $2}' /proc/$service/status)
    id=$(sed -E 's/.*"id":"([^"]+)".*/\1/' "$work/upload.json")
    curl -sf -X DELETE -H 'X-API-Key: bench-key' "http://localhost:$port/api/v1/datasets/$id" > /dev/null

    copy_times+=("$copy_s"); upload_times+=("$upload_s"); peaks+=("$((peak_kb / 1024))")
    printf '%-4s %12.3f %12.3f %14.0f %14.0f %12s\n' "$run" "$copy_s" "$upload_s" \
        "$(echo "$rows / $copy_s" | bc -l)" "$(echo "$rows / $upload_s" | bc -l)" "$((peak_kb / 1024))"
done

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
copy_median=$(median "${copy_times[@]}")
upload_median=$(median "${upload_times[@]}")
echo
echo "file: $csv ($(du -m "$csv" | cut -f1) MB, $rows rows x $columns numeric columns); service heap -Xmx$heap"
printf 'median psql \\copy: %.3f s (%.0f rows/s)\n' "$copy_median" "$(echo "$rows / $copy_median" | bc -l)"
printf 'median upload:     %.3f s (%.0f rows/s), peak RSS up to %s MB\n' "$upload_median" \
    "$(echo "$rows / $upload_median" | bc -l)" "$(printf '%s\n' "${peaks[@]}" | sort -n | tail -1)"
printf 'upload throughput / \\copy throughput: %.2f (goal: at least 0.80)\n' "$(echo "$copy_median / $upload_median" | bc -l)"
