#!/usr/bin/env bash
# Province-scale benchmark: every figure as a ratio against a floor measured in the same run (see bench/README.md).
#
#   bench/run.sh [--size province|county] [--skip-build] [--regen] [--wrk-seconds N] [--results FILE] [--keep]
#                [--phases xlsx,import,serve,cluster] [--report] [--dashboard PATH]
#
# Builds the jar, generates the dataset into bench/out/, starts a throwaway PostgreSQL 15 on 127.0.0.1 (a free port,
# data under bench/out/pg), measures, and writes bench/RESULTS.md (province) or bench/out/RESULTS-county.md (county).
# The province is 100 bureaus (issue 16 item 5): opened through POST /api/v1/bureaus, imported through the split import
# as the province's legal office. BENCH_BUREAUS=N / BENCH_CASES=N (cases per bureau) make a smaller province for a
# trial run of the script (results then go to bench/out/RESULTS-trial.md unless --results says otherwise).
# --report only writes RESULTS.md again from the previous run's bench/out/results.env.
# --phases runs only some phases (for debugging; the others' figures come from the previous run's results.env and
# RESULTS.md says so); without import, the cluster and database of the previous run are reused.
# Needs: Java 17, psql + PostgreSQL 15 server binaries, curl, wrk (installed with apt-get when missing and root).
set -uo pipefail
{ # the whole script is one compound command, parsed before it runs: editing this file cannot break a running run

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
OUT="$HERE/out"
SIZE=province
SKIP_BUILD=0
REGEN=0
KEEP=0
WRK_SECONDS=20
WRK_WARMUP_SECONDS=${BENCH_WARMUP_SECONDS:-30} # each warm-up round of each path (shorter only to try the script)
WRK_CONNECTIONS=50
RESULTS=""
ALL_PHASES=",xlsx,import,serve,cluster,"
PHASES=$ALL_PHASES
REPORT=0
DASHBOARD_PATH=${BENCH_DASHBOARD:-} # the dashboard page measured; empty: /dashboard if it answers 200, else /
HEAP=512m
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
EXPLAIN_MS=${BENCH_EXPLAIN_MS:-10}
LEGAL_PASSWORD=${CQ_LEGAL_PASSWORD:-Bench-legal-2024!}
ADMIN_PASSWORD=${CQ_ADMIN_PASSWORD:-Bench-admin-2024!}
YEAR=2024
TRIAL_BUREAUS=${BENCH_BUREAUS:-} # a smaller province, to try the script (not a figure to report)
TRIAL_CASES=${BENCH_CASES:-}
PROVINCE_USER=province # 省厅法制处 (PROVINCE_LEGAL): opens the bureaus, imports the split lists, reads /region
PAGE_USER=legal # the user of the pages: in the province, the legal section (法制科) of one bureau (BUREAU_LEGAL_USER)
BUREAU_LEGAL_USER=bench-legal

while [ $# -gt 0 ]; do
	case "$1" in
		--size) SIZE=$2; shift ;;
		--skip-build) SKIP_BUILD=1 ;;
		--regen) REGEN=1 ;;
		--keep) KEEP=1 ;;
		--phases) PHASES=",$2,"; shift ;;
		--report) REPORT=1; PHASES=",," ;;
		--wrk-seconds) WRK_SECONDS=$2; shift ;;
		--results) RESULTS=$2; shift ;;
		--dashboard) DASHBOARD_PATH=$2; shift ;;
		-h|--help) sed -n '2,17p' "$0"; exit 0 ;;
		*) echo "unknown argument $1" >&2; exit 2 ;;
	esac
	shift
done
case "$SIZE" in
	province) if [ -n "$TRIAL_BUREAUS$TRIAL_CASES" ]; then RESULTS=${RESULTS:-$OUT/RESULTS-trial.md}; else RESULTS=${RESULTS:-$HERE/RESULTS.md}; fi ;;
	county) RESULTS=${RESULTS:-$OUT/RESULTS-county.md} ;;
	*) echo "--size must be province or county" >&2; exit 2 ;;
esac

# the plans of a province run are kept in git (bench/explain/); a county's or a trial's stay under bench/out/
EXPLAIN_DIR="$HERE/explain"
{ [ "$SIZE" != province ] || [ -n "$TRIAL_BUREAUS$TRIAL_CASES" ]; } && EXPLAIN_DIR="$OUT/explain-$SIZE"
mkdir -p "$OUT/logs" "$EXPLAIN_DIR"
LOG="$OUT/logs/run.log"
: > "$LOG"
RES="$OUT/results.env"
declare -A R
if [ "$PHASES" != "$ALL_PHASES" ] && [ -f "$RES" ]; then
	while IFS= read -r line; do eval "R[${line%%=*}]=${line#*=}"; done < "$RES"
	cp "$RES" "$RES.previous"
fi
: > "$RES"
for k in "${!R[@]}"; do printf '%s=%q\n' "$k" "${R[$k]}" >> "$RES"; done
phase() { [[ "$PHASES" == *",$1,"* ]]; }

say() { printf '%s %s\n' "$(date +%T)" "$*" | tee -a "$LOG" >&2; }
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
ratio() { awk -v s="$1" -v f="$2" 'BEGIN { if (s == "" || f == "" || f + 0 == 0) print ""; else printf "%.3f", s / f }'; } # three places: the verdict compares what is shown
s1() { [ -n "$1" ] && awk -v v="$1" 'BEGIN { printf "%.1f", v }' || printf 'n/a'; } # seconds, one decimal
thousands() { echo "$1" | sed ':a; s/\B[0-9]\{3\}\>/,&/; ta'; }
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print ""; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# Results: kept in an associative array and in results.env (to read after a crash).
rec() { R[$1]=$2; printf '%s=%q\n' "$1" "$2" >> "$RES"; }
get() { printf '%s' "${R[$1]:-}"; }

free_port() {
	local p
	for _ in $(seq 1 200); do
		p=$(( 20000 + RANDOM % 12000 )) # below Linux's ephemeral range (32768–60999): curl's and wrk's own ports
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
	done
	return 1
}

# ---------------------------------------------------------------- cleanup
APP_PID=""
PG_STARTED=0
CLUSTER_PIDS=() # the instances of the two-instance phase
NGINX_CONF=""
cleanup() {
	if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then kill "$APP_PID"; wait "$APP_PID" 2>/dev/null; fi
	for p in "${CLUSTER_PIDS[@]}"; do kill -0 "$p" 2>/dev/null && kill "$p" && wait "$p" 2>/dev/null; done
	[ -n "$NGINX_CONF" ] && [ -f "$OUT/nginx/nginx.pid" ] && nginx -p "$OUT/nginx" -c "$NGINX_CONF" -s stop 2>/dev/null
	if [ "$PG_STARTED" = 1 ] && [ "$KEEP" = 0 ]; then pg_ctl_ stop -m fast >/dev/null 2>&1; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- tools
if ! command -v wrk >/dev/null; then
	if [ "$(id -u)" = 0 ]; then
		say "installing wrk (apt-get)"
		(apt-get install -y -qq wrk || (apt-get update -qq && apt-get install -y -qq wrk)) >> "$LOG" 2>&1
	fi
	command -v wrk >/dev/null || say "wrk is missing: the throughput figures will be reported as not measured"
fi

# The province as its bureaus (--split-bureaus: every list ends with 所属执法局, bureaus.csv lists them); the county as
# one bureau, as before. The .xlsx figure compares two formats of one bureau's list and stays one bureau.
SPLIT=0
TRIAL=""
if [ "$SIZE" = province ]; then
	SPLIT=1
	DARGS="--size province --split-bureaus"
	XARGS="--size province --bureaus 20 --xlsx"
	if [ -n "$TRIAL_BUREAUS$TRIAL_CASES" ]; then
		TRIAL=-trial
		[ -n "$TRIAL_BUREAUS" ] && DARGS="$DARGS --bureaus $TRIAL_BUREAUS" \
			&& XARGS="--size province --bureaus $(( TRIAL_BUREAUS < 20 ? TRIAL_BUREAUS : 20 )) --xlsx"
		[ -n "$TRIAL_CASES" ] && DARGS="$DARGS --cases $TRIAL_CASES" && XARGS="$XARGS --cases $TRIAL_CASES"
	fi
	PAGE_USER=$BUREAU_LEGAL_USER
else
	DARGS="--size county"
	XARGS="--size county --xlsx"
fi
DATA="$OUT/$SIZE$TRIAL"
XDATA="$OUT/xlsx-$SIZE$TRIAL"
if [ "$REPORT" = 1 ]; then
	CASE_ROWS=$(get case_rows); XCASE_ROWS=$(get xlsx_rows); JAR=$(get jar)
else
rec run_date "$(date -u '+%Y-%m-%d %H:%M UTC')"
rec commit "${BENCH_COMMIT_NOTE:-$(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- src pom.xml || echo ' (with uncommitted changes)')}"
rec load_start "$(cut -d' ' -f1-3 /proc/loadavg)"

# ---------------------------------------------------------------- build and data
cd "$ROOT"
if [ -n "${BENCH_JAR:-}" ]; then
	JAR=$(cd "$(dirname "$BENCH_JAR")" && pwd)/$(basename "$BENCH_JAR") # a jar built elsewhere (BENCH_JAR)
else
	if [ "$SKIP_BUILD" = 0 ] || ! ls target/case-quality-*.jar >/dev/null 2>&1; then
		say "building the jar (./mvnw -q -DskipTests package)"
		./mvnw -q -DskipTests package >> "$LOG" 2>&1 || { say "build failed, see $LOG"; exit 1; }
	fi
	JAR=$(ls target/case-quality-*.jar | grep -v plain | head -1)
	JAR=$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")
fi

generate() { # DIR ARGS...: the generator is deterministic, so a complete directory is reused
	local dir=$1; shift
	local stamp="$dir/.args"
	if [ "$REGEN" = 0 ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$*" ]; then return 0; fi
	rm -rf "$dir"; mkdir -p "$dir"
	say "generating $* into ${dir#$ROOT/}"
	java -cp "$JAR" -Dloader.main=cn.wucheng.cq.demo.GenerateBureau org.springframework.boot.loader.launch.PropertiesLauncher \
		"$@" --out "$dir" >> "$LOG" 2>&1 || { say "generator failed, see $LOG"; exit 1; }
	echo "$*" > "$stamp"
}
generate "$DATA" $DARGS
# The .xlsx figure: the case list of 20 bureaus (200,000 rows) as .xlsx and as CSV; for a county run its own list.
generate "$XDATA" $XARGS
CASE_ROWS=$(( $(wc -l < "$DATA/cases.csv") - 1 ))
XCASE_ROWS=$(( $(wc -l < "$XDATA/cases.csv") - 1 ))
rec case_rows "$CASE_ROWS"; rec xlsx_rows "$XCASE_ROWS"
rec cases_csv_mb "$(awk -v b="$(stat -c %s "$DATA/cases.csv")" 'BEGIN { printf "%.1f", b / 1048576 }')"
rec xlsx_mb "$(awk -v b="$(stat -c %s "$XDATA/cases.xlsx")" 'BEGIN { printf "%.1f", b / 1048576 }')"
rec xcsv_mb "$(awk -v b="$(stat -c %s "$XDATA/cases.csv")" 'BEGIN { printf "%.1f", b / 1048576 }')"

# ---------------------------------------------------------------- PostgreSQL
PGDATA="$OUT/pg/data"
PG_AS=()
if [ "$(id -u)" = 0 ]; then
	id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
	PG_AS=(runuser -u postgres --)
fi
pg_ctl_() { "${PG_AS[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" "$@"; }
PGLOG="$OUT/pg/postgres.log"
psql_() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U postgres "$@"; }
# A cluster left running by an interrupted run is stopped first.
[ -f "$PGDATA/postmaster.pid" ] && pg_ctl_ stop -m immediate >> "$LOG" 2>&1
PGPORT=$(free_port)
if ! phase import && [ -f "$PGDATA/PG_VERSION" ]; then
	say "reusing the PostgreSQL cluster of the previous run, now on 127.0.0.1:$PGPORT"
	sed -i -e "s/^port = .*/port = $PGPORT/" -e "s|^unix_socket_directories = .*|unix_socket_directories = '$OUT/pg'|" \
		"$PGDATA/postgresql.conf" # the cluster may have been moved (its socket directory is an absolute path)
	REUSED_PG=1
else
	say "starting PostgreSQL 15 on 127.0.0.1:$PGPORT (data in ${PGDATA#$ROOT/})"
	rm -rf "$OUT/pg"; mkdir -p "$PGDATA"
	[ ${#PG_AS[@]} -gt 0 ] && chown -R postgres "$OUT/pg"
	"${PG_AS[@]}" "$PGBIN/initdb" -D "$PGDATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >> "$LOG" 2>&1 \
		|| { say "initdb failed, see $LOG"; exit 1; }
	cp "$HERE/postgresql.bench.conf" "$PGDATA/bench.conf"
	{ echo "include 'bench.conf'"; echo "port = $PGPORT"; echo "unix_socket_directories = '$OUT/pg'"; } >> "$PGDATA/postgresql.conf"
	[ ${#PG_AS[@]} -gt 0 ] && chown -R postgres "$OUT/pg"
	REUSED_PG=0
fi
pg_ctl_ -l "$PGLOG" -w start >> "$LOG" 2>&1 || { say "PostgreSQL did not start, see $PGLOG"; exit 1; }
PG_STARTED=1
# The application connects as cq_app, which row-level security binds (issue 16), and migrates as the owner (postgres),
# as the README's "Two accounts" asks of a production installation: the owner bypasses the bureaus' policies, so a
# benchmark run as the owner would measure other plans than a real installation's.
APP_ROLE=cq_app
APP_ROLE_PASSWORD=bench-app-role
app_role_db() { # DB: a fresh database: cq_app may connect and gets the owner's later tables (the migrations')
	psql_ -d "$1" -c "grant connect on database $1 to $APP_ROLE" -c "grant usage on schema public to $APP_ROLE" \
		-c "alter default privileges for role postgres in schema public grant select, insert, update, delete on tables to $APP_ROLE" \
		-c "alter default privileges for role postgres in schema public grant usage, select on sequences to $APP_ROLE" >> "$LOG" 2>&1
}
psql_ -d postgres -c "do \$\$ begin if not exists (select from pg_roles where rolname = '$APP_ROLE') then create role $APP_ROLE login; end if; end \$\$" \
	-c "alter role $APP_ROLE login nosuperuser nobypassrls noinherit password '$APP_ROLE_PASSWORD'" >> "$LOG" 2>&1
if [ "$REUSED_PG" = 0 ]; then
	for db in floor empty cq x_csv x_xlsx; do psql_ -d postgres -c "create database $db" >> "$LOG" 2>&1; app_role_db "$db"; done
else
	phase xlsx && for db in x_csv x_xlsx; do
		psql_ -d postgres -c "drop database if exists $db" -c "create database $db" >> "$LOG" 2>&1; app_role_db "$db"
	done
fi

rec jar "$JAR"
fi

# ---------------------------------------------------------------- the application
APP_PORT=""
BASE=""
JAVA_OPTS=(-XX:+ExitOnOutOfMemoryError -Xmx$HEAP)
APP_DIR="$OUT/app" # each instance's own CQ_DATA_DIR (the second instance of the cluster phase has another)
start_app() { # DB LABEL: starts the jar, waits for /actuator/health UP; sets APP_PID, BASE, STARTUP (seconds)
	local db=$1 label=$2 t0 body
	APP_PORT=$(free_port)
	BASE="http://127.0.0.1:$APP_PORT"
	mkdir -p "$APP_DIR" "$OUT/app-shared"
	t0=$(now)
	( cd "$APP_DIR" && CQ_LEGAL_PASSWORD="$LEGAL_PASSWORD" CQ_ADMIN_PASSWORD="$ADMIN_PASSWORD" CQ_DATA_DIR="$APP_DIR/data" \
		CQ_SHARED_DIR="$OUT/app-shared" \
		exec java "${JAVA_OPTS[@]}" -jar "$JAR" --server.address=127.0.0.1 --server.port="$APP_PORT" \
		--spring.datasource.url="jdbc:postgresql://127.0.0.1:$PGPORT/$db" --spring.datasource.username=$APP_ROLE \
		--spring.datasource.password=$APP_ROLE_PASSWORD --spring.flyway.url="jdbc:postgresql://127.0.0.1:$PGPORT/$db" \
		--spring.flyway.user=postgres --spring.flyway.password= \
		--spring.servlet.multipart.max-file-size=1GB --spring.servlet.multipart.max-request-size=1GB \
		> "$OUT/logs/app-$label.log" 2>&1 ) &
	APP_PID=$!
	STARTUP=""
	while kill -0 "$APP_PID" 2>/dev/null; do
		body=$(curl -s -m 2 "$BASE/actuator/health" || true)
		if [[ "$body" == *'"UP"'* ]]; then STARTUP=$(secs "$t0" "$(now)"); break; fi
		if [ "$(secs "$t0" "$(now)" | cut -d. -f1)" -gt 600 ]; then break; fi
		sleep 0.05
	done
	if [ -z "$STARTUP" ] && grep -q "already in use" "$OUT/logs/app-$label.log" && [ -z "${RETRIED:-}" ]; then
		say "port $APP_PORT was taken meanwhile: starting the app ($label) again on another port"
		RETRIED=1 start_app "$db" "$label"; return $?
	fi
	if [ -z "$STARTUP" ]; then say "the app ($label) did not become healthy, see $OUT/logs/app-$label.log"; return 1; fi
	say "app ($label, db $db) healthy after ${STARTUP}s on port $APP_PORT, pid $APP_PID"
}
stop_app() { # SIGTERM (graceful), SIGKILL after 30 s: requests abandoned by wrk may still be queued
	local i
	if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
		kill "$APP_PID"
		for i in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
		kill -0 "$APP_PID" 2>/dev/null && kill -9 "$APP_PID"
		wait "$APP_PID" 2>/dev/null
	fi
	APP_PID=""
}
peak_rss_mb() { awk '/^VmHWM:/ { printf "%.0f", $2 / 1024 }' "/proc/$APP_PID/status" 2>/dev/null; }
alive() { [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; }

IMPORT_USER=legal # the province's split lists: the province's legal office (PROVINCE_USER)
import_file() { # KIND FILE LABEL: POST /api/v1/imports/{kind} as IMPORT_USER; sets IMPORT_CODE, IMPORT_SECONDS; body in logs
	local kind=$1 file=$2 label=$3 type=text/csv out
	[[ "$file" == *.xlsx ]] && type=application/vnd.openxmlformats-officedocument.spreadsheetml.sheet
	out=$(curl -s -m 7200 -u "$IMPORT_USER:$LEGAL_PASSWORD" -o "$OUT/logs/import-$label-$kind.json" -w '%{http_code} %{time_total}' \
		-F "file=@$file;type=$type" "$BASE/api/v1/imports/$kind")
	IMPORT_CODE=${out% *}; IMPORT_SECONDS=${out#* }
	say "import $kind ($label, $(basename "$file")): HTTP $IMPORT_CODE in ${IMPORT_SECONDS}s: $(head -c 300 "$OUT/logs/import-$label-$kind.json")"
	[ "$IMPORT_CODE" = 200 ]
}
import_references() { # DIR LABEL: domains, units, people (CSV)
	local kind
	for kind in domains units people; do
		import_file "$kind" "$1/$kind.csv" "$2" || return 1
		rec "import_${2}_${kind}_s" "$IMPORT_SECONDS"
	done
}

COOKIE_JAR="$OUT/cookies.txt"
SESSION=""
PROVINCE_SESSION=""
login() { # [USER]: form login (once per app run) as USER (default PAGE_USER); sets SESSION (the JSESSIONID cookie);
	# in the province, also signs in the province's legal office: PROVINCE_SESSION (/region, the scoring calls)
	local user=${1:-$PAGE_USER} page csrf code
	rm -f "$COOKIE_JAR"
	page=$(curl -s -c "$COOKIE_JAR" -b "$COOKIE_JAR" "$BASE/login")
	csrf=$(grep -o '<input[^>]*name="_csrf"[^>]*>' <<< "$page" | grep -o 'value="[^"]*"' | head -1 | cut -d'"' -f2)
	code=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -c "$COOKIE_JAR" -b "$COOKIE_JAR" \
		--data-urlencode "username=$user" --data-urlencode "password=$LEGAL_PASSWORD" --data-urlencode "_csrf=$csrf" \
		"$BASE/login")
	SESSION=$(awk '$6 == "JSESSIONID" { print $7 }' "$COOKIE_JAR" | tail -1)
	if [[ "$code" != 302* ]] || [[ "$code" == *error* ]] || [ -z "$SESSION" ]; then
		say "login as $user failed ($code)"; SESSION=""; return 1
	fi
	if [ -z "${1:-}" ]; then
		local own=$SESSION
		PROVINCE_SESSION=""
		if login "$PROVINCE_USER"; then PROVINCE_SESSION=$SESSION; fi
		SESSION=$own
	fi
}
get_timed() { # URL OUTFILE [SESSION]: GET with the session (default SESSION); prints "code seconds"
	curl -s -m 600 -H "Cookie: JSESSIONID=${3:-$SESSION}" -o "$2" -w '%{http_code} %{time_total}' "$BASE$1"
}

quarter_days() { # 2024-Q2 -> "2024-04-01 2024-06-30"
	local y=${1%-Q*} q=${1#*-Q}
	case $q in 1) echo "$y-01-01 $y-03-31" ;; 2) echo "$y-04-01 $y-06-30" ;; 3) echo "$y-07-01 $y-09-30" ;; 4) echo "$y-10-01 $y-12-31" ;; esac
}

# wrk against one path (the page figures, the two instances)
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /m$/) n *= 60000; else if (v ~ /s$/) n *= 1000; printf "%.1f", n }'; }
run_wrk() { # NAME PATH [SESSION] [BASE]: records rps, p50, p99 and bad answers for NAME
	local name=$1 path=$2 f="$OUT/logs/wrk-$1.txt" code sess=${3:-$SESSION} base=${4:-$BASE}
	code=$(curl -s -o "$OUT/logs/page-$name.html" -w '%{http_code}' -H "Cookie: JSESSIONID=$sess" "$base$path")
	if [ "$code" != 200 ]; then note_missing "page $path answers HTTP $code"; rec "wrk_${name}_error" "HTTP $code"; return 1; fi
	rec "page_${name}_kb" "$(( $(stat -c %s "$OUT/logs/page-$name.html") / 1024 ))"
	wrk -t2 -c"$WRK_CONNECTIONS" -d5s --timeout 10s -H "Cookie: JSESSIONID=$sess" "$base$path" > /dev/null 2>&1 # warm-up
	wrk -t2 -c"$WRK_CONNECTIONS" -d"${WRK_SECONDS}s" --timeout 10s --latency -H "Cookie: JSESSIONID=$sess" "$base$path" > "$f" 2>&1
	rec "wrk_${name}_rps" "$(awk '/^Requests\/sec:/ { print $2 }' "$f")"
	rec "wrk_${name}_p99_ms" "$(to_ms "$(awk '$1 == "99%" { print $2 }' "$f")")"
	rec "wrk_${name}_p50_ms" "$(to_ms "$(awk '$1 == "50%" { print $2 }' "$f")")"
	rec "wrk_${name}_bad" "$(awk '/Non-2xx/ { print $NF }' "$f")$(awk '/Socket errors/ { print " socket errors:" substr($0, index($0, ":") + 1) }' "$f")"
	say "wrk $path: $(get "wrk_${name}_rps") req/s, p99 $(get "wrk_${name}_p99_ms") ms $(get "wrk_${name}_bad")"
}
CUR=""
OFFICER=""
QUARTERS=("$YEAR-Q1" "$YEAR-Q2" "$YEAR-Q3" "$YEAR-Q4")
begin_phase() { # NAME: forgets what the previous run recorded as missing in this phase
	local k
	CUR=$1
	for k in "${!R[@]}"; do [[ "$k" == missing_${CUR}_* ]] && unset "R[$k]"; done
	say "---- phase $CUR"
}
note_missing() { rec "missing_${CUR}_$(date +%s%N)" "$1"; say "MISSING: $1"; }

# ================================================================ 1. .xlsx against the same rows as CSV (-Xmx512m)
# Each format into its own fresh database after the same reference lists, each in a fresh JVM, one right after the other.
if phase xlsx; then
	begin_phase xlsx
	for fmt in csv xlsx; do
		if ! start_app "x_$fmt" "x_$fmt"; then
			note_missing "the app did not start for the $fmt import"
		elif ! import_references "$XDATA" "x_$fmt"; then
			note_missing "the importer: reference lists could not be imported before the $fmt cases (HTTP $IMPORT_CODE)"
		else
			if import_file cases "$XDATA/cases.$fmt" "x_$fmt"; then
				rec "x_${fmt}_s" "$IMPORT_SECONDS"
			else
				rec "x_${fmt}_error" "HTTP $IMPORT_CODE: $(head -c 300 "$OUT/logs/import-x_$fmt-cases.json")"
				alive || rec "x_${fmt}_error" "the JVM died (see logs/app-x_$fmt.log)"
				note_missing "the $fmt import of $XCASE_ROWS cases failed: $(get "x_${fmt}_error")"
			fi
			rec "x_${fmt}_rss_mb" "$(peak_rss_mb)"
		fi
		stop_app
	done
fi

# ================================================================ 2. the province import (-Xmx512m) and its COPY floor
# The floor is measured right before and right after the system's import (their mean), so that a change of load on
# the machine during the long import shows in both.
declare -A COLUMN=( [案件编号]=case_no [决定书号]=decision_no [案件名称]=title [案件类别]=category [执法领域]=domain_name
	[办案单位]=unit_name [案件来源]=source [立案日期]=filed_on [办结日期]=concluded_on [主办人工号]=lead_no
	[协办人工号]=co_no [视频编号]=video_no [所属执法局]=bureau_name )
copy_floor() { # KEY: \copy of cases.csv into a new, equally indexed staging table
	local cols="" h t0
	IFS=, read -r -a HEADER < <(head -1 "$DATA/cases.csv" | sed 's/^\xEF\xBB\xBF//; s/\r$//')
	for h in "${HEADER[@]}"; do cols="$cols${cols:+, }${COLUMN[$h]}"; done
	psql_ -d floor -f "$HERE/sql/copy-floor.sql" >> "$LOG" 2>&1
	t0=$(now)
	if psql_ -d floor -c "\\copy case_staging ($cols) from '$DATA/cases.csv' with (format csv, header true)" >> "$LOG" 2>&1; then
		rec "$1" "$(secs "$t0" "$(now)")"
		say "floor: COPY of cases.csv into an equally indexed staging table: $(get "$1")s"
	else
		note_missing "COPY floor failed (see $LOG)"
	fi
}
# The accounts of a run: the province's legal office (PROVINCE_LEGAL) in SQL, as the README has a system administrator
# open it (scripts/measure-split-import.sh does the same: legal's password and bureau, another role), for every size —
# the county measures /region too, with its one bureau. In the province it opens the bureaus of bureaus.csv through
# POST /api/v1/bureaus (each with its catalogues and two first administrators, as the page does) and imports the
# split lists; the pages are then measured as the legal section of one bureau (page_bureau).
province_account() {
	psql_ -d cq -c "insert into app_user (username, password_hash, display_name, role, must_change_password,
			password_changed_at, created_at, bureau_id)
		select '$PROVINCE_USER', password_hash, '省厅法制处', 'PROVINCE_LEGAL', false, password_changed_at, created_at, bureau_id
		from app_user where username = 'legal' on conflict (username) do nothing" >> "$LOG" 2>&1
}
open_bureaus() { # the bureaus of bureaus.csv, one POST /api/v1/bureaus each as the province's legal office
	local code name city n=0 t0 code_
	t0=$(now)
	while IFS=, read -r code name city; do
		[ "$code" = code ] && continue
		code_=$(curl -s -m 120 -u "$PROVINCE_USER:$LEGAL_PASSWORD" -H 'Content-Type: application/json' \
			-o "$OUT/logs/bureau-opened.json" -w '%{http_code}' \
			-d "{\"code\":\"${code,,}\",\"name\":\"$name\",\"city\":\"$city\"}" "$BASE/api/v1/bureaus")
		# the API's codes are lower case (bureaus.csv: B001); the lists name their bureau by its name
		if [ "$code_" != 201 ]; then
			say "opening the bureau ${code,,} ($name): HTTP $code_ $(head -c 300 "$OUT/logs/bureau-opened.json")"; return 1
		fi
		n=$((n + 1))
	done < <(sed 's/^\xEF\xBB\xBF//; s/\r$//' "$DATA/bureaus.csv")
	rec bureaus_opened "$n"; rec open_bureaus_s "$(secs "$t0" "$(now)")"
	say "opened $n bureaus through POST /api/v1/bureaus in $(get open_bureaus_s)s"
}
page_bureau() { # the bureau with the most cases (then the first code) and its legal section's account
	local row
	row=$(psql_ -d cq -At -F '|' -c "select b.id, b.code, b.name, count(*) from case_file c join bureau b on b.id = c.bureau_id
		group by b.id order by count(*) desc, b.code limit 1")
	[ -n "$row" ] || return 1
	IFS='|' read -r PAGE_BUREAU_ID PAGE_BUREAU PAGE_BUREAU_NAME PAGE_BUREAU_CASES <<< "$row"
	rec page_bureau "$PAGE_BUREAU"; rec page_bureau_id "$PAGE_BUREAU_ID"; rec page_bureau_name "$PAGE_BUREAU_NAME"; rec page_bureau_cases "$PAGE_BUREAU_CASES"
	rec page_bureau_people "$(psql_ -d cq -At -c "select count(*) from person where bureau_id = $PAGE_BUREAU_ID")"
	psql_ -d cq -c "insert into app_user (username, password_hash, display_name, role, must_change_password,
			password_changed_at, created_at, bureau_id)
		select '$BUREAU_LEGAL_USER', password_hash, '法制科', 'LEGAL', false, password_changed_at, created_at, $PAGE_BUREAU_ID
		from app_user where username = 'legal' on conflict (username) do nothing" >> "$LOG" 2>&1
}
if phase import; then
	begin_phase import
	IMPORT_OK=0
	start_app cq import && province_account
	if [ "$SPLIT" = 1 ] && alive; then
		IMPORT_USER=$PROVINCE_USER # the split import: each row to the bureau its 所属执法局 names, in one transaction
		open_bureaus || { note_missing "the bureaus could not be opened through POST /api/v1/bureaus (see logs)"; stop_app; }
	fi
	if alive && import_references "$DATA" province; then
		rec import_rss_before_mb "$(peak_rss_mb)"
		copy_floor copy_before_s
		if import_file cases "$DATA/cases.csv" province; then
			rec import_s "$IMPORT_SECONDS"; IMPORT_OK=1
			rec import_body "$(head -c 300 "$OUT/logs/import-province-cases.json")"
		else
			rec import_error "HTTP $IMPORT_CODE: $(head -c 300 "$OUT/logs/import-province-cases.json")"
			alive || rec import_error "the JVM died during the import (see logs/app-import.log)"
		fi
		rec import_rss_mb "$(peak_rss_mb)"
		copy_floor copy_after_s
		if alive; then
			for kind in deductions awards; do
				if import_file "$kind" "$DATA/$kind.csv" province; then rec "import_province_${kind}_s" "$IMPORT_SECONDS"; fi
			done
			rec import_rss_after_all_mb "$(peak_rss_mb)"
		fi
	else
		[ -n "$APP_PID" ] && note_missing "the importer: reference lists could not be imported (see logs)"
	fi
	stop_app
	IMPORT_USER=legal
	if [ "$SPLIT" = 1 ]; then page_bureau || note_missing "no bureau has cases: the pages have no bureau to be measured in"; fi
	rec db_bureaus "$(psql_ -d cq -At -c 'select count(distinct bureau_id) from case_file' 2>/dev/null)"
	rec db_people "$(psql_ -d cq -At -c 'select count(*) from person' 2>/dev/null)"
	rec copy_s "$(printf '%s %s' "$(get copy_before_s)" "$(get copy_after_s)" | tr ' ' '\n' | awk 'NF { s += $1; n++ } END { if (n) printf "%.3f", s / n }')"
	if [ "$IMPORT_OK" = 0 ]; then note_missing "the import of the $(thousands "$CASE_ROWS")-case CSV did not complete: $(get import_error)"; fi
	rec db_cases "$(psql_ -d cq -At -c 'select count(*) from case_file' 2>/dev/null)"
	rec db_size "$(psql_ -d cq -At -c "select pg_size_pretty(pg_database_size('cq'))" 2>/dev/null)"
	say "VACUUM ANALYZE after the bulk load (as a DBA would; autovacuum would do it within minutes)"
	psql_ -d cq -c 'vacuum analyze' >> "$LOG" 2>&1
fi

# ================================================================ 3. cold starts: empty, province, empty again
if phase serve; then
	begin_phase serve
	empty_start() { # KEY
		psql_ -d postgres -c "drop database if exists empty" -c "create database empty" >> "$LOG" 2>&1; app_role_db empty
		if start_app empty "$1"; then rec "$1_s" "$STARTUP"; fi
		stop_app
	}
	empty_start start_empty1
	if start_app cq province; then rec start_province_s "$STARTUP"; fi
	stop_app
	empty_start start_empty2
	rec start_empty_s "$(printf '%s %s' "$(get start_empty1_s)" "$(get start_empty2_s)" | tr ' ' '\n' | awk 'NF { s += $1; n++ } END { if (n) printf "%.3f", s / n }')"
	start_app cq serve && login

	# ================================================================ 4. a quarter's scores + rankings + standards
	QUARTERS=("$YEAR-Q1" "$YEAR-Q2" "$YEAR-Q3" "$YEAR-Q4")
	# Each bureau runs its own programme (its pools, places, standards, settings), so a province's quarter is every
	# bureau's: the system's figure is the three calls for each bureau (as the province's legal office, bureau=CODE:
	# computed within that bureau), all summed; the floor is the hand-written aggregate for each bureau (one psql
	# session, one statement per bureau, :'b' its id), summed. The same aggregate over the whole province in one
	# statement (:'b' empty) is recorded beside it (floor_whole_*). A county is one bureau: one call each, as legal.
	SCORE_IDS=(""); SCORE_CODES=("")
	if [ "$SPLIT" = 1 ]; then
		mapfile -t SCORE_IDS < <(psql_ -d cq -At -c "select b.id from bureau b where exists (select from case_file c where c.bureau_id = b.id) order by b.code")
		mapfile -t SCORE_CODES < <(psql_ -d cq -At -c "select b.code from bureau b where exists (select from case_file c where c.bureau_id = b.id) order by b.code")
		rec score_bureaus "${#SCORE_CODES[@]}"
	fi
	floor_quarter() { # PERIOD [whole]: seconds of the hand-written aggregate, per bureau summed (whole: one statement)
		local d t0 id script="$OUT/logs/floor-bureaus.sql"
		read -r -a d <<< "$(quarter_days "$1")"
		if [ "${2:-}" = whole ]; then
			printf '\\set b %s\n\\i %s\n' "''" "$HERE/sql/score-floor.sql" > "$script"
		else
			for id in "${SCORE_IDS[@]}"; do printf '\\set b %s\n\\i %s\n' "${id:-''}" "$HERE/sql/score-floor.sql"; done > "$script"
		fi
		t0=$(now)
		psql_ -d cq -A -t -v d0="${d[0]}" -v d1="${d[1]}" -f "$script" -o "$OUT/logs/floor-$1${2:+-$2}.txt" >> "$LOG" 2>&1 || return 1
		secs "$t0" "$(now)"
	}
	system_quarter() { # PERIOD: sets SYSTEM_S to the seconds of scores + rankings + standards of every bureau (summed)
		local r code s i q sess=$SESSION people=0
		declare -A by=([scores]=0 [rankings]=0 [standards]=0)
		[ "$SPLIT" = 1 ] && sess=$PROVINCE_SESSION
		SYSTEM_S=0
		for i in "${!SCORE_CODES[@]}"; do
			q="period=$1${SCORE_CODES[$i]:+&bureau=${SCORE_CODES[$i]}}"
			# the three calls of a bureau on one connection (HTTP keep-alive), as the floor's statements share one
			# psql session: a new connection costs some 2-3 ms here, against a bureau's floor of ~21 ms
			mapfile -t answers < <(curl -s -m 600 -H "Cookie: JSESSIONID=$sess" -w '%{http_code} %{time_total}\n' \
				-o "$OUT/logs/api-scores-$1.json" "$BASE/api/v1/scores?$q" -o "$OUT/logs/api-rankings-$1.json" \
				"$BASE/api/v1/rankings?$q" -o "$OUT/logs/api-standards-$1.json" "$BASE/api/v1/standards?$q")
			for r in scores rankings standards; do
				read -r code s <<< "${answers[0]:-000 0}"; answers=("${answers[@]:1}")
				if [ "$code" != 200 ]; then SYSTEM_S="GET /api/v1/$r?$q answers HTTP $code"; return 1; fi
				by[$r]=$(awk -v a="${by[$r]}" -v b="$s" 'BEGIN { printf "%.3f", a + b }')
				SYSTEM_S=$(awk -v a="$SYSTEM_S" -v b="$s" 'BEGIN { printf "%.3f", a + b }')
			done
			people=$((people + $(grep -o '"employeeNo"' "$OUT/logs/api-scores-$1.json" | wc -l)))
		done
		for r in scores rankings standards; do rec "api_${r}_$1_s" "${by[$r]}"; done
		rec "api_people_$1" "$people"
	}
	if alive && [ -n "$SESSION" ] && { [ "$SPLIT" = 0 ] || [ -n "$PROVINCE_SESSION" ]; }; then
		# Q1 warms both sides up (JIT, buffers); Q2–Q4 are each computed for the first time; the median is reported.
		FLOORS=""; SYSTEMS=""; WHOLES=""; SCORING_OK=1
		for i in 0 1 2 3; do
			p=${QUARTERS[$i]}
			f=$(floor_quarter "$p") || f=""
			[ "$SPLIT" = 1 ] && rec "floor_whole_$p" "$(floor_quarter "$p" whole)"
			system_quarter "$p" || { note_missing "scoring for $p: $SYSTEM_S"; SCORING_OK=0; break; }
			s=$SYSTEM_S
			say "scoring $p: floor ${f}s, system ${s}s (scores $(get "api_scores_${p}_s"), rankings $(get "api_rankings_${p}_s"), standards $(get "api_standards_${p}_s")) over ${#SCORE_CODES[@]} bureau(s)"
			rec "floor_$p" "$f"; rec "system_$p" "$s"
			if [ "$i" -gt 0 ]; then FLOORS="$FLOORS $f"; SYSTEMS="$SYSTEMS $s"; WHOLES="$WHOLES $(get "floor_whole_$p")"; fi
		done
		if [ "$SCORING_OK" = 1 ]; then
			rec score_floor_s "$(echo "$FLOORS" | median)"; rec score_system_s "$(echo "$SYSTEMS" | median)"
			[ "$SPLIT" = 1 ] && rec score_floor_whole_s "$(echo "$WHOLES" | median)"
			rec score_people "$(get "api_people_$YEAR-Q2")"
			rec floor_people "$(grep -c . "$OUT/logs/floor-$YEAR-Q2.txt")"
		fi
	fi

	# ================================================================ 5. pages under 50 concurrent users (wrk)
	# /actuator/health is measured before each page and after the last; a page's floor is the mean of the two runs
	# next to it, so that load on the machine changing between runs shows on both sides of the ratio.
	drained() { # true once /actuator/health answers within 1 s three times in a row (at most 120 s)
		local ok=0 t0
		t0=$(now)
		while [ "$(secs "$t0" "$(now)" | cut -d. -f1)" -lt 120 ]; do
			if curl -s -m 1 -o /dev/null "$BASE/actuator/health"; then ok=$((ok + 1)); [ "$ok" -ge 3 ] && return 0; else ok=0; fi
			sleep 0.5
		done
		return 1
	}
	settle() { # NAME: after a wrk run, wait for the requests it abandoned; restart the app if they do not drain
		if ! drained; then
			say "the app still works off requests abandoned by wrk after $1: restarting it for a clean next measurement"
			rec "restart_after_$1" yes
			stop_app; start_app cq "serve-after-$1" && login
		fi
	}
	if alive && [ -n "$SESSION" ] && command -v wrk >/dev/null; then
		read -r Q1_START Q1_END <<< "$(quarter_days "$YEAR-Q1")"
		IN_BUREAU="" # the province: the officer is one of the page bureau's (工号 repeat across bureaus)
		[ "$SPLIT" = 1 ] && IN_BUREAU="and c.bureau_id = $(get page_bureau_id)"
		OFFICER=$(psql_ -d cq -At -c "select p.employee_no from case_file c join person p on p.id in (c.lead_id, c.co_id)
			where c.concluded_on between '$Q1_START' and '$Q1_END' $IN_BUREAU group by p.employee_no order by count(*) desc, 1 limit 1" 2>/dev/null)
		rec officer "$OFFICER"
		rec officer_cases "$(psql_ -d cq -At -c "select count(*) from case_file c join person p on p.id in (c.lead_id, c.co_id)
			where c.concluded_on between '$Q1_START' and '$Q1_END' and p.employee_no = '$OFFICER' $IN_BUREAU" 2>/dev/null)"
		# the province's comparison of its bureaus (issue 16 item 5), as the province's legal office; its first view
		# computes every bureau's dashboard (timed, not a figure): the page answers at once with the progress and asks
		# again every second until the comparison is there, as here; the views under wrk read what that kept
		REGION="/region?quarter=$YEAR-Q1"
		if [ -n "$PROVINCE_SESSION" ]; then
			t_region=$(now)
			read -r code s <<< "$(get_timed "$REGION" "$OUT/logs/page-region-first.html" "$PROVINCE_SESSION")"
			rec region_page_s "$s"
			while [ "$code" = 200 ] && grep -q 'id="region-computing"' "$OUT/logs/page-region-first.html" \
				&& [ "$(secs "$t_region" "$(now)" | cut -d. -f1)" -lt 600 ]; do
				sleep 1
				code=$(curl -s -m 60 -H "Cookie: JSESSIONID=$PROVINCE_SESSION" -H "HX-Request: true" \
					-o "$OUT/logs/page-region-first.html" -w '%{http_code}' "$BASE$REGION")
			done
			rec region_first_s "$(secs "$t_region" "$(now)")"
			say "first view of $REGION: the page in ${s}s, the comparison there after $(get region_first_s)s (HTTP $code)"
		else
			note_missing "the province's legal office could not sign in: the comparison page is not measured"
		fi
		if [ -n "$DASHBOARD_PATH" ]; then
			DASHBOARD=$DASHBOARD_PATH
		else
			DASHBOARD=/dashboard
			[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: JSESSIONID=$SESSION" "$BASE$DASHBOARD")" = 200 ] || DASHBOARD=/
		fi
		rec dashboard_path "$DASHBOARD"
		# One warm-up round over every measured path first (not recorded): a JVM that has served only the pages
		# before a figure keeps getting faster at the others while they are measured (a first run of 05:38 UTC:
		# health rose 1,502 → 2,073 → 3,742 → 4,703 req/s between its four runs), which skews the ratios by position.
		# Two rounds of 30 s each: on 2 cores under 50 connections the JIT compiler gets little CPU, and by hand
		# (05:56) health needed ~90 s of load to reach its plateau (1,433 → 6,800 req/s), the pages 30–50 s.
		for round in 1 2; do
			for path in /actuator/health "/scores/$OFFICER?period=$YEAR-Q1" "/rankings?period=$YEAR-Q1" "$DASHBOARD" "$REGION"; do
				sess=$SESSION; [ "$path" = "$REGION" ] && sess=$PROVINCE_SESSION
				[ -n "$sess" ] || continue
				wrk -t2 -c"$WRK_CONNECTIONS" -d"${WRK_WARMUP_SECONDS}s" --timeout 10s -H "Cookie: JSESSIONID=$sess" "$BASE$path" > /dev/null 2>&1
			done
		done
		settle warm-up
		run_wrk health0 /actuator/health
		i=0
		for page in breakdown rankings dashboard region; do
			sess=$SESSION
			case $page in
				breakdown) path="/scores/$OFFICER?period=$YEAR-Q1" ;;
				rankings) path="/rankings?period=$YEAR-Q1" ;;
				dashboard) path=$DASHBOARD ;;
				region) path=$REGION; sess=$PROVINCE_SESSION; [ -n "$sess" ] || continue ;;
			esac
			i=$((i + 1))
			run_wrk "$page" "$path" "$sess"
			settle "$page"
			run_wrk "health$i" /actuator/health
			rec "wrk_${page}_floor_rps" "$(printf '%s %s' "$(get "wrk_health$((i - 1))_rps")" "$(get "wrk_health${i}_rps")" | tr ' ' '\n' | awk 'NF { s += $1; n++ } END { if (n) printf "%.2f", s / n }')"
		done
	fi

	# ================================================================ 6. EXPLAIN of the system's hot statements
	# auto_explain (loaded, off until now) logs EXPLAIN (ANALYZE, BUFFERS) of every statement slower than EXPLAIN_MS
	# that the system runs while one endpoint is called; each plan goes to bench/explain/<endpoint>-NN.txt.
	set_explain() { psql_ -d postgres -c "alter system set auto_explain.log_min_duration = '$1'" -c "select pg_reload_conf()" >> "$LOG" 2>&1; sleep 0.5; }
	explain_during() { # NAME PATH
		local name=$1 path=$2 from
		# a write that changes nothing still raises the data stamp: the call computes instead of reading a kept result
		psql_ -d cq -c "update setting set name = name where false" >> "$LOG" 2>&1
		from=$(stat -c %s "$PGLOG")
		curl -s -m 300 -o /dev/null -H "Cookie: JSESSIONID=$SESSION" "$BASE$path"
		sleep 0.5
		tail -c +"$((from + 1))" "$PGLOG" | awk -v dir="$EXPLAIN_DIR" -v name="$name" -v path="$path" '
			/^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] / {
				if (f != "") { close(f); f = "" }
				if ($0 ~ /duration: .* plan:/) {
					n++; f = sprintf("%s/%s-%02d.txt", dir, name, n)
					print "-- auto_explain (EXPLAIN ANALYZE, BUFFERS) of a statement the system ran for GET " path > f
					print "-- on the province database; bench/run.sh regenerates this file" > f
					sub(/^.*LOG: +/, ""); print > f
				}
				next
			}
			f != "" { print > f }'
	}
	if alive && [ -n "$SESSION" ]; then
		say "explain pass (auto_explain, statements over ${EXPLAIN_MS} ms)"
		rm -f "$EXPLAIN_DIR"/api-*.txt "$EXPLAIN_DIR"/page-*.txt
		set_explain "${EXPLAIN_MS}ms"
		explain_during api-scores "/api/v1/scores?period=$YEAR-Q1"
		explain_during api-rankings "/api/v1/rankings?period=$YEAR-Q1"
		explain_during api-standards "/api/v1/standards?period=$YEAR-Q1"
		[ -n "$OFFICER" ] && explain_during api-score-of-officer "/api/v1/scores/$OFFICER?period=$YEAR-Q1"
		[ -n "$OFFICER" ] && explain_during page-breakdown "/scores/$OFFICER?period=$YEAR-Q1"
		explain_during page-rankings "/rankings?period=$YEAR-Q1"
		explain_during page-dashboard "$(get dashboard_path)"
		set_explain -1
	fi
	{
		echo "-- EXPLAIN (ANALYZE, BUFFERS) of the floor: bench/sql/score-floor.sql for $YEAR-Q1 on the province database$([ "$SPLIT" = 1 ] && echo ", for the bureau $(get page_bureau) (one of the statements summed)")"
		read -r Q1_START Q1_END <<< "$(quarter_days "$YEAR-Q1")"
		sed '/^--/d' "$HERE/sql/score-floor.sql" | sed '1s/^with /explain (analyze, buffers) with /' \
			| psql_ -d cq -v d0="$Q1_START" -v d1="$Q1_END" -v b="$([ "$SPLIT" = 1 ] && get page_bureau_id)" 2>&1
	} > "$EXPLAIN_DIR/floor-score-aggregate.txt"
	stop_app
fi

# ================================================================ 7. two instances behind nginx (issue 16 item 5)
# Several instances share one PostgreSQL (sessions in the database, job locks, caches keyed by the data stamp): on this
# one machine, two instances behind nginx must serve at least 0.9x what one serves behind the same nginx — a sanity
# check that sharing sessions and locks costs little (scripts/cluster-check.sh checks the correctness half). Both
# instances run on the province database with their own CQ_DATA_DIR and one CQ_SHARED_DIR; nginx (Debian's, its own
# config under bench/out/nginx, never the system service) listens on two ports: one with instance a alone, one round
# robin over both. The rankings page as the same bureau's legal section, the same wrk load as the pages (50
# connections, a 5 s warm-up then WRK_SECONDS), after a warm-up of both instances and then of a alone; measured one,
# two, two, one so that load drifting on the machine favours neither.
if phase cluster; then
	begin_phase cluster
	if ! command -v nginx >/dev/null && [ "$(id -u)" = 0 ]; then
		say "installing nginx (apt-get; the service is not started)"
		(apt-get install -y -qq nginx || (apt-get update -qq && apt-get install -y -qq nginx)) >> "$LOG" 2>&1
	fi
	if ! command -v nginx >/dev/null; then
		note_missing "nginx is missing (and could not be installed): the two-instance figure is not measured"
	elif ! command -v wrk >/dev/null; then
		note_missing "wrk is missing: the two-instance figure is not measured"
	else
		APP_DIR="$OUT/app"; start_app cq cluster-a && CLUSTER_PIDS+=("$APP_PID"); A_PORT=$APP_PORT; A_PID=$APP_PID
		APP_DIR="$OUT/app-b"; alive && start_app cq cluster-b && CLUSTER_PIDS+=("$APP_PID"); B_PORT=$APP_PORT; B_PID=$APP_PID
		APP_DIR="$OUT/app"; APP_PID=""
		if [ "${#CLUSTER_PIDS[@]}" != 2 ]; then
			note_missing "the two instances did not both start (see logs/app-cluster-*.log)"
		else
			NGINX_PORT=$(free_port); NGINX_ONE_PORT=$(free_port)
			NGINX_CONF="$OUT/nginx/nginx.conf"
			rm -rf "$OUT/nginx"; mkdir -p "$OUT/nginx/logs" "$OUT/nginx/tmp"
			cat > "$NGINX_CONF" <<-EOF
			$( [ "$(id -u)" = 0 ] && echo "user root;" )
			worker_processes 1;
			pid $OUT/nginx/nginx.pid;
			error_log $OUT/nginx/logs/error.log warn;
			events { worker_connections 1024; }
			http {
				access_log off;
				client_body_temp_path $OUT/nginx/tmp/body; proxy_temp_path $OUT/nginx/tmp/proxy;
				fastcgi_temp_path $OUT/nginx/tmp/fcgi; uwsgi_temp_path $OUT/nginx/tmp/uwsgi; scgi_temp_path $OUT/nginx/tmp/scgi;
				upstream both { server 127.0.0.1:$A_PORT; server 127.0.0.1:$B_PORT; keepalive 64; }
				upstream one { server 127.0.0.1:$A_PORT; keepalive 64; }
				proxy_http_version 1.1;
				proxy_set_header Connection "";
				proxy_set_header Host \$http_host;
				proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
				proxy_read_timeout 120s;
				server { listen 127.0.0.1:$NGINX_PORT; location / { proxy_pass http://both; add_header X-Upstream \$upstream_addr always; } }
				server { listen 127.0.0.1:$NGINX_ONE_PORT; location / { proxy_pass http://one; add_header X-Upstream \$upstream_addr always; } }
			}
			EOF
			if ! nginx -t -p "$OUT/nginx" -c "$NGINX_CONF" >> "$LOG" 2>&1 || ! nginx -p "$OUT/nginx" -c "$NGINX_CONF" >> "$LOG" 2>&1; then
				note_missing "nginx did not start (see $LOG): the two-instance figure is not measured"
			else
				rec nginx_version "$(nginx -v 2>&1 | sed 's/^nginx version: //')"
				LB_TWO="http://127.0.0.1:$NGINX_PORT"; LB_ONE="http://127.0.0.1:$NGINX_ONE_PORT"
				BASE=$LB_TWO; login "$PAGE_USER"; CLUSTER_SESSION=$SESSION # one session in the database, read by both
				CLUSTER_PATH="/rankings?period=$YEAR-Q1"
				rec cluster_path "$CLUSTER_PATH"
				if [ -z "$CLUSTER_SESSION" ]; then
					note_missing "no session through nginx: the two-instance figure is not measured"
				else
					# one view first, as before every page figure: what a fresh session keeps at its first view is stored once
					curl -s -o /dev/null -H "Cookie: JSESSIONID=$CLUSTER_SESSION" "$LB_TWO$CLUSTER_PATH"
					say "two instances: warm-up of both (2 x ${WRK_WARMUP_SECONDS}s), then of a alone (${WRK_WARMUP_SECONDS}s)"
					for base in "$LB_TWO" "$LB_TWO" "$LB_ONE"; do
						wrk -t2 -c"$WRK_CONNECTIONS" -d"${WRK_WARMUP_SECONDS}s" --timeout 10s -H "Cookie: JSESSIONID=$CLUSTER_SESSION" "$base$CLUSTER_PATH" > /dev/null 2>&1
					done
					rec cluster_load_before "$(cut -d' ' -f1-3 /proc/loadavg)"
					run_wrk cluster_one1 "$CLUSTER_PATH" "$CLUSTER_SESSION" "$LB_ONE"
					run_wrk cluster_two1 "$CLUSTER_PATH" "$CLUSTER_SESSION" "$LB_TWO"
					run_wrk cluster_two2 "$CLUSTER_PATH" "$CLUSTER_SESSION" "$LB_TWO"
					run_wrk cluster_one2 "$CLUSTER_PATH" "$CLUSTER_SESSION" "$LB_ONE"
					rec cluster_load_after "$(cut -d' ' -f1-3 /proc/loadavg)"
					mean2() { printf '%s %s' "$(get "$1")" "$(get "$2")" | tr ' ' '\n' | awk 'NF { s += $1; n++ } END { if (n == 2) printf "%.2f", s / n }'; }
					rec cluster_one_rps "$(mean2 wrk_cluster_one1_rps wrk_cluster_one2_rps)"
					rec cluster_two_rps "$(mean2 wrk_cluster_two1_rps wrk_cluster_two2_rps)"
					# both instances answered through the balancer (X-Upstream of four requests)
					rec cluster_upstreams "$(for _ in 1 2 3 4; do curl -s -o /dev/null -D - -H "Cookie: JSESSIONID=$CLUSTER_SESSION" "$LB_TWO$CLUSTER_PATH" \
						| awk -F': ' 'tolower($1) == "x-upstream" { sub(/\r$/, "", $2); print $2 }'; done | sort -u | wc -l)"
				fi
				# 2026-12-07 (county trial): 242 answers 500 from the two instances within 33 s, a duplicate key of
				# spring_session_attributes at the session's save (concurrent requests of one session each adding the
				# same attribute); counted here so that such answers show in the details
				rec cluster_server_errors "$(cat "$OUT/logs/app-cluster-a.log" "$OUT/logs/app-cluster-b.log" | grep -c 'Servlet.service() for servlet')"
				rec cluster_duplicate_session_attributes "$(cat "$OUT/logs/app-cluster-a.log" "$OUT/logs/app-cluster-b.log" | grep -c 'spring_session_attributes_pk')"
				nginx -p "$OUT/nginx" -c "$NGINX_CONF" -s stop >> "$LOG" 2>&1; NGINX_CONF=""
			fi
		fi
		for p in "${CLUSTER_PIDS[@]}"; do APP_PID=$p; stop_app; done
		CLUSTER_PIDS=()
	fi
fi

# ================================================================ 8. RESULTS.md
[ "$REPORT" = 0 ] && rec load_end "$(cut -d' ' -f1-3 /proc/loadavg)"
say "writing ${RESULTS#$ROOT/}"
verdict() { # VALUE OP LIMIT
	[ -z "$1" ] && { echo "not measured"; return; }
	awk -v v="$1" -v op="$2" -v l="$3" 'BEGIN { ok = (op == "le") ? (v <= l) : (v >= l); print ok ? "**pass**" : "**FAIL**" }'
}
or_na() { [ -n "$1" ] && printf '%s' "$1" || printf 'n/a'; }
IMPORT_RATIO=$(ratio "$(get import_s)" "$(get copy_s)")
X_RATIO=$(ratio "$(get x_xlsx_s)" "$(get x_csv_s)")
SCORE_RATIO=$(ratio "$(get score_system_s)" "$(get score_floor_s)")
START_RATIO=$(ratio "$(get start_province_s)" "$(get start_empty_s)")
CLUSTER_RATIO=$(ratio "$(get cluster_two_rps)" "$(get cluster_one_rps)")
page_row() { # NAME LABEL
	local rps ratio_ p99 floor
	rps=$(get "wrk_$1_rps"); p99=$(get "wrk_$1_p99_ms"); floor=$(get "wrk_$1_floor_rps")
	[ -n "$p99" ] && p99="$p99 ms"
	if [ -n "$rps" ] && awk -v r="$rps" 'BEGIN { exit !(r + 0 == 0) }'; then p99="— (no request completed within 10 s)"; fi
	if [ -n "$(get "wrk_$1_bad")" ]; then p99="$p99;$(get "wrk_$1_bad" | sed 's/socket errors: connect 0, read 0, write 0, timeout/ timed out (10 s):/')"; fi
	ratio_=$(ratio "$rps" "$floor")
	printf '| %s | `/actuator/health`: %s req/s | %s req/s, p99 %s | %s | ≥ 0.30 | %s |\n' "$2" "$(or_na "$floor")" "$(or_na "$rps")" \
		"$(or_na "$p99")" "$(or_na "$ratio_")" "$(verdict "$ratio_" ge 0.30)"
}
MEM_VERDICT="not measured"
IMPORT_OK=0; [ -n "$(get import_s)" ] && IMPORT_OK=1
OFFICER=$(get officer)
if [ "$IMPORT_OK" = 1 ]; then MEM_VERDICT="**pass**"; elif [ -n "$(get import_error)" ]; then MEM_VERDICT="**FAIL**"; fi
{
	echo "# Benchmark results ($SIZE)"
	echo
	echo "Written by \`bench/run.sh --size $SIZE\` on $(get run_date), commit \`$(get commit)\`. Every figure is a ratio"
	echo "against its floor measured in the same run, on the same PostgreSQL cluster. See bench/README.md for the method,"
	echo "and for the causes of the misses and what to change."
	echo
	[ -n "${BENCH_NOTE:-}" ] && { echo "$BENCH_NOTE"; echo; }
	echo "| figure | floor | system | ratio | target | result |"
	echo "|---|---|---|---|---|---|"
	printf '| import of the %s-case CSV (%s MB) through the system, validation included | PostgreSQL `\\copy` into an equally indexed staging table: %s s (mean of %s before and %s after) | %s s | %s | ≤ 3 | %s |\n' \
		"$(thousands "$CASE_ROWS")" "$(get cases_csv_mb)" "$(s1 "$(get copy_s)")" "$(s1 "$(get copy_before_s)")" "$(s1 "$(get copy_after_s)")" "$(s1 "$(get import_s)")" "$(or_na "$IMPORT_RATIO")" "$(verdict "$IMPORT_RATIO" le 3)"
	printf '| memory of that import | JVM with `-Xmx%s` | %s; peak RSS %s MB | — | completes | %s |\n' \
		"$HEAP" "$([ "$IMPORT_OK" = 1 ] && echo completed || echo "did not complete")" "$(or_na "$(get import_rss_mb)")" "$MEM_VERDICT"
	printf '| import of a %s-row .xlsx (%s MB), `-Xmx%s` | the same rows as CSV (%s MB) through the system: %s s | %s s; peak RSS %s MB | %s | ≤ 2 | %s |\n' \
		"$(thousands "$XCASE_ROWS")" "$(get xlsx_mb)" "$HEAP" "$(get xcsv_mb)" "$(s1 "$(get x_csv_s)")" "$(s1 "$(get x_xlsx_s)")" \
		"$(or_na "$(get x_xlsx_rss_mb)")" "$(or_na "$X_RATIO")" "$(verdict "$X_RATIO" le 2)"
	if [ "$SPLIT" = 1 ]; then
		printf '| a quarter'"'"'s scores + rankings + standards of every bureau (%s bureaus, each its own pools; median of Q2–Q4) | the hand-written SQL aggregate of the totals, one statement per bureau: %s s (the whole province in one statement: %s s) | %s s (3 calls per bureau on one connection, summed) | %s | ≤ 1.5 | %s |\n' \
			"$(or_na "$(get score_bureaus)")" "$(s1 "$(get score_floor_s)")" "$(s1 "$(get score_floor_whole_s)")" "$(s1 "$(get score_system_s)")" "$(or_na "$SCORE_RATIO")" "$(verdict "$SCORE_RATIO" le 1.5)"
	else
		printf '| a quarter'"'"'s scores + rankings + standards for the %s (median of Q2–Q4) | one hand-written SQL aggregate of the totals: %s s | %s s | %s | ≤ 1.5 | %s |\n' \
			"$SIZE" "$(s1 "$(get score_floor_s)")" "$(s1 "$(get score_system_s)")" "$(or_na "$SCORE_RATIO")" "$(verdict "$SCORE_RATIO" le 1.5)"
	fi
	IN_ONE=""; [ "$SPLIT" = 1 ] && IN_ONE=" of one bureau ($(or_na "$(get page_bureau_name)"), as its 法制科)"
	page_row breakdown "one officer's breakdown page \`/scores/$(or_na "$OFFICER")?period=$YEAR-Q1\` ($(or_na "$(get officer_cases)") cases)$IN_ONE, $WRK_CONNECTIONS users"
	page_row rankings "the rankings page \`/rankings?period=$YEAR-Q1\`$IN_ONE, $WRK_CONNECTIONS users"
	page_row dashboard "the dashboard \`$(or_na "$(get dashboard_path)")\`$IN_ONE, $WRK_CONNECTIONS users"
	page_row region "the province's comparison of its bureaus \`/region?quarter=$YEAR-Q1\` (as 省厅法制处), $WRK_CONNECTIONS users"
	printf '| throughput of two instances on the same machine (one PostgreSQL, nginx round robin), `%s`, %s users | one instance behind the same nginx: %s req/s (mean of %s and %s) | two instances: %s req/s (mean of %s and %s) | %s | ≥ 0.9 | %s |\n' \
		"$(or_na "$(get cluster_path)")" "$WRK_CONNECTIONS" "$(or_na "$(get cluster_one_rps)")" "$(or_na "$(get wrk_cluster_one1_rps)")" "$(or_na "$(get wrk_cluster_one2_rps)")" \
		"$(or_na "$(get cluster_two_rps)")" "$(or_na "$(get wrk_cluster_two1_rps)")" "$(or_na "$(get wrk_cluster_two2_rps)")" "$(or_na "$CLUSTER_RATIO")" "$(verdict "$CLUSTER_RATIO" ge 0.9)"
	printf '| cold start to healthy on the province database | the same jar on an empty database: %s s (mean of %s before and %s after) | %s s | %s | ≤ 2 | %s |\n' \
		"$(s1 "$(get start_empty_s)")" "$(s1 "$(get start_empty1_s)")" "$(s1 "$(get start_empty2_s)")" "$(s1 "$(get start_province_s)")" "$(or_na "$START_RATIO")" "$(verdict "$START_RATIO" le 2)"
	echo
	if [ "$PHASES" != "$ALL_PHASES" ] && [ "$REPORT" = 0 ]; then
		echo "**Partial run**: only the phases \`${PHASES:1:-1}\` ran now; the other figures are those of the previous run."
		echo
	fi
	MISSING=$(for k in "${!R[@]}"; do [[ "$k" == missing_* ]] && echo "- ${R[$k]}"; done | sort -u)
	if [ -n "$MISSING" ]; then
		echo "## Not measured or failed"
		echo
		echo "$MISSING"
		echo
	fi
	echo "## Machine"
	echo
	echo "- CPU: $(lscpu 2>/dev/null | awk -F: '/Model name/ { gsub(/^ +/, "", $2); print $2; exit }'), nproc $(nproc)"
	echo "- memory: $(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo); load average (1, 5, 15 min) at the start $(get load_start), at the end $(get load_end)"
	echo "- $(java -version 2>&1 | head -1); JVM options \`${JAVA_OPTS[*]}\` for every run of the system"
	echo "- $("$PGBIN/postgres" --version); settings: bench/postgresql.bench.conf"
	echo "- $(uname -sr); wrk $(wrk -v 2>&1 | head -1 | awk '{ print $2 }'), $WRK_CONNECTIONS connections, 2 threads, ${WRK_SECONDS} s after a 5 s warm-up, all paths first warmed up in two rounds of ${WRK_WARMUP_SECONDS} s each, loopback"
	echo
	echo "## Details"
	echo
	echo "- jar: \`${JAR#$ROOT/}\`$([ -n "${BENCH_JAR:-}" ] && echo ' (given with BENCH_JAR, not built from this commit)')"
	if [ "$SPLIT" = 1 ]; then
		echo "- data: \`GenerateBureau $DARGS\`: $(or_na "$(get bureaus_opened)") bureaus (浙江's county-level 综合行政执法局, bureaus.csv), $(thousands "$(or_na "$(get db_people)")") people, $(thousands "$CASE_ROWS") cases; in the database after the import: $(or_na "$(get db_cases)") cases in $(or_na "$(get db_bureaus)") bureaus, size $(or_na "$(get db_size)")"
		echo "- the bureaus opened one by one through \`POST /api/v1/bureaus\` as 省厅法制处 (each with its catalogues and its two first administrators) in $(s1 "$(get open_bureaus_s)") s; the six lists imported as 省厅法制处 through \`POST /api/v1/imports/{kind}\`, each file split by its 所属执法局 column into its bureaus (one transaction per file)"
		echo "- pages measured as the 法制科 (LEGAL) of $(or_na "$(get page_bureau_name)") (\`$(or_na "$(get page_bureau)")\`, the bureau with the most cases: $(thousands "$(or_na "$(get page_bureau_cases)")") cases, $(or_na "$(get page_bureau_people)") people); the comparison page as 省厅法制处, its first view: the page with the progress in $(s1 "$(get region_page_s)") s, the comparison (every bureau's dashboard computed) there after $(s1 "$(get region_first_s)") s"
		echo "- the COPY floor keeps the 所属执法局 column (bureau_name) where case_file keeps bureau_id, in the same two indexes (unique with 案件编号; with the conclusion date) — bench/sql/copy-floor.sql"
	else
		echo "- data: \`GenerateBureau $DARGS\` (one bureau: $(thousands "$CASE_ROWS") cases; in the database after the import: $(or_na "$(get db_cases)"), size $(or_na "$(get db_size)"))"
	fi
	echo "- province import, seconds: domains $(or_na "$(get import_province_domains_s)"), units $(or_na "$(get import_province_units_s)"), people $(or_na "$(get import_province_people_s)"), cases $(or_na "$(get import_s)"), deductions $(or_na "$(get import_province_deductions_s)"), awards $(or_na "$(get import_province_awards_s)"); answer: \`$(or_na "$(get import_body)")\`"
	echo "- peak RSS (VmHWM) of the importing JVM: $(or_na "$(get import_rss_before_mb)") MB before the cases, $(or_na "$(get import_rss_mb)") MB after them, $(or_na "$(get import_rss_after_all_mb)") MB after all lists; .xlsx run $(or_na "$(get x_xlsx_rss_mb)") MB, its CSV twin $(or_na "$(get x_csv_rss_mb)") MB"
	echo "- the .xlsx figure uses the case list of \`GenerateBureau $XARGS\`; each format into its own fresh database after the same reference lists"
	for p in "${QUARTERS[@]}"; do
		echo "- $p: floor $(or_na "$(get "floor_$p")") s; system $(or_na "$(get "system_$p")") s = scores $(or_na "$(get "api_scores_${p}_s")") + rankings $(or_na "$(get "api_rankings_${p}_s")") + standards $(or_na "$(get "api_standards_${p}_s")")$([ "$p" = "$YEAR-Q1" ] && echo ' (warm-up, not in the median)')"
	done
	echo "- people in the scores answer(s) of $YEAR-Q2: $(or_na "$(get score_people)"); rows of the floor aggregate: $(or_na "$(get floor_people)")"
	[ "$SPLIT" = 1 ] && for p in "${QUARTERS[@]}"; do echo "- $p: the whole province in one statement of the floor: $(or_na "$(get "floor_whole_$p")") s"; done
	for n in health0 breakdown health1 rankings health2 dashboard health3 region health4 cluster_one1 cluster_two1 cluster_two2 cluster_one2; do
		[ -n "$(get "wrk_${n}_rps")" ] && echo "- wrk $n: $(get "wrk_${n}_rps") req/s, p50 $(get "wrk_${n}_p50_ms") ms, p99 $(get "wrk_${n}_p99_ms") ms, page $(or_na "$(get "page_${n}_kb")") KB$( [ -n "$(get "wrk_${n}_bad")" ] && echo ", non-2xx/3xx: $(get "wrk_${n}_bad")")"
	done
	[ -n "$(get cluster_one_rps)" ] && echo "- two instances: nginx $(get nginx_version) on 127.0.0.1, \`-Xmx$HEAP\` each, one PostgreSQL; $(get cluster_upstreams) upstream(s) answered 4 requests through the round robin; load average $(get cluster_load_before) before the four runs, $(get cluster_load_after) after; server errors (500) in the two instances' logs: $(or_na "$(get cluster_server_errors)"), of which duplicate session attributes: $(or_na "$(get cluster_duplicate_session_attributes)")"
	echo "- EXPLAIN (ANALYZE, BUFFERS) of the statements over ${EXPLAIN_MS} ms: ${EXPLAIN_DIR#$ROOT/}/ ($(ls "$EXPLAIN_DIR"/*.txt 2>/dev/null | wc -l) files)"
} > "$RESULTS"
cat "$RESULTS"
say "done"
exit 0
}
