#!/usr/bin/env bash
# Fault test on the DEFAULT database, the embedded PostgreSQL under the data directory (数据完整性): what kill -9 does.
#
#   scripts/crash-embedded.sh [--rounds N] [--cases N] [--skip-build]
#
# 1. N rounds (default 10): start the application as the README does (no database configured), import a new file of
#    --cases cases (default 5,000) through the API, and kill -9 the JVM the moment the 200 arrives. Odd rounds leave
#    the embedded server running (an orphan the next start must stop), even rounds kill it with -9 as well (a stale
#    postmaster.pid and PostgreSQL's crash recovery). At the next start every acknowledged case and audit entry must
#    be there.
# 2. kill -9 in the middle of a 50,000-case import: afterwards nothing of that file is there, every read (scores,
#    rankings, standards, coverage, the case list, the dashboard) answers 200, and the same file then imports exactly
#    its rows (and once more changes nothing).
# The jar from ./mvnw package, data under target/crash-embedded/, 127.0.0.1 only, psql (postgresql-client) to count
# rows. Prints PASS/FAIL per check, exits non-zero on any failure; results in target/crash-embedded/results.txt.
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$ROOT/scripts/db-tools.sh"
OUT="$ROOT/target/crash-embedded"
ROUNDS=10
CASES=5000
BIG=50000
SKIP_BUILD=0
while [ $# -gt 0 ]; do
	case "$1" in
		--rounds) ROUNDS=$2; shift ;;
		--cases) CASES=$2; shift ;;
		--skip-build) SKIP_BUILD=1 ;;
		-h|--help) sed -n '2,15p' "$0"; exit 0 ;;
		*) echo "unknown argument $1" >&2; exit 2 ;;
	esac
	shift
done
PASSWORD='Crash-legal-2024!'
mkdir -p "$OUT/logs"
LOG="$OUT/logs/run.log"; : > "$LOG"
RESULTS="$OUT/results.txt"; : > "$RESULTS"
. "$ROOT/scripts/check-tools.sh"
command -v psql >/dev/null || { say "psql missing: apt-get install postgresql-client-15"; exit 1; }

cd "$ROOT"
if [ "$SKIP_BUILD" = 0 ] || ! ls target/case-quality-*.jar >/dev/null 2>&1; then
	say "building the jar (./mvnw -o -q -DskipTests package)"
	./mvnw -o -q -DskipTests package >> "$LOG" 2>&1 || { say "build failed, see $LOG"; exit 1; }
fi
JAR=$(ls "$ROOT"/target/case-quality-*.jar | grep -v plain | head -1)
TOTAL=$(( ROUNDS * CASES + BIG ))
GEN="$OUT/bureau-$TOTAL"
if [ ! -f "$GEN/cases.csv" ]; then
	say "generating a county bureau with $TOTAL cases"
	rm -rf "$GEN"; mkdir -p "$GEN"
	java -cp "$JAR" -Dloader.main=cn.wucheng.cq.demo.GenerateBureau org.springframework.boot.loader.launch.PropertiesLauncher \
		--size county --cases "$TOTAL" --out "$GEN" >> "$LOG" 2>&1 || { say "generator failed"; exit 1; }
fi
# the case files: one of CASES rows per round, then the BIG one, each with the header
head -1 "$GEN/cases.csv" > "$OUT/header.csv"
for r in $(seq 1 "$ROUNDS"); do
	{ cat "$OUT/header.csv"; tail -n +2 "$GEN/cases.csv" | sed -n "$(( (r - 1) * CASES + 1 )),$(( r * CASES ))p"; } > "$OUT/round-$r.csv"
done
{ cat "$OUT/header.csv"; tail -n +2 "$GEN/cases.csv" | tail -n "$BIG"; } > "$OUT/big.csv"

DATA="$OUT/data"
rm -rf "$DATA"
APP_PID=""
cleanup() {
	[ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null && kill "$APP_PID" && wait "$APP_PID" 2>/dev/null
	if embedded_running "$DATA"; then kill "$(head -1 "$DATA/pg/postmaster.pid")" 2>/dev/null; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start_app() { # LABEL — exactly the default setup: no database configured, the data directory by CQ_DATA_DIR
	APP_PORT=$(free_port)
	BASE="http://127.0.0.1:$APP_PORT"
	( CQ_LEGAL_PASSWORD="$PASSWORD" CQ_DATA_DIR="$DATA" exec java -XX:+ExitOnOutOfMemoryError -Xmx768m -jar "$JAR" \
		--server.address=127.0.0.1 --server.port="$APP_PORT" > "$OUT/logs/app-$1.log" 2>&1 ) &
	APP_PID=$!
	local i
	for i in $(seq 1 1200); do
		kill -0 "$APP_PID" 2>/dev/null || break
		[[ "$(curl -s -m 2 "$BASE/actuator/health" || true)" == *'"UP"'* ]] && { say "app ($1) up, pid $APP_PID"; embedded_env "$DATA"; return 0; }
		sleep 0.25
	done
	say "the app ($1) did not start, see $OUT/logs/app-$1.log"; exit 1
}
kill_app() { kill -9 "$APP_PID"; wait "$APP_PID" 2>/dev/null; APP_PID=""; }
psql_() { psql -X -q -At -v ON_ERROR_STOP=1 -w "$@"; }
count() { psql_ -c "select count(*) from $1"; }
get() { curl -s -m 60 -u "legal:$PASSWORD" -o /dev/null -w '%{http_code}' "$BASE$1"; }

start_app first
for kind in domains units people; do
	r=$(import "$kind" "$GEN/$kind.csv" "$kind"); say "import $kind: $r"
	[ "${r%% *}" = 200 ] || { say "reference import failed"; exit 1; }
done

# ---------------------------------------------------------------- 1. kill -9 right after an acknowledged import
EXPECTED_CASES=$(count case_file)
for r in $(seq 1 "$ROUNDS"); do
	res=$(import cases "$OUT/round-$r.csv" "round-$r")
	kill_app # the moment the answer arrived
	check "round $r: the import was acknowledged" "200 $CASES 0 0" "$res"
	EXPECTED_CASES=$(( EXPECTED_CASES + CASES ))
	# what the server had when the JVM died (it runs on, orphaned): the audit log up to its newest entry
	AUDIT_MAX=$(psql_ -c "select max(id) from audit_log"); AUDIT_AT_KILL=$(count audit_log)
	if [ $(( r % 2 )) = 0 ]; then
		kill -9 "$(head -1 "$DATA/pg/postmaster.pid")"
		sleep 1
		say "round $r: the embedded server killed -9 as well (stale postmaster.pid, crash recovery at the next start)"
	fi
	start_app "after-round-$r"
	check "round $r: every acknowledged case is there after kill -9" "$EXPECTED_CASES" "$(count case_file)"
	check "round $r: every audit entry is there after kill -9" "$AUDIT_AT_KILL" \
		"$(psql_ -c "select count(*) from audit_log where id <= $AUDIT_MAX")"
done
# amcheck: every B-tree index of the cases and the audit log agrees with its table (H2 once came back with indexes
# that did not); bt_index_check raises an error at the first disagreement.
check "every index of case_file and audit_log agrees with its table (amcheck)" ok "$(psql_ -c "create extension if not exists amcheck" \
	-c "select bt_index_check(c.oid, true) from pg_index i join pg_class c on c.oid = i.indexrelid
	    join pg_class t on t.oid = i.indrelid join pg_am a on a.oid = c.relam
	    where t.relname in ('case_file', 'audit_log') and a.amname = 'btree'" > /dev/null 2>> "$LOG" && echo ok || echo error)"

# ---------------------------------------------------------------- 2. kill -9 in the middle of a large import
BEFORE=$(count case_file); AUDIT_BEFORE=$(count audit_log)
say "importing $BIG cases, to be killed once the transaction writes case_file"
curl -s -m 3600 -u "legal:$PASSWORD" -o "$OUT/logs/import-killed.json" -F "file=@$OUT/big.csv;type=text/csv" \
	"$BASE/api/v1/imports/cases" &
CURL_PID=$!
writing=0
for i in $(seq 1 6000); do
	writing=$(psql_ -c "select count(*) from pg_locks l join pg_class c on c.oid = l.relation
		where c.relname = 'case_file' and l.mode = 'RowExclusiveLock'")
	[ "$writing" -gt 0 ] && break
	sleep 0.05
done
sleep 1
kill_app
wait "$CURL_PID" 2>/dev/null
check "the large import had started writing before the kill" yes "$([ "$writing" -gt 0 ] && echo yes || echo no)"
start_app after-midway
check "after kill -9 midway no case of the file is there" "$BEFORE" "$(count case_file)"
check "after kill -9 midway no audit entry of the import" "$AUDIT_BEFORE" "$(count audit_log)"
YEAR=$(tail -1 "$OUT/round-1.csv" | cut -d, -f8 | cut -c1-4)
for path in "/api/v1/scores?period=$YEAR-Q2" "/api/v1/rankings?period=$YEAR-Q2" "/api/v1/standards?period=$YEAR-Q2" \
		"/api/v1/coverage?year=$YEAR&asOf=$YEAR-12-31"; do
	check "after the restart $path answers" 200 "$(get "$path")"
done
r=$(import cases "$OUT/big.csv" reimport); say "re-import: $r"
check "the same file then imports exactly its rows" "200 $BIG 0 0" "$r"
check "case count after the re-import" "$((BEFORE + BIG))" "$(count case_file)"
r=$(import cases "$OUT/big.csv" again); say "import again: $r"
check "importing it once more changes nothing" "200 0 0 $BIG" "$r"

say "$ROUNDS rounds of $CASES cases, a $BIG-case import killed midway; results in $RESULTS"
[ "$FAILED" = 0 ] && say "ALL PASSED" || say "SOME CHECKS FAILED"
exit $FAILED
