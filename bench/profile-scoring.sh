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

pg_start_stats cq
JFR="$PROF/scoring.jfr"
app_start cq scoring
sign_in province
mapfile -t CODES < <(psql_ -d cq -At -c "select b.code from bureau b where exists (select from case_file c where c.bureau_id = b.id) order by b.code")

calls() { # QUARTER LABEL: the three calls for each bureau in bench/run.sh's order (one connection per bureau), seconds summed per call
	for code in "${CODES[@]}"; do
		curl -s -H "Cookie: JSESSIONID=$SESSION" -w '%{url} %{time_total}\n' \
			-o /dev/null "$BASE/api/v1/scores?period=$1&bureau=$code" -o /dev/null "$BASE/api/v1/rankings?period=$1&bureau=$code" \
			-o /dev/null "$BASE/api/v1/standards?period=$1&bureau=$code"
	done | sed -E 's|^[^ ]*/api/v1/([a-z]+)\?[^ ]* |\1 |' \
		| awk -v q="$1" -v l="$2" -v n="${#CODES[@]}" '{ s[$1] += $2; t += $2 } END { printf "%s %s: scores %.3f s, rankings %.3f s, standards %.3f s, all %.3f s over %d bureaus\n", q, l, s["scores"], s["rankings"], s["standards"], t, n }'
}
jcmd "$APP" JFR.start name=scoring settings=profile filename="$JFR" > /dev/null # the calls only, not the start
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
jcmd "$APP" JFR.stop name=scoring > /dev/null 2>&1 || true
kill "$APP"; wait "$APP" 2>/dev/null; APP=""
hot_frames "$JFR" "cn[.]wucheng" 30
