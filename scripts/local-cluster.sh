#!/usr/bin/env bash
# A real Spark standalone cluster on 127.0.0.1 without a Spark distribution: one Master and two Workers (one core
# each) from Spark's Maven-resolved jars, the same set scripts/spark-submit uses.
#   scripts/local-cluster.sh start|stop|status [--dir D] [--port 7077] [--webui-port 18080] [--worker-memory 1g]
# start returns once both workers are registered with the master and prints the status line; stop ends only the
# processes whose pids start wrote (and the executors those workers launched); status prints one line and exits
# 0 running, 1 partly running, 3 stopped. All three are idempotent.
# D (default <root>/.cluster) holds spark/ (a SPARK_HOME: jars/ as symlinks, conf/log4j2.properties), the pid
# files, logs/, the workers' work folders (executor stdout/stderr) and local/ (SPARK_LOCAL_DIRS).
# SPARK_DAEMON_MEMORY (default 256m) is the master's and each worker's heap, as in Spark's own scripts.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

usage="usage: scripts/local-cluster.sh start|stop|status [--dir D] [--port P] [--webui-port P] [--worker-memory SIZE]"
die() { echo "local-cluster.sh: $*" >&2; exit 2; }

action=${1:-}
[[ $action == start || $action == stop || $action == status ]] || die "expected start, stop or status, got '${action}' ($usage)"
shift
dir="$CIVICPULSE_ROOT/.cluster"
port=7077
webui_port=18080
worker_memory=1g
while [[ $# -gt 0 ]]; do
  case "$1" in
    --dir|--port|--webui-port|--worker-memory) [[ $# -ge 2 ]] || die "$1 needs a value ($usage)" ;;&
    --dir) dir=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --webui-port) webui_port=$2; shift 2 ;;
    --worker-memory) worker_memory=$2; shift 2 ;;
    *) die "unknown argument '$1' ($usage)" ;;
  esac
done
for p in "$port" "$webui_port"; do
  [[ $p =~ ^[0-9]+$ ]] && ((p >= 1 && p <= 65535)) || die "bad port '$p' (1-65535)"
done
[[ $worker_memory =~ ^[0-9]+[mMgG]$ ]] || die "bad --worker-memory '$worker_memory' (e.g. 1g or 900m)"
# status and stop of a folder that was never used say "stopped" without creating it.
[[ $action == start ]] && mkdir -p "$dir"
[[ -d $dir ]] && dir=$(cd "$dir" && pwd)
workers=(worker-1 worker-2)
# A running cluster answers on the ports it was started with, whatever this call was given.
if [[ -f "$dir/ports" ]]; then
  read -r run_port run_webui < "$dir/ports"
else
  run_port=$port run_webui=$webui_port
fi

main_class() { [[ $1 == master ]] && echo org.apache.spark.deploy.master.Master || echo org.apache.spark.deploy.worker.Worker; }

# The pid of a component if its pid file names a live JVM of the expected class (a reused pid is not ours).
live_pid() {
  local f="$dir/$1.pid" pid
  [[ -f $f ]] || return 1
  pid=$(<"$f")
  [[ $pid =~ ^[0-9]+$ && -r /proc/$pid/cmdline ]] || return 1
  tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q -F "$(main_class "$1")" || return 1
  echo "$pid"
}

# The master's JSON status over bash's /dev/tcp (HTTP/1.0: the server closes when done), so no curl is needed.
alive_workers() {
  timeout 3 bash -c 'exec 3<> "/dev/tcp/127.0.0.1/$1" && printf "GET /json/ HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n" >&3 \
    && cat <&3' _ "$run_webui" 2> /dev/null | grep -o '"aliveworkers" *: *[0-9]*' | grep -o '[0-9]*$' || echo 0
}

status_line() {
  local running=0 total=$((1 + ${#workers[@]})) c
  for c in master "${workers[@]}"; do
    live_pid "$c" > /dev/null && running=$((running + 1))
  done
  if ((running == total)); then
    echo "local-cluster running master=spark://127.0.0.1:$run_port ui=http://127.0.0.1:$run_webui workers=$(alive_workers)/${#workers[@]} dir=$dir"
    return 0
  elif ((running == 0)); then
    echo "local-cluster stopped dir=$dir"
    return 3
  fi
  echo "local-cluster partly running ($running of $total processes; run stop, then start) dir=$dir"
  return 1
}

port_in_use() { (exec 3<> "/dev/tcp/127.0.0.1/$1") 2> /dev/null; }

# Starts one daemon in the background, detached from our stdout/stderr (a caller reading our output, such as a
# test, would otherwise wait for the daemon's end), and records its pid. C1 only: the daemons do little work, and
# C2 compiling would take CPU from the jobs on a small machine; with C1 alone the code cache defaults to 48 MB,
# too small for a long-lived JVM, hence 240 MB (C2's default).
launch() {
  local name=$1; shift
  local local_dirs="$dir/local/$name"
  mkdir -p "$dir/logs" "$local_dirs"
  SPARK_HOME="$dir/spark" SPARK_CONF_DIR="$dir/spark/conf" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1 \
    SPARK_LOCAL_DIRS="$local_dirs" nohup java "${SPARK_JVM_FLAGS[@]}" -Xmx"${SPARK_DAEMON_MEMORY:-256m}" \
    -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=240m \
    -cp "$dir/spark/conf:$dir/spark/jars/*" "$(main_class "$name")" "$@" \
    < /dev/null >> "$dir/logs/$name.log" 2>&1 &
  echo $! > "$dir/$name.pid"
}

# SPARK_HOME/jars as symlinks to the Maven repository (no 320 MB copy); rebuilt on every start so that a changed
# dependency set is picked up. The workers build each executor's classpath from SPARK_HOME/conf and jars/*.
make_spark_home() {
  local jars
  jars=$(spark_only_jars) || { echo "local-cluster.sh: cannot resolve Spark's jars (mvn package failed)" >&2; exit 1; }
  rm -rf "$dir/spark"
  mkdir -p "$dir/spark/jars" "$dir/spark/conf"
  while IFS= read -r jar; do
    ln -s "$jar" "$dir/spark/jars/"
  done <<< "$jars"
  cp "$CIVICPULSE_ROOT/conf/log4j2.properties" "$dir/spark/conf/"
}

start() {
  if status_line > /dev/null; then
    status_line
    return 0
  fi
  live_pid master > /dev/null || {
    port_in_use "$port" && { echo "local-cluster.sh: port $port is in use by another process (choose --port)" >&2; exit 2; }
    port_in_use "$webui_port" && { echo "local-cluster.sh: port $webui_port is in use by another process (choose --webui-port)" >&2; exit 2; }
    make_spark_home
    run_port=$port run_webui=$webui_port
    echo "$run_port $run_webui" > "$dir/ports"
    launch master --host 127.0.0.1 --port "$run_port" --webui-port "$run_webui"
  }
  local w
  for w in "${workers[@]}"; do
    live_pid "$w" > /dev/null && continue
    mkdir -p "$dir/work/$w"
    # --webui-port 0: a free port of the system's choosing, so two workers (or two clusters) never clash.
    launch "$w" --host 127.0.0.1 --cores 1 --memory "$worker_memory" --webui-port 0 --work-dir "$dir/work/$w" \
      "spark://127.0.0.1:$run_port"
  done
  local deadline=$((SECONDS + ${CLUSTER_START_TIMEOUT:-120}))
  while (($(alive_workers) < ${#workers[@]})); do
    local c
    for c in master "${workers[@]}"; do
      live_pid "$c" > /dev/null || { echo "local-cluster.sh: $c exited during start; see $dir/logs/$c.log:" >&2;
        tail -n 20 "$dir/logs/$c.log" >&2; stop > /dev/null; exit 1; }
    done
    if ((SECONDS > deadline)); then
      echo "local-cluster.sh: workers not registered after ${CLUSTER_START_TIMEOUT:-120} s; see $dir/logs/" >&2
      stop > /dev/null
      exit 1
    fi
    sleep 1
  done
  status_line
}

# SIGTERM first (a worker's shutdown hook kills its executors), then SIGKILL after 15 s for whatever is left.
stop() {
  local pids=() c pid
  for c in "${workers[@]}" master; do
    pid=$(live_pid "$c") || continue
    pids+=("$pid")
    # Executors are the worker's children: remembered now, because they are reparented once it is gone.
    while IFS= read -r child; do
      [[ -n $child ]] && pids+=("$child")
    done < <(pgrep -P "$pid" || true)
  done
  ((${#pids[@]} > 0)) && kill "${pids[@]}" 2> /dev/null || true
  local deadline=$((SECONDS + 15)) left
  while :; do
    left=()
    for pid in "${pids[@]+"${pids[@]}"}"; do
      kill -0 "$pid" 2> /dev/null && left+=("$pid")
    done
    ((${#left[@]} == 0)) && break
    if ((SECONDS > deadline)); then
      kill -9 "${left[@]}" 2> /dev/null || true
      break
    fi
    sleep 0.5
  done
  rm -f "$dir"/master.pid "$dir"/worker-*.pid "$dir/ports"
  echo "local-cluster stopped dir=$dir"
}

case "$action" in
  start) start ;;
  stop) stop ;;
  status) status_line ;;
esac
