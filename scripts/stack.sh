#!/usr/bin/env bash
# Local Kafka stack for Kafka Event Architect, without Docker: real Apache Kafka (KRaft, 1 or 3 nodes),
# Apicurio Registry (Confluent-compatible API) and a Kafka Connect worker, all JVMs on 127.0.0.1.
#
#   scripts/stack.sh up [--brokers 1|3]   start what is not already answering; returns when all answer
#   scripts/stack.sh down                 stop what this script started (recorded pids)
#   scripts/stack.sh status               each service: up/down, pid, address
#   scripts/stack.sh logs [-f] [service]  last lines of the logs (broker-N, registry, connect); -f follows
#   scripts/stack.sh fetch                only resolve/download the artifacts into the cache (CI prefetch)
#   scripts/stack.sh wipe                 down, then delete the data dir
#   scripts/stack.sh stop-broker N | start-broker N   stop/start one broker (broker-failure tests)
#   scripts/stack.sh run-class CLASS [ARGS...]        run a Kafka tool class on the stack's classpath, e.g.
#                                                     org.apache.kafka.tools.TopicCommand --bootstrap-server ...
#   scripts/stack.sh env                  print KAFKA_BOOTSTRAP_SERVERS, SCHEMA_REGISTRY_URL, CONNECT_URL (the console reads them)
#
# Environment (defaults):
#   KEA_BROKERS=1                1 or 3 (3: ports KAFKA_PORT..+2, node ids 1..3, internal topics RF 3)
#   KAFKA_PORT=9092              client listener of broker 1 (broker N: KAFKA_PORT+N-1), PLAINTEXT
#   KAFKA_CONTROLLER_PORT=19092  controller listener of node 1 (node N: +N-1)
#   SCHEMA_REGISTRY_PORT=8081    Apicurio, Confluent API at /apis/ccompat/v7
#   SCHEMA_REGISTRY_MANAGEMENT_PORT=18081   Apicurio's Quarkus management (health) interface
#   CONNECT_PORT=8083            Kafka Connect REST
#   KAFKA_VERSION=4.1.1   APICURIO_VERSION=3.3.3
#   KAFKA_CONNECT_FILE=1         0: no FileStream connectors (needed for KAFKA_VERSION=4.4.0: none on Central)
#   KEA_STACK_DIR=<repo>/.stack  all data: kafka log dirs, pids, logs, generated properties
#   KEA_CACHE_DIR=~/.cache/kafka-event-architect   downloaded jars and Apicurio (outside the repo)
#   KEA_STACK_SKIP=registry,connect   services not to start (kafka cannot be skipped)
#   KEA_REGISTRY_PERSIST=0       1: Apicurio keeps schemas in an H2 file in the data dir (default: in memory)
#   KEA_STARTUP_TIMEOUT=120  KEA_STOP_TIMEOUT=30   seconds
#   KAFKA_HEAP_OPTS, CONNECT_HEAP_OPTS, REGISTRY_HEAP_OPTS, KEA_JVM_OPTS (extra flags for every JVM)
#   KEA_JAVA (java for Kafka/Connect, 17+), APICURIO_JAVA (java for Apicurio, 21+; found under /usr/lib/jvm)
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/.." && pwd)
ASSETS="$SCRIPT_DIR/stack"

KEA_BROKERS_GIVEN=${KEA_BROKERS:+1} # set in the environment or by up --brokers
KEA_BROKERS=${KEA_BROKERS:-1}
KAFKA_PORT=${KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-19092}
SCHEMA_REGISTRY_PORT=${SCHEMA_REGISTRY_PORT:-8081}
SCHEMA_REGISTRY_MANAGEMENT_PORT=${SCHEMA_REGISTRY_MANAGEMENT_PORT:-18081}
CONNECT_PORT=${CONNECT_PORT:-8083}
KAFKA_VERSION=${KAFKA_VERSION:-4.1.1}
KAFKA_CONNECT_FILE=${KAFKA_CONNECT_FILE:-1}
APICURIO_VERSION=${APICURIO_VERSION:-3.3.3}
KEA_STACK_DIR=${KEA_STACK_DIR:-$REPO_ROOT/.stack}
KEA_CACHE_DIR=${KEA_CACHE_DIR:-${HOME:-/root}/.cache/kafka-event-architect}
KEA_STACK_SKIP=${KEA_STACK_SKIP:-}
KEA_REGISTRY_PERSIST=${KEA_REGISTRY_PERSIST:-0}
KEA_STARTUP_TIMEOUT=${KEA_STARTUP_TIMEOUT:-120}
KEA_STOP_TIMEOUT=${KEA_STOP_TIMEOUT:-30}
KAFKA_HEAP_OPTS=${KAFKA_HEAP_OPTS:--Xms256m -Xmx768m}
CONNECT_HEAP_OPTS=${CONNECT_HEAP_OPTS:--Xms256m -Xmx768m}
REGISTRY_HEAP_OPTS=${REGISTRY_HEAP_OPTS:--Xms128m -Xmx512m}
KEA_JVM_OPTS=${KEA_JVM_OPTS:-}
# Kafka's own bin/kafka-run-class.sh defaults (G1, short pauses); on 2 cores the JIT and GC threads are few anyway.
KAFKA_JVM_PERFORMANCE_OPTS=${KAFKA_JVM_PERFORMANCE_OPTS:--XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent -Djava.awt.headless=true}

KAFKA_DIST="$KEA_CACHE_DIR/kafka-$KAFKA_VERSION"
[[ $KAFKA_CONNECT_FILE == 1 ]] || KAFKA_DIST+="-no-connect-file"
KAFKA_LIBS="$KAFKA_DIST/libs"
APICURIO_HOME="$KEA_CACHE_DIR/apicurio-registry-$APICURIO_VERSION"
PID_DIR="$KEA_STACK_DIR/pids"
LOG_DIR="$KEA_STACK_DIR/logs"
KAFKA_DIR="$KEA_STACK_DIR/kafka"
CLUSTER_ENV="$KAFKA_DIR/cluster.env"

for _v in KAFKA_PORT KAFKA_CONTROLLER_PORT SCHEMA_REGISTRY_PORT SCHEMA_REGISTRY_MANAGEMENT_PORT CONNECT_PORT KEA_STARTUP_TIMEOUT KEA_STOP_TIMEOUT; do
  [[ ${!_v} =~ ^[0-9]+$ ]] || { printf 'stack: %s must be a number (got "%s")\n' "$_v" "${!_v}" >&2; exit 2; }
done
unset _v

say() { printf '%s\n' "$*"; }
die() { printf 'stack: %s\n' "$*" >&2; exit 1; }
now_ms() { date +%s%3N; }
since() { local t=$(( $(now_ms) - $1 )); printf '%d.%d s' $((t / 1000)) $((t % 1000 / 100)); }
skipped() { [[ ",$KEA_STACK_SKIP," == *",$1,"* ]]; }
port_open() { (: <"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
broker_port() { echo $((KAFKA_PORT + $1 - 1)); }
controller_port() { echo $((KAFKA_CONTROLLER_PORT + $1 - 1)); }
min() { if (($1 < $2)); then echo "$1"; else echo "$2"; fi; }

# The broker count of the cluster in the data dir wins over KEA_BROKERS once it is formatted.
recorded() { # recorded KEY -> value from cluster.env, empty if none
  [[ -f $CLUSTER_ENV ]] || return 0
  sed -n "s/^$1=//p" "$CLUSTER_ENV"
}
broker_count() { local n; n=$(recorded brokers); echo "${n:-$KEA_BROKERS}"; }
bootstrap_servers() {
  local i n s=""; n=$(broker_count)
  for ((i = 1; i <= n; i++)); do s+="${s:+,}127.0.0.1:$(broker_port "$i")"; done
  echo "$s"
}

need() { command -v "$1" >/dev/null 2>&1 || die "$1 is required${2:+ ($2)}"; }

java_major() { # java_major /path/to/java -> 17, 21, 25 ...
  local v
  v=$("$1" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9.]*\).*/\1/p' | head -n1)
  v=${v#1.}
  echo "${v%%.*}"
}
find_java() { # find_java MIN_MAJOR EXPLICIT -> path of a java with at least that major version
  local min=$1 explicit=$2 j
  if [[ -n $explicit ]]; then echo "$explicit"; return 0; fi
  for j in ${JAVA_HOME:+"$JAVA_HOME/bin/java"} "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
    [[ -n $j && -x $j ]] || continue
    if (($(java_major "$j") >= min)); then echo "$j"; return 0; fi
  done
  return 1
}
KAFKA_JAVA_BIN="" REGISTRY_JAVA_BIN=""
kafka_java() { # sets KAFKA_JAVA_BIN once
  [[ -n $KAFKA_JAVA_BIN ]] && return 0
  KAFKA_JAVA_BIN=$(find_java 17 "${KEA_JAVA:-}") || die "Kafka $KAFKA_VERSION needs Java 17+ (set KEA_JAVA)"
}
registry_java() { # sets REGISTRY_JAVA_BIN once
  [[ -n $REGISTRY_JAVA_BIN ]] && return 0
  REGISTRY_JAVA_BIN=$(find_java 21 "${APICURIO_JAVA:-}") ||
    die "Apicurio Registry $APICURIO_VERSION needs Java 21+ (none found under /usr/lib/jvm; set APICURIO_JAVA or skip it with KEA_STACK_SKIP=registry)"
}

# Class-data sharing: a JVM's first clean stop leaves an archive of the classes it loaded (in the cache, per
# service role and java binary); later starts map it, which roughly halves JVM startup on 2 cores
# (broker about 3 s -> 1.7 s, Apicurio 4.4 s -> 3 s). The archive is written as *.new and only kept once the
# process exited by itself after SIGTERM (see stop_pids). KEA_CDS=0 turns this off.
cds_args() { # cds_args SERVICE ROLE_DIR JAVA -> prints the JVM flag, records the pending archive
  local svc=$1 dir=$2 java=$3 real key f
  [[ ${KEA_CDS:-1} == 1 ]] || return 0
  real=$(readlink -f "$java")
  key=$(printf '%s %s' "$real" "$(stat -c '%s-%Y' "$real")" | cksum | cut -d' ' -f1)
  f="$dir/cds/${svc%%-*}-$key.jsa"
  rm -f "$PID_DIR/$svc.cds"
  if [[ -s $f ]]; then
    echo "-XX:SharedArchiveFile=$f"
  elif [[ $svc != broker-* || $svc == broker-1 ]]; then
    mkdir -p "$dir/cds"
    find "$dir/cds" -name '*.new.*' -mmin +120 -delete 2>/dev/null || true # left by crashed JVMs
    echo "$f.new.$$" >"$PID_DIR/$svc.cds"
    echo "-XX:ArchiveClassesAtExit=$f.new.$$"
    echo "-Xlog:cds*=error" # the dump lists every class it skips as a warning
  fi
  return 0
}
cds_keep() { # cds_keep SERVICE CLEAN(0|1): promote (clean exit) or drop (killed) the archive it was writing
  local f
  [[ -f $PID_DIR/$1.cds ]] || return 0
  f=$(<"$PID_DIR/$1.cds")
  if [[ $2 == 1 && -s $f ]]; then mv -f "$f" "${f%.new.*}"; else rm -f "$f"; fi
  rm -f "$PID_DIR/$1.cds"
}

# ---------------------------------------------------------------------------------------------- artifacts

mvn_q() { mvn -q -B "$@"; }

fetch_kafka() {
  [[ -f $KAFKA_DIST/.complete ]] && return 0
  need mvn "to resolve Kafka $KAFKA_VERSION from Maven Central"
  local t0 tmp log4j impl
  t0=$(now_ms)
  say "kafka: resolving Kafka $KAFKA_VERSION jars from Maven Central into $KAFKA_DIST ..."
  mkdir -p "$KEA_CACHE_DIR"
  tmp=$(mktemp -d "$KEA_CACHE_DIR/.kafka-$KAFKA_VERSION.XXXXXX")
  local -a props=(-Dkafka.version="$KAFKA_VERSION")
  [[ $KAFKA_CONNECT_FILE == 1 ]] || props+=(-Dkea.no-connect-file)
  if ! mvn_q -f "$ASSETS/pom.xml" dependency:copy-dependencies -DincludeScope=runtime \
    -DoutputDirectory="$tmp/libs" "${props[@]}" >"$tmp/mvn.log" 2>&1; then
    grep -m 5 ERROR "$tmp/mvn.log" >&2 || cat "$tmp/mvn.log" >&2
    rm -rf "$tmp"
    die "could not resolve Kafka $KAFKA_VERSION from Maven Central (if only connect-file is missing, as for 4.4.0, KAFKA_CONNECT_FILE=0 leaves the FileStream connectors out)"
  fi
  # The slf4j binding must match the log4j-core Kafka brought; re-resolve it if the pom's default does not.
  log4j=$(find "$tmp/libs" -name 'log4j-core-*.jar' | sed 's/.*log4j-core-\(.*\)\.jar/\1/' | head -n1)
  if [[ -n $log4j && ! -f $tmp/libs/log4j-slf4j-impl-$log4j.jar ]]; then
    for impl in "$tmp"/libs/log4j-slf4j-impl-*.jar; do rm -f "$impl"; done
    mvn_q -f "$ASSETS/pom.xml" dependency:copy-dependencies -DincludeScope=runtime \
      -DoutputDirectory="$tmp/libs" "${props[@]}" -Dlog4j.version="$log4j" \
      -DincludeArtifactIds=log4j-slf4j-impl >>"$tmp/mvn.log" 2>&1 || { cat "$tmp/mvn.log" >&2; rm -rf "$tmp"; die "could not resolve log4j-slf4j-impl $log4j"; }
  fi
  [[ -f $tmp/libs/kafka_2.13-$KAFKA_VERSION.jar ]] || { rm -rf "$tmp"; die "kafka_2.13-$KAFKA_VERSION.jar missing after resolution"; }
  rm -rf "$KAFKA_DIST"
  mv "$tmp" "$KAFKA_DIST"
  rm -f "$KAFKA_DIST/mvn.log"
  date -u +%FT%TZ >"$KAFKA_DIST/.complete"
  say "kafka: $(find "$KAFKA_LIBS" -name '*.jar' | wc -l) jars resolved in $(since "$t0")"
}

fetch_registry() {
  [[ -f $APICURIO_HOME/.complete ]] && return 0
  need mvn "to download Apicurio Registry $APICURIO_VERSION from Maven Central"
  need tar
  local t0 tmp
  t0=$(now_ms)
  say "registry: downloading Apicurio Registry $APICURIO_VERSION (about 160 MB) into $APICURIO_HOME ..."
  mkdir -p "$KEA_CACHE_DIR"
  tmp=$(mktemp -d "$KEA_CACHE_DIR/.apicurio-$APICURIO_VERSION.XXXXXX")
  if ! mvn_q dependency:copy -Dartifact="io.apicurio:apicurio-registry-app:$APICURIO_VERSION:tar.gz:all" \
    -DoutputDirectory="$tmp" >"$tmp/mvn.log" 2>&1; then
    cat "$tmp/mvn.log" >&2
    rm -rf "$tmp"
    die "could not download io.apicurio:apicurio-registry-app:$APICURIO_VERSION:tar.gz:all"
  fi
  # The assembly's root is the Quarkus fast-jar itself: quarkus-run.jar, app/, lib/, quarkus/.
  mkdir -p "$tmp/app"
  tar -xzf "$tmp/apicurio-registry-app-$APICURIO_VERSION-all.tar.gz" -C "$tmp/app"
  [[ -f $tmp/app/quarkus-run.jar ]] || { rm -rf "$tmp"; die "quarkus-run.jar not found in the Apicurio assembly"; }
  rm -rf "$APICURIO_HOME"
  mv "$tmp/app" "$APICURIO_HOME"
  rm -rf "$tmp"
  date -u +%FT%TZ >"$APICURIO_HOME/.complete"
  say "registry: ready in the cache after $(since "$t0")"
}

fetch_all() {
  fetch_kafka
  skipped registry || fetch_registry
}

# ---------------------------------------------------------------------------------------------- processes

pid_file() { echo "$PID_DIR/$1.pid"; }
# Prints the pid of service $1 if it is alive and is ours: its command line names our data dir and the service.
our_pid() {
  local f pid cmd
  f=$(pid_file "$1")
  [[ -f $f ]] || return 1
  pid=$(<"$f")
  [[ $pid =~ ^[0-9]+$ && -r /proc/$pid/cmdline ]] || return 1
  cmd=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || return 1
  [[ $cmd == *"-Dkea.stack.dir=$KEA_STACK_DIR "* && $cmd == *"-Dkea.service=$1 "* ]] || return 1
  echo "$pid"
}

declare -A LOG_OFF=() # log file -> its size when its service was last spawned
# spawn SERVICE JAVA ARGS... : detached from this shell (new session, no stdin, HUP ignored), pid recorded.
spawn() {
  local svc=$1 pidf i
  shift
  pidf=$(pid_file "$svc")
  mkdir -p "$PID_DIR" "$LOG_DIR"
  rm -f "$pidf"
  LOG_OFF[$LOG_DIR/$svc.log]=$(log_size "$LOG_DIR/$svc.log")
  LOG_OFF[$LOG_DIR/$svc.out]=$(log_size "$LOG_DIR/$svc.out")
  (
    cd "$KEA_STACK_DIR"
    # shellcheck disable=SC2016  # $$ and $@ belong to the inner bash, which records its pid and becomes java.
    setsid nohup bash -c 'echo $$ >"$0"; exec "$@"' "$pidf" "$@" >>"$LOG_DIR/$svc.out" 2>&1 </dev/null 9>&- &
  )
  for ((i = 0; i < 50; i++)); do [[ -s $pidf ]] && return 0; sleep 0.1; done
  die "$svc: did not start (see $LOG_DIR/$svc.out)"
}

log_size() { if [[ -f $1 ]]; then stat -c %s "$1"; else echo 0; fi; }

# wait_ready SERVICE T0 CHECK... : polls CHECK until it succeeds; fails early if the process dies.
wait_ready() {
  local svc=$1 t0=$2 deadline
  shift 2
  deadline=$((t0 + KEA_STARTUP_TIMEOUT * 1000))
  while ! "$@"; do
    if ! our_pid "$svc" >/dev/null; then
      fail_hint "$svc" "exited during startup"
    fi
    if (($(now_ms) > deadline)); then
      fail_hint "$svc" "not ready after ${KEA_STARTUP_TIMEOUT} s (still running, pid $(our_pid "$svc"))"
    fi
    sleep 0.25
  done
}
fail_hint() {
  local svc=$1 f
  printf 'stack: %s %s. Last log lines:\n' "$svc" "$2" >&2
  for f in "$LOG_DIR/$svc.log" "$LOG_DIR/$svc.out"; do
    [[ -s $f && ! -L $f ]] || continue
    printf -- '--- %s (first errors of this start)\n' "$f" >&2
    tail -c +"$((${LOG_OFF[$f]:-0} + 1))" "$f" | grep -m 3 -E '(ERROR|FATAL|Exception)' | cut -c1-400 >&2 || true
    printf -- '--- %s (last lines)\n' "$f" >&2
    tail -n 8 "$f" | cut -c1-400 >&2
  done
  die "$svc failed: see $LOG_DIR/$svc.log and $LOG_DIR/$svc.out ('scripts/stack.sh down' stops what did start)"
}

stop_pids() { # stop_pids SVC... : SIGTERM all, wait, SIGKILL after KEA_STOP_TIMEOUT
  local svc pid t0 alive deadline i
  local -a pids=() names=()
  for svc in "$@"; do
    if pid=$(our_pid "$svc"); then
      kill -TERM "$pid" 2>/dev/null || true
      pids+=("$pid")
      names+=("$svc")
    fi
    [[ -f $(pid_file "$svc") ]] && ! our_pid "$svc" >/dev/null && rm -f "$(pid_file "$svc")"
  done
  ((${#pids[@]})) || return 0
  t0=$(now_ms)
  deadline=$((t0 + KEA_STOP_TIMEOUT * 1000))
  local -A killed=()
  while :; do
    alive=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    ((alive)) || break
    if (($(now_ms) > deadline)); then
      for i in "${!pids[@]}"; do
        pid=${pids[$i]}
        if kill -0 "$pid" 2>/dev/null; then
          say "  ${names[$i]} (pid $pid) still running after ${KEA_STOP_TIMEOUT} s: SIGKILL"
          kill -KILL "$pid" 2>/dev/null || true
          killed[${names[$i]}]=1
        fi
      done
      sleep 0.5
      break
    fi
    sleep 0.2
  done
  for svc in "${names[@]}"; do
    rm -f "$(pid_file "$svc")"
    if [[ -n ${killed[$svc]:-} ]]; then cds_keep "$svc" 0; else cds_keep "$svc" 1; fi
  done
  say "stopped ${names[*]} in $(since "$t0")"
}

# ---------------------------------------------------------------------------------------------- kafka

kafka_cp() { echo "$KAFKA_LIBS/*"; }
# common JVM arguments for Kafka/Connect: the marker properties make our processes recognisable in /proc.
kafka_jvm() { # kafka_jvm SERVICE HEAP_OPTS -> prints one argument per line
  local svc=$1 heap=$2 a
  # shellcheck disable=SC2086  # option strings are split on purpose
  for a in $heap $KAFKA_JVM_PERFORMANCE_OPTS $KEA_JVM_OPTS; do echo "$a"; done
  echo "-Dkea.stack.dir=$KEA_STACK_DIR"
  echo "-Dkea.service=$svc"
  echo "-Dlog4j2.configurationFile=$ASSETS/log4j2.xml"
  echo "-Dkea.log.file=$LOG_DIR/$svc.log"
  echo "-cp"
  kafka_cp
}

run_tool() { # run a Kafka tool class in the foreground, logging to logs/tools.log
  kafka_java
  mkdir -p "$LOG_DIR"
  "$KAFKA_JAVA_BIN" -Xmx256m -Dlog4j2.configurationFile="$ASSETS/log4j2.xml" -Dkea.log.file="$LOG_DIR/tools.log" \
    -cp "$(kafka_cp)" "$@"
}

write_server_properties() { # write_server_properties NODE BROKERS
  local n=$1 brokers=$2 rf isr voters="" i dir
  rf=$(min 3 "$brokers")
  isr=$(min 2 "$rf")
  dir="$KAFKA_DIR/broker-$n"
  mkdir -p "$dir/data"
  if ((brokers > 1)); then
    for ((i = 1; i <= brokers; i++)); do voters+="${voters:+,}$i@127.0.0.1:$(controller_port "$i")"; done
  fi
  cat >"$dir/server.properties" <<EOF
# Generated by scripts/stack.sh: node $n of a $brokers-node KRaft cluster (combined broker+controller).
process.roles=broker,controller
node.id=$n
listeners=PLAINTEXT://127.0.0.1:$(broker_port "$n"),CONTROLLER://127.0.0.1:$(controller_port "$n")
advertised.listeners=PLAINTEXT://127.0.0.1:$(broker_port "$n")
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
$(if ((brokers > 1)); then echo "controller.quorum.voters=$voters"; else echo "controller.quorum.bootstrap.servers=127.0.0.1:$(controller_port 1)"; fi)
log.dirs=$dir/data
num.partitions=1
auto.create.topics.enable=false
delete.topic.enable=true
group.initial.rebalance.delay.ms=0
offsets.topic.replication.factor=$rf
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=$rf
transaction.state.log.min.isr=$isr
transaction.state.log.num.partitions=10
share.coordinator.state.topic.replication.factor=$rf
share.coordinator.state.topic.min.isr=$isr
num.network.threads=2
num.io.threads=4
num.recovery.threads.per.data.dir=1
log.retention.hours=168
EOF
}

cluster_id() { # what StorageTool random-uuid prints: 16 random bytes, base64url without padding, not starting with '-'
  local id
  while :; do
    id=$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | cut -c1-22)
    [[ $id == -* || $id == AAAAAAAAAAAAAAAAAAAAA[AQ] ]] || break
  done
  echo "$id"
}

# Formats the data dir once (cluster id, storage of every node); later runs reuse it.
kafka_check_recorded() { # the data dir's cluster must be the one asked for (a bare 'up' takes its broker count)
  local brokers=$1 rec
  if [[ -f $CLUSTER_ENV ]]; then
    [[ -n $KEA_BROKERS_GIVEN ]] || brokers=$(recorded brokers)
    rec="brokers=$(recorded brokers) port=$(recorded kafka_port) controller_port=$(recorded controller_port) version=$(recorded kafka_version)"
    [[ $rec == "brokers=$brokers port=$KAFKA_PORT controller_port=$KAFKA_CONTROLLER_PORT version=$KAFKA_VERSION" ]] ||
      die "the data dir $KEA_STACK_DIR holds a cluster made with $rec; asked for brokers=$brokers port=$KAFKA_PORT controller_port=$KAFKA_CONTROLLER_PORT version=$KAFKA_VERSION. Run 'scripts/stack.sh wipe' first (or use another KEA_STACK_DIR)."
  fi
}
kafka_format() {
  local brokers=$1 id n
  [[ -f $CLUSTER_ENV ]] && return 0
  say "kafka: formatting storage for $brokers node(s) (Kafka $KAFKA_VERSION)"
  rm -rf "$KAFKA_DIR"
  mkdir -p "$KAFKA_DIR"
  id=$(cluster_id)
  mkdir -p "$LOG_DIR"
  local -a jobs=()
  for ((n = 1; n <= brokers; n++)); do
    write_server_properties "$n" "$brokers"
    if ((brokers == 1)); then
      # dynamic quorum (KIP-853) with this node as the only voter
      run_tool kafka.tools.StorageTool format -t "$id" -c "$KAFKA_DIR/broker-$n/server.properties" --standalone >"$LOG_DIR/format-$n.out" 2>&1 &
    else
      # static quorum: controller.quorum.voters in every node's properties
      run_tool kafka.tools.StorageTool format -t "$id" -c "$KAFKA_DIR/broker-$n/server.properties" >"$LOG_DIR/format-$n.out" 2>&1 &
    fi
    jobs+=($!)
  done
  for ((n = 1; n <= brokers; n++)); do
    wait "${jobs[$((n - 1))]}" || { cat "$LOG_DIR/format-$n.out" >&2; rm -rf "$KAFKA_DIR"; die "formatting the storage of node $n failed"; }
  done
  printf 'cluster_id=%s\nbrokers=%s\nkafka_port=%s\ncontroller_port=%s\nkafka_version=%s\n' \
    "$id" "$brokers" "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT" "$KAFKA_VERSION" >"$CLUSTER_ENV"
}

broker_started_since() { # broker_started_since N OFFSET : the broker logged its start after byte OFFSET (-1: any)
  port_open "$(broker_port "$1")" || return 1
  (($2 < 0)) || tail -c +"$(($2 + 1))" "$LOG_DIR/broker-$1.log" 2>/dev/null | grep -q 'Kafka Server started'
}

declare -A BROKER_T0=() BROKER_OFF=()
start_broker() { # start_broker N : starts it unless running; BROKER_T0/OFF remember what to wait for
  local n=$1 svc port
  svc="broker-$n"
  port=$(broker_port "$n")
  if our_pid "$svc" >/dev/null; then
    say "kafka: broker $n already running (pid $(our_pid "$svc")) on 127.0.0.1:$port"
    BROKER_OFF[$n]=-1 # only wait for its port
    BROKER_T0[$n]=$(now_ms)
    return 0
  fi
  if port_open "$port"; then
    say "kafka: 127.0.0.1:$port already answers (not started by this script), leaving it alone"
    return 0
  fi
  [[ -f $KAFKA_DIR/broker-$n/server.properties ]] || die "no broker $n in $KAFKA_DIR (cluster has $(broker_count) node(s))"
  kafka_java
  BROKER_OFF[$n]=$(log_size "$LOG_DIR/$svc.log")
  BROKER_T0[$n]=$(now_ms)
  say "kafka: starting broker $n on 127.0.0.1:$port (controller 127.0.0.1:$(controller_port "$n"))"
  local -a jvm
  mkdir -p "$PID_DIR"
  mapfile -t jvm < <(cds_args "$svc" "$KAFKA_DIST" "$KAFKA_JAVA_BIN"; kafka_jvm "$svc" "$KAFKA_HEAP_OPTS")
  spawn "$svc" "$KAFKA_JAVA_BIN" "${jvm[@]}" kafka.Kafka "$KAFKA_DIR/broker-$n/server.properties"
}
wait_broker() {
  local n=$1
  [[ -n ${BROKER_T0[$n]:-} ]] || return 0
  wait_ready "broker-$n" "${BROKER_T0[$n]}" broker_started_since "$n" "${BROKER_OFF[$n]}"
  [[ ${BROKER_OFF[$n]} == -1 ]] || say "kafka: broker $n ready on 127.0.0.1:$(broker_port "$n") in $(since "${BROKER_T0[$n]}")"
  unset "BROKER_T0[$n]"
}

# ---------------------------------------------------------------------------------------------- registry

registry_url() { echo "http://127.0.0.1:$SCHEMA_REGISTRY_PORT/apis/ccompat/v7"; }
registry_answers() { curl -fsS -o /dev/null --max-time 2 "$(registry_url)/subjects" 2>/dev/null; }
REGISTRY_T0="" REGISTRY_QUIET=0
start_registry() {
  local dir
  skipped registry && return 0
  if our_pid registry >/dev/null; then
    say "registry: already running (pid $(our_pid registry)) on 127.0.0.1:$SCHEMA_REGISTRY_PORT"
    REGISTRY_T0=$(now_ms) REGISTRY_QUIET=1
    return 0
  fi
  if port_open "$SCHEMA_REGISTRY_PORT"; then say "registry: 127.0.0.1:$SCHEMA_REGISTRY_PORT already answers (not started by this script), leaving it alone"; return 0; fi
  registry_java
  dir="$KEA_STACK_DIR/registry"
  mkdir -p "$dir" "$PID_DIR"
  local -a args storage=()
  # shellcheck disable=SC2206  # option strings are split on purpose
  args=($REGISTRY_HEAP_OPTS $KEA_JVM_OPTS)
  mapfile -t -O "${#args[@]}" args < <(cds_args registry "$APICURIO_HOME" "$REGISTRY_JAVA_BIN")
  if [[ $KEA_REGISTRY_PERSIST == 1 ]]; then
    storage=("-Dapicurio.datasource.url=jdbc:h2:file:$dir/h2/registry")
  fi
  # Apicurio 3.3 settings, checked against its ccompat API (/apis/ccompat/v7) as @kafkajs/confluent-schema-registry uses it:
  # - apicurio.ccompat.legacy-id-mode.enabled stays FALSE (default): ids are then content ids, which is what
  #   Confluent does (one id per distinct schema, shared by subjects: {"type":"string"} under a-value and b-value
  #   both get id 1; /schemas/ids/1/versions lists both). Legacy mode returns global ids, one per subject version,
  #   so the same schema gets a new id in every subject: unlike Confluent.
  # - Equivalent spellings ({"type":"string"}, "string", extra whitespace) already resolve to the same id, so
  #   apicurio.ccompat.use-canonical-hash is left false.
  # - Confluent's default compatibility is BACKWARD; Apicurio has no global rule (answers NONE): set BACKWARD.
  # - DELETE /subjects/..(?permanent=true) works in ccompat with the defaults; the apicurio.rest.deletion.*
  #   switches (default false) gate Apicurio's own v3 REST API: enabled so a local registry can be cleaned up.
  # - ccompat caps GET /subjects at 1000 subjects by default: raised.
  # - The Quarkus management interface listens on 0.0.0.0:9000 by default: moved to loopback.
  spawn registry "$REGISTRY_JAVA_BIN" "${args[@]}" \
    "-Dkea.stack.dir=$KEA_STACK_DIR" -Dkea.service=registry \
    -Dquarkus.http.host=127.0.0.1 "-Dquarkus.http.port=$SCHEMA_REGISTRY_PORT" \
    -Dquarkus.management.host=127.0.0.1 "-Dquarkus.management.port=$SCHEMA_REGISTRY_MANAGEMENT_PORT" \
    -Dapicurio.rules.global.compatibility=BACKWARD \
    -Dapicurio.ccompat.max-subjects=100000 \
    -Dapicurio.rest.deletion.group.enabled=true \
    -Dapicurio.rest.deletion.artifact.enabled=true \
    -Dapicurio.rest.deletion.artifact-version.enabled=true \
    "-Dapicurio.storage.snapshot.location=$dir" \
    "-Dquarkus.log.console.format=%d{yyyy-MM-dd HH:mm:ss,SSS} %-5p [%c{2.}] (%t) %s%e%n" \
    "${storage[@]}" \
    -jar "$APICURIO_HOME/quarkus-run.jar"
  # Quarkus logs to stdout: the .out file is its log.
  ln -sfn registry.out "$LOG_DIR/registry.log"
  REGISTRY_T0=$(now_ms)
  say "registry: starting Apicurio Registry $APICURIO_VERSION on 127.0.0.1:$SCHEMA_REGISTRY_PORT"
}
wait_registry() {
  [[ -n $REGISTRY_T0 ]] || return 0
  wait_ready registry "$REGISTRY_T0" registry_answers
  ((REGISTRY_QUIET)) || say "registry: ready at $(registry_url) in $(since "$REGISTRY_T0")"
  REGISTRY_T0=""
}

# ---------------------------------------------------------------------------------------------- connect

connect_url() { echo "http://127.0.0.1:$CONNECT_PORT"; }
connect_answers() { curl -fsS -o /dev/null --max-time 2 "$(connect_url)/connectors" 2>/dev/null; }
CONNECT_T0="" CONNECT_QUIET=0
start_connect() {
  local rf props
  skipped connect && return 0
  if our_pid connect >/dev/null; then
    say "connect: already running (pid $(our_pid connect)) on 127.0.0.1:$CONNECT_PORT"
    CONNECT_T0=$(now_ms) CONNECT_QUIET=1
    return 0
  fi
  if port_open "$CONNECT_PORT"; then say "connect: 127.0.0.1:$CONNECT_PORT already answers (not started by this script), leaving it alone"; return 0; fi
  kafka_java
  rf=$(min 3 "$(broker_count)")
  mkdir -p "$KEA_STACK_DIR/connect"
  props="$KEA_STACK_DIR/connect/connect-distributed.properties"
  cat >"$props" <<EOF
# Generated by scripts/stack.sh: one distributed-mode worker; the FileStream connectors are on its classpath.
bootstrap.servers=$(bootstrap_servers)
group.id=kea-connect
listeners=http://127.0.0.1:$CONNECT_PORT
rest.advertised.host.name=127.0.0.1
rest.advertised.port=$CONNECT_PORT
key.converter=org.apache.kafka.connect.json.JsonConverter
value.converter=org.apache.kafka.connect.json.JsonConverter
key.converter.schemas.enable=true
value.converter.schemas.enable=true
config.storage.topic=connect-configs
config.storage.replication.factor=$rf
offset.storage.topic=connect-offsets
offset.storage.replication.factor=$rf
offset.storage.partitions=5
status.storage.topic=connect-status
status.storage.replication.factor=$rf
status.storage.partitions=5
offset.flush.interval.ms=5000
# Connectors are found through their META-INF/services entries: no reflective scan of the whole classpath.
plugin.discovery=service_load
EOF
  local -a jvm
  mkdir -p "$PID_DIR"
  mapfile -t jvm < <(cds_args connect "$KAFKA_DIST" "$KAFKA_JAVA_BIN"; kafka_jvm connect "$CONNECT_HEAP_OPTS")
  CONNECT_T0=$(now_ms)
  say "connect: starting Kafka Connect (distributed) on 127.0.0.1:$CONNECT_PORT"
  spawn connect "$KAFKA_JAVA_BIN" "${jvm[@]}" org.apache.kafka.connect.cli.ConnectDistributed "$props"
}
wait_connect() {
  [[ -n $CONNECT_T0 ]] || return 0
  wait_ready connect "$CONNECT_T0" connect_answers
  ((CONNECT_QUIET)) || say "connect: ready at $(connect_url) in $(since "$CONNECT_T0")"
  CONNECT_T0=""
}

# ---------------------------------------------------------------------------------------------- commands

lock() {
  mkdir -p "$KEA_STACK_DIR"
  [[ -f $KEA_STACK_DIR/.kea-stack ]] || echo "data dir of scripts/stack.sh (Kafka Event Architect); 'scripts/stack.sh wipe' deletes it" >"$KEA_STACK_DIR/.kea-stack"
  exec 9>"$KEA_STACK_DIR/.lock"
  flock -w 300 9 || die "another scripts/stack.sh holds $KEA_STACK_DIR/.lock"
}

check_tools() {
  need curl
  need setsid
  need flock
}

cmd_up() {
  local t0 n brokers
  while (($#)); do
    case $1 in
      --brokers) KEA_BROKERS=${2:?--brokers needs a number} KEA_BROKERS_GIVEN=1; shift 2 ;;
      --brokers=*) KEA_BROKERS=${1#*=} KEA_BROKERS_GIVEN=1; shift ;;
      *) die "up: unknown argument $1" ;;
    esac
  done
  [[ $KEA_BROKERS =~ ^[1-9]$ ]] || die "KEA_BROKERS must be 1..9 (got $KEA_BROKERS)"
  check_tools
  t0=$(now_ms)
  fetch_all
  lock
  kafka_check_recorded "$KEA_BROKERS"
  start_registry # the slowest to start and does not need Kafka: first
  kafka_format "$KEA_BROKERS"
  brokers=$(broker_count)
  for ((n = 1; n <= brokers; n++)); do start_broker "$n"; done
  for ((n = 1; n <= brokers; n++)); do wait_broker "$n"; done
  start_connect
  wait_registry
  wait_connect
  say "stack: up in $(since "$t0") — kafka $(bootstrap_servers)$(skipped registry || echo ", registry $(registry_url)")$(skipped connect || echo ", connect $(connect_url)")"
}

services() { # every service that may have a pid file, brokers first
  local n brokers f
  brokers=$(broker_count)
  for ((n = 1; n <= brokers; n++)); do echo "broker-$n"; done
  for f in "$PID_DIR"/broker-*.pid; do
    [[ -f $f ]] || continue
    n=${f##*/broker-}; n=${n%.pid}
    ((n > brokers)) && echo "broker-$n"
  done
  echo registry
  echo connect
}

cmd_down() {
  [[ -d $KEA_STACK_DIR ]] || { say "stack: nothing to stop ($KEA_STACK_DIR does not exist)"; return 0; }
  lock
  local -a brokers=()
  local s
  while read -r s; do [[ $s == broker-* ]] && brokers+=("$s"); done < <(services)
  # Connect first (it would only log errors once Kafka is gone), with the registry, then all brokers at once
  # (with 3 nodes the last Raft leader still waits up to 5 s for voters that are gone: about 9 s in all).
  stop_pids connect registry
  stop_pids "${brokers[@]}"
  say "stack: down"
}

cmd_status() {
  local s pid addr state
  while read -r s; do
    case $s in
      broker-*) addr="127.0.0.1:$(broker_port "${s#broker-}")" ;;
      registry) addr="$(registry_url)"; skipped registry && continue ;;
      connect) addr="$(connect_url)"; skipped connect && continue ;;
    esac
    if pid=$(our_pid "$s"); then
      state=up
    else
      pid=-
      state=down
      case $s in
        broker-*) port_open "${addr##*:}" && state="answering (not ours)" ;;
        registry) registry_answers 2>/dev/null && state="answering (not ours)" ;;
        connect) connect_answers 2>/dev/null && state="answering (not ours)" ;;
      esac
    fi
    printf '%-10s %-22s pid %-8s %s\n' "$s" "$state" "$pid" "$addr"
  done < <(services)
  printf 'data: %s   cache: %s\n' "$KEA_STACK_DIR" "$KEA_CACHE_DIR"
}

cmd_logs() {
  local follow=0 lines=${KEA_LOG_LINES:-100} s
  local -a files=()
  while (($#)); do
    case $1 in
      -f | --follow) follow=1 ;;
      -n) lines=$2; shift ;;
      *) s=$1 ;;
    esac
    shift
  done
  if [[ -n ${s:-} ]]; then
    [[ $s == kafka ]] && s=broker-1
    [[ $s =~ ^[0-9]+$ ]] && s=broker-$s
    [[ -e $LOG_DIR/$s.log ]] || die "no log for '$s' in $LOG_DIR (services: $(services | tr '\n' ' '))"
    files=("$LOG_DIR/$s.log")
    [[ $s != registry && -s $LOG_DIR/$s.out ]] && files+=("$LOG_DIR/$s.out")
  else
    for s in $(services); do [[ -e $LOG_DIR/$s.log ]] && files+=("$LOG_DIR/$s.log"); done
  fi
  ((${#files[@]})) || die "no logs yet in $LOG_DIR"
  if ((follow)); then exec tail -n "$lines" -F "${files[@]}"; else tail -n "$lines" "${files[@]}"; fi
}

cmd_wipe() {
  cmd_down
  [[ -d $KEA_STACK_DIR ]] || return 0
  [[ -f $KEA_STACK_DIR/.kea-stack ]] || die "$KEA_STACK_DIR has no .kea-stack marker: not deleting it"
  rm -rf "$KEA_STACK_DIR"
  say "stack: deleted $KEA_STACK_DIR"
}

cmd_stop_broker() {
  local n=${1:?stop-broker needs a node id}
  lock
  our_pid "broker-$n" >/dev/null || { say "kafka: broker $n is not running"; return 0; }
  say "kafka: stopping broker $n (127.0.0.1:$(broker_port "$n"))"
  stop_pids "broker-$n"
}

cmd_start_broker() {
  local n=${1:?start-broker needs a node id}
  check_tools
  fetch_kafka
  lock
  [[ -f $CLUSTER_ENV ]] || die "no cluster in $KEA_STACK_DIR: run 'scripts/stack.sh up' first"
  start_broker "$n"
  wait_broker "$n"
}

cmd_env() {
  echo "KAFKA_BOOTSTRAP_SERVERS=$(bootstrap_servers)"
  skipped registry || echo "SCHEMA_REGISTRY_URL=$(registry_url)"
  skipped connect || echo "CONNECT_URL=$(connect_url)"
}

usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; }

main() {
  local cmd=${1:-help}
  (($#)) && shift
  case $cmd in
    up) cmd_up "$@" ;;
    down | stop) cmd_down ;;
    status) cmd_status ;;
    logs) cmd_logs "$@" ;;
    fetch) check_tools; fetch_all ;;
    wipe) cmd_wipe ;;
    stop-broker) cmd_stop_broker "$@" ;;
    start-broker) cmd_start_broker "$@" ;;
    run-class) fetch_kafka; run_tool "$@" ;;
    env) cmd_env ;;
    help | -h | --help) usage ;;
    *) usage >&2; exit 2 ;;
  esac
}

main "$@"
