#!/usr/bin/env bash
# Side by side: one application setting at two values, on the bench database that bench/run.sh
# loaded. Two instances of the same jar run at once; wrk drives them in alternation (8
# connections, one instance at a time, BENCH_AB_ROUNDS rounds of BENCH_AB_SECONDS a page), so the
# machine's noise falls on both alike.
#
#   bench/ab.sh spring.thymeleaf.servlet.produce-partial-output-while-processing true false
#   BENCH_AB_JAR_B=/tmp/other.jar bench/ab.sh - - -     # two builds instead of two settings
#
# Needs wrk (Debian package), curl, the jar (./mvnw -q -DskipTests package) and the password
# bench/run.sh stored for the database (BENCH_DB, default fugitives_bench). Prints, per page and
# round, A's and B's requests per second and CPU milliseconds per request (the JVM's and its
# PostgreSQL backends': this machine's noise moves throughput far more than it moves CPU per
# request), each as B/A, then the median B/A of the rounds.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
SETTING=${1:?usage: bench/ab.sh property valueA valueB}
A_VALUE=${2:?valueA}
B_VALUE=${3:?valueB}
DB=${BENCH_DB:-fugitives_bench}
ROUNDS=${BENCH_AB_ROUNDS:-5}
SECONDS_A_PAGE=${BENCH_AB_SECONDS:-6}
JAR_A=${BENCH_AB_JAR_A:-$(ls target/fugitive-tracker-*.jar | head -1)}
JAR_B=${BENCH_AB_JAR_B:-$JAR_A}
PASSWORD=$(cat "bench/.state/$DB.password")
export APP_ANALYST_PASSWORD=$PASSWORD
export SPRING_DATASOURCE_URL=${SPRING_DATASOURCE_URL:-jdbc:postgresql://127.0.0.1:5432/$DB}
DETAIL_ID=${BENCH_DETAIL_ID:-$(psql -X -At -d "$DB" -c \
  "SELECT coalesce(min(id) + (max(id) - min(id)) / 2, 1) FROM fugitive WHERE synthetic")}
PAGES=(${BENCH_AB_PAGES:-login=/login "detail=/fugitives/$DETAIL_ID" "list=/fugitives?country=US&status=AT_LARGE"
  dashboard=/ "search-wang=/fugitives?q=wang"})

setting() { [[ "$SETTING" == - ]] || echo "--$SETTING=$1"; }
java -Xmx512m -jar "$JAR_A" --server.port=8201 $(setting "$A_VALUE") > /tmp/bench-ab-a.log 2>&1 & A=$!
java -Xmx512m -jar "$JAR_B" --server.port=8202 $(setting "$B_VALUE") > /tmp/bench-ab-b.log 2>&1 & B=$!
trap 'kill $A $B 2>/dev/null' EXIT
for port in 8201 8202; do until curl -sf "localhost:$port/actuator/health" > /dev/null; do sleep 1; done; done

session() { # PORT -> "SESSION=..." of a form login as analyst
  local jar token
  jar=$(mktemp)
  token=$(curl -s -c "$jar" -b "$jar" "localhost:$1/login" | grep -o 'name="_csrf"[^>]*' | grep -o 'value="[^"]*"' | cut -d'"' -f2)
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=analyst" --data-urlencode "password=$PASSWORD" \
    --data-urlencode "_csrf=$token" "localhost:$1/login"
  awk '$6 == "SESSION" {print "SESSION=" $7}' "$jar"
  rm -f "$jar"
}
COOKIE_A=$(session 8201)
COOKIE_B=$(session 8202)
# CPU time, in clock ticks, of a JVM and of every PostgreSQL backend connected to the bench database:
# the instances are driven one at a time, so the backends' growth during a run is that instance's.
cpu() { # PID
  local pids
  pids="$1 $(psql -X -At -d postgres -c "SELECT pid FROM pg_stat_activity WHERE datname = '$DB'" | tr '\n' ' ')"
  for pid in $pids; do cut -d' ' -f14,15 "/proc/$pid/stat" 2>/dev/null; done | awk '{t += $1 + $2} END {print t + 0}'
}
TICK_MS=$(awk -v hz="$(getconf CLK_TCK)" 'BEGIN {print 1000 / hz}')
rate() { # PORT COOKIE PATH SECONDS PID -> "requests/s CPU-ms/request" (non-2xx responses make it fail)
  local out before after
  before=$(cpu "$5")
  out=$(wrk -t2 -c8 -d"$4s" -H "Cookie: $2" "http://localhost:$1$3")
  after=$(cpu "$5")
  if grep -q 'Non-2xx' <<< "$out"; then echo "non-2xx answers from $1$3" >&2; exit 1; fi
  awk -v ticks=$((after - before)) -v ms="$TICK_MS" '/Requests\/sec/ {rps = $2} / requests in / {n = $1}
    END {if (n > 0) printf "%s %.2f\n", rps, ticks * ms / n; else print "0 0"}' <<< "$out"
}
for page in "${PAGES[@]}"; do # the JIT compiler's first minute, on both
  rate 8201 "$COOKIE_A" "${page#*=}" 4 $A > /dev/null; rate 8202 "$COOKIE_B" "${page#*=}" 4 $B > /dev/null
done

echo "A: $SETTING=$A_VALUE ($JAR_A); B: $SETTING=$B_VALUE ($JAR_B); wrk 8 connections, ${SECONDS_A_PAGE} s a page"
echo
echo "| page | round | A req/s | B req/s | B/A | A CPU ms/request | B CPU ms/request | B/A |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
declare -A RATIOS=() CPU_RATIOS=()
for round in $(seq "$ROUNDS"); do
  for page in "${PAGES[@]}"; do
    name=${page%%=*} path=${page#*=}
    if (( round % 2 )); then # each goes first in every other round
      a=$(rate 8201 "$COOKIE_A" "$path" "$SECONDS_A_PAGE" $A); b=$(rate 8202 "$COOKIE_B" "$path" "$SECONDS_A_PAGE" $B)
    else
      b=$(rate 8202 "$COOKIE_B" "$path" "$SECONDS_A_PAGE" $B); a=$(rate 8201 "$COOKIE_A" "$path" "$SECONDS_A_PAGE" $A)
    fi
    read -r a_rps a_cpu <<< "$a"; read -r b_rps b_cpu <<< "$b"
    ratio=$(awk -v a="$a_rps" -v b="$b_rps" 'BEGIN {if (a > 0) printf "%.2f", b / a; else print "n/a"}')
    cpu_ratio=$(awk -v a="$a_cpu" -v b="$b_cpu" 'BEGIN {if (a > 0) printf "%.2f", b / a; else print "n/a"}')
    RATIOS[$name]+="$ratio "; CPU_RATIOS[$name]+="$cpu_ratio "
    echo "| $name | $round | $a_rps | $b_rps | $ratio | $a_cpu | $b_cpu | $cpu_ratio |"
  done
done
echo
echo "| page | median B/A req/s | per round | median B/A CPU per request | per round |"
echo "|---|---:|---|---:|---|"
median() { tr ' ' '\n' <<< "$1" | grep . | sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
for page in "${PAGES[@]}"; do
  name=${page%%=*}
  echo "| $name | $(median "${RATIOS[$name]}") | ${RATIOS[$name]}| $(median "${CPU_RATIOS[$name]}") | ${CPU_RATIOS[$name]}|"
done
