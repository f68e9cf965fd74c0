#!/usr/bin/env bash
# Drift benchmark: GET /segmentations/{id}/drift of a fixed-k job (k = 8) on 1,000,000 customers against a
# snapshot of as many, the first column shifted by 20 (about two thirds of its spread) for everyone, so that the
# verdict is RESEGMENT. Prints each run's time (curl's, from request to last byte), the median (min–max) and the
# service's own breakdown (read, bin and place) of the last run. Not a test; it writes nothing to bench/RESULTS.md.
#
#   bench/drift-benchmark.sh [runs]
#
# Needs: JDK 25 (JAVA_HOME), psql, curl, jq, awk and PostgreSQL. Knobs: those of common.sh, and BENCH_HEAP (1g).
set -euo pipefail
BENCH_SEGMENTS=${BENCH_SEGMENTS:-8}
source "$(dirname "$0")/common.sh"

runs=${1:-5}
heap=${BENCH_HEAP:-1g}
key='X-API-Key: bench-key'
api="http://localhost:$port/api/v1"
# stats VALUES...: "median min max"
stats() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {printf "%s %s %s", (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2, a[1], a[NR]}'; }

shifted=${csv%.csv}-f1-shifted.csv
if [[ ! -f $shifted ]]; then
    echo "writing $shifted"
    awk -F, -v OFS=, 'NR == 1 {print; next} {$1 = sprintf("%.4f", $1 + 20); print}' "$csv" > "$shifted"
fi

start_service "$work/drift-service.log" -Xmx"$heap" -Dlogging.level.org.customersegmentation.overtime.drift=DEBUG
upload() { curl -sf -H "$key" -H 'Content-Type: text/csv' --data-binary @"$1" "$api/datasets?name=$2" | jq -r .id; }
month1=$(upload "$csv" month1)
month3=$(upload "$shifted" month3)
job=$(curl -sf -H "$key" -H 'Content-Type: application/json' -d "{\"datasetId\": \"$month1\", \"k\": 8, \"restarts\": 1, \"seed\": 1}" \
    "$api/segmentations" | jq -r .id)
until status=$(curl -sf -H "$key" "$api/segmentations/$job" | jq -r .status); [[ $status != QUEUED && $status != RUNNING ]]; do sleep 1; done
[[ $status == SUCCEEDED ]] || { echo "the job ended $status"; exit 1; }
echo "job $job on $rows customers x $columns columns; snapshot $month3"

drift() { curl -s -o "$work/drift.json" -w '%{http_code} %{time_total}' -H "$key" "$api/segmentations/$job/drift?datasetId=$1"; }
# one run first, not counted, so that the runs time a warmed-up service (JIT)
read -r code _ <<< "$(drift "$month3")"
[[ $code == 200 ]] || { echo "drift answered $code: $(cat "$work/drift.json")"; exit 1; }
echo 5 > /proc/$service/clear_refs 2>/dev/null || true # resets the peak RSS (VmHWM) where the kernel allows it
times=()
for run in $(seq 1 "$runs"); do
    read -r code seconds <<< "$(drift "$month3")"
    [[ $code == 200 ]] || { echo "drift answered $code"; exit 1; }
    times+=("$seconds")
    printf 'run %d: %.2f s\n' "$run" "$seconds"
done
read -r median lo hi <<< "$(stats "${times[@]}")"
printf 'drift of %d customers against %d: median %.2f s (%.2f–%.2f) over %d runs, -Xmx%s, peak RSS %d MB\n' \
    "$rows" "$rows" "$median" "$lo" "$hi" "$runs" "$heap" "$(( $(awk '/VmHWM/ {print $2}' /proc/$service/status) / 1024 ))"
jq -c '{verdict, drivers: [.drivers[] | {feature, psi}], f1: .features[0].psi, f2: .features[1].psi,
    segmentPsi: .segments.psi, meanDistanceRatio: .segments.meanDistanceRatio}' "$work/drift.json"
grep 'Drift of job' "$work/drift-service.log" | tail -1 | sed 's/.*: training/training/'
read -r code seconds <<< "$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "$key" \
    "$api/segmentations/$job/charts/drift.svg?datasetId=$month3")"
printf 'drift chart (SVG): %s in %.2f s\n' "$code" "$seconds"
