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

# the statements' figures are read in the database postgres (pg_stat_statements shows every database's)
pg_start_stats postgres auto_explain
psql_ -d postgres -c "drop database if exists prof" -c "create database prof"
# As bench/run.sh: the application connects as cq_app (row-level security binds it) and migrates as the owner.
psql_ -d postgres -c "do \$\$ begin if not exists (select from pg_roles where rolname = 'cq_app') then create role cq_app login; end if; end \$\$" \
	-c "alter role cq_app login nosuperuser nobypassrls noinherit password 'bench-app-role'" > /dev/null
psql_ -d prof -c "grant connect on database prof to cq_app" -c "grant usage on schema public to cq_app" \
	-c "alter default privileges for role postgres in schema public grant select, insert, update, delete on tables to cq_app" \
	-c "alter default privileges for role postgres in schema public grant usage, select on sequences to cq_app" > /dev/null

export CQ_LEGAL_PASSWORD=$PASSWORD CQ_ADMIN_PASSWORD=$PASSWORD # the fresh database's first accounts
app_start prof import -XX:StartFlightRecording=filename="$PROF/import.jfr",settings=profile,dumponexit=true \
	-- --spring.servlet.multipart.max-file-size=1GB --spring.servlet.multipart.max-request-size=1GB
for kind in domains units people; do
	curl -s -u "legal:$PASSWORD" -F "file=@$DATA/$kind.csv" "$BASE/api/v1/imports/$kind" > /dev/null
done
psql_ -d postgres -c "select pg_stat_statements_reset()" > /dev/null
echo "import of $(($(wc -l < "$DATA/cases.csv") - 1)) cases:"
curl -s -u "legal:$PASSWORD" -o "$PROF/answer.json" -w 'HTTP %{http_code}, %{time_total} s wall\n' -F "file=@$DATA/cases.csv" "$BASE/api/v1/imports/cases"
STATS="from pg_stat_statements where dbid = (select oid from pg_database where datname = 'prof')"
psql_ -d postgres -c "select round(sum(total_exec_time)::numeric / 1000, 1) as db_exec_s, sum(calls) as statements $STATS"
psql_ -d postgres -c "select round(total_exec_time::numeric / 1000, 1) as s, calls, rows, left(regexp_replace(query, '\s+', ' ', 'g'), 110) as statement
	$STATS order by total_exec_time desc limit 8"
kill "$APP"; wait "$APP" 2>/dev/null; APP=""
hot_frames "$PROF/import.jfr" "(cn[.]wucheng|org[.]postgresql|org[.]apache[.]commons[.]csv|HikariProxy|JdbcTemplate[.]batchUpdate)" 25
