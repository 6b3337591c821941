#!/usr/bin/env bash
# The benchmark of issue 8 (see bench/README.md): build, load N synthetic fugitives, start the
# application with -Xmx512m, capture the SQL each page issues, drive every page with concurrent
# clients, replay the SQL under EXPLAIN (ANALYZE, BUFFERS), and write a markdown report.
#
#   bench/run.sh [N]            N synthetic fugitives (default 100000)
#
# Settings (environment): BENCH_DB (fugitives_bench), BENCH_PORT (18080), BENCH_CLIENTS (16),
# BENCH_JIT_WARMUP (40 s, all pages), BENCH_WARMUP (5 s), BENCH_DURATION (20 s per page),
# BENCH_SINGLE (20 sequential requests per page for the page/SQL ratio), BENCH_CSV_REQUESTS (48),
# BENCH_SEARCH (zhang), BENCH_EXPLAIN_RUNS (5), BENCH_PAGES (bench/pages.txt),
# BENCH_OUT (bench/results/<time>-n<N>), BENCH_SKIP_BUILD=1, BENCH_SKIP_LOAD=1 (reuse the database
# as it is), BENCH_SKIP_CDS=1 (no class data sharing start), BENCH_PASSWORD, PGHOST/PGPORT/PGUSER,
# BENCH_PG_LOG (the server log; found with pg_lsclusters), BENCH_DROP_AFTER=1 (drop the database).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

N=${1:-${BENCH_N:-100000}}
DB=${BENCH_DB:-fugitives_bench}
PORT=${BENCH_PORT:-18080}
CLIENTS=${BENCH_CLIENTS:-16}
WARMUP=${BENCH_WARMUP:-5}
DURATION=${BENCH_DURATION:-20}
JIT_WARMUP=${BENCH_JIT_WARMUP:-40}
SINGLE=${BENCH_SINGLE:-20}
CSV_REQUESTS=${BENCH_CSV_REQUESTS:-48}
SEARCH=${BENCH_SEARCH:-zhang}
EXPLAIN_RUNS=${BENCH_EXPLAIN_RUNS:-5}
PAGES=${BENCH_PAGES:-$ROOT/bench/pages.txt}
export PGHOST=${PGHOST:-localhost} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
OUT=${BENCH_OUT:-$ROOT/bench/results/$(date -u +%Y%m%dT%H%M%SZ)-n$N}
mkdir -p "$OUT" "$ROOT/bench/.state"
BASE="http://localhost:$PORT"
JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB"
APP_PID=

since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}'; }
log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
sql() { psql -X -q -At -d "$DB" -c "$1"; }
stop_app() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=
}
trap stop_app EXIT

# The analyst's password: the bootstrap account gets it when the application first starts on the
# new database, so it is kept per database.
PASSWORD_FILE="$ROOT/bench/.state/$DB.password"
if [[ -n "${BENCH_PASSWORD:-}" ]]; then
  PASSWORD=$BENCH_PASSWORD
elif [[ -f "$PASSWORD_FILE" ]]; then
  PASSWORD=$(cat "$PASSWORD_FILE")
else
  PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
fi
export BENCH_PASSWORD=$PASSWORD APP_ANALYST_PASSWORD=$PASSWORD

PG_LOG=${BENCH_PG_LOG:-$(pg_lsclusters --no-header 2>/dev/null | awk -v p="$PGPORT" '$3==p {print $7; exit}')}

# --- (a) build -------------------------------------------------------------------------------
if [[ "${BENCH_SKIP_BUILD:-}" != 1 ]]; then
  log "building the jar"
  ./mvnw -q -DskipTests package
fi
JAR=$(ls target/fugitive-tracker-*.jar | grep -v plain | head -1)

# --- (b) load N synthetic fugitives ------------------------------------------------------------
LOAD_REPORT="$OUT/generator.md"
if [[ "${BENCH_SKIP_LOAD:-}" != 1 ]]; then
  log "loading $N synthetic fugitives into a new database $DB"
  psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
  echo "$PASSWORD" > "$PASSWORD_FILE"
  TIME=(); [[ -x /usr/bin/time ]] && TIME=(/usr/bin/time -v)
  started=$(date +%s.%N)
  SPRING_DATASOURCE_URL=$JDBC_URL "${TIME[@]}" java -jar "$JAR" --generate-synthetic="$N" > "$OUT/generator.log" 2>&1
  ended=$(date +%s.%N)
  sed -n '/^Synthetic data:/,/^Peak Java heap/p' "$OUT/generator.log" > "$LOAD_REPORT"
  {
    echo
    printf 'Whole command (JVM start, Flyway on a new database, load, exit): %.1f s' "$(awk -v a="$started" -v b="$ended" 'BEGIN {print b - a}')"
    rss=$(awk '/Maximum resident set size/ {print $NF}' "$OUT/generator.log")
    [[ -n "$rss" ]] && printf '; maximum resident set size %d MiB' $((rss / 1024))
    echo
  } >> "$LOAD_REPORT"
  log "VACUUM (ANALYZE), as autovacuum would do before the pages are used"
  started=$(date +%s.%N)
  psql -X -q -d "$DB" -c "VACUUM (ANALYZE)"
  printf '\nVACUUM (ANALYZE) after the load (sets the visibility map for index-only scans): %s s\n' \
    "$(since "$started")" >> "$LOAD_REPORT"
else
  echo "Database $DB reused as it was (BENCH_SKIP_LOAD=1)." > "$LOAD_REPORT"
fi
ROWS=$(sql "SELECT count(*) FROM fugitive")
SYNTHETIC=$(sql "SELECT count(*) FROM fugitive WHERE synthetic")
log "$DB holds $ROWS fugitives ($SYNTHETIC synthetic)"

# --- placeholders --------------------------------------------------------------------------------
DETAIL_ID=$(sql "SELECT coalesce(min(id) + (max(id) - min(id)) / 2, 1) FROM fugitive WHERE synthetic")
DEEP_PAGE=$(( ROWS * 9 / 10 / 50 ))
# a whole name as an investigator types it: the detail fugitive's, without the synthetic mark
SEARCH_NAME=$(sql "SELECT replace(split_part(name, ' (', 1), ' ', '+') FROM fugitive WHERE id = $DETAIL_ID")
urlencode() { local LC_ALL=C s=$1 out= c hex i; for ((i = 0; i < ${#s}; i++)); do c=${s:i:1}
  case $c in [a-zA-Z0-9.~_-]) out+=$c ;; *) printf -v hex '%%%02X' "'$c"; out+=$hex ;; esac; done; echo "$out"; }
# and the same person's name in Chinese characters, where the generator gave one
SEARCH_NAME_ZH=$(urlencode "$(sql "SELECT coalesce(native_name, '') FROM fugitive WHERE id = $DETAIL_ID")")
CSV_CHOICE=$(sql "
  WITH c AS (
    SELECT '' AS q, count(*) AS n FROM fugitive
    UNION ALL SELECT 'status=' || status, count(*) FROM fugitive GROUP BY status
    UNION ALL SELECT 'country=' || country_code, count(*) FROM fugitive_destination GROUP BY country_code
    UNION ALL SELECT 'country=' || d.country_code || '&status=' || f.status, count(*)
              FROM fugitive_destination d JOIN fugitive f ON f.id = d.fugitive_id GROUP BY d.country_code, f.status)
  SELECT q || '|' || n FROM c ORDER BY abs(n - 100000), q LIMIT 1")
CSV_QUERY=${CSV_CHOICE%|*}; CSV_ROWS=${CSV_CHOICE#*|}
declare -a NAMES=() PATHS=()
while IFS=$'\t' read -r name path; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  # replacements quoted: bash 5.2 would otherwise put the matched text in place of each "&"
  path=${path//\{detail_id\}/"$DETAIL_ID"}; path=${path//\{deep_page\}/"$DEEP_PAGE"}
  path=${path//\{search\}/"$SEARCH"}; path=${path//\{search_name\}/"$SEARCH_NAME"}
  path=${path//\{search_name_zh\}/"$SEARCH_NAME_ZH"}
  path=${path//\{csv_query\}/"$CSV_QUERY"}
  NAMES+=("$name"); PATHS+=("$path")
done < "$PAGES"

STARTUP=
APP_JAR=$JAR
JVM_OPTIONS=()
start_app() { # NAME [application arguments]: starts it in the background, sets APP_PID and STARTUP
  local started
  started=$(date +%s.%N)
  SPRING_DATASOURCE_URL=$JDBC_URL java -Xmx512m -Xlog:gc:file="$OUT/gc-$1.log" "${JVM_OPTIONS[@]}" -jar "$APP_JAR" \
    --server.port="$PORT" "${@:2}" > "$OUT/app-$1.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 1200); do
    if curl -sf -o /dev/null "$BASE/actuator/health"; then
      STARTUP=$(since "$started")
      return 0
    fi
    kill -0 "$APP_PID" 2>/dev/null || { log "the application stopped: see $OUT/app-$1.log"; exit 1; }
    sleep 0.1
  done
  log "no answer from $BASE/actuator/health after 120 s"; exit 1
}

# --- (e, first half) capture the SQL each page issues --------------------------------------------
# A first start with every statement of the application's connections logged by PostgreSQL;
# each page is requested once to warm up, then once more with the server log's growth kept.
log "capturing the SQL of each page (log_statement = 'all' on the application's connections)"
start_app capture "--spring.datasource.hikari.connection-init-sql=SET log_statement = 'all'"
JAR_COOKIES="$OUT/cookies.txt"
csrf=$(curl -s -c "$JAR_COOKIES" -b "$JAR_COOKIES" "$BASE/login" | grep -o 'name="_csrf"[^>]*value="[^"]*"' | sed 's/.*value="//; s/"$//' || true)
curl -s -o /dev/null -c "$JAR_COOKIES" -b "$JAR_COOKIES" --data-urlencode "username=analyst" \
  --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$csrf" "$BASE/login"
mkdir -p "$OUT/sql"
declare -A STATEMENTS=() READS=()
for i in "${!NAMES[@]}"; do
  name=${NAMES[$i]}; path=${PATHS[$i]}
  status=$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR_COOKIES" "$BASE$path")
  if [[ "$status" != 200 || ! -r "$PG_LOG" ]]; then
    STATEMENTS[$name]="n/a"; READS[$name]=0; continue
  fi
  before=$(stat -c %s "$PG_LOG")
  curl -s -o /dev/null -b "$JAR_COOKIES" "$BASE$path"
  sleep 0.3
  after=$(stat -c %s "$PG_LOG")
  tail -c +"$((before + 1))" "$PG_LOG" | head -c "$((after - before))" > "$OUT/sql/$name.log"
  read -r count reads < <(java "$ROOT/bench/SqlReplay.java" "$OUT/sql/$name.log" "$DB" "$OUT/sql/$name")
  STATEMENTS[$name]=$count; READS[$name]=$reads
done
stop_app

# --- (c) start-up --------------------------------------------------------------------------------
# First from an extracted jar with a class data sharing archive (bench/cds.sh), measured once; then
# the plain jar, on which the pages are measured.
STARTUP_CDS="not measured"
if [[ "${BENCH_SKIP_CDS:-}" != 1 ]]; then
  log "class data sharing: extracting the jar and recording the classes of one start (bench/cds.sh)"
  if SPRING_DATASOURCE_URL=$JDBC_URL bench/cds.sh "$JAR" "$OUT/cds" > /dev/null; then
    APP_JAR="$OUT/cds/$(basename "$JAR")" JVM_OPTIONS=(-XX:SharedArchiveFile="$OUT/cds/application.jsa")
    start_app cds
    STARTUP_CDS="first 200 from /actuator/health after $STARTUP s; the log says: $(grep -o 'Started [A-Za-z]* in [0-9.]* seconds' "$OUT/app-cds.log" | head -1 || true)"
    stop_app
    APP_JAR=$JAR JVM_OPTIONS=()
  else
    STARTUP_CDS="not measured: the training run failed (see $OUT/cds/training.log)"
  fi
  log "with class data sharing: $STARTUP_CDS"
fi
log "starting the application with -Xmx512m"
start_app run
STARTED_LINE=$(grep -o 'Started [A-Za-z]* in [0-9.]* seconds' "$OUT/app-run.log" | head -1 || true)
log "first 200 from /actuator/health after $STARTUP s ($STARTED_LINE)"

heap_used_kib() { jcmd "$APP_PID" GC.heap_info | awk '/garbage-first heap/ {for (i=1;i<=NF;i++) if ($i=="used") {gsub(/K,?/,"",$(i+1)); print $(i+1); exit}}'; }

# --- (d) drive the pages --------------------------------------------------------------------------
declare -a LOAD_ARGS=() CSV_ARGS=()
for i in "${!NAMES[@]}"; do
  if [[ "${NAMES[$i]}" == csv ]]; then CSV_ARGS+=("csv=${PATHS[$i]}"); else LOAD_ARGS+=("${NAMES[$i]}=${PATHS[$i]}"); fi
done
# The JIT compiler needs about a minute of CPU on two cores before the code is compiled: a round of
# every page (4 clients) first, so the first page measured does not pay for it alone.
if (( ${#LOAD_ARGS[@]} > 0 && JIT_WARMUP > 0 )); then
  log "JIT warm-up: every page but the CSV, 4 clients, ${JIT_WARMUP}s"
  java "$ROOT/bench/LoadDriver.java" --base "$BASE" --user analyst --clients 4 --warmup 0 \
    --duration "$(( JIT_WARMUP / ${#LOAD_ARGS[@]} + 1 ))" --single 0 "${LOAD_ARGS[@]}" > /dev/null
fi
log "driving ${#LOAD_ARGS[@]} pages with $CLIENTS clients, ${WARMUP}s warm-up, ${DURATION}s each"
java "$ROOT/bench/LoadDriver.java" --base "$BASE" --user analyst --clients "$CLIENTS" --warmup "$WARMUP" \
  --duration "$DURATION" --single "$SINGLE" --tsv "$OUT/pages.tsv" --cpu-pid "$APP_PID" --cpu-db "$DB" \
  "${LOAD_ARGS[@]}" > "$OUT/pages.md"
CSV_GROWTH="not measured"
if [[ ${#CSV_ARGS[@]} -gt 0 ]]; then
  # heap growth of one CSV download: live heap before it, and the largest heap left after any
  # collection while it streamed (what the download keeps), from the GC log
  jcmd "$APP_PID" GC.run > /dev/null
  baseline=$(( $(heap_used_kib) / 1024 ))
  gc_lines=$(wc -l < "$OUT/gc-run.log")
  java "$ROOT/bench/LoadDriver.java" --base "$BASE" --user analyst --clients 1 --warmup 0 --duration 600 \
    --requests 1 --single 0 --tsv "$OUT/csv-one.tsv" "${CSV_ARGS[@]}" > /dev/null
  after_max=$(tail -n +"$((gc_lines + 1))" "$OUT/gc-run.log" | grep -o '[0-9]*M->[0-9]*M' | sed 's/.*->//; s/M//' | sort -n | tail -1 || true)
  before_max=$(tail -n +"$((gc_lines + 1))" "$OUT/gc-run.log" | grep -o '[0-9]*M->' | sed 's/M->//' | sort -n | tail -1 || true)
  now=$(( $(heap_used_kib) / 1024 ))
  if [[ "$(cut -f3 "$OUT/csv-one.tsv")" != 200 ]]; then
    CSV_GROWTH="not measured (HTTP $(cut -f3 "$OUT/csv-one.tsv"))"
  elif [[ -n "$after_max" ]]; then
    CSV_GROWTH="live heap ${baseline} MiB before; largest heap after a collection during the download ${after_max} MiB (growth $((after_max - baseline)) MiB); largest heap before a collection ${before_max} MiB"
  else
    CSV_GROWTH="live heap ${baseline} MiB before; no collection during the download; heap used after it ${now} MiB (growth at most $((now - baseline)) MiB)"
  fi
  log "CSV heap: $CSV_GROWTH"
  log "driving csv with $CLIENTS clients, at most $CSV_REQUESTS requests"
  java "$ROOT/bench/LoadDriver.java" --base "$BASE" --user analyst --clients "$CLIENTS" --warmup 0 \
    --duration "$DURATION" --requests "$CSV_REQUESTS" --single 3 --tsv "$OUT/csv.tsv" "${CSV_ARGS[@]}" > "$OUT/csv.md"
  cat "$OUT/csv.tsv" >> "$OUT/pages.tsv"
fi

# --- (f) heap after the run -----------------------------------------------------------------------
HEAP_PEAK=$(grep -o '[0-9]*M->' "$OUT/gc-run.log" | sed 's/M->//' | sort -n | tail -1 || true)
HEAP_USED=$(( $(heap_used_kib) / 1024 ))
jcmd "$APP_PID" GC.run > /dev/null
HEAP_LIVE=$(( $(heap_used_kib) / 1024 ))
stop_app

# --- (e, second half) the same SQL straight in PostgreSQL -------------------------------------------
declare -A SQL_MS=()
for name in "${NAMES[@]}"; do
  file="$OUT/sql/$name.explain.sql"
  if [[ ! -s "$file" ]]; then SQL_MS[$name]=""; continue; fi
  runs=()
  for r in $(seq 1 "$EXPLAIN_RUNS"); do
    psql -X -q -d "$DB" -f "$file" > "$OUT/sql/$name.plan.txt" 2>&1
    runs+=("$(awk '/Execution Time:/ {s += $(NF-1)} END {printf "%.3f", s}' "$OUT/sql/$name.plan.txt")")
  done
  SQL_MS[$name]=$(printf '%s\n' "${runs[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
done

# --- report ---------------------------------------------------------------------------------------
REPORT="$OUT/report.md"
{
  echo "## N = $(printf "%'d" "$SYNTHETIC") synthetic fugitives ($(date -u +%Y-%m-%d))"
  echo
  echo "Machine: $(nproc) cores ($(lscpu | sed -n 's/^Model name: *//p' | head -1)), $(free -g | awk '/^Mem:/ {print $2}') GiB;" \
    "$(psql -X -At -d "$DB" -c 'SHOW server_version' | cut -d' ' -f1) PostgreSQL;" \
    "Java $(java -version 2>&1 | head -1 | cut -d'"' -f2); load average at the end $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  echo "### Load"
  echo
  cat "$LOAD_REPORT"
  echo
  echo "### Start-up (-Xmx512m)"
  echo
  echo "First 200 from /actuator/health $(printf '%.1f' "$STARTUP") s after the process started; the log says: ${STARTED_LINE:-n/a}."
  echo
  echo "From the extracted jar with a class data sharing archive (bench/cds.sh): $STARTUP_CDS."
  echo
  echo "### Pages ($CLIENTS concurrent clients, ${DURATION} s each after ${WARMUP} s warm-up)"
  echo
  # The yardstick: each page's throughput as a ratio to /login's in this run (no data, same stack).
  # CPU per request (the application's and its PostgreSQL backends') moves far less with the machine's
  # noise than throughput does; "CPU vs /login" is /login's CPU per request over the page's.
  LOGIN_RPS=$(awk -F'\t' '$1 == "login" && $3 == 200 {print $6}' "$OUT/pages.tsv")
  LOGIN_CPU=$(awk -F'\t' '$1 == "login" && $3 == 200 {print $12}' "$OUT/pages.tsv")
  echo "| page | path | req/s | vs /login | CPU ms/request | CPU vs /login | p50 ms | p95 ms | p99 ms | errors | 1 client p50 ms | SQL statements | SQL ms (EXPLAIN ANALYZE, median of $EXPLAIN_RUNS) | page / SQL |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  while IFS=$'\t' read -r name path status requests errors rps p50 p95 p99 single bytes cpu; do
    if [[ "$status" != 200 ]]; then
      echo "| $name | \`$path\` | HTTP $status: not measured (pending: endpoint not in this build) | | | | | | | | | | | |"
      continue
    fi
    cpu_versus=""
    if [[ -n "${LOGIN_CPU:-}" && -n "${cpu:-}" ]]; then cpu_versus=$(awk -v c="$cpu" -v l="$LOGIN_CPU" 'BEGIN {if (c > 0) printf "%.2f", l / c}'); fi
    sqlms=${SQL_MS[$name]:-}; ratio=""
    if [[ -n "$sqlms" ]] && awk -v s="$sqlms" 'BEGIN {exit !(s > 0)}'; then ratio=$(awk -v p="$single" -v s="$sqlms" 'BEGIN {printf "%.1f", p / s}'); fi
    versus=""
    if [[ -n "${LOGIN_RPS:-}" ]]; then versus=$(awk -v r="$rps" -v l="$LOGIN_RPS" 'BEGIN {if (l > 0) printf "%.2f", r / l}'); fi
    echo "| $name | \`$path\` | $rps | ${versus:-–} | ${cpu:-–} | ${cpu_versus:-–} | $p50 | $p95 | $p99 | $errors | $single | ${STATEMENTS[$name]:-n/a} (${READS[$name]:-0} read) | ${sqlms:-–} | ${ratio:-–} |"
  done < "$OUT/pages.tsv"
  echo
  echo "CSV filter: \`$CSV_QUERY\` ($(printf "%'d" "$CSV_ROWS") rows). CSV heap: $CSV_GROWTH."
  echo
  echo "### Heap"
  echo
  echo "Largest heap before a collection during the run: ${HEAP_PEAK:-n/a} MiB; after the run: $HEAP_USED MiB used, $HEAP_LIVE MiB live after a full collection (limit 512 MiB)."
} > "$REPORT"
cat "$REPORT"
log "report: $REPORT (plans and captured SQL in $OUT/sql)"

if [[ "${BENCH_DROP_AFTER:-}" == 1 ]]; then
  psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
  rm -f "$PASSWORD_FILE"
fi
