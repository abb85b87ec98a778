#!/usr/bin/env bash
# Issue 16 item 3: the same province's lists imported as 100 bureaus (one file per list split by 所属执法局, through
# POST /api/v1/imports/{kind} as 省厅法制处) against the one-bureau import of the same rows (as 法制科), each into its
# own fresh database of a throwaway PostgreSQL 15, the application as cq_app (bound by row-level security) with -Xmx512m.
#
#   scripts/measure-split-import.sh [--bureaus N] [--cases PER_BUREAU] [--jar JAR] [--out DIR]
#
# Prints the seconds of each import and writes them to OUT/split-import.env. Needs Java 17, curl, psql and the
# PostgreSQL 15 server binaries (PGBIN, default /usr/lib/postgresql/15/bin). Not part of ./mvnw verify.
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUREAUS=100
CASES=10000
JAR=""
OUT="$ROOT/target/split-import"
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PASSWORD='Split-measure-2024!'
APP_DB_PASSWORD='split-app-pass'
while [ $# -gt 0 ]; do
	case "$1" in
		--bureaus) BUREAUS=$2; shift ;;
		--cases) CASES=$2; shift ;;
		--jar) JAR=$2; shift ;;
		--out) OUT=$2; shift ;;
		*) echo "unknown argument $1" >&2; exit 2 ;;
	esac
	shift
done
[ -n "$JAR" ] || JAR=$(ls "$ROOT"/target/case-quality-*.jar | grep -v plain | head -1)
mkdir -p "$OUT/logs"
RES="$OUT/split-import.env"
: > "$RES"
say() { printf '%s %s\n' "$(date +%T)" "$*" >&2; }
rec() { echo "$1=$2" >> "$RES"; say "$1=$2"; }
free_port() { local p; for _ in $(seq 1 200); do p=$(( 20000 + RANDOM % 12000 )); if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi; done; }

generate() { # DIR ARGS...
	local dir=$1; shift
	if [ -f "$dir/.args" ] && [ "$(cat "$dir/.args")" = "$*" ]; then return 0; fi
	rm -rf "$dir"; mkdir -p "$dir"
	say "generating $*"
	java -cp "$JAR" -Dloader.main=cn.wucheng.cq.demo.GenerateBureau org.springframework.boot.loader.launch.PropertiesLauncher \
		"$@" --out "$dir" >> "$OUT/logs/generate.log" 2>&1 || { say "generator failed"; exit 1; }
	echo "$*" > "$dir/.args"
}
generate "$OUT/flat" --size province --bureaus "$BUREAUS" --cases "$CASES"
generate "$OUT/split" --size province --bureaus "$BUREAUS" --cases "$CASES" --split-bureaus

# ---- PostgreSQL
PGDATA="$OUT/pg/data"
PG_AS=()
if [ "$(id -u)" = 0 ]; then id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres; PG_AS=(runuser -u postgres --); fi
pg_ctl_() { "${PG_AS[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" "$@"; }
[ -f "$PGDATA/postmaster.pid" ] && pg_ctl_ stop -m immediate >/dev/null 2>&1
rm -rf "$OUT/pg"; mkdir -p "$PGDATA"; [ ${#PG_AS[@]} -gt 0 ] && chown -R postgres "$OUT/pg"
"${PG_AS[@]}" "$PGBIN/initdb" -D "$PGDATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 > "$OUT/logs/initdb.log" 2>&1 || { say "initdb failed"; exit 1; }
PGPORT=$(free_port)
cp "$ROOT/bench/postgresql.bench.conf" "$PGDATA/bench.conf"
{ echo "include 'bench.conf'"; echo "port = $PGPORT"; echo "unix_socket_directories = '$OUT/pg'"; } >> "$PGDATA/postgresql.conf"
[ ${#PG_AS[@]} -gt 0 ] && chown -R postgres "$OUT/pg"
pg_ctl_ -l "$OUT/pg/postgres.log" -w start > /dev/null 2>&1 || { say "PostgreSQL did not start"; exit 1; }
APP_PID=""
cleanup() { [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null; pg_ctl_ stop -m fast >/dev/null 2>&1; }
trap cleanup EXIT
psql_() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U postgres "$@"; }
psql_ -d postgres -c "create role cq_app login nosuperuser nobypassrls noinherit password '$APP_DB_PASSWORD'" > /dev/null
for db in flat split; do
	psql_ -d postgres -c "create database $db" > /dev/null
	# the application's role gets the tables the migrations (as postgres) create
	psql_ -d "$db" -c "grant connect on database $db to cq_app" -c "grant usage on schema public to cq_app" \
		-c "alter default privileges for role postgres in schema public grant select, insert, update, delete on tables to cq_app" \
		-c "alter default privileges for role postgres in schema public grant usage, select on sequences to cq_app" > /dev/null
done

start_app() { # DB
	local port t0
	port=$(free_port); BASE="http://127.0.0.1:$port"
	mkdir -p "$OUT/app-$1"
	( cd "$OUT/app-$1" && CQ_LEGAL_PASSWORD="$PASSWORD" CQ_ADMIN_PASSWORD="$PASSWORD" CQ_DATA_DIR="$OUT/app-$1/data" \
		exec java -XX:+ExitOnOutOfMemoryError -Xmx512m -jar "$JAR" --server.address=127.0.0.1 --server.port="$port" \
		--spring.datasource.url="jdbc:postgresql://127.0.0.1:$PGPORT/$1" --spring.datasource.username=cq_app \
		--spring.datasource.password="$APP_DB_PASSWORD" --spring.flyway.url="jdbc:postgresql://127.0.0.1:$PGPORT/$1" \
		--spring.flyway.user=postgres --spring.flyway.password= \
		--spring.servlet.multipart.max-file-size=1GB --spring.servlet.multipart.max-request-size=1GB \
		> "$OUT/logs/app-$1.log" 2>&1 ) &
	APP_PID=$!
	t0=$(date +%s)
	until curl -s -m 2 "$BASE/actuator/health" | grep -q '"UP"'; do
		kill -0 "$APP_PID" 2>/dev/null || { say "the app died, see $OUT/logs/app-$1.log"; exit 1; }
		[ $(( $(date +%s) - t0 )) -gt 300 ] && { say "the app did not start"; exit 1; }
		sleep 0.5
	done
}
stop_app() { kill "$APP_PID"; wait "$APP_PID" 2>/dev/null; APP_PID=""; }

import() { # USER DB KIND FILE: seconds into $SECONDS_TAKEN, fails unless 200
	local out
	out=$(curl -s -m 7200 -u "$1:$PASSWORD" -o "$OUT/logs/import-$2-$3.json" -w '%{http_code} %{time_total}' \
		-F "file=@$4;type=text/csv" "$BASE/api/v1/imports/$3")
	SECONDS_TAKEN=${out#* }
	say "$2 $3: HTTP ${out% *} in ${SECONDS_TAKEN}s $(head -c 200 "$OUT/logs/import-$2-$3.json")"
	[ "${out% *}" = 200 ]
}

# ---- one bureau: the province flattened into one organisation, as 法制科
start_app flat
for kind in domains units people cases; do
	import legal flat "$kind" "$OUT/flat/$kind.csv" || exit 1
	rec "flat_${kind}_s" "$SECONDS_TAKEN"
done
stop_app

# ---- the province as its bureaus, one file per list split by 所属执法局, as 省厅法制处
start_app split
psql_ -d split -c "\\copy bureau (code, name, city) from '$OUT/split/bureaus.csv' with (format csv, header true)" \
	-c "insert into app_user (username, password_hash, display_name, role, must_change_password, password_changed_at,
	      created_at, bureau_id)
	    select 'province', password_hash, '省厅法制处', 'PROVINCE_LEGAL', false, password_changed_at, created_at, bureau_id
	    from app_user where username = 'legal'" > /dev/null
for kind in domains units people cases; do
	import province split "$kind" "$OUT/split/$kind.csv" || exit 1
	rec "split_${kind}_s" "$SECONDS_TAKEN"
done
rec split_cases_in_db "$(psql_ -d split -tA -c 'select count(*) from case_file')"
rec split_bureaus_with_cases "$(psql_ -d split -tA -c 'select count(distinct bureau_id) from case_file')"
stop_app
rec rows_cases "$(( $(wc -l < "$OUT/split/cases.csv") - 1 ))"
