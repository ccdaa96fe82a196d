#!/usr/bin/env bash
# Benchmarks (never timed unit tests). Appends a dated section to BENCHMARKS.md with the machine, the exact
# command, wall time (median of --runs, with min and max), rows/s and the driver JVM's peak RSS.
#   scripts/bench.sh [ingest|forecast|stream|all] [--requests 1m] [--runs 3]
# ingest: generate N requests (with feedback and participation in proportion), ingest them into an empty lake.
# forecast: `forecast --series` on the real Boston Open311 weekly counts (../shared/realdata; skipped if absent)
#           with the protocol of issue 4: three dense series, 2013-W27 … 2019-W13, 8 origins, step 13, horizon 13;
#           then the peer, R's forecast package, on the same origins (skipped when R's forecast is absent);
#           then lake mode on 10,000 synthetic cell series × 156 weeks (500 communities × 20 categories, plus
#           521 roll-ups), 4 origins, as-of 2025-W52: the lake is written once by the test-source
#           SyntheticLakeBench through Maven ($CIVICPULSE_MVN, default `mvn -o -q`), then timed --runs times.
# stream: the generated landing files → replay into a fresh broker (scripts/kafka.sh, port 29092) → stream
#         --available-now into an empty lake; events/s of each (not part of `all`: it starts a broker).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$CIVICPULSE_ROOT"

section="${1:-all}"; [[ $# -gt 0 ]] && shift
requests=1m
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

measure() {  # measure <setup-cmd> <cmd...>: setup runs before each timed run, untimed
  # Prints: median, min and max wall s, peak RSS MB, median CPU s (user + sys: on a shared machine the
  # wall time depends on the other load, the CPU time much less).
  local setup="$1"; shift
  local walls=() cpus=() peak=0
  for _ in $(seq "$runs"); do
    eval "$setup"
    /usr/bin/time -f '%e %M %U %S' -o "$work/time.txt" "$@" > "$work/last.out" 2> "$work/last.err" || {
      tail -5 "$work/last.err" >&2; return 1; }
    read -r wall kb user sys < "$work/time.txt"
    walls+=("$wall"); cpus+=("$(python3 -c "print($user + $sys)")"); (( kb > peak )) && peak=$kb
  done
  local cpu; cpu=$(printf '%s\n' "${cpus[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  printf '%s\n' "${walls[@]}" | sort -n | awk -v peak="$peak" -v cpu="$cpu" '{a[NR]=$1} END {printf "%s %s %s %d %s\n", a[int((NR+1)/2)], a[1], a[NR], peak/1024, cpu}'
}

# Generated landing files of $requests requests (made once, then reused).
landing_data() {
  local data="$work/landing-$requests"
  if [[ ! -f "$data/manifest.json" ]]; then
    log "bench: generating $requests requests into $data"
    scripts/civicpulse generate --out "$data" --requests "$requests" --seed 7 > /dev/null
  fi
  echo "$data"
}

bench_ingest() {
  local data; data=$(landing_data)
  local rows; rows=$(python3 -c "import json; m=json.load(open('$data/manifest.json')); print(sum(f['rows'] for f in m['files'] if f['dataset'] in ('service_requests','feedback','participation')))")
  local cmd=(scripts/civicpulse ingest --landing "$data" --lake "$work/lake-$requests" --dev-key)
  log "bench: ingest $requests × $runs"
  read -r med min max rss _ < <(measure "rm -rf '$work/lake-$requests'" "${cmd[@]}")
  {
    echo; echo "## ingest, $requests requests — $(date -u +%F' '%H:%M' UTC')"; machine
    echo "- command: \`${cmd[*]}\` (into an empty lake each run; data from \`scripts/civicpulse generate --requests $requests --seed 7\`)"
    echo "- records read (requests + feedback + participation): $rows"
    echo "- wall: median ${med} s (min ${min}, max ${max}; $runs runs); $(python3 -c "print(round($rows/$med))") records/s; peak RSS of the driver JVM ${rss} MB"
  } >> $out
}

bench_stream() {
  local data; data=$(landing_data)
  # replay takes one file or folder per dataset: a folder of links each
  local split="$work/stream-landing-$requests"
  rm -rf "$split"
  for ds in requests feedback participation; do mkdir -p "$split/$ds"; ln -s "$data"/$ds* "$split/$ds/"; done
  local broker="$work/kafka" lake="$work/stream-lake" cp="$work/stream-checkpoint" port=29092
  local replay=(scripts/civicpulse replay --bootstrap "127.0.0.1:$port" --requests "$split/requests" --feedback "$split/feedback" --participation "$split/participation")
  local stream=(scripts/civicpulse stream --lake "$lake" --bootstrap "127.0.0.1:$port" --checkpoint "$cp" --available-now --dev-key)
  local walls=() replay_walls=() events=0
  for _ in $(seq "$runs"); do
    scripts/kafka.sh stop --dir "$broker" > /dev/null; rm -rf "$broker" "$lake" "$cp"
    scripts/kafka.sh start --dir "$broker" --port "$port" --controller-port $((port + 1)) > /dev/null
    scripts/civicpulse ingest --lake "$lake" --communities "$data"/communities* --categories "$data"/categories* --dev-key > /dev/null
    log "bench: replay $requests"
    /usr/bin/time -f '%e' -o "$work/time.txt" "${replay[@]}" > "$work/replay.out" 2> "$work/last.err" || { tail -5 "$work/last.err" >&2; return 1; }
    replay_walls+=("$(cat "$work/time.txt")")
    events=$(sed -n 's/^replay sent=\([0-9]*\).*/\1/p' "$work/replay.out")
    log "bench: stream --available-now over $events events"
    /usr/bin/time -f '%e' -o "$work/time.txt" "${stream[@]}" > "$work/stream.out" 2> "$work/last.err" || { tail -5 "$work/last.err" >&2; return 1; }
    walls+=("$(cat "$work/time.txt")")
  done
  scripts/kafka.sh stop --dir "$broker" > /dev/null
  local med rmed
  med=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  rmed=$(printf '%s\n' "${replay_walls[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  {
    echo; echo "## stream, $requests requests — $(date -u +%F' '%H:%M' UTC')"; machine
    echo "- replay: \`${replay[*]}\` → $(cat "$work/replay.out")"
    echo "- replay wall (JVM start included): median ${rmed} s; $(python3 -c "print(round($events/$rmed))") events/s"
    echo "- stream: \`${stream[*]}\` → $(cat "$work/stream.out")"
    echo "- stream drain wall (JVM and Spark start included): median ${med} s ($runs runs); $(python3 -c "print(round($events/$med))") events/s"
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
  local cmd=(scripts/civicpulse forecast --series "$work/boston_wide.csv" --out "$work/boston" --from 2013-W27 --to 2019-W13 --origins 8 --step 13 --horizon 13 --holidays US)
  log "bench: forecast Boston × $runs"
  read -r med min max rss _ < <(measure ":" "${cmd[@]}")
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
  bench_forecast_lake
}

# Issue 4's speed check in lake mode: 10,000 synthetic series × 3 years, 4 origins, every candidate per series.
bench_forecast_lake() {
  local lake="$work/lake-forecast-10k"
  if [[ ! -d $lake/curated ]]; then
    log "bench: writing the synthetic 10,000-series lake into $lake"
    ${CIVICPULSE_MVN:-mvn -o -q} -pl jobs test -Dtest=SyntheticLakeBench -Dbench.lake="$lake" \
      -Dsurefire.failIfNoSpecifiedTests=false > "$work/lake-10k.log" 2>&1 || { tail -20 "$work/lake-10k.log" >&2; return 1; }
  fi
  local requests; requests=$(grep -o 'bench lake: [0-9]* cells, [0-9]* requests' "$work/lake-10k.log" | head -1 | awk '{print $5}')
  local cmd=(scripts/civicpulse forecast --lake "$lake" --as-of 2025-W52)
  log "bench: forecast lake mode, 10,000 series × $runs"
  read -r med min max rss cpu < <(measure ":" "${cmd[@]}")
  local summary; summary=$(grep '^forecast as_of' "$work/last.out")
  local series; series=$(sed -n 's/.* series=\([0-9]*\).*/\1/p' <<< "$summary")
  {
    echo; echo "## forecast, lake mode, 10,000 synthetic cell series × 156 weeks — $(date -u +%F' '%H:%M' UTC')"; machine
    echo "- data: \`SyntheticLakeBench\` (500 communities × 20 categories, 2023-W01 … 2025-W52, ${requests:-?} curated requests)"
    echo "- command: \`${cmd[*]}\` (defaults: 4 origins, step 13, horizon 26; every candidate, gbm included, per series)"
    echo "- wall: median ${med} s (min ${min}, max ${max}; $runs runs); $(python3 -c "print(round($series/$med, 1))") series/s; median CPU (user + sys) ${cpu} s; peak RSS of the driver JVM ${rss} MB"
    echo "- summary line: \`$summary\`"
  } >> $out
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

case "$section" in
  ingest) bench_ingest ;;
  forecast) bench_forecast ;;
  stream) bench_stream ;;
  all) bench_ingest; bench_forecast ;;
  *) echo "bench: unknown section $section (ingest|forecast|stream|all)" >&2; exit 2 ;;
esac
log "bench: results appended to $out"
