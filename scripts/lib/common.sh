# Shared by the scripts: the project root, the JVM flags Spark needs on Java 17, and the build step.
# shellcheck shell=bash
CIVICPULSE_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export SPARK_LOCAL_IP=${SPARK_LOCAL_IP:-127.0.0.1}
# The same list as <spark.jvm.flags> in pom.xml (see ../shared/STACK.md): without it Kryo and MLlib fail on Java 17.
SPARK_JVM_FLAGS=(-XX:+IgnoreUnrecognizedVMOptions
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  -Dio.netty.tryReflectionSetAccessible=true -Djava.awt.headless=true)
APP_JAR="$CIVICPULSE_ROOT/jobs/target/civicpulse-jobs-0.1.0.jar"
APP_CLASSPATH_FILE="$CIVICPULSE_ROOT/jobs/target/classpath.txt"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# JVM options for this run (printed on one line), chosen by its size: CIVICPULSE_JVM=short|large|long, or auto
# (default). A short run (a street office's lake) is mostly start-up, class loading and one-off code: only the C1
# compiler (C2's optimising compiles cost more CPU than they return within a minute), the serial collector with a
# young generation large enough that the run collects a few times, not dozens. A long run keeps the JVM's defaults:
# C2 pays off over hours of streaming, in a resident session or on a 1m-request lake. large (opt-in only) keeps C2
# for the code that runs hottest: at the default thresholds C2's one thread compiled all run long (92 s of a 158 CPU s
# one-day dashboard at 10m requests); it saved ~10 % there, but one full-range run at 10m under it ran out of Spark's
# execution memory, so auto does not pick it. auto = short unless the command streams, replays, generates or serves,
# or the lake and the input files named on the command line hold 256 MiB or more (the 100k-request sample lake holds
# ~45 MB). docs/performance.md.
jvm_run_flags() {  # jvm_run_flags <command> <args…>
  local command=$1; shift
  local mode=${CIVICPULSE_JVM:-auto}
  if [[ $mode == auto ]]; then
    mode=short
    [[ "+$command+" == *+stream+* || "+$command+" == *+replay+* || "+$command+" == *+generate+* || $command == serve ]] && mode=long
    if [[ $mode == short ]]; then
      local paths=() prev="" a
      for a in "$@"; do
        case "$prev" in --lake|--landing|--requests|--feedback|--participation|--series) paths+=("$a") ;; esac
        case "$a" in --lake=*|--landing=*|--requests=*|--feedback=*|--participation=*|--series=*) paths+=("${a#*=}") ;; esac
        prev=$a
      done
      [[ ${#paths[@]} -eq 0 ]] && paths=("$CIVICPULSE_ROOT/lake")
      local kb
      kb=$(du -sk "${paths[@]}" 2>/dev/null | awk '{s += $1} END {print s + 0}')
      (( kb >= 262144 )) && mode=long
    fi
  fi
  case "$mode" in
    short) echo "-XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=240m -XX:+UseSerialGC -Xmn512m" ;;
    # C2 compiles a method after 20 times the default invocations and loop iterations.
    large) echo "-XX:Tier4InvocationThreshold=100000 -XX:Tier4MinInvocationThreshold=12000 -XX:Tier4CompileThreshold=300000 -XX:Tier4BackEdgeThreshold=800000" ;;
    long) echo "" ;;
    *) log "CIVICPULSE_JVM must be short, large, long or auto, not '$mode'"; echo "" ;;
  esac
}

# Runs org.civicpulse.Main in a local Spark JVM: civicpulse_java HEAP "JVM FLAGS" ARGS…
# It execs the JVM: call it in a subshell, whose pid then is the JVM's (scripts/civicpulse signals it).
# CIVICPULSE_JAVA_OPTS: extra JVM options (e.g. -XX:+FlightRecorder for profiling); they come last and win. The
# log4j2 config is named, not found on the class path: a folder on the class path rules out class-data sharing.
civicpulse_java() {
  local heap=$1 flags=()
  read -r -a flags <<< "$2"
  shift 2
  exec java "${SPARK_JVM_FLAGS[@]}" -Xmx"$heap" "${flags[@]+"${flags[@]}"}" ${CIVICPULSE_JAVA_OPTS:-} \
    -Dlog4j2.configurationFile="$CIVICPULSE_ROOT/conf/log4j2.properties" -cp "$APP_JAR:$(cat "$APP_CLASSPATH_FILE")" \
    org.apache.spark.deploy.SparkSubmit --master "${CIVICPULSE_MASTER:-local[*]}" \
    --conf spark.ui.enabled=false --conf spark.ui.showConsoleProgress=false \
    --class org.civicpulse.Main "$APP_JAR" "$@"
}

# The resident session's socket (`civicpulse serve`): one per checkout and user, in a folder only the user may
# enter (the session refuses any other). A socket's path must stay under ~100 bytes: the checkout is named by a
# checksum of its path.
serve_socket() {
  printf '%s/civicpulse-%s/%s.sock\n' "${XDG_RUNTIME_DIR:-/tmp}" "$(id -u)" "$(printf '%s' "$CIVICPULSE_ROOT" | cksum | cut -d' ' -f1)"
}
# The client's exit code when the session did not run the command (ResidentProtocol.NOT_SERVED).
SERVE_NOT_SERVED=75
# Sends a command line to the resident session: serve_client SOCKET ARGS… (a small JVM of its own: C1 only, the
# serial collector, the app jar alone on the class path; ~0.3 s). Its exit code is the command's, or
# SERVE_NOT_SERVED. A TERM or INT stops the client, not the command the session is running.
serve_client() {
  local socket=$1; shift
  java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -Xmx64m -cp "$APP_JAR" org.civicpulse.cli.ServeClient \
    "$socket" "$APP_JAR" "$@"
}

# After a dashboard or forecast that ran in a JVM of its own at a terminal, starts a resident session in the
# background (as a build tool starts its daemon), so that the next commands from this folder skip start-up; it warms
# itself while idle and ends after 30 idle minutes. Not when CIVICPULSE_SERVE is on or off, nor for --help.
serve_autostart() {  # serve_autostart <heap> <command> <args…>
  local heap=$1 command=$2 a; shift 2
  [[ ${CIVICPULSE_SERVE:-auto} == auto && ( $command == dashboard || $command == forecast ) ]] || return 0
  for a in "$@"; do [[ $a == --help || $a == -h || $a == --version || $a == -V ]] && return 0; done
  [[ -S $(serve_socket) ]] && return 0
  command -v setsid > /dev/null || return 0
  setsid -f "$CIVICPULSE_ROOT/scripts/civicpulse" --driver-memory "$heap" serve --idle-minutes 30 \
    < /dev/null > /dev/null 2>&1
  log "a resident session now starts in the background and warms itself, so that the next dashboard, forecast," \
    "report or status from this folder skips start-up (it ends after 30 idle minutes or on" \
    "scripts/civicpulse serve --stop; CIVICPULSE_SERVE=off: never; README, Running commands)"
}

# Class-data sharing: the ~20,000 classes of Spark, Delta and the app, parsed and verified once into an archive
# that every later JVM maps instead of loading them again (docs/performance.md: ~3 s of a one-day dashboard).
# The archive belongs to one build of the jar and one class path. The first successful Spark run after a build writes it as
# it exits (that run takes ~25 s longer, once); CIVICPULSE_CDS=off runs without it. JVMs whose options do not
# fit the archive run without it: the notices about that, and the dump's list of classes it skipped, are noise.
CDS_ARCHIVE="$CIVICPULSE_ROOT/work/cds/civicpulse.jsa"
CDS_QUIET="-Xlog:cds=off -Xlog:cds+dynamic=off"

cds_is_stale() {
  [[ ! -f $CDS_ARCHIVE || $APP_JAR -nt $CDS_ARCHIVE || $APP_CLASSPATH_FILE -nt $CDS_ARCHIVE ]]
}

# Whether this run should write the archive: a batch command that starts Spark (its classes are the ones worth
# sharing), not a --help, and no archive for this build yet.
cds_should_dump() {  # cds_should_dump <command> <args…>
  local command=$1 a; shift
  [[ ${CIVICPULSE_CDS:-on} == off ]] && return 1
  cds_is_stale || return 1
  # --series: forecast's CSV mode runs without Spark, so (like --help) its classes would make a poor archive.
  for a in "$@"; do [[ $a == --help || $a == -h || $a == --version || $a == -V || $a == --series ]] && return 1; done
  # Not report: it reads the marts without Spark, so its classes would make a poor archive for the others.
  [[ "+ingest+dashboard+forecast+daily+weekly+" == *"+${command%%+*}+"* ]]
}

# Builds the app jar and the local classpath when a source, schema or pom is newer than the jar. Two runs that
# start together (cron's daily and weekly lines, a bench and a test) build once: the second waits for the lock
# and then finds the jar fresh.
build_if_needed() {
  jar_is_stale || return 0
  mkdir -p "$CIVICPULSE_ROOT/work"
  (
    command -v flock > /dev/null && flock 9
    if jar_is_stale; then
      log "building civicpulse (mvn package -DskipTests)"
      (cd "$CIVICPULSE_ROOT" && mvn -q -B package -DskipTests) >&2 || { log "build failed"; exit 1; }
    fi
  ) 9> "$CIVICPULSE_ROOT/work/.build.lock"
}

jar_is_stale() {
  [[ ! -f "$APP_JAR" || ! -f "$APP_CLASSPATH_FILE" ]] && return 0
  [[ -n $(find "$CIVICPULSE_ROOT/jobs/src/main" "$CIVICPULSE_ROOT/schemas" "$CIVICPULSE_ROOT/pom.xml" \
      "$CIVICPULSE_ROOT/jobs/pom.xml" -newer "$APP_JAR" -print -quit 2>/dev/null) ]]
}

# Spark's own jars (like a distribution's jars/), one path a line: the local classpath minus what the shaded app
# jar carries and the test-only jars. scripts/spark-submit and scripts/local-cluster.sh run Spark from this set so
# that a run there checks the shaded jar the way a real cluster would. Builds only when the classpath file is
# missing: Spark's jars do not change with the app's sources (scripts/spark-submit builds the app jar itself).
spark_only_jars() {
  [[ -f $APP_CLASSPATH_FILE ]] || build_if_needed || return 1
  tr ':' '\n' < "$APP_CLASSPATH_FILE" | grep -v -E \
    '/io/delta/|/org/apache/kafka/|/spark-sql-kafka-0-10_|/spark-token-provider-kafka-0-10_|/commons-pool2/|/commons-csv/|/tech/tablesaw/|/org/jfree/|/info/picocli/|/it/unimi/dsi/fastutil/|/io/github/classgraph/|/junit/|/org/junit/|/org/assertj/|/opentest4j/|/apiguardian/'
}

# The value of KEY in a .properties FILE as java.util.Properties reads simple lines (key = value, key: value or
# key value; # and ! comments; the last occurrence wins; trimmed like Config does); prints nothing when absent.
# Continuation lines and \u escapes are not handled: the keys scripts read this way are plain paths.
properties_value() {
  awk -v key="$2" '
    { sub(/^[ \t\f]+/, "") }
    /^[#!]/ || $0 == "" { next }
    {
      match($0, /^[^=: \t\f]+/)
      k = substr($0, 1, RLENGTH)
      rest = substr($0, RLENGTH + 1)
      sub(/^[ \t\f]*[=:]?[ \t\f]*/, "", rest)
      sub(/[ \t\f\r]+$/, "", rest)
      if (k == key) { v = rest; found = 1 }
    }
    END { if (found) print v }' "$1"
}
