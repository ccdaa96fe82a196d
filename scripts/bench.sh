#!/usr/bin/env bash
# Benchmarks (never timed unit tests). Appends a dated section to BENCHMARKS.md with the machine, the exact
# command, wall time (median of --runs, with min and max), rows/s and the driver JVM's peak RSS.
#   scripts/bench.sh [ingest|forecast|all] [--requests 1m] [--runs 3]
# ingest: generate N requests (with feedback and participation in proportion), ingest them into an empty lake.
# forecast: `forecast --series` on the real Boston Open311 weekly counts (../shared/realdata; skipped if absent)
#           with the protocol of issue 4: three dense series, 2013-W27 … 2019-W13, 8 origins, step 13, horizon 13;
#           then the peer, R's forecast package, on the same origins (skipped when R's forecast is absent).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$CIVICPULSE_ROOT"

section="${1:-all}"; [[ $# -gt 0 ]] && shift
requests=""   # default: 1m for ingest, 100k (the committed sample's size) for dashboard
runs=3
while [[ $# -gt 0 ]]; do
  case "$1" in
    --requests) requests="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    *) echo "bench: unknown option $1" >&2; exit 2 ;;
  esac
done
"$CIVICPULSE_ROOT/scripts/install-deps.sh" || true
build_if_needed
work="$CIVICPULSE_ROOT/work/bench"
mkdir -p "$work"
out=BENCHMARKS.md
[[ -f $out ]] || printf '# Benchmarks\n\nAppended by `scripts/bench.sh`; each section names its machine and exact command.\n' > $out

machine() {
  echo "- machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(java -version 2>&1 | head -1), Spark 4.0.0, Delta 4.0.0"
  echo "- load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
}

measure() {  # measure <setup-cmd> -- <cmd...>: setup runs before each timed run, untimed
  local setup="$1"; shift
  local walls=() peak=0
  for _ in $(seq "$runs"); do
    eval "$setup"
    /usr/bin/time -f '%e %M' -o "$work/time.txt" "$@" > "$work/last.out" 2> "$work/last.err" || {
      tail -5 "$work/last.err" >&2; return 1; }
    read -r wall kb < "$work/time.txt"
    walls+=("$wall"); (( kb > peak )) && peak=$kb
  done
  printf '%s\n' "${walls[@]}" | sort -n | awk -v peak="$peak" '{a[NR]=$1} END {printf "%s %s %s %d\n", a[int((NR+1)/2)], a[1], a[NR], peak/1024}'
}

bench_ingest() {
  local requests=${requests:-1m}
  local data="$work/landing-$requests"
  if [[ ! -f "$data/manifest.json" ]]; then
    log "bench: generating $requests requests into $data"
    scripts/civicpulse generate --out "$data" --requests "$requests" --seed 7 > /dev/null
  fi
  local rows; rows=$(python3 -c "import json; m=json.load(open('$data/manifest.json')); print(sum(f['rows'] for f in m['files'] if f['dataset'] in ('service_requests','feedback','participation')))")
  local cmd=(scripts/civicpulse ingest --landing "$data" --lake "$work/lake-$requests" --dev-key)
  log "bench: ingest $requests × $runs"
  read -r med min max rss < <(measure "rm -rf '$work/lake-$requests'" "${cmd[@]}")
  {
    echo; echo "## ingest, $requests requests — $(date -u +%F' '%H:%M' UTC')"; machine
    echo "- command: \`${cmd[*]}\` (into an empty lake each run; data from \`scripts/civicpulse generate --requests $requests --seed 7\`)"
    echo "- records read (requests + feedback + participation): $rows"
    echo "- wall: median ${med} s (min ${min}, max ${max}; $runs runs); $(python3 -c "print(round($rows/$med))") records/s; peak RSS of the driver JVM ${rss} MB"
  } >> $out
}

bench_forecast() {
  local src="$CIVICPULSE_ROOT/../shared/realdata/boston_open311/weekly_counts_by_service.csv"
  if [[ ! -f $src ]]; then
    log "bench: $src is absent (see README, Real data): forecast section skipped"; return 0
  fi
  python3 - "$src" "$work/boston_wide.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
keep = ["Abandoned Vehicle", "Illegal Parking", "Other"]
with open(sys.argv[2], "w", newline="") as f:
    w = csv.writer(f); w.writerow(["iso_week"] + keep)
    for r in rows: w.writerow([r["iso_week"]] + [r[k] for k in keep])
PY
  local cmd=(scripts/civicpulse forecast --series "$work/boston_wide.csv" --out "$work/boston" --from 2013-W27 --to 2019-W13 --origins 8 --step 13 --horizon 13)
  log "bench: forecast Boston × $runs"
  read -r med min max rss < <(measure ":" "${cmd[@]}")
  {
    echo; echo "## forecast --series, Boston Open311 (3 dense series) — $(date -u +%F' '%H:%M' UTC')"; machine
    echo "- command: \`${cmd[*]}\`"
    echo "- wall: median ${med} s (min ${min}, max ${max}; $runs runs); peak RSS ${rss} MB"
    echo; echo "| model | origins | mean MASE | × snaive | sMAPE | coverage80 | coverage95 |"; echo "| --- | --- | --- | --- | --- | --- | --- |"
    python3 - "$work/boston/forecast_accuracy.csv" <<'PY'
import csv, sys
rows = [r for r in csv.DictReader(open(sys.argv[1])) if r["series"] == "ALL"]
base = float(next(r["mase"] for r in rows if r["model"] == "snaive"))
for r in rows:
    print(f"| {r['model']} | {r['origins']} | {float(r['mase']):.3f} | {float(r['mase'])/base:.3f} | {float(r['smape']):.2f} | {float(r['coverage80']):.3f} | {float(r['coverage95']):.3f} |")
PY
  } >> $out
  bench_forecast_peer
}

# The peer in the same run: R's forecast package on exactly the same origins (Boston only: R is slow).
bench_forecast_peer() {
  if ! Rscript -e 'library(forecast)' > /dev/null 2>&1; then
    log "bench: R's forecast package is absent (scripts/install-deps.sh --bench installs it): peer skipped"; return 0
  fi
  log "bench: R forecast peer on the same origins"
  /usr/bin/time -f '%e %M' -o "$work/time.txt" Rscript scripts/bench/forecast_peer.R "$work/boston_wide.csv" \
    2013-W27 2019-W13 8 13 13 "$work/boston_peer.csv" 2> "$work/peer.err" || { tail -5 "$work/peer.err" >&2; return 1; }
  read -r wall kb < "$work/time.txt"
  {
    echo; echo "Peer in the same run: R \`forecast\` $(Rscript -e 'cat(as.character(packageVersion("forecast")))') (\`Rscript scripts/bench/forecast_peer.R\`, same 8 origins, one run, ${wall} s, peak RSS $((kb / 1024)) MB):"
    echo; echo "| R model | origins | mean MASE | × snaive | sMAPE | coverage80 | coverage95 |"; echo "| --- | --- | --- | --- | --- | --- | --- |"
    python3 - "$work/boston_peer.csv" "$work/boston/forecast_accuracy.csv" <<'PY'
import csv, sys
peer = list(csv.DictReader(open(sys.argv[1])))
base = float(next(r["mase"] for r in peer if r["model"] == "snaive"))
for r in peer:
    print(f"| {r['model']} | {r['origins']} | {float(r['mase']):.3f} | {float(r['mase'])/base:.3f} | {float(r['smape']):.2f} | {float(r['coverage80']):.3f} | {float(r['coverage95']):.3f} |")
best = min(peer, key=lambda r: float(r["mase"]) if r["model"] != "snaive" else 9e9)
ours = next(r for r in csv.DictReader(open(sys.argv[2])) if r["series"] == "ALL" and r["model"] == "chosen")
print(f"\ncivicpulse `chosen` mean MASE ÷ R's best ({best['model']}): {float(ours['mase']) / float(best['mase']):.3f}")
PY
  } >> $out
}

# A generated and ingested lake kept under work/bench/ by size and span, reused by later runs (dashboard
# writes only marts/, which every timed run replaces). dashboard_lake <size> [<start> <end>] → prints its path.
dashboard_lake() {
  local size="$1" start="${2:-2023-01-01}" end="${3:-2025-12-31}"
  local key="$size-${start}_${end}" lake="$work/dash-lake-$size-${start}_${end}" data="$work/dash-landing-$size-${start}_${end}"
  if [[ ! -f "$lake/.ready" ]]; then
    rm -rf "$lake" "$data"
    log "bench: generating $size requests $start … $end into $data"
    scripts/civicpulse generate --out "$data" --requests "$size" --start "$start" --end "$end" --seed 7 > /dev/null
    log "bench: ingesting $key into $lake (once; cached)"
    CIVICPULSE_LOG_DIR=off scripts/civicpulse ingest --landing "$data" --lake "$lake" --dev-key > "$work/prep-$key.out"
    touch "$lake/.ready"
  fi
  echo "$lake"
}

case "$section" in
  ingest) bench_ingest ;;
  forecast) bench_forecast ;;
  lake) dashboard_lake "${requests:-100k}" ;;
  all) bench_ingest; bench_forecast ;;
  *) echo "bench: unknown section $section (ingest|forecast|all)" >&2; exit 2 ;;
esac
log "bench: results appended to $out"
