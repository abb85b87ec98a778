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

pg_start_stats cq
JFR_FIRST="$PROF/region-first.jfr"
app_start cq region -XX:StartFlightRecording=name=first,filename="$JFR_FIRST",settings=profile
sign_in province

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

echo "the menu's /region (no quarter: the default is every bureau's latest quarter), statements of a second view:"
while curl -s -H "Cookie: JSESSIONID=$SESSION" "$BASE/region" | grep -q 'id="region-computing"'; do sleep 1; done
psql_ -d cq -c "select pg_stat_statements_reset()" > /dev/null
curl -s -o /dev/null -H "Cookie: JSESSIONID=$SESSION" -w 'HTTP %{http_code}, %{time_total} s\n' "$BASE/region"
psql_ -d cq -At -c "select sum(calls) from pg_stat_statements where query not like '%pg_stat_statements%'"

echo "warm views (wrk, 50 connections, 20 s after 10 s of warm-up):"
wrk -t2 -c50 -d10s --timeout 10s -H "Cookie: JSESSIONID=$SESSION" "$BASE/region?quarter=$QUARTER" > /dev/null 2>&1
jcmd "$APP" JFR.start name=warm settings=profile filename="$PROF/region-warm.jfr" > /dev/null
wrk -t2 -c50 -d20s --timeout 10s --latency -H "Cookie: JSESSIONID=$SESSION" "$BASE/region?quarter=$QUARTER" | grep -E "Requests/sec|99%|50%|Non-2xx"
jcmd "$APP" JFR.stop name=warm > /dev/null
echo "health with the cookie, for the ratio:"
wrk -t2 -c50 -d10s --timeout 10s -H "Cookie: JSESSIONID=$SESSION" "$BASE/actuator/health" | grep -E "Requests/sec"
kill "$APP"; wait "$APP" 2>/dev/null; APP=""
for rec in first warm; do
	echo "the $rec phase:"
	hot_frames "$PROF/region-$rec.jfr" "(cn[.]wucheng|thymeleaf[.]engine[.]TemplateManager[.]parseAndProcess|MessageSource|LinkBuilder)" 25
done
