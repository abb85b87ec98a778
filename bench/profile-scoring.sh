#!/usr/bin/env bash
# Where the time of the scoring figure goes: GET /api/v1/scores, /rankings and /standards for every bureau of the
# province (as the province's legal office, bureau=CODE), as bench/run.sh calls them, with Java Flight Recorder on the
# JVM and pg_stat_statements on PostgreSQL. Reuses the province of the last bench/run.sh (database cq of bench/out/pg).
#
#   BENCH_JAR=… bench/profile-scoring.sh [QUARTER…]    (default 2024-Q1 2024-Q2: a warm-up, then a quarter computed for the first time)
#
# Prints, per quarter, the three calls' seconds summed over the bureaus, the database's share and top statements of the
# last quarter, and the hottest Java frames; keeps the recording in bench/out/profile/scoring.jfr.
set -uo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/profile-common.sh"
QUARTERS=("${@:-2024-Q1}"); [ $# -eq 0 ] && QUARTERS=(2024-Q1 2024-Q2)

"${PG_AS[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" stop -m fast >/dev/null 2>&1
"${PG_AS[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" -l "$OUT/pg/postgres.log" -w \
	-o "-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track_planning=on" start >/dev/null || exit 1
trap '[ -n "${APP:-}" ] && kill "$APP" 2>/dev/null; psql_ -d cq -c "drop extension if exists pg_stat_statements" >/dev/null 2>&1; "${PG_AS[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" stop -m fast >/dev/null 2>&1' EXIT
psql_ -d cq -c "create extension if not exists pg_stat_statements" >/dev/null

PORT=$(( 20000 + RANDOM % 30000 ))
BASE="http://127.0.0.1:$PORT"
JFR="$PROF/scoring.jfr"
( cd "$PROF" && CQ_DATA_DIR="$PROF/data-scoring" exec java -XX:+ExitOnOutOfMemoryError -Xmx512m -jar "$JAR" \
	--server.address=127.0.0.1 --server.port=$PORT --spring.datasource.url="jdbc:postgresql://127.0.0.1:$PGPORT/cq" \
	--spring.datasource.username=cq_app --spring.datasource.password=bench-app-role \
	--spring.flyway.url="jdbc:postgresql://127.0.0.1:$PGPORT/cq" --spring.flyway.user=postgres --spring.flyway.password= \
	> "$PROF/app-scoring.log" 2>&1 ) &
APP=$!
until curl -s "$BASE/actuator/health" | grep -q UP; do kill -0 $APP 2>/dev/null || { echo "app died, see $PROF/app-scoring.log"; exit 1; }; sleep 0.5; done
JPID=$(pgrep -P "$APP" java || echo "$APP")

JAR_COOKIES="$PROF/scoring-cookies.txt"
rm -f "$JAR_COOKIES"
csrf=$(curl -s -c "$JAR_COOKIES" -b "$JAR_COOKIES" "$BASE/login" | grep -o '<input[^>]*name="_csrf"[^>]*>' | grep -o 'value="[^"]*"' | head -1 | cut -d'"' -f2)
curl -s -o /dev/null -c "$JAR_COOKIES" -b "$JAR_COOKIES" --data-urlencode "username=province" \
	--data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$csrf" "$BASE/login"
SESSION=$(awk '$6 == "JSESSIONID" { print $7 }' "$JAR_COOKIES" | tail -1)
[ -n "$SESSION" ] || { echo "sign-in as province failed"; exit 1; }
mapfile -t CODES < <(psql_ -d cq -At -c "select b.code from bureau b where exists (select from case_file c where c.bureau_id = b.id) order by b.code")

calls() { # QUARTER LABEL: the three calls for each bureau in bench/run.sh's order (one connection per bureau), seconds summed per call
	for code in "${CODES[@]}"; do
		curl -s -H "Cookie: JSESSIONID=$SESSION" -w '%{url} %{time_total}\n' \
			-o /dev/null "$BASE/api/v1/scores?period=$1&bureau=$code" -o /dev/null "$BASE/api/v1/rankings?period=$1&bureau=$code" \
			-o /dev/null "$BASE/api/v1/standards?period=$1&bureau=$code"
	done | sed -E 's|^[^ ]*/api/v1/([a-z]+)\?[^ ]* |\1 |' \
		| awk -v q="$1" -v l="$2" -v n="${#CODES[@]}" '{ s[$1] += $2; t += $2 } END { printf "%s %s: scores %.3f s, rankings %.3f s, standards %.3f s, all %.3f s over %d bureaus\n", q, l, s["scores"], s["rankings"], s["standards"], t, n }'
}
jcmd "$JPID" JFR.start name=scoring settings=profile filename="$JFR" > /dev/null # the calls only, not the start
for q in "${QUARTERS[@]}"; do
	psql_ -d cq -c "select pg_stat_statements_reset()" > /dev/null
	calls "$q" "first"
	calls "$q" "kept"
done
echo "a request's own cost: /actuator/health 100 times, a connection each, then all on one connection:"
for i in $(seq 100); do curl -s -o /dev/null -w '%{time_total}\n' "$BASE/actuator/health"; done \
	| awk '{ s += $1 } END { printf "a connection each: %.2f ms each\n", 1000 * s / NR }'
args=(); for i in $(seq 100); do args+=(-o /dev/null "$BASE/actuator/health"); done
curl -s -w '%{time_total}\n' "${args[@]}" | awk '{ s += $1 } END { printf "one connection: %.2f ms each\n", 1000 * s / NR }'
echo "database, last quarter (both rounds):"
psql_ -d cq -c "select round(sum(total_exec_time)::numeric / 1000, 2) as db_exec_s, round(sum(total_plan_time)::numeric / 1000, 2) as db_plan_s, sum(calls) as statements from pg_stat_statements"
psql_ -d cq -c "select round(total_exec_time::numeric / 1000, 3) as s, round(total_plan_time::numeric / 1000, 3) as plan_s, calls, rows, left(regexp_replace(query, '\s+', ' ', 'g'), 150) as statement
	from pg_stat_statements order by total_exec_time + total_plan_time desc limit 25"
jcmd "$JPID" JFR.stop name=scoring > /dev/null 2>&1 || true
kill "$APP"; wait "$APP" 2>/dev/null; APP=""
echo "hottest frames (self):"
jfr print --events jdk.ExecutionSample --stack-depth 1 "$JFR" \
	| awk '/stackTrace = \[/ { getline; sub(/^ +/, ""); sub(/line:.*/, ""); n[$0]++; t++ } END { for (f in n) printf "%6.1f%%  %s\n", 100 * n[f] / t, f }' \
	| sort -rn | head -20
echo "frames of the project anywhere on the stack (inclusive):"
jfr print --events jdk.ExecutionSample --stack-depth 96 "$JFR" \
	| awk '/jdk.ExecutionSample/ { t++; delete seen } /cn\.wucheng/ { f = $0; sub(/^ +/, "", f); sub(/line:.*/, "", f); sub(/\(.*/, "", f); if (!(f in seen)) { seen[f] = 1; n[f]++ } } END { for (f in n) printf "%6.1f%%  %s\n", 100 * n[f] / t, f }' \
	| sort -rn | head -30
