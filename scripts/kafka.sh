#!/usr/bin/env bash
# A single-node Apache Kafka 4.4 broker (KRaft, loopback only) for the streaming commands and their tests,
# run from jars resolved by scripts/kafka/pom.xml into work/kafka/libs (never on the app's classpath).
#   scripts/kafka.sh start  [--dir D] [--port P] [--controller-port C] [--partitions N]
#   scripts/kafka.sh stop   [--dir D]
#   scripts/kafka.sh status [--dir D] [--port P]
# start formats the storage once, returns only when the broker answers and the topics exist (names from the
# stream.topic.* keys of conf/civicpulse.properties), and says so and exits 0 when already running.
# stop ends only the process whose pid is in D/broker.pid. Defaults: D=work/kafka/broker, P=9092, C=P+1, N=3.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

usage() { echo "usage: scripts/kafka.sh start|stop|status [--dir D] [--port P] [--controller-port C] [--partitions N]" >&2; exit 2; }
[[ $# -ge 1 ]] || usage
action=$1; shift
dir="$CIVICPULSE_ROOT/work/kafka/broker"
port=9092
controller_port=""
partitions=3
while [[ $# -gt 0 ]]; do
  case "$1" in
    --dir) dir="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --controller-port) controller_port="$2"; shift 2 ;;
    --partitions) partitions="$2"; shift 2 ;;
    *) echo "kafka: unknown option $1" >&2; usage ;;
  esac
done
for n in "$port" "$partitions" ${controller_port:+"$controller_port"}; do
  [[ $n =~ ^[1-9][0-9]*$ ]] || { echo "kafka: not a positive number: $n" >&2; exit 2; }
done
controller_port=${controller_port:-$((port + 1))}
libs=${CIVICPULSE_KAFKA_LIBS:-$CIVICPULSE_ROOT/work/kafka/libs}
pid_file="$dir/broker.pid"

# A config key from conf/civicpulse.properties, or the default.
conf_value() {
  local v
  v=$(sed -n "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*//p" "$CIVICPULSE_ROOT/conf/civicpulse.properties" 2>/dev/null | tail -1)
  echo "${v:-$2}"
}
topics=("$(conf_value stream.topic.requests civicpulse.requests)" "$(conf_value stream.topic.feedback civicpulse.feedback)"
  "$(conf_value stream.topic.participation civicpulse.participation)" "$(conf_value stream.topic.alerts civicpulse.alerts)")

running_pid() {
  [[ -f $pid_file ]] || return 1
  local pid
  pid=$(cat "$pid_file")
  # The pid must still be our broker: a recycled pid of another process is not ours to report or kill.
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null && tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q 'kafka\.Kafka' || return 1
  echo "$pid"
}

ensure_libs() {
  if ! ls "$libs"/kafka_2.13-*.jar >/dev/null 2>&1; then
    log "kafka: resolving the broker jars into $libs (scripts/kafka/pom.xml)"
    (cd "$CIVICPULSE_ROOT" && { mvn -q -B -o -f scripts/kafka/pom.xml package -Dkafka.libs="$libs" >&2 2>/dev/null \
      || mvn -q -B -f scripts/kafka/pom.xml package -Dkafka.libs="$libs" >&2; })
  fi
}

write_config() {
  mkdir -p "$dir/data"
  cat > "$dir/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$controller_port
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller_port
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$dir/data
num.partitions=$partitions
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
PROPS
  cat > "$dir/log4j2.properties" <<'PROPS'
rootLogger.level = warn
rootLogger.appenderRef.out.ref = out
appender.out.type = Console
appender.out.name = out
appender.out.layout.type = PatternLayout
appender.out.layout.pattern = [%d] %p %m (%c)%n
logger.started.name = kafka.server.KafkaRaftServer
logger.started.level = info
PROPS
}

start() {
  local pid
  if pid=$(running_pid); then
    echo "kafka: already running pid=$pid port=$(sed -n 's/^listeners=PLAINTEXT:\/\/127.0.0.1:\([0-9]*\),.*/\1/p' "$dir/server.properties")"
    return 0
  fi
  ensure_libs
  write_config
  # Format once: meta.properties marks formatted storage; formatting again would refuse or wipe the cluster id.
  if [[ ! -f $dir/data/meta.properties ]]; then
    local uuid
    uuid=$(java -cp "$libs/*" kafka.tools.StorageTool random-uuid)
    java -Dlog4j2.configurationFile="$dir/log4j2.properties" -cp "$libs/*" kafka.tools.StorageTool format --standalone \
      -t "$uuid" -c "$dir/server.properties" >> "$dir/broker.log" 2>&1
  fi
  nohup java -Xmx512m -Dlog4j2.configurationFile="$dir/log4j2.properties" -cp "$libs/*" kafka.Kafka \
    "$dir/server.properties" >> "$dir/broker.log" 2>&1 < /dev/null &
  pid=$!
  echo "$pid" > "$pid_file"
  local created
  if ! created=$(java -cp "$libs/*" "$CIVICPULSE_ROOT/scripts/kafka/KafkaTopics.java" "127.0.0.1:$port" "$partitions" 60 \
      "${topics[@]}" 2>>"$dir/broker.log") || ! kill -0 "$pid" 2>/dev/null; then
    echo "kafka: broker did not come up on 127.0.0.1:$port; last lines of $dir/broker.log:" >&2
    tail -5 "$dir/broker.log" >&2
    kill "$pid" 2>/dev/null || true
    rm -f "$pid_file"
    return 1
  fi
  echo "kafka: started pid=$pid port=$port topics=$(IFS=,; echo "${topics[*]}") created=$created partitions=$partitions dir=$dir"
}

stop() {
  local pid
  if ! pid=$(running_pid); then
    rm -f "$pid_file"
    echo "kafka: not running"
    return 0
  fi
  kill "$pid"
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$pid_file"; echo "kafka: stopped pid=$pid"; return 0; }
    sleep 0.5
  done
  echo "kafka: pid=$pid did not stop within 30 s; killing it" >&2
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$pid_file"
}

case "$action" in
  start) start ;;
  stop) stop ;;
  status)
    if pid=$(running_pid); then echo "kafka: running pid=$pid dir=$dir"; else echo "kafka: not running dir=$dir"; exit 1; fi ;;
  *) usage ;;
esac
