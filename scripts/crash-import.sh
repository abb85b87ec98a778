#!/usr/bin/env bash
# Fault test on a real PostgreSQL 15 (数据完整性 / 数据备份恢复): what a crash does to an import.
#
#   scripts/crash-import.sh [--cases N] [--skip-build] [--keep]
#
# 1. kill -9 of the application in the middle of a large case import (after its transaction has started writing
#    case_file rows): nothing of the file may be there afterwards (case count as before); after a restart the same
#    file imports exactly its N rows, and importing it again changes nothing (N unchanged).
# 2. PostgreSQL immediate stop (pg_ctl stop -m immediate: no checkpoint, like a power cut) right after an import was
#    answered 200: after the restart every committed row is there.
# A throwaway cluster (Debian's postgresql-15 binaries, installed with apt-get when missing) under target/crash/,
# 127.0.0.1 only; the jar from ./mvnw package. Prints PASS/FAIL per check and exits non-zero on any failure.
# Results also in target/crash/results.txt.
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT="$ROOT/target/crash"
CASES=50000
SKIP_BUILD=0
KEEP=0
while [ $# -gt 0 ]; do
	case "$1" in
		--cases) CASES=$2; shift ;;
		--skip-build) SKIP_BUILD=1 ;;
		--keep) KEEP=1 ;;
		-h|--help) sed -n '2,14p' "$0"; exit 0 ;;
		*) echo "unknown argument $1" >&2; exit 2 ;;
	esac
	shift
done
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PASSWORD='Crash-legal-2024!'
mkdir -p "$OUT/logs"
LOG="$OUT/logs/run.log"
: > "$LOG"
RESULTS="$OUT/results.txt"
: > "$RESULTS"
. "$ROOT/scripts/check-tools.sh"

# ---------------------------------------------------------------- tools, jar, data
if [ ! -x "$PGBIN/pg_ctl" ]; then
	say "installing postgresql-15 (apt-get)"
	(apt-get install -y -qq postgresql-15 || (apt-get update -qq && apt-get install -y -qq postgresql-15)) >> "$LOG" 2>&1
fi
[ -x "$PGBIN/pg_ctl" ] || { say "PostgreSQL 15 server binaries missing ($PGBIN)"; exit 1; }
cd "$ROOT"
if [ "$SKIP_BUILD" = 0 ] || ! ls target/case-quality-*.jar >/dev/null 2>&1; then
	say "building the jar (./mvnw -o -q -DskipTests package)"
	./mvnw -o -q -DskipTests package >> "$LOG" 2>&1 || { say "build failed, see $LOG"; exit 1; }
fi
JAR=$(ls "$ROOT"/target/case-quality-*.jar | grep -v plain | head -1)
DATA="$OUT/data-$CASES"
if [ ! -f "$DATA/cases.csv" ]; then
	say "generating a county bureau with $CASES cases"
	rm -rf "$DATA"; mkdir -p "$DATA"
	java -cp "$JAR" -Dloader.main=cn.wucheng.cq.demo.GenerateBureau org.springframework.boot.loader.launch.PropertiesLauncher \
		--size county --cases "$CASES" --out "$DATA" >> "$LOG" 2>&1 || { say "generator failed"; exit 1; }
fi
ROWS=$(( $(wc -l < "$DATA/cases.csv") - 1 ))
RETURN_ROWS=$(( $(wc -l < "$DATA/deductions.csv") - 1 ))

# ---------------------------------------------------------------- PostgreSQL
PGDATA="$OUT/pg/data"
PG_AS=()
if [ "$(id -u)" = 0 ]; then
	id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
	PG_AS=(runuser -u postgres --)
fi
pg_ctl_() { "${PG_AS[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" "$@"; }
[ -f "$PGDATA/postmaster.pid" ] && pg_ctl_ stop -m immediate >> "$LOG" 2>&1
rm -rf "$OUT/pg"; mkdir -p "$PGDATA"
[ ${#PG_AS[@]} -gt 0 ] && chown -R postgres "$OUT/pg"
PGPORT=$(free_port)
"${PG_AS[@]}" "$PGBIN/initdb" -D "$PGDATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >> "$LOG" 2>&1 \
	|| { say "initdb failed"; exit 1; }
{ echo "port = $PGPORT"; echo "listen_addresses = '127.0.0.1'"; echo "unix_socket_directories = '$OUT/pg'"
  echo "fsync = on"; echo "synchronous_commit = on"; } >> "$PGDATA/postgresql.conf"
[ ${#PG_AS[@]} -gt 0 ] && chown -R postgres "$OUT/pg"
pg_start() { pg_ctl_ -l "$OUT/pg/postgres.log" -w start >> "$LOG" 2>&1; }
pg_start || { say "PostgreSQL did not start"; exit 1; }
psql_() { psql -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U postgres -d cq "$@"; }
psql -X -q -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres -c "create database cq" >> "$LOG" 2>&1

APP_PID=""
cleanup() {
	[ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null && kill -9 "$APP_PID"
	[ "$KEEP" = 0 ] && pg_ctl_ stop -m fast >/dev/null 2>&1
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- the application
start_app() { # LABEL
	APP_PORT=$(free_port)
	BASE="http://127.0.0.1:$APP_PORT"
	mkdir -p "$OUT/app"
	( cd "$OUT/app" && CQ_LEGAL_PASSWORD="$PASSWORD" CQ_DATA_DIR="$OUT/app/data" exec java -XX:+ExitOnOutOfMemoryError -Xmx512m -jar "$JAR" \
		--server.address=127.0.0.1 --server.port="$APP_PORT" \
		--spring.datasource.url="jdbc:postgresql://127.0.0.1:$PGPORT/cq" --spring.datasource.username=postgres \
		--spring.datasource.password= --spring.servlet.multipart.max-file-size=1GB \
		--spring.servlet.multipart.max-request-size=1GB > "$OUT/logs/app-$1.log" 2>&1 ) &
	APP_PID=$!
	local i
	for i in $(seq 1 1200); do
		kill -0 "$APP_PID" 2>/dev/null || break
		[[ "$(curl -s -m 2 "$BASE/actuator/health" || true)" == *'"UP"'* ]] && { say "app ($1) up, pid $APP_PID"; return 0; }
		sleep 0.25
	done
	say "the app ($1) did not start, see $OUT/logs/app-$1.log"; exit 1
}
count() { psql_ -c "select count(*) from $1"; }

start_app first
for kind in domains units people; do
	r=$(import "$kind" "$DATA/$kind.csv" "$kind"); say "import $kind: $r"
	[ "${r%% *}" = 200 ] || { say "reference import failed"; exit 1; }
done
CASES_BEFORE=$(count case_file)
AUDIT_BEFORE=$(count audit_log)
SIZE_BEFORE=$(psql_ -c "select pg_relation_size('case_file')")

# ---------------------------------------------------------------- 1. kill -9 in the middle of the import
say "importing $ROWS cases, to be killed once the transaction writes case_file"
curl -s -m 3600 -u "legal:$PASSWORD" -o "$OUT/logs/import-killed.json" -F "file=@$DATA/cases.csv;type=text/csv" \
	"$BASE/api/v1/imports/cases" &
CURL_PID=$!
writing=""
for i in $(seq 1 6000); do
	writing=$(psql_ -c "select count(*) from pg_locks l join pg_class c on c.oid = l.relation
		where c.relname = 'case_file' and l.mode = 'RowExclusiveLock'")
	[ "$writing" -gt 0 ] && break
	sleep 0.05
done
sleep 1 # a few more chunks
SIZE_DURING=$(psql_ -c "select pg_relation_size('case_file')")
kill -9 "$APP_PID"; wait "$APP_PID" 2>/dev/null; APP_PID=""
wait "$CURL_PID" 2>/dev/null
say "killed (-9) while writing: case_file grew from $SIZE_BEFORE to $SIZE_DURING bytes of uncommitted rows"
echo "killed while writing: case_file $SIZE_BEFORE -> $SIZE_DURING bytes (uncommitted)" >> "$RESULTS"
check "the import had started writing before the kill" yes "$([ "$writing" -gt 0 ] && [ "$SIZE_DURING" -gt "$SIZE_BEFORE" ] && echo yes || echo no)"
for i in $(seq 1 100); do # the server ends the dead client's backend and rolls back
	[ "$(psql_ -c "select count(*) from pg_stat_activity where datname = 'cq' and pid <> pg_backend_pid()")" = 0 ] && break
	sleep 0.1
done
check "after kill -9 no case of the file is there" "$CASES_BEFORE" "$(count case_file)"
check "after kill -9 no audit entry of the import" "$AUDIT_BEFORE" "$(count audit_log)"
check "after kill -9 no transaction is left open" 0 \
	"$(psql_ -c "select count(*) from pg_stat_activity where datname = 'cq' and state like 'idle in transaction%'")"

start_app restarted
check "after the restart the case count is as before" "$CASES_BEFORE" "$(count case_file)"
r=$(import cases "$DATA/cases.csv" reimport); say "re-import: $r"
check "re-import creates exactly the file's rows" "200 $ROWS 0 0" "$r"
check "case count after re-import" "$((CASES_BEFORE + ROWS))" "$(count case_file)"
r=$(import cases "$DATA/cases.csv" again); say "import again: $r"
check "importing again changes nothing" "200 0 0 $ROWS" "$r"
check "case count after importing again" "$((CASES_BEFORE + ROWS))" "$(count case_file)"

# ---------------------------------------------------------------- 2. immediate stop after a reported commit
r=$(import deductions "$DATA/deductions.csv" deductions); say "import deductions: $r"
RETURNS=$(count case_return); CASES_NOW=$(count case_file); AUDIT_NOW=$(count audit_log)
pg_ctl_ stop -m immediate >> "$LOG" 2>&1
say "PostgreSQL stopped immediately (no checkpoint) right after the 200"
pg_start || { say "PostgreSQL did not restart"; exit 1; }
check "deductions import answered 200" 200 "${r%% *}"
check "after an immediate stop the committed returns are all there" "$RETURNS" "$(count case_return)"
check "after an immediate stop the cases are all there" "$CASES_NOW" "$(count case_file)"
check "after an immediate stop the audit entries are all there" "$AUDIT_NOW" "$(count audit_log)"
for i in $(seq 1 120); do
	[[ "$(curl -s -m 2 "$BASE/actuator/health" || true)" == *'"UP"'* ]] && break; sleep 0.5
done
r=$(import deductions "$DATA/deductions.csv" deductions-again); say "import deductions again: $r"
check "the application works on after the database restart (deductions unchanged)" 200 "${r%% *}"
check "returns after importing the deductions again" "$RETURNS" "$(count case_return)"

say "case rows $ROWS, deduction rows $RETURN_ROWS; results in $RESULTS"
[ "$FAILED" = 0 ] && say "ALL PASSED" || say "SOME CHECKS FAILED"
exit $FAILED
