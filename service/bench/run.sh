#!/usr/bin/env bash
# The Samtrygg load benchmark, one command (docs/benchmarks.md):
#
#   sudo service/bench/run.sh [tiny|small|large] [--reuse]
#
# Runs as root: it installs wrk with apt-get if missing, starts Debian's PostgreSQL 15 (pg_ctlcluster 15 main start) and
# creates the user and database as the postgres user. Then it builds the jar if the sources changed, generates the
# municipality (timed; --reuse keeps an already generated database and only writes fresh sessions), starts the service
# with -Xmx512m on it (timed to the first healthy /healthcheck), runs wrk for each request type and for the mix, reads
# the heap and the resident memory, prints one table and writes it to service/target/bench-results.md. It stops the
# service it started. Everything listens on 127.0.0.1 only.
#
# Knobs (environment): BENCH_DURATION (default 20s per request type), BENCH_CONNECTIONS (4: two per core, so a
# type's latency is its own and not a queue of sixteen behind two cores; the mix measures load), BENCH_MIX_CONNECTIONS (32),
# BENCH_MIX_RATE (450 req/s aimed at, to sustain at least 400), BENCH_WARMUP (15s).
#
# Every run of wrk starts from the generated municipality: the activities that earlier runs logged (log-activity and the
# mix's share, all on today's evening) are deleted first. Without that, each run's situation pictures read the
# thousands of activities the runs before it had logged, 15 times a real month's, and the figures depended on run order.
set -euo pipefail

SCALE="${1:-large}"
REUSE="${2:-}"
case "$SCALE" in tiny|small|large) ;; *) echo "usage: $0 [tiny|small|large] [--reuse]" >&2; exit 2 ;; esac
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BENCH="$ROOT/service/bench"
TARGET="$ROOT/service/target"
JAR="$TARGET/samtrygg.jar"
DURATION="${BENCH_DURATION:-20s}"
CONNECTIONS="${BENCH_CONNECTIONS:-4}"
MIX_CONNECTIONS="${BENCH_MIX_CONNECTIONS:-32}"
MIX_RATE="${BENCH_MIX_RATE:-450}"
WARMUP="${BENCH_WARMUP:-15s}"
DB="samtrygg_bench_$SCALE"
DB_USER="samtrygg_bench"
DB_PASSWORD="samtrygg_bench"
PORT=18080
ADMIN_PORT=18081
SESSIONS="$TARGET/bench-sessions.txt"
RESULTS="$TARGET/bench-results.md"
export SAMTRYGG_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB"
export SAMTRYGG_DB_USER="$DB_USER"
export SAMTRYGG_DB_PASSWORD="$DB_PASSWORD"
export SAMTRYGG_PORT="$PORT"
export SAMTRYGG_ADMIN_PORT="$ADMIN_PORT"
export SAMTRYGG_SCHEDULER_NAME="samtrygg-bench"

say() { printf '\n== %s\n' "$*"; }
now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
psql_admin() { su postgres -c "psql -qAt -v ON_ERROR_STOP=1 -c \"$1\"" ; }

say "Tools"
if ! command -v wrk >/dev/null; then
    apt-get install -y wrk >/dev/null || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
fi
command -v wrk >/dev/null || { echo "wrk is missing and could not be installed" >&2; exit 1; }
pg_ctlcluster 15 main start 2>/dev/null || true
pg_lsclusters | grep -q '15 *main.*online' || { echo "PostgreSQL 15 did not start (pg_ctlcluster 15 main start)" >&2; exit 1; }
if [ "$(psql_admin "SELECT 1 FROM pg_roles WHERE rolname = '$DB_USER'")" != "1" ]; then
    psql_admin "CREATE USER $DB_USER PASSWORD '$DB_PASSWORD'"
fi
echo "wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}'), $(su postgres -c 'psql -qAt -c "SHOW server_version"'), $(java -version 2>&1 | head -1)"

say "Build"
if [ ! -f "$JAR" ] || [ -n "$(find "$ROOT/service/src/main" "$ROOT/migrations" "$ROOT/service/pom.xml" "$ROOT/pom.xml" -newer "$JAR" -print -quit)" ]; then
    (cd "$ROOT" && mvn -B -q package -DskipTests -pl service)
else
    echo "service/target/samtrygg.jar is up to date"
fi

say "Data ($SCALE)"
mkdir -p "$TARGET"
GENERATE_SECONDS="reused"
if [ "$REUSE" = "--reuse" ] && [ "$(psql_admin "SELECT 1 FROM pg_database WHERE datname = '$DB'")" = "1" ]; then
    java -Ddw.logging.level=WARN -jar "$JAR" generate "$BENCH/bench.yml" --sessions-only --sessions-file "$SESSIONS"
else
    psql_admin "DROP DATABASE IF EXISTS $DB"
    psql_admin "CREATE DATABASE $DB OWNER $DB_USER"
    start=$(now)
    java -Ddw.logging.level=WARN -jar "$JAR" generate "$BENCH/bench.yml" --scale "$SCALE" --sessions-file "$SESSIONS"
    GENERATE_SECONDS=$(seconds "$start" "$(now)")
    echo "generate took $GENERATE_SECONDS s"
    # fresh statistics, as autovacuum would have them some minutes later
    su postgres -c "psql -qAt -d $DB -c 'VACUUM ANALYZE'"
fi
TYPE_ID=$(su postgres -c "psql -qAt -d $DB -c \"SELECT MIN(id) FROM category WHERE kind = 'ACTIVITY_TYPE' AND active\"")
NOTE="Loggad av Samtryggs belastningstest: lugn kväll vid centrum."

say "Start"
LOG="$TARGET/bench-server.log"
start=$(now)
java -Xmx512m -jar "$JAR" server "$BENCH/bench.yml" >"$LOG" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
until curl -fs "http://127.0.0.1:$ADMIN_PORT/healthcheck" >/dev/null 2>&1; do
    kill -0 $SERVER 2>/dev/null || { echo "the service stopped; see $LOG" >&2; tail -20 "$LOG" >&2; exit 1; }
    sleep 0.1
done
START_SECONDS=$(seconds "$start" "$(now)")
echo "healthy after $START_SECONDS s"

memory() { # heap used/max in MB from the admin port, and the process's resident memory
    curl -fs -m 10 "http://127.0.0.1:$ADMIN_PORT/metrics" | python3 -c '
import json, sys
g = json.load(sys.stdin)["gauges"]
print("heap %d/%d MB" % (g["jvm.memory.heap.used"]["value"] / 1048576, g["jvm.memory.heap.max"]["value"] / 1048576), end="")' || echo -n "heap not read"
    echo ", RSS $(( $(ps -o rss= -p $SERVER) / 1024 )) MB"
}

forget_logged() { # the activities earlier runs logged (NOTE is theirs alone), and their dead rows
    su postgres -c "psql -qAt -d $DB -c \"DELETE FROM activity WHERE description = '$NOTE'\" -c 'VACUUM ANALYZE activity'" >/dev/null
}

run_wrk() { # type connections duration [rate]
    forget_logged
    BENCH_TYPE="$1" BENCH_SESSIONS="$SESSIONS" BENCH_TYPE_ID="$TYPE_ID" BENCH_NOTE="$NOTE" BENCH_THREADS=2 BENCH_RATE="${4:-0}" \
        wrk -t2 -c"$2" -d"$3" --timeout 5s -s "$BENCH/bench.lua" "http://127.0.0.1:$PORT" | grep '^RESULT'
}

say "Warm-up ($WARMUP of the mix, not counted)"
run_wrk mix 8 "$WARMUP" >/dev/null
echo "after warm-up: $(memory)"

say "Request types ($DURATION each, $CONNECTIONS connections)"
declare -A LINE
for type in baseline situation programme my-action-items meeting api-activities api-meetings api-action-items log-activity; do
    LINE[$type]=$(run_wrk "$type" "$CONNECTIONS" "$DURATION")
    echo "${LINE[$type]}"
done

say "Mix ($DURATION, $MIX_CONNECTIONS connections aiming at $MIX_RATE req/s)"
( sleep 10; echo "during the mix: $(memory)" > "$TARGET/bench-memory-during.txt" ) &
PROBE=$!
LINE[mix]=$(run_wrk mix "$MIX_CONNECTIONS" "$DURATION" "$MIX_RATE")
echo "${LINE[mix]}"
wait $PROBE || true # only the probe: a plain wait would wait for the server too
MEMORY_DURING=$(cat "$TARGET/bench-memory-during.txt" 2>/dev/null || echo "during the mix: not read")
MEMORY_AFTER="after the mix: $(memory)"
echo "$MEMORY_DURING"; echo "$MEMORY_AFTER"

say "Results"
field() { echo "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
base50=$(field "${LINE[baseline]}" p50); base95=$(field "${LINE[baseline]}" p95)
declare -A GOAL=([baseline]="-" [situation]="p95 ≤ 100" [programme]="p95 ≤ 150" [my-action-items]="p95 ≤ 30" [meeting]="p95 ≤ 30"
    [api-activities]="p95 ≤ 30" [api-meetings]="p95 ≤ 30" [api-action-items]="p95 ≤ 30" [log-activity]="p95 ≤ 50"
    [mix]="≥ 400 req/s, 0 errors, p99 ≤ 250")
{
    echo "Samtrygg benchmark, scale $SCALE, commit $(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo unknown), $(date -u +%Y-%m-%dT%H:%MZ)"
    echo "generate: $GENERATE_SECONDS s; start to healthy: $START_SECONDS s; $MEMORY_DURING; $MEMORY_AFTER"
    echo
    echo "| request type | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | errors | p50/baseline | p95/baseline | target |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
    for type in baseline situation programme my-action-items meeting api-activities api-meetings api-action-items log-activity mix; do
        l="${LINE[$type]}"
        p50=$(field "$l" p50); p95=$(field "$l" p95)
        errs=$(( $(field "$l" errors) + $(field "$l" socket_errors) ))
        printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$type" "$(field "$l" requests)" "$(field "$l" rps)" \
            "$p50" "$p95" "$(field "$l" p99)" "$(field "$l" max)" "$errs" \
            "$(awk -v a="$p50" -v b="$base50" 'BEGIN { printf "%.1f", a / b }')" \
            "$(awk -v a="$p95" -v b="$base95" 'BEGIN { printf "%.1f", a / b }')" "${GOAL[$type]}"
    done
} | tee "$RESULTS"
echo
echo "Written to $RESULTS"
