#!/usr/bin/env bash
# Benchmarks (never timed unit tests). Appends a dated section to BENCHMARKS.md with the machine, the exact
# command, wall time (median of --runs, with min and max), rows/s and the driver JVM's peak RSS.
#   scripts/bench.sh [ingest|dashboard|scaling|forecast|equity|stream|fixed|soak|all] [--minutes N] [--requests 1m] [--runs 3] [--only day|range] [--families no]
#                    [--stream-variant '--set k=v …']… [--trigger-variant S] [--latency-variant '…']…
#                    [--latency-requests N] [--latency-rate N] [--latency-lake DIR]
# ingest: generate N requests (with feedback and participation in proportion), ingest them into an empty lake.
# dashboard: on a generated and ingested lake (cached under work/bench/ by size; default 100k, the sample's size),
#           `dashboard --date D` and `--from A --to B` against the DuckDB peer (test scope, never in the app jar)
#           computing the same daily metric families from the active Parquet files of the Delta log; per-family
#           times of both engines, and a cell-by-cell cross-check of kpis_daily.
# scaling: 1, 2 and 4 years of history at the same daily volume (100 requests/day): one day and the full range,
#           civicpulse and DuckDB.
# forecast: `forecast --series` on every weekly set of scripts/bench/forecast_sets.py (Boston's 3 dense and all 5
#           service types, St. Louis in total and by intake channel — from ../shared/realdata, skipped if absent —,
#           the sample data's city, communities and categories, 24 synthetic series with known noise), 8 origins,
#           step 13, horizon 13, again with --leave-series-out, and the peer, R's forecast package, on the same
#           origins (skipped when R's forecast is absent); accuracy against both, coverage overall and per step.
#           Then lake mode on the demo's lake, then on 10,000 synthetic cell series × 156 weeks (500 communities × 20 categories, plus
#           521 roll-ups), 4 origins, as-of 2025-W52: the lake is written once by the test-source
#           SyntheticLakeBench through Maven ($CIVICPULSE_MVN, default `mvn -o -q`), then timed --runs times.
# equity: the equity lens on Los Angeles' council districts (../shared/realdata; skipped if absent): ingest, one
#         dashboard day, the report, then every district's wait index recomputed from the CSV alone (equity_check.py).
# fixed: the fixed cost every command pays. `--help` (the JVM floor); the demo end to end after the build
#        (scripts/demo.sh); `report` and `forecast` alone on the demo's lake; on a tiny lake (200 generated requests,
#        December 2025): one new request ingested into it, `dashboard --date` one day, `report`.
# stream: the generated landing files → replay into a fresh broker (scripts/kafka.sh, port 29092) → stream
#         --available-now into an empty lake; events/s of each, with the shipped settings and then each
#         --stream-variant '--set k=v …' (before/after in one invocation). Then end-to-end latency p50/p95 at
#         1,000 events/s (--latency-requests N, default 50000: ~150,000 events, 150 s), replayed with --rate 1000
#         into a running stream; again with --trigger-variant SECONDS and with each --latency-variant. --only
#         drain|latency runs just that part. --latency-rate N replays at N events/s instead of 1,000.
#         --latency-lake DIR streams into a copy of that lake (e.g. a dashboard bench lake: years of history)
#         instead of an empty one. In a variant, words that start with -D or -XX are options of the stream's JVM
#         (CIVICPULSE_JAVA_OPTS; -Dspark.k=v sets a Spark conf), the others are stream options. Not part of
#         `all`: it starts a broker.
# soak: the unattended year in --minutes N (default 30; SoakIT runs 3 in CI): a broker, a running stream, replay
#         at a steady rate, batch ingests of the same files into the same lake, the stream TERMed and restarted,
#         SIGKILLed once, the broker restarted once; then every curated table against a batch-only ingest of the
#         same files (test-source bench/Soak, every command through scripts/civicpulse). Not part of `all`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$CIVICPULSE_ROOT"
# Every run measures a JVM of its own, even when a resident session (`serve`) is up; session_row says otherwise.
export CIVICPULSE_SERVE=off

section="${1:-all}"; [[ $# -gt 0 ]] && shift
requests=""   # default: 1m for ingest, 100k (the committed sample's size) for dashboard
runs=3
years_list="1 2 4"      # scaling: the history lengths, e.g. --years "1 2"
only=""                 # dashboard: "day" or "range" times just that one (the other row says skipped)
families=yes            # dashboard: "no" skips the per-family tables (long at 10m)
span_start=2023-01-01   # the generator's default span (the committed sample's)
span_end=2025-12-31
stream_port=29092      # stream: the bench's own broker (not 9092, which others may use)
stream_variants=()      # stream: extra drain runs, each with its own `--set key=value …` words
stream_trigger_variant="" # stream: a second latency run with this stream.trigger_seconds
latency_variants=()     # stream: extra latency runs, each with its own words (see above)
latency_rate=1000       # stream: events/s the latency runs replay at (e.g. 5000: does a running stream keep up?)
latency_lake=""         # stream: a lake to copy as the latency runs' lake (its history), instead of an empty one
soak_minutes=30         # soak: length of the run
latency_requests=50000  # stream: requests replayed at 1,000 events/s for the latency figures (~150 s: mostly past warm-up)
while [[ $# -gt 0 ]]; do
  case "$1" in
    --requests) requests="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --only) only="$2"; shift 2 ;;
    --families) families="$2"; shift 2 ;;
    --years) years_list="$2"; shift 2 ;;
    --start) span_start="$2"; shift 2 ;;
    --end) span_end="$2"; shift 2 ;;
    --stream-variant) stream_variants+=("$2"); shift 2 ;;
    --trigger-variant) stream_trigger_variant="$2"; shift 2 ;;
    --latency-variant) latency_variants+=("$2"); shift 2 ;;
    --latency-lake) latency_lake="$2"; shift 2 ;;
    --latency-rate) latency_rate="$2"; shift 2 ;;
    --latency-requests) latency_requests="$2"; shift 2 ;;
    --minutes) soak_minutes="$2"; shift 2 ;;
    *) echo "bench: unknown option $1" >&2; exit 2 ;;
  esac
done
"$CIVICPULSE_ROOT/scripts/install-deps.sh" || true
build_if_needed
work="$CIVICPULSE_ROOT/work/bench"
mkdir -p "$work"
# Per-run scratch files (timings, outputs), so that two bench runs can share the cached lakes in work/bench.
tmp=$(mktemp -d "$work/run.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
out=BENCHMARKS.md
[[ -f $out ]] || printf '# Benchmarks\n\nAppended by `scripts/bench.sh`; each section names its machine and exact command.\n' > $out

machine() {
  echo "- machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(java -version 2>&1 | head -1), Spark 4.0.0, Delta 4.0.0"
  echo "- load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
}

measure() {  # measure <setup-cmd> <cmd...>: setup runs before each timed run, untimed
  # Prints: median, min and max wall s, peak RSS MB, median CPU s (user + sys: on a shared machine the
  # wall time depends on the other load, the CPU time much less). A run that fails prints "failed(exit N)" in
  # the median's place (see measured) and its stderr's last lines on stderr; no later run is made.
  local setup="$1"; shift
  local walls=() cpus=() peak=0 rc
  for _ in $(seq "$runs"); do
    eval "$setup"
    /usr/bin/time -q -f '%e %M %U %S' -o "$tmp/time.txt" "$@" > "$tmp/last.out" 2> "$tmp/last.err" || {
      rc=$?; tail -5 "$tmp/last.err" >&2; echo "failed(exit=$rc) - - - -"; return 1; }
    read -r wall kb user sys < "$tmp/time.txt"
    walls+=("$wall"); cpus+=("$(python3 -c "print(round($user + $sys, 2))")"); (( kb > peak )) && peak=$kb
  done
  local cpu; cpu=$(printf '%s\n' "${cpus[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  printf '%s\n' "${walls[@]}" | sort -n | awk -v peak="$peak" -v cpu="$cpu" '{a[NR]=$1} END {printf "%s %s %s %d %s\n", a[int((NR+1)/2)], a[1], a[NR], peak/1024, cpu}'
}

# measured <what> <median>: stops the benchmark with one line when measure's run failed (its figures would be
# meaningless, and a section must not look measured).
measured() {
  [[ $2 != failed* ]] || { log "bench: $1 $2; no section written (its stderr's last lines are above)"; exit 1; }
}

# Generated landing files of $requests requests (made once, then reused; default 1m).
landing_data() {
  local requests=${requests:-1m}
  local data="$work/landing-$requests"
  if [[ ! -f "$data/manifest.json" ]]; then
    log "bench: generating $requests requests into $data"
    scripts/civicpulse generate --out "$data" --requests "$requests" --seed 7 > /dev/null
  fi
  echo "$data"
}

bench_ingest() {
  local requests=${requests:-1m}
  local data; data=$(landing_data)
  local rows; rows=$(python3 -c "import json; m=json.load(open('$data/manifest.json')); print(sum(f['rows'] for f in m['files'] if f['dataset'] in ('service_requests','feedback','participation')))")
  local cmd=(scripts/civicpulse ingest --landing "$data" --lake "$work/lake-$requests" --dev-key)
  log "bench: ingest $requests × $runs"
  read -r med min max rss _ < <(measure "rm -rf '$work/lake-$requests'" "${cmd[@]}")
  measured "ingest $requests" "$med"
  # The last run's summary lines stay next to its lake, so the lake can be reused (e.g. as a dashboard lake).
  cp "$tmp/last.out" "$work/ingest-$requests.out"
  {
    echo; echo "## ingest, $requests requests — $(date -u +%F' '%H:%M' UTC')"; machine
    echo "- command: \`${cmd[*]}\` (into an empty lake each run; data from \`scripts/civicpulse generate --requests $requests --seed 7\`)"
    echo "- records read (requests + feedback + participation): $rows"
    echo "- wall: median ${med} s (min ${min}, max ${max}; $runs runs); $(python3 -c "print(round($rows/$med))") records/s; peak RSS of the driver JVM ${rss} MB"
  } >> $out
}

bench_stream() {
  local requests=${requests:-1m}
  local data; data=$(landing_data)
  # replay takes one file or folder per dataset: a folder of links each
  local split="$work/stream-landing-$requests"
  rm -rf "$split"
  for ds in requests feedback participation; do mkdir -p "$split/$ds"; ln -s "$data"/$ds* "$split/$ds/"; done
  local replay=(scripts/civicpulse replay --bootstrap "127.0.0.1:$stream_port" --requests "$split/requests" --feedback "$split/feedback" --participation "$split/participation")
  {
    echo; echo "## stream, $requests requests — $(date -u +%F' '%H:%M' UTC')"; machine
    echo "- replay: \`${replay[*]}\`"
  } >> $out
  # Throughput, before/after in one invocation: the shipped settings, then each variant given (--set pairs).
  local variant
  if [[ $only != latency ]]; then
    for variant in "" "${stream_variants[@]}"; do
      stream_drain "$variant"
    done
  fi
  if [[ $only != drain ]]; then
    stream_latency "$data" ""
    [[ $stream_trigger_variant ]] && stream_latency "$data" "--set stream.trigger_seconds=$stream_trigger_variant"
    for variant in "${latency_variants[@]}"; do
      stream_latency "$data" "$variant"
    done
  fi
  scripts/kafka.sh stop --dir "$work/kafka" > /dev/null
}

# variant_words jvm|opts VARIANT: a variant's JVM words (-D…, -XX…), or its other words (stream options).
variant_words() {
  local w out=() jvm
  for w in $2; do
    [[ $w == -D* || $w == -XX* ]] && jvm=1 || jvm=""
    if [[ ($1 == jvm && $jvm) || ($1 == opts && ! $jvm) ]]; then out+=("$w"); fi
  done
  echo "${out[*]}"
}
variant_jvm() { variant_words jvm "$1"; }
variant_opts() { variant_words opts "$1"; }

# A fresh broker on $stream_port and a fresh lake holding the reference tables of $data.
stream_fresh() {
  local data=$1 lake=$2 cp=$3
  scripts/kafka.sh stop --dir "$work/kafka" > /dev/null; rm -rf "$work/kafka" "$lake" "$cp"
  scripts/kafka.sh start --dir "$work/kafka" --port "$stream_port" --controller-port $((stream_port + 1)) > /dev/null
  scripts/civicpulse ingest --lake "$lake" --communities "$data"/communities* --categories "$data"/categories* --dev-key > /dev/null
}

# stream --available-now over everything replayed. Two rates: events / the whole process's wall time (JVM and
# Spark start, the first reference load included: what a cron-driven drain costs), and the sustained rate, events
# / (first batch's start → last batch's end), from the stream's own batch lines ("[HH:MM:SS] … batch N: … in X s":
# a line is printed when its batch's writes are committed, so the first batch started X s before its line). With
# the shipped stream.max_offsets_per_trigger (200,000) a drain of <= 200k events is one batch; a variant with a
# smaller bound gives several, and then the sustained rate is what a stream keeps up with batch after batch.
stream_drain() {
  local variant=$1 lake="$work/stream-lake" cp="$work/stream-checkpoint"
  # shellcheck disable=SC2206 # a variant is a list of words (--set key=value …)
  local stream=(scripts/civicpulse stream --lake "$lake" --bootstrap "127.0.0.1:$stream_port" --checkpoint "$cp" --available-now --dev-key $(variant_opts "$variant"))
  local walls=() cpus=() sustained=() replay_walls=() events=0
  for _ in $(seq "$runs"); do
    stream_fresh "$data" "$lake" "$cp"
    log "bench: replay $requests"
    /usr/bin/time -f '%e' -o "$tmp/time.txt" "${replay[@]}" > "$tmp/replay.out" 2> "$tmp/last.err" || { tail -5 "$tmp/last.err" >&2; return 1; }
    replay_walls+=("$(cat "$tmp/time.txt")")
    events=$(sed -n 's/^replay sent=\([0-9]*\).*/\1/p' "$tmp/replay.out")
    log "bench: stream --available-now over $events events ${variant:-(shipped settings)}"
    CIVICPULSE_JAVA_OPTS="$(variant_jvm "$variant")" /usr/bin/time -f '%e %U %S' -o "$tmp/time.txt" "${stream[@]}" > "$tmp/stream.out" 2> "$tmp/stream.err" || { tail -5 "$tmp/stream.err" >&2; return 1; }
    read -r wall user sys < "$tmp/time.txt"
    walls+=("$wall"); cpus+=("$(python3 -c "print(round($user + $sys, 1))")")
    sustained+=("$(stream_sustained "$tmp/stream.err" "$events")")
    cp "$tmp/stream.err" "$work/stream-drain${variant:+-$(echo "$variant" | tr -c 'A-Za-z0-9=.\n' '_')}.err"
  done
  local med rmed cpu sus
  med=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  rmed=$(printf '%s\n' "${replay_walls[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  cpu=$(printf '%s\n' "${cpus[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  sus=$(printf '%s\n' "${sustained[@]}" | sort -n | awk '{a[NR]=$0} END {print a[int((NR+1)/2)]}')
  {
    echo "- replay of $events events: median ${rmed} s (JVM start included); $(python3 -c "print(round($events/$rmed))") events/s → $(cat "$tmp/replay.out")"
    echo "- stream drain, ${variant:-shipped settings}: \`${stream[*]}\`$([[ $(variant_jvm "$variant") ]] && echo " with CIVICPULSE_JAVA_OPTS='$(variant_jvm "$variant")'") → $(cat "$tmp/stream.out"); median ${med} s ($runs runs, JVM and Spark start included), CPU user+sys ${cpu} s; $(python3 -c "print(round($events/$med))") events/s whole process; sustained (first batch's start → last batch's end, from the batch lines): ${sus}; load average now $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "  - batches: $(grep -o 'batch [0-9]*: .* in [0-9.]* s' "$tmp/stream.err" | sed 's/: .* in /: /' | paste -sd, - | sed 's/,/, /g')"
  } >> $out
}

# "N events/s (E events in S s, B batches)" from a stream's stderr: S = last batch line's time - (first batch
# line's time - the first batch's own seconds). Line times are whole seconds: S is good to about ±1 s.
stream_sustained() {
  python3 - "$1" "$2" <<'PY'
import re, sys
lines = [re.match(r"\[(\d\d):(\d\d):(\d\d)\] .*batch \d+: .* in ([0-9.]+) s \(", l) for l in open(sys.argv[1])]
b = [m for m in lines if m]
if not b:
    print("no batch lines"); sys.exit()
t = lambda m: int(m.group(1)) * 3600 + int(m.group(2)) * 60 + int(m.group(3))
end = t(b[-1]); start = t(b[0]) - float(b[0].group(4))
if end < t(b[0]): end += 86400  # past midnight
span = end - start
print(f"{round(int(sys.argv[2]) / span)} events/s ({sys.argv[2]} events in {span:.1f} s, {len(b)} batches)")
PY
}

# End-to-end latency at 1,000 events/s: a long-running stream, warm (its first, empty batch done), then
# `replay --rate 1000` of the first $latency_requests request rows; per event, Kafka CreateTime → commit time of the request_events version that made
# it visible (scripts/kafka/StreamLatency.java reads the checkpoint's offsets/N and the Delta log's txn actions).
stream_latency() {
  local data=$1 variant=$2 lake="$work/latency-lake" cp="$work/latency-checkpoint" file="$work/latency-requests.csv"
  # The first N rows over the yearly request files in order, one header (head cuts the pipe: not a failure).
  local f skip=1
  for f in "$data"/requests*; do
    { if [[ $f == *.gz ]]; then zcat "$f"; else cat "$f"; fi; } | tail -n +"$skip"; skip=2
  done | head -n $((latency_requests + 1)) > "$file" || true
  stream_fresh "$data" "$lake" "$cp"
  if [[ $latency_lake ]]; then
    # A lake with history: what each batch's MERGEs and live marts read grows with it.
    rm -rf "$lake"; cp -r "$latency_lake" "$lake"
  fi
  local libs="$CIVICPULSE_ROOT/work/kafka/libs" boot="127.0.0.1:$stream_port" topic
  topic=$(properties_value conf/civicpulse.properties stream.topic.requests); topic=${topic:-civicpulse.requests}
  rm -f "$tmp/lat-stream.err"  # else the wait below may read the previous run's "started on"
  # shellcheck disable=SC2086 # a variant is a list of words
  CIVICPULSE_JAVA_OPTS="$(variant_jvm "$variant")" scripts/civicpulse stream --lake "$lake" --bootstrap "$boot" --checkpoint "$cp" --dev-key $(variant_opts "$variant") > "$tmp/lat-stream.out" 2> "$tmp/lat-stream.err" &
  local wrapper=$!
  # Replay once the first (empty) batch is done: the latency of a warm stream, not of Spark's first jobs.
  for _ in $(seq 600); do grep -qs "batch 0:" "$tmp/lat-stream.err" && break; sleep 0.5; done
  log "bench: replay --rate $latency_rate of $latency_requests requests into a running stream ${variant:-(shipped settings)}"
  scripts/civicpulse replay --bootstrap "$boot" --requests "$file" --rate "$latency_rate" > "$tmp/lat-replay.out" 2> "$tmp/last.err" || { tail -5 "$tmp/last.err" >&2; return 1; }
  java -cp "$libs/*" scripts/kafka/StreamLatency.java wait "$boot" "$topic" "$cp" 900
  # scripts/civicpulse runs java as its child (beside a tee for its log): SIGTERM goes to that JVM (a clean
  # stop after its batch).
  kill -TERM "$(ps -o pid=,comm= --ppid "$wrapper" | awk '$2 == "java" {print $1}')"; wait "$wrapper" || true
  local result; result=$(java -cp "$libs/*" scripts/kafka/StreamLatency.java measure "$boot" "$topic" "$cp" "$lake/curated/request_events" | paste -sd';' - | sed 's/;/; /g')
  # The stream's batch lines (steps and their seconds) stay for reading after the run.
  cp "$tmp/lat-stream.err" "$work/latency-stream${variant:+-$(echo "$variant" | tr -c 'A-Za-z0-9=.\n' '_')}.err"
  echo "- latency at $latency_rate events/s, ${variant:-shipped settings (stream.trigger_seconds=10)}${latency_lake:+, into a copy of $latency_lake}: $(cat "$tmp/lat-replay.out") → $result (seconds, Kafka CreateTime → Delta commit of the row's batch); load average now $(cut -d' ' -f1-3 /proc/loadavg)" >> $out
  echo "  - batches: $(grep -o 'batch [0-9]*: .* in [0-9.]* s' "$tmp/lat-stream.err" | sed 's/: .* in /: /' | paste -sd, - | sed 's/,/, /g')" >> $out
}

bench_forecast() {
  local sets="$work/forecast-sets" res="$work/forecast"
  mkdir -p "$res"
  python3 scripts/bench/forecast_sets.py "$CIVICPULSE_ROOT/../shared/realdata" sample-data "$sets" 2>&1 | sed 's/^/bench: /' >&2
  local peer=yes
  if ! Rscript -e 'library(forecast)' > /dev/null 2>&1; then
    log "bench: R's forecast package is absent (scripts/install-deps.sh --bench installs it): peer skipped"; peer=no
  fi
  : > "$tmp/forecast-runs.tsv"
  local name file from to what
  while IFS=$'\t' read -r name file from to what; do
    local hol=none
    case $name in boston*|stlouis) hol=US ;; sample) hol=CN ;; esac
    local args=(--series "$file" --from "$from" --to "$to" --origins 8 --step 13 --horizon 13 --holidays "$hol")
    log "bench: forecast $name × $runs"
    local med min max rss cpu
    read -r med min max rss cpu < <(CIVICPULSE_LOG_DIR=off measure ":" scripts/civicpulse forecast "${args[@]}" --out "$res/$name")
    measured "forecast $name" "$med"
    cp "$tmp/last.out" "$res/$name.out"
    CIVICPULSE_LOG_DIR=off scripts/civicpulse forecast "${args[@]}" --out "$res/$name-lso" --leave-series-out > "$res/$name-lso.out" 2> /dev/null
    local rcsv=- rwall=-
    if [[ $peer == yes ]]; then
      log "bench: R forecast peer on $name (same origins)"
      /usr/bin/time -f '%e' -o "$tmp/time.txt" Rscript scripts/bench/forecast_peer.R "$file" "$from" "$to" 8 13 13 \
        "$res/$name-peer.csv" 2> "$tmp/peer.err" || { tail -5 "$tmp/peer.err" >&2; return 1; }
      rcsv="$res/$name-peer.csv"; rwall=$(cat "$tmp/time.txt")
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$what" "$res/$name" "$res/$name-lso" "$rcsv" "$med" "$cpu" "$rwall" >> "$tmp/forecast-runs.tsv"
  done < "$sets/sets.tsv"
  {
    echo; echo "## forecast --series on every weekly set, against R — $(date -u +%F' '%H:%M' UTC')"; machine
    echo "- sets: \`python3 scripts/bench/forecast_sets.py ../shared/realdata sample-data DIR\` (what each holds: its docstring)"
    echo "- per set: \`scripts/civicpulse forecast --series SET.csv --out DIR --from A --to B --origins 8 --step 13 --horizon 13 --holidays US|CN|none\` ($runs runs, median wall and CPU), once more with \`--leave-series-out\`; the peer: \`Rscript scripts/bench/forecast_peer.R SET.csv A B 8 13 13 OUT.csv\`$( [[ $peer == yes ]] && Rscript -e 'cat(" (R", as.character(getRversion()), "forecast", as.character(packageVersion("forecast")))'), one run)"
    echo "- MASE: mean over series × origins (a series whose training scale is 0 is left out); the best own candidate is the best of civicpulse's single models and \`combo\`"
    echo
    python3 scripts/bench/forecast_summary.py "$tmp/forecast-runs.tsv"
  } >> $out
  bench_forecast_demo_lake
  bench_forecast_lake
}

# Lake mode on the demo's lake (the sample data: 208 series, 4 origins, horizon 26): chosen against its candidates.
bench_forecast_demo_lake() {
  local demo="$work/fixed-demo"
  if [[ ! -d $demo/lake/marts ]]; then
    log "bench: building the demo lake in $demo"; scripts/demo.sh --work "$demo" > /dev/null 2>&1
  fi
  local cmd=(scripts/civicpulse forecast --lake "$demo/lake")
  log "bench: forecast lake mode, demo lake × $runs"
  local med min max rss cpu
  read -r med min max rss cpu < <(CIVICPULSE_LOG_DIR=off measure ":" "${cmd[@]}")
  measured "forecast lake mode, demo lake" "$med"
  {
    echo; echo "Lake mode on the demo's lake (\`${cmd[*]}\`: the sample data, 208 series, 4 origins, horizon 26): wall ${med} s (min ${min}, max ${max}; $runs runs), CPU ${cpu} s"
    echo
    python3 - "$tmp/last.err" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
mase = dict((k, float(v)) for k, v in re.findall(r"(\w+) ([0-9.]+)", re.search(r"mean MASE over series × origins: (.*)", text).group(1)))
cover = re.search(r"coverage of chosen over series × origins: (.*)", text).group(1)
best = min((v, k) for k, v in mase.items() if k != "chosen")
print("- mean MASE over series × origins: " + ", ".join(f"{k} {v:.3f}" for k, v in mase.items()))
print(f"- chosen ÷ the best own candidate ({best[1]} {best[0]:.3f}): {mase['chosen'] / best[0]:.3f}")
print(f"- coverage of chosen: {cover}")
PY
  } >> $out
}

# Issue 4's speed check in lake mode: 10,000 synthetic series × 3 years, 4 origins, every candidate but gbm per series, gbm once per origin.
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
  measured "forecast lake mode, 10,000 series" "$med"
  local summary; summary=$(grep '^forecast as_of' "$tmp/last.out")
  local series; series=$(sed -n 's/.* series=\([0-9]*\).*/\1/p' <<< "$summary")
  {
    echo; echo "## forecast, lake mode, 10,000 synthetic cell series × 156 weeks — $(date -u +%F' '%H:%M' UTC')"; machine
    echo "- data: \`SyntheticLakeBench\` (500 communities × 20 categories, 2023-W01 … 2025-W52, ${requests:-?} curated requests)"
    echo "- command: \`${cmd[*]}\` (defaults: 4 origins, step 13, horizon 26; every candidate but gbm per series, gbm one global model per origin)"
    echo "- wall: median ${med} s (min ${min}, max ${max}; $runs runs); $(python3 -c "print(round($series/$med, 1))") series/s; median CPU (user + sys) ${cpu} s; peak RSS of the driver JVM ${rss} MB"
    echo "- summary line: \`$summary\`"
  } >> $out
}

# The equity lens on a real city: Los Angeles' MyLA311 samples around New Year 2018 (council districts), ingested
# with the shipped mapping, one dashboard day and its report; then scripts/bench/equity_check.py recomputes every
# district's wait index from the CSV alone and compares it with the report's data/equity.csv.
bench_equity() {
  local la="$CIVICPULSE_ROOT/../shared/realdata/la311_samples"
  if [[ ! -d $la ]]; then
    log "bench: $la is absent (see README, Real data): equity section skipped"; return 0
  fi
  local dir="$work/equity-la" day=2018-01-04
  local files=("$la/myla311_2017_last10000.csv" "$la/myla311_2018_first10000.csv")
  local L=(--lake "$dir/lake" --set timezone=America/Los_Angeles --set locale=en)
  rm -rf "$dir"; mkdir -p "$dir/in"; cp "${files[@]}" "$dir/in/"
  log "bench: equity: Los Angeles ingest, dashboard $day, report"
  CIVICPULSE_LOG_DIR=off scripts/civicpulse ingest --format city311 --mapping conf/mappings/losangeles.properties \
    --dev-key "${L[@]}" --communities conf/cities/losangeles/communities.csv \
    --categories conf/cities/losangeles/categories.csv --requests "$dir/in" > "$dir/ingest.out" 2>&1
  CIVICPULSE_LOG_DIR=off scripts/civicpulse dashboard --date "$day" "${L[@]}" > "$dir/dashboard.out" 2>&1
  CIVICPULSE_LOG_DIR=off scripts/civicpulse report --date "$day" --out "$dir/report" "${L[@]}" > "$dir/report.out" 2>&1
  python3 scripts/bench/equity_check.py conf/mappings/losangeles.properties "$day" 90 \
    "$dir/report/$day/data/equity.csv" "${files[@]}" > "$dir/check.out" || true
  {
    echo; echo "## equity lens on Los Angeles, recomputed from the CSV — $(date -u +%F' '%H:%M' UTC')"; machine
    echo "- data: \`myla311_2017_last10000.csv\` and \`myla311_2018_first10000.csv\` (../shared/realdata/la311_samples), \`$(grep -o 'dataset=service_requests read=[0-9]* .*' "$dir/ingest.out" | head -1)\`"
    echo "- civicpulse: \`ingest --format city311 --mapping conf/mappings/losangeles.properties …\`, \`dashboard --date $day\`, \`report\` (timezone America/Los_Angeles); the check: \`python3 scripts/bench/equity_check.py conf/mappings/losangeles.properties $day 90 <report>/data/equity.csv <the two CSVs>\`"
    echo; echo '```'; cat "$dir/check.out"; echo '```'
  } >> $out
}

# The DuckDB peer and the per-family timers run from the test classes: DuckDB is a test-scope dependency.
build_bench_classes() {
  local marker="$CIVICPULSE_ROOT/jobs/target/test-classes/org/civicpulse/bench/DuckDashboard.class"
  if [[ ! -f $marker || ! -f "$CIVICPULSE_ROOT/jobs/target/test-classpath.txt" \
      || -n $(find "$CIVICPULSE_ROOT/jobs/src/test/java" -newer "$marker" -print -quit) ]]; then
    log "bench: compiling the benchmark peer (test classes)"
    (cd "$CIVICPULSE_ROOT" && ${CIVICPULSE_MVN:-mvn -q -B} package -DskipTests) >&2
  fi
}
bench_java() {  # an array, not a function: /usr/bin/time runs it
  bench_cmd=(java "${SPARK_JVM_FLAGS[@]}" -Xmx4g -cp "$CIVICPULSE_ROOT/conf:$CIVICPULSE_ROOT/jobs/target/test-classes:$APP_JAR:$(cat "$CIVICPULSE_ROOT/jobs/target/test-classpath.txt")")
}
timezone() { awk -F' *= *' '$1 == "timezone" {print $2}' "$CIVICPULSE_ROOT/conf/civicpulse.properties"; }
duck_version() { tr ':' '\n' < "$CIVICPULSE_ROOT/jobs/target/test-classpath.txt" | grep -o 'duckdb_jdbc-[^/]*\.jar$' | sed 's/\.jar$//'; }

# time_pair <label> <dates...>: civicpulse `dashboard <dates>` and the DuckDB peer, runs each; prints a table row
# and keeps "civic_med duck_med" in $tmp/pair.txt.
time_pair() {
  local label="$1" lake="$2"; shift 2
  local civic=(env CIVICPULSE_LOG_DIR=off scripts/civicpulse dashboard --lake "$lake" "$@")
  local duck=("${bench_cmd[@]}" org.civicpulse.bench.DuckDashboard --lake "$lake" --timezone "$(timezone)" "$@")
  log "bench: dashboard $label: civicpulse × $runs"
  read -r cmed cmin cmax crss ccpu < <(measure ":" "${civic[@]}")
  cp "$tmp/last.err" "$tmp/civic.err"
  log "bench: dashboard $label: DuckDB × $runs"
  read -r dmed dmin dmax drss dcpu < <(measure ":" "${duck[@]}")
  measured "DuckDB peer, $label" "$dmed"
  echo "$cmed $dmed" > "$tmp/pair.txt"
  if [[ $cmed == failed* ]]; then  # the section still says so; the kpis_daily left in the lake is not this run's
    echo "| $label | **$cmed**: $(grep -v -E '^\s+(at |\.\.\. )|^\s*$' "$tmp/civic.err" | tail -1 | cut -c1-160 | tr '|' '/') | | | ${dmed} (${dmin}–${dmax}) | ${dcpu} | ${drss} | |"
    return
  fi
  # CPU (user + sys, median) beside the wall time: on a shared 2-core machine it moves much less with the load.
  echo "| $label | ${cmed} (${cmin}–${cmax}) | ${ccpu} | ${crss} | ${dmed} (${dmin}–${dmax}) | ${dcpu} | ${drss} | $(python3 -c "print(f'{$cmed/$dmed:.1f}')") |"
}

# family_table <lake> <dates...>: each metric family on its own in a warm JVM per engine (runs repeats each).
family_table() {
  local lake="$1"; shift
  "${bench_cmd[@]}" org.civicpulse.bench.SparkFamilies --lake "$lake" --timezone "$(timezone)" --repeat "$runs" "$@" > "$tmp/fam-spark.out" 2> "$tmp/fam-spark.err" \
    || { tail -5 "$tmp/fam-spark.err" >&2; return 1; }
  "${bench_cmd[@]}" org.civicpulse.bench.DuckDashboard --lake "$lake" --timezone "$(timezone)" --repeat "$runs" "$@" > "$tmp/fam-duck.out" 2> "$tmp/fam-duck.err" \
    || { tail -5 "$tmp/fam-duck.err" >&2; return 1; }
  echo "| family | civicpulse ms, median (min–max) | DuckDB ms, median (min–max) | civicpulse ÷ DuckDB |"
  echo "| --- | --- | --- | --- |"
  python3 - "$tmp/fam-spark.out" "$tmp/fam-duck.out" <<'PY'
import re, statistics, sys
def load(f):
    t = {}
    for line in open(f):
        m = re.match(r"\w+ (?:family=(\w+)|(total)) run=\d+ ms=(\d+)", line)
        if m: t.setdefault(m.group(1) or "total (with opening the tables)", []).append(int(m.group(3)))
    return t
s, d = load(sys.argv[1]), load(sys.argv[2])
for k in s:
    a, b = s[k], d[k]
    ma, mb = statistics.median(a), statistics.median(b)
    print(f"| {k} | {ma:.0f} ({min(a)}–{max(a)}) | {mb:.0f} ({min(b)}–{max(b)}) | {ma / max(mb, 1):.1f} |")
PY
}

# session_row <label> <pair row> <lake> <dates…>: the same dashboard sent to a resident session (`serve`), timed
# twice: once the session has warmed itself (its own one-day dashboards on a small generated lake, run while idle),
# as a user meets it, and again at its steady pace, after untimed runs until the median of the last 3 is within 5 %
# of the 3 before (at most 25 runs in all; a session keeps getting faster for some twenty: docs/performance.md). Two table rows; wall = the client's, CPU = the
# client's + what the session's JVM spent meanwhile (/proc), RSS = the session's peak. The DuckDB columns are the
# pair row's (same run).
session_row() {
  local label="$1" pair="$2" lake="$3"; shift 3
  local socket; socket=$(serve_socket)
  CIVICPULSE_LOG_DIR=off scripts/civicpulse serve --idle-minutes 30 > "$tmp/serve.out" 2>&1 &
  local launcher=$! pid="" i
  for i in $(seq 240); do
    pid=$(sed -n 's/.*serving .* (pid \([0-9]*\)).*/\1/p' "$tmp/serve.out"); [[ -n $pid && -S $socket ]] && break
    kill -0 "$launcher" 2>/dev/null || { pid=""; break; }; sleep 0.5
  done
  [[ -n $pid ]] || { tail -5 "$tmp/serve.out" >&2; echo "| $label | session did not start | | | | | | |"; return 0; }
  local civic=(env CIVICPULSE_LOG_DIR=off CIVICPULSE_SERVE=on scripts/civicpulse dashboard --lake "$lake" "$@")
  log "bench: dashboard $label: the session warms itself, then × $runs"
  local warmed=""
  for i in $(seq 1800); do
    warmed=$(sed -n 's/.*warmed up (\(.*\))$/after its own warm-up: \1/p; s/.*serves unwarmed.*/its warm-up failed/p' \
      "$tmp/serve.out"); [[ -n $warmed ]] && break; sleep 0.5
  done
  session_timed "$label, ${warmed:-not warmed up within 15 min}" "$pair" "$pid" "${civic[@]}"
  local warm=(); local untimed=$runs
  while (( untimed < 25 )); do
    local t0 t1; t0=$(date +%s.%N); "${civic[@]}" > /dev/null 2>&1; t1=$(date +%s.%N)
    warm+=("$(python3 -c "print($t1 - $t0)")"); untimed=$((untimed + 1))
    (( ${#warm[@]} >= 6 )) && python3 -c "
import statistics, sys
w = [float(x) for x in sys.argv[1:]]
a, b = statistics.median(w[-6:-3]), statistics.median(w[-3:])
sys.exit(0 if abs(b - a) <= 0.05 * a else 1)" "${warm[@]}" && break
  done
  log "bench: dashboard $label: steady after $untimed runs, then × $runs"
  session_timed "$label, at its steady pace ($untimed runs before)" "$pair" "$pid" "${civic[@]}"
  scripts/civicpulse serve --stop > /dev/null 2>&1 || true
  wait "$launcher" 2>/dev/null || true
}

# session_timed <label> <pair row> <session pid> <command…>: $runs timed runs in the session, as one table row.
session_timed() {
  local label="$1" pair="$2" pid="$3"; shift 3
  local walls=() cpus=() hz i; hz=$(getconf CLK_TCK)
  for i in $(seq "$runs"); do
    local a b; a=$(awk '{print $14 + $15}' "/proc/$pid/stat")
    /usr/bin/time -f '%e %U %S' -o "$tmp/time.txt" "$@" > /dev/null 2> "$tmp/last.err" || tail -3 "$tmp/last.err" >&2
    b=$(awk '{print $14 + $15}' "/proc/$pid/stat")
    read -r wall user sys < "$tmp/time.txt"
    walls+=("$wall"); cpus+=("$(python3 -c "print(round($user + $sys + ($b - $a) / $hz, 2))")")
  done
  local rss; rss=$(awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$pid/status")
  local med mn mx cpu
  read -r med mn mx < <(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)], a[1], a[NR]}')
  cpu=$(printf '%s\n' "${cpus[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  local duck; duck=$(echo "$pair" | awk -F'|' '{print $6 "|" $7 "|" $8}')
  local dmed; dmed=$(echo "$pair" | awk -F'|' '{print $6}' | awk '{print $1}')
  echo "| $label | ${med} (${mn}–${mx}) | ${cpu} | ${rss} |${duck}| $(python3 -c "print(f'{$med/$dmed:.1f}')") |"
}

civic_passed() { [[ $(cut -d' ' -f1 "$tmp/pair.txt") != failed* ]]; }  # of the last time_pair

cross_check() {  # cross_check <lake> <dates...>: the peer against the kpis_daily the civicpulse runs just wrote
  local lake="$1"; shift
  "${bench_cmd[@]}" org.civicpulse.bench.DuckDashboard --lake "$lake" --timezone "$(timezone)" --check "$@" 2> "$tmp/check.err" \
    | grep -E '^(cross-check|difference)' || { tail -5 "$tmp/check.err" >&2; echo "cross-check failed to run"; }
}

bench_dashboard() {
  local requests=${requests:-100k}
  build_bench_classes; bench_java
  local lake; lake=$(dashboard_lake "$requests" "$span_start" "$span_end")
  local day=$span_end
  local rows_day rows_range check_day check_range fam_day fam_range
  rows_day="| one day | skipped (--only range) | | | | | | |"; rows_range="| full range | skipped (--only day) | | | | | | |"
  local rows_session="| one day, in a resident session | skipped (--only range) | | | | | | |"
  check_day="not run"; check_range="not run"; fam_day="not run"; fam_range="not run"
  if [[ $only != range ]]; then
    rows_day=$(time_pair "one day: \`--date $day\`" "$lake" --date "$day")
    rows_session=$(session_row "one day, in a resident session: \`serve\`, \`--date $day\`" "$rows_day" "$lake" --date "$day")
    check_day=$(civic_passed && cross_check "$lake" --date "$day" || echo "not run: the civicpulse run failed")
  fi
  if [[ $only != day ]]; then
    rows_range=$(time_pair "full range: \`--from $span_start --to $span_end\`" "$lake" --from "$span_start" --to "$span_end")
    check_range=$(civic_passed && cross_check "$lake" --from "$span_start" --to "$span_end" || echo "not run: the civicpulse run failed")
  fi
  if [[ $families == no ]]; then
    fam_day="skipped (--families no)"; fam_range="skipped (--families no)"
  elif [[ $only != range ]]; then
    log "bench: per-family times, one day"
    fam_day=$(family_table "$lake" --date "$day")
  fi
  if [[ $families != no && $only != day ]]; then
    log "bench: per-family times, full range"
    fam_range=$(family_table "$lake" --from "$span_start" --to "$span_end")
  fi
  {
    echo; echo "## dashboard vs DuckDB, $requests requests ($span_start … $span_end) — $(date -u +%F' '%H:%M' UTC')"; machine
    echo "- lake: \`scripts/civicpulse generate --requests $requests --start $span_start --end $span_end --seed 7\`, ingested once ($(grep -h '^ingest dataset=service_requests' "$work"/prep-"$requests"-"${span_start}_${span_end}".out | sed 's/^ingest //'))"
    echo "- civicpulse: \`CIVICPULSE_LOG_DIR=off scripts/civicpulse dashboard --lake $lake <dates>\` (SparkSubmit, local[*], -Xmx4g): all seven marts, written as Delta"
    echo "- peer: DuckDB $(duck_version) in-process (\`scripts/bench.sh\` → \`java … org.civicpulse.bench.DuckDashboard --lake $lake --timezone $(timezone) <dates>\`, -Xmx4g): views over the active Parquet files of \`_delta_log\`; volume, backlog + aging + overdue, first response and resolution p50/p90, SLA due/met/compliance, feedback n / rating mean / CSAT / feedback rate, with the same CUBE roll-ups; read, not written"
    echo "- wall seconds, median of $runs runs (min–max), whole process including JVM start; CPU = user + sys seconds, median; peak RSS in MB"
    echo
    echo "| run | civicpulse s | CPU s | civicpulse RSS | DuckDB s | CPU s | DuckDB RSS | civicpulse ÷ DuckDB |"
    echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
    echo "$rows_day"; echo "$rows_session"; echo "$rows_range"
    echo
    echo "Cross-check of kpis_daily (tolerance 1e-9 on doubles, exact on counts; a cell absent on one side = 0 / empty):"
    echo "- one day: $(echo "$check_day" | head -1)"
    echo "$check_day" | tail -n +2 | sed 's/^/  - /'
    echo "- full range: $(echo "$check_range" | head -1)"
    echo "$check_range" | tail -n +2 | sed 's/^/  - /'
    echo
    echo "Per metric family, one day (\`java … org.civicpulse.bench.SparkFamilies\` — the dashboard package's own statements, each collected straight from Delta, no cache — vs the peer's statements from Parquet; $runs repeats in one warm JVM each; totals include opening the tables: Delta snapshot, or listing the log):"
    echo; echo "$fam_day"
    echo; echo "Per metric family, full range:"
    echo; echo "$fam_range"
  } >> $out
}

# Scaling: history of 1, 2 and 4 years ending on the same day, 100 requests a day throughout. Each row is
# written to work/bench/scaling-partial.md as soon as it is measured (an interrupted run keeps what it measured);
# the section goes to BENCHMARKS.md in one piece at the end.
bench_scaling() {
  build_bench_classes; bench_java
  local end=2025-12-31 part="$work/scaling-partial.md"
  {
    echo; echo "## dashboard scaling: history ${years_list// /, } years at 100 requests/day — $(date -u +%F' '%H:%M' UTC')"; machine
    echo "- lakes: \`scripts/civicpulse generate --requests <100 × days> --start <start> --end $end --seed 7\`, each ingested once"
    echo "- one day = \`dashboard --date $end\`; full range = \`dashboard --from <start> --to $end\`; DuckDB peer as in the dashboard section"
    echo "- wall seconds, median of $runs runs (min–max), whole process; CPU = user + sys seconds, median; peak RSS MB. One day should stay nearly flat as history grows."
    echo
    echo "| years | requests | day civicpulse s | CPU s | RSS | day DuckDB s | CPU s | RSS | day ratio | range civicpulse s | CPU s | RSS | range DuckDB s | CPU s | RSS | range ratio |"
    echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
  } > "$part"
  for years in $years_list; do
    local start; start="$(( ${end:0:4} - years + 1 ))-01-01"
    local n; n=$(python3 -c "import datetime as d; print(100 * ((d.date.fromisoformat('$end') - d.date.fromisoformat('$start')).days + 1))")
    local lake; lake=$(dashboard_lake "$n" "$start" "$end")
    local day_row range_row
    day_row=" skipped (--only range) | | | | | | |"; range_row=" skipped (--only day) | | | | | | |"
    [[ $only != range ]] && day_row=$(time_pair "x" "$lake" --date "$end" | cut -d'|' -f3-)
    [[ $only != day ]] && range_row=$(time_pair "x" "$lake" --from "$start" --to "$end" | cut -d'|' -f3-)
    echo "| $years ($start … $end) | $n |$day_row$range_row" >> "$part"
  done
  cat "$part" >> $out
}

# A generated and ingested lake kept under work/bench/ by size and span, reused by later runs (dashboard
# writes only marts/, which every timed run replaces). dashboard_lake <size> [<start> <end>] → prints its path.
dashboard_lake() {
  local size="$1" start="${2:-2023-01-01}" end="${3:-2025-12-31}"
  local key="$size-${start}_${end}" lake="$work/dash-lake-$size-${start}_${end}" data="$work/dash-landing-$size-${start}_${end}"
  if [[ ! -f "$lake/.ready" ]]; then
    rm -rf "$lake" "$data"
    log "bench: generating $size requests $start … $end into $data"
    scripts/civicpulse generate --out "$data" --requests "$size" --start "$start" --end "$end" --seed 7 > /dev/null 2> "$work/prep-$key.err"
    log "bench: ingesting $key into $lake (once; cached)"
    CIVICPULSE_LOG_DIR=off scripts/civicpulse ingest --landing "$data" --lake "$lake" --dev-key > "$work/prep-$key.out" 2>> "$work/prep-$key.err"
    touch "$lake/.ready"
  fi
  echo "$lake"
}

# The fixed cost of every command: what a street office's small lake pays on every run. Before any timed run, the
# untimed preparation writes the class-data archive of this build (scripts/lib/common.sh), so no timed run pays for it.
bench_fixed() {
  local demo="$work/fixed-demo" tiny="$work/fixed-tiny" rows=()
  rm -rf "$tiny"; mkdir -p "$tiny"
  log "bench: fixed cost: a tiny lake (200 requests) in $tiny"
  scripts/civicpulse generate --out "$tiny/landing" --requests 200 --communities 2 --start 2025-12-01 --end 2025-12-31 --seed 7 > /dev/null 2>&1
  # One chain of every stage: after a build it writes the class-data archive, with the classes of all of them.
  CIVICPULSE_LOG_DIR=off scripts/civicpulse ingest --landing "$tiny/landing" --lake "$tiny/lake0" --dev-key \
    + dashboard --date 2025-12-31 --lake "$tiny/lake0" + report --date 2025-12-31 --lake "$tiny/lake0" --out "$tmp/warm" > /dev/null 2>&1
  python3 - "$tiny/landing" "$tiny/one-request.csv" <<'PY'
import csv, glob, gzip, io, sys
path = sorted(glob.glob(sys.argv[1] + "/requests*.csv*"))[-1]
raw = gzip.open(path, "rt", encoding="utf-8-sig") if path.endswith(".gz") else open(path, encoding="utf-8-sig")
rows = list(csv.DictReader(raw))
row = dict(rows[-1]); row["request_id"] = row["request_id"] + "-bench1"
with open(sys.argv[2], "w", newline="") as f:
    w = csv.DictWriter(f, fieldnames=list(rows[0].keys())); w.writeheader(); w.writerow(row)
PY
  fixed_row() {  # fixed_row LABEL SETUP CMD… → one table row
    local label=$1 setup=$2; shift 2
    log "bench: fixed cost: $label × $runs"
    local med min max rss cpu
    read -r med min max rss cpu < <(CIVICPULSE_LOG_DIR=off measure "$setup" "$@")
    rows+=("| $label | \`${*}\` | $med ($min–$max) | $cpu | $rss |")
  }
  fixed_row "JVM floor" ":" scripts/civicpulse --help
  fixed_row "demo end to end (after the build)" "rm -rf '$demo'" scripts/demo.sh --work "$demo"
  fixed_row "report alone, demo lake" ":" scripts/civicpulse report --date 2025-12-31 --lake "$demo/lake" --out "$tmp/reports"
  fixed_row "forecast alone, demo lake" ":" scripts/civicpulse forecast --lake "$demo/lake"
  fixed_row "ingest 1 new request, tiny lake" "rm -rf '$tiny/lake'; cp -r '$tiny/lake0' '$tiny/lake'" \
    scripts/civicpulse ingest --requests "$tiny/one-request.csv" --lake "$tiny/lake" --dev-key
  fixed_row "dashboard one day, tiny lake" ":" scripts/civicpulse dashboard --date 2025-12-31 --lake "$tiny/lake"
  fixed_row "report, tiny lake" ":" scripts/civicpulse report --date 2025-12-31 --lake "$tiny/lake" --out "$tmp/tiny-reports"
  {
    echo; echo "## fixed cost of every command — $(date -u +%F' '%H:%M' UTC')"; machine
    echo "- whole process, \`/usr/bin/time\`: wall seconds median of $runs (min–max), CPU = user + sys median, peak RSS MB of the largest process"
    echo "- tiny lake: \`scripts/civicpulse generate --requests 200 --communities 2 --start 2025-12-01 --end 2025-12-31 --seed 7\`, ingested once; the one new request is its last request under a new id"
    echo; echo "| run | command | wall s | CPU s | peak RSS MB |"; echo "| --- | --- | --- | --- | --- |"
    printf '%s\n' "${rows[@]}"
  } >> $out
}

bench_soak() {
  build_bench_classes
  bench_java
  local soak_dir="$work/soak"
  rm -rf "$soak_dir"
  log "bench: soak for $soak_minutes minutes in $soak_dir (logs of every run in $soak_dir/logs)"
  # From jobs/: the broker harness finds scripts/ one folder up, as under Maven.
  (cd "$CIVICPULSE_ROOT/jobs" && "${bench_cmd[@]}" org.civicpulse.bench.Soak --minutes "$soak_minutes" --dir "$soak_dir") \
    > "$tmp/soak.out" || true
  cat "$tmp/soak.out"
  {
    echo; echo "## soak $(date '+%F %H:%M')"; echo
    machine
    echo "- command: \`scripts/bench.sh soak --minutes $soak_minutes\`"
    echo; echo '```'; cat "$tmp/soak.out"; echo '```'
  } >> $out
  grep -q "PASSED" "$tmp/soak.out"
}

case "$section" in
  soak) bench_soak ;;
  fixed) bench_fixed ;;
  ingest) bench_ingest ;;
  forecast) bench_forecast ;;
  stream) bench_stream ;;
  lake) dashboard_lake "${requests:-100k}" "$span_start" "$span_end"; exit 0 ;;
  dashboard) bench_dashboard ;;
  scaling) bench_scaling ;;
  equity) bench_equity ;;
  all) bench_ingest; bench_dashboard; bench_forecast; bench_equity ;;
  *) echo "bench: unknown section $section (ingest|dashboard|scaling|forecast|equity|stream|fixed|soak|all)" >&2; exit 2 ;;
esac
log "bench: results appended to $out"
