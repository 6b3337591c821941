#!/usr/bin/env bash
# Side by side: one application setting at two values, on the bench database that bench/run.sh
# loaded. Two instances of the same jar run at once; the load driver drives them in alternation
# (8 clients, one instance at a time, three rounds), so the machine's noise falls on both alike.
#
#   bench/ab.sh spring.thymeleaf.servlet.produce-partial-output-while-processing true false
#
# Needs the jar (./mvnw -q -DskipTests package) and the password bench/run.sh stored for the
# database (BENCH_DB, default fugitives_bench). Prints each round's table for A and for B.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
SETTING=${1:?usage: bench/ab.sh property valueA valueB}
A_VALUE=${2:?valueA}
B_VALUE=${3:?valueB}
DB=${BENCH_DB:-fugitives_bench}
JAR=$(ls target/fugitive-tracker-*.jar | head -1)
PASSWORD=$(cat "bench/.state/$DB.password")
export BENCH_PASSWORD=$PASSWORD APP_ANALYST_PASSWORD=$PASSWORD
export SPRING_DATASOURCE_URL=${SPRING_DATASOURCE_URL:-jdbc:postgresql://127.0.0.1:5432/$DB}
PAGES=(login=/login "detail=/fugitives/${BENCH_DETAIL_ID:-50002}" "list=/fugitives?country=US&status=AT_LARGE" dashboard=/)

java -Xmx512m -jar "$JAR" --server.port=8201 "--$SETTING=$A_VALUE" > /tmp/bench-ab-a.log 2>&1 & A=$!
java -Xmx512m -jar "$JAR" --server.port=8202 "--$SETTING=$B_VALUE" > /tmp/bench-ab-b.log 2>&1 & B=$!
trap 'kill $A $B 2>/dev/null' EXIT
for port in 8201 8202; do until curl -sf "localhost:$port/actuator/health" > /dev/null; do sleep 1; done; done

drive() { # PORT SECONDS
  java bench/LoadDriver.java --base "http://localhost:$1" --user analyst --clients 8 --warmup 2 --duration "$2" \
    --single 0 "${PAGES[@]}" 2> /dev/null
}
drive 8201 8 > /dev/null # the JIT compiler's first minute, on both
drive 8202 8 > /dev/null
for round in 1 2 3; do
  echo "## round $round A ($SETTING=$A_VALUE)"; drive 8201 8
  echo "## round $round B ($SETTING=$B_VALUE)"; drive 8202 8
done
