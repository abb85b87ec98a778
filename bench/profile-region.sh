#!/usr/bin/env bash
# Where the time of the province's comparison page goes: its first view (every bureau's figures computed) and its
# warm views under wrk, with Java Flight Recorder on the JVM and pg_stat_statements on PostgreSQL. Reuses the
# province of the last bench/run.sh (database cq of bench/out/pg, stopped or not; its 100 bureaus and the province's
# account).
#
#   BENCH_JAR=… bench/profile-region.sh [QUARTER]    (default 2024-Q1, the quarter bench/run.sh measures)
#
# Prints the first view's wall time, the database's share and top statements, the warm views' requests per second,
# and the hottest Java frames of the warm phase; keeps the recordings in bench/out/profile/region-*.jfr.
set -uo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/profile-common.sh"
QUARTER=${1:-2024-Q1}

"${PG_AS[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" stop -m fast >/dev/null 2>&1
"${PG_AS[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" -l "$OUT/pg/postgres.log" -w \
	-o "-c shared_preload_libraries=pg_stat_statements" start >/dev/null || exit 1
trap '[ -n "${APP:-}" ] && kill "$APP" 2>/dev/null; psql_ -d cq -c "drop extension if exists pg_stat_statements" >/dev/null 2>&1; "${PG_AS[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" stop -m fast >/dev/null 2>&1' EXIT
psql_ -d cq -c "create extension if not exists pg_stat_statements" >/dev/null

PORT=$(( 20000 + RANDOM % 30000 ))
BASE="http://127.0.0.1:$PORT"
JFR_FIRST="$PROF/region-first.jfr"
( cd "$PROF" && CQ_DATA_DIR="$PROF/data-region" exec java -XX:+ExitOnOutOfMemoryError -Xmx512m \
	-XX:StartFlightRecording=name=first,filename="$JFR_FIRST",settings=profile -jar "$JAR" \
	--server.address=127.0.0.1 --server.port=$PORT --spring.datasource.url="jdbc:postgresql://127.0.0.1:$PGPORT/cq" \
	--spring.datasource.username=cq_app --spring.datasource.password=bench-app-role \
	--spring.flyway.url="jdbc:postgresql://127.0.0.1:$PGPORT/cq" --spring.flyway.user=postgres --spring.flyway.password= \
	> "$PROF/app-region.log" 2>&1 ) &
APP=$!
until curl -s "$BASE/actuator/health" | grep -q UP; do kill -0 $APP 2>/dev/null || { echo "app died, see $PROF/app-region.log"; exit 1; }; sleep 0.5; done

JAR_COOKIES="$PROF/region-cookies.txt"
rm -f "$JAR_COOKIES"
csrf=$(curl -s -c "$JAR_COOKIES" -b "$JAR_COOKIES" "$BASE/login" | grep -o '<input[^>]*name="_csrf"[^>]*>' | grep -o 'value="[^"]*"' | head -1 | cut -d'"' -f2)
curl -s -o /dev/null -c "$JAR_COOKIES" -b "$JAR_COOKIES" --data-urlencode "username=province" \
	--data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$csrf" "$BASE/login"
SESSION=$(awk '$6 == "JSESSIONID" { print $7 }' "$JAR_COOKIES" | tail -1)
[ -n "$SESSION" ] || { echo "sign-in as province failed"; exit 1; }

psql_ -d cq -c "select pg_stat_statements_reset()" > /dev/null
echo "first view of /region?quarter=$QUARTER (the page, then its question every second until the comparison is there):"
t0=$(date +%s.%N)
curl -s -H "Cookie: JSESSIONID=$SESSION" -o "$PROF/region.html" -w 'page: HTTP %{http_code}, %{time_total} s, %{size_download} bytes\n' \
	"$BASE/region?quarter=$QUARTER"
while grep -q 'id="region-computing"' "$PROF/region.html"; do
	sleep 1
	curl -s -H "Cookie: JSESSIONID=$SESSION" -H "HX-Request: true" -o "$PROF/region.html" "$BASE/region?quarter=$QUARTER"
	grep -o '已完成 [0-9]* / [0-9]*' "$PROF/region.html" | tr '\n' ' '
done
echo; echo "comparison there after $(echo "$(date +%s.%N) - $t0" | bc) s ($(stat -c %s "$PROF/region.html") bytes)"
psql_ -d cq -c "select round(sum(total_exec_time)::numeric / 1000, 1) as db_exec_s, sum(calls) as statements from pg_stat_statements"
psql_ -d cq -c "select round(total_exec_time::numeric / 1000, 2) as s, calls, rows, left(regexp_replace(query, '\s+', ' ', 'g'), 140) as statement
	from pg_stat_statements order by total_exec_time desc limit 15"
jcmd "$APP" JFR.stop name=first > /dev/null 2>&1 || true
# the JVM pid is the java child of the subshell
JPID=$(pgrep -P "$APP" java || echo "$APP")
jcmd "$JPID" JFR.stop name=first > /dev/null 2>&1 || true

echo "the menu's /region (no quarter: the default is every bureau's latest quarter), statements of a second view:"
while curl -s -H "Cookie: JSESSIONID=$SESSION" "$BASE/region" | grep -q 'id="region-computing"'; do sleep 1; done
psql_ -d cq -c "select pg_stat_statements_reset()" > /dev/null
curl -s -o /dev/null -H "Cookie: JSESSIONID=$SESSION" -w 'HTTP %{http_code}, %{time_total} s\n' "$BASE/region"
psql_ -d cq -At -c "select sum(calls) from pg_stat_statements where query not like '%pg_stat_statements%'"

echo "warm views (wrk, 50 connections, 20 s after 10 s of warm-up):"
wrk -t2 -c50 -d10s --timeout 10s -H "Cookie: JSESSIONID=$SESSION" "$BASE/region?quarter=$QUARTER" > /dev/null 2>&1
jcmd "$JPID" JFR.start name=warm settings=profile filename="$PROF/region-warm.jfr" > /dev/null
wrk -t2 -c50 -d20s --timeout 10s --latency -H "Cookie: JSESSIONID=$SESSION" "$BASE/region?quarter=$QUARTER" | grep -E "Requests/sec|99%|50%|Non-2xx"
jcmd "$JPID" JFR.stop name=warm > /dev/null
echo "health with the cookie, for the ratio:"
wrk -t2 -c50 -d10s --timeout 10s -H "Cookie: JSESSIONID=$SESSION" "$BASE/actuator/health" | grep -E "Requests/sec"
kill "$APP"; wait "$APP" 2>/dev/null; APP=""
for rec in first warm; do
	echo "hottest frames (self) of the $rec phase:"
	jfr print --events jdk.ExecutionSample --stack-depth 1 "$PROF/region-$rec.jfr" \
		| awk '/stackTrace = \[/ { getline; sub(/^ +/, ""); sub(/line:.*/, ""); n[$0]++; t++ } END { for (f in n) printf "%6.1f%%  %s\n", 100 * n[f] / t, f }' \
		| sort -rn | head -20
	echo "frames of the project anywhere on the stack (inclusive), $rec phase:"
	jfr print --events jdk.ExecutionSample --stack-depth 96 "$PROF/region-$rec.jfr" \
		| awk '/jdk.ExecutionSample/ { t++; delete seen } /(cn\.wucheng|thymeleaf\.engine\.TemplateManager\.parseAndProcess|MessageSource|LinkBuilder)/ { f = $0; sub(/^ +/, "", f); sub(/line:.*/, "", f); sub(/\(.*/, "", f); if (!(f in seen)) { seen[f] = 1; n[f]++ } } END { for (f in n) printf "%6.1f%%  %s\n", 100 * n[f] / t, f }' \
		| sort -rn | head -30
done
