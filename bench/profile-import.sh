#!/usr/bin/env bash
# Where the time of a case import goes: one import of a cases CSV through the system, with Java Flight Recorder on the
# JVM and pg_stat_statements on PostgreSQL. Reuses the cluster of the last bench/run.sh (bench/out/pg, stopped or not).
#
#   BENCH_JAR=… bench/profile-import.sh [DATA-DIR]    (default bench/out/xlsx-province: 20 bureaus, 200,000 cases)
#   BENCH_JDBC_OPTS="?reWriteBatchedInserts=true" to try a driver option
#
# Prints the wall time, the database's share (sum of statement execution times, top statements) and the hottest Java
# frames of the request thread; keeps the recording in bench/out/profile/import.jfr.
set -uo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/profile-common.sh"
DATA=${1:-$OUT/xlsx-province}

"${PG_AS[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" stop -m fast >/dev/null 2>&1
"${PG_AS[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" -l "$OUT/pg/postgres.log" -w \
	-o "-c shared_preload_libraries=auto_explain,pg_stat_statements" start >/dev/null || exit 1
trap '[ -n "${APP:-}" ] && kill "$APP" 2>/dev/null; "${PG_AS[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" stop -m fast >/dev/null 2>&1' EXIT
psql_ -d postgres -c "drop database if exists prof" -c "create database prof"
psql_ -d prof -c "create extension pg_stat_statements"
# As bench/run.sh: the application connects as cq_app (row-level security binds it) and migrates as the owner.
psql_ -d postgres -c "do \$\$ begin if not exists (select from pg_roles where rolname = 'cq_app') then create role cq_app login; end if; end \$\$" \
	-c "alter role cq_app login nosuperuser nobypassrls noinherit password 'bench-app-role'" > /dev/null
psql_ -d prof -c "grant connect on database prof to cq_app" -c "grant usage on schema public to cq_app" \
	-c "alter default privileges for role postgres in schema public grant select, insert, update, delete on tables to cq_app" \
	-c "alter default privileges for role postgres in schema public grant usage, select on sequences to cq_app" > /dev/null

PORT=$(( 20000 + RANDOM % 30000 ))
BASE="http://127.0.0.1:$PORT"
( cd "$PROF" && CQ_LEGAL_PASSWORD=$PASSWORD CQ_ADMIN_PASSWORD=$PASSWORD CQ_DATA_DIR="$PROF/data" exec java -XX:+ExitOnOutOfMemoryError -Xmx512m \
	-XX:StartFlightRecording=filename="$PROF/import.jfr",settings=profile,dumponexit=true -jar "$JAR" \
	--server.address=127.0.0.1 --server.port=$PORT --spring.datasource.url="jdbc:postgresql://127.0.0.1:$PGPORT/prof${BENCH_JDBC_OPTS:-}" \
	--spring.datasource.username=cq_app --spring.datasource.password=bench-app-role \
	--spring.flyway.url="jdbc:postgresql://127.0.0.1:$PGPORT/prof" --spring.flyway.user=postgres --spring.flyway.password= \
	--spring.servlet.multipart.max-file-size=1GB --spring.servlet.multipart.max-request-size=1GB > "$PROF/app.log" 2>&1 ) &
APP=$!
until curl -s "$BASE/actuator/health" | grep -q UP; do kill -0 $APP 2>/dev/null || { echo "app died"; exit 1; }; sleep 0.5; done
for kind in domains units people; do
	curl -s -u "legal:$PASSWORD" -F "file=@$DATA/$kind.csv" "$BASE/api/v1/imports/$kind" > /dev/null
done
psql_ -d prof -c "select pg_stat_statements_reset()" > /dev/null
echo "import of $(($(wc -l < "$DATA/cases.csv") - 1)) cases:"
curl -s -u "legal:$PASSWORD" -o "$PROF/answer.json" -w 'HTTP %{http_code}, %{time_total} s wall\n' -F "file=@$DATA/cases.csv" "$BASE/api/v1/imports/cases"
psql_ -d prof -c "select round(sum(total_exec_time)::numeric / 1000, 1) as db_exec_s, sum(calls) as statements from pg_stat_statements"
psql_ -d prof -c "select round(total_exec_time::numeric / 1000, 1) as s, calls, rows, left(regexp_replace(query, '\s+', ' ', 'g'), 110) as statement
	from pg_stat_statements order by total_exec_time desc limit 8"
kill "$APP"; wait "$APP" 2>/dev/null; APP=""
echo "hottest frames (self) of the JVM during the whole run:"
jfr print --events jdk.ExecutionSample --stack-depth 1 "$PROF/import.jfr" \
	| awk '/stackTrace = \[/ { getline; sub(/^ +/, ""); sub(/line:.*/, ""); n[$0]++; t++ } END { for (f in n) printf "%6.1f%%  %s\n", 100 * n[f] / t, f }' \
	| sort -rn | head -25
echo "frames of the project and of JDBC/CSV anywhere on the stack (inclusive):"
jfr print --events jdk.ExecutionSample --stack-depth 64 "$PROF/import.jfr" \
	| awk '/jdk.ExecutionSample/ { t++; delete seen } /(cn\.wucheng|org\.postgresql|org\.apache\.commons\.csv|HikariProxy|JdbcTemplate\.batchUpdate)/ { f = $0; sub(/^ +/, "", f); sub(/line:.*/, "", f); sub(/\(.*/, "", f); if (!(f in seen)) { seen[f] = 1; n[f]++ } } END { for (f in n) printf "%6.1f%%  %s\n", 100 * n[f] / t, f }' \
	| sort -rn | head -25
