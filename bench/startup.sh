#!/usr/bin/env bash
# Start-up against a peer, side by side: this application's jar and another Spring Boot jar (for
# example spring-petclinic's, built with its own ./mvnw package) are started in turn, each with
# the plain `java -Xmx512m -jar`, BENCH_STARTUP_ROUNDS times (default 5), alternating which goes
# first. For each start: seconds from process start to the first 200 from /actuator/health, and
# the CPU seconds the JVM had used by then (this machine's noise moves the first far more than
# the second). Prints each start and the medians, and ours over the peer's.
#
#   bench/startup.sh /path/to/spring-petclinic-*.jar
#
# Ours runs on the bench database (BENCH_DB, default fugitives_bench: migrated, as a restart in
# production is) with the password bench/run.sh stored; the peer with its own defaults.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
PEER_JAR=${1:?usage: bench/startup.sh PEER_JAR}
ROUNDS=${BENCH_STARTUP_ROUNDS:-5}
DB=${BENCH_DB:-fugitives_bench}
JAR=$(ls target/fugitive-tracker-*.jar | grep -v plain | head -1)
export APP_ANALYST_PASSWORD=$(cat "bench/.state/$DB.password")
export SPRING_DATASOURCE_URL=${SPRING_DATASOURCE_URL:-jdbc:postgresql://127.0.0.1:5432/$DB}
TICK_S=$(awk -v hz="$(getconf CLK_TCK)" 'BEGIN {print 1 / hz}')

start() { # JAR PORT -> "wall-seconds cpu-seconds"
  local started pid
  started=$(date +%s.%N)
  java -Xmx512m -jar "$1" --server.port="$2" > "/tmp/bench-startup-$2.log" 2>&1 & pid=$!
  until curl -sf -o /dev/null "localhost:$2/actuator/health"; do
    kill -0 "$pid" 2> /dev/null || { echo "$1 stopped: see /tmp/bench-startup-$2.log" >&2; exit 1; }
    sleep 0.05
  done
  awk -v a="$started" -v b="$(date +%s.%N)" -v t="$(cut -d' ' -f14,15 "/proc/$pid/stat" | awk '{print $1 + $2}')" \
    -v tick="$TICK_S" 'BEGIN {printf "%.2f %.2f\n", b - a, t * tick}'
  kill "$pid"; wait "$pid" 2> /dev/null || true
}

echo "| round | ours: s to health | ours: CPU s | peer: s to health | peer: CPU s |"
echo "|---:|---:|---:|---:|---:|"
OURS_WALL=() OURS_CPU=() PEER_WALL=() PEER_CPU=()
for round in $(seq "$ROUNDS"); do
  if (( round % 2 )); then
    ours=$(start "$JAR" 8301); peer=$(start "$PEER_JAR" 8302)
  else
    peer=$(start "$PEER_JAR" 8302); ours=$(start "$JAR" 8301)
  fi
  read -r ow oc <<< "$ours"; read -r pw pc <<< "$peer"
  OURS_WALL+=("$ow"); OURS_CPU+=("$oc"); PEER_WALL+=("$pw"); PEER_CPU+=("$pc")
  echo "| $round | $ow | $oc | $pw | $pc |"
done
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
mw=$(median "${OURS_WALL[@]}"); mc=$(median "${OURS_CPU[@]}"); pw=$(median "${PEER_WALL[@]}"); pc=$(median "${PEER_CPU[@]}")
echo
echo "Medians: ours ${mw} s (${mc} CPU s), peer ${pw} s (${pc} CPU s); ours / peer:" \
  "$(awk -v a="$mw" -v b="$pw" 'BEGIN {printf "%.2f", a / b}') in time," \
  "$(awk -v a="$mc" -v b="$pc" 'BEGIN {printf "%.2f", a / b}') in CPU."
