# Sourced by bench/profile-*.sh: where the last bench/run.sh left its cluster and jar, psql on that cluster as the
# superuser, and what the scripts share (below). Sets HERE ROOT OUT PGBIN PGDATA PROF PASSWORD JAR PG_AS PGPORT and psql_.
HERE=$(cd "$(dirname "${BASH_SOURCE[1]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
OUT="$HERE/out"
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PGDATA="$OUT/pg/data"
PROF="$OUT/profile"
PASSWORD=Bench-legal-2024!
JAR=$(readlink -f "${BENCH_JAR:-$(ls "$ROOT"/target/case-quality-*.jar | grep -v plain | head -1)}")
mkdir -p "$PROF"
PG_AS=(); [ "$(id -u)" = 0 ] && PG_AS=(runuser -u postgres --)
PGPORT=$(awk '$1 == "port" { p = $3 } END { print p }' "$PGDATA/postgresql.conf")
psql_() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U postgres "$@"; }

# pg_start_stats DB [LIBRARY…]: (re)starts the cluster with pg_stat_statements (and the libraries given) preloaded,
# planning times tracked, the extension in DB; at exit the application (APP) is killed, the extension dropped and the
# cluster stopped.
pg_start_stats() {
	local db=$1 libs; shift
	libs=$(printf '%s,' "$@" pg_stat_statements); libs=${libs%,}
	STATS_DB=$db
	"${PG_AS[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" stop -m fast >/dev/null 2>&1
	"${PG_AS[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" -l "$OUT/pg/postgres.log" -w \
		-o "-c shared_preload_libraries=$libs -c pg_stat_statements.track_planning=on" start >/dev/null || exit 1
	trap '[ -n "${APP:-}" ] && kill "$APP" 2>/dev/null; psql_ -d "$STATS_DB" -c "drop extension if exists pg_stat_statements" >/dev/null 2>&1; "${PG_AS[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" stop -m fast >/dev/null 2>&1' EXIT
	psql_ -d "$db" -c "create extension if not exists pg_stat_statements" >/dev/null
}

# app_start DB NAME [JVM OPTION…] [-- APPLICATION ARGUMENT…]: the jar on database DB of the cluster as the bench runs it
# (connecting as cq_app, which row-level security binds; migrating as the owner), -Xmx512m, on a free port, its log
# $PROF/app-NAME.log and data directory $PROF/data-NAME; waits until it is healthy. Sets APP (the JVM's pid) and BASE.
app_start() {
	local db=$1 name=$2 jvm=() args=() port; shift 2
	while [ $# -gt 0 ] && [ "$1" != -- ]; do jvm+=("$1"); shift; done
	[ "${1:-}" = -- ] && shift && args=("$@")
	port=$(( 20000 + RANDOM % 30000 ))
	BASE="http://127.0.0.1:$port"
	( cd "$PROF" && CQ_DATA_DIR="$PROF/data-$name" exec java -XX:+ExitOnOutOfMemoryError -Xmx512m "${jvm[@]}" -jar "$JAR" \
		--server.address=127.0.0.1 --server.port=$port --spring.datasource.url="jdbc:postgresql://127.0.0.1:$PGPORT/$db${BENCH_JDBC_OPTS:-}" \
		--spring.datasource.username=cq_app --spring.datasource.password=bench-app-role \
		--spring.flyway.url="jdbc:postgresql://127.0.0.1:$PGPORT/$db" --spring.flyway.user=postgres --spring.flyway.password= \
		"${args[@]}" > "$PROF/app-$name.log" 2>&1 ) &
	APP=$!
	until curl -s "$BASE/actuator/health" | grep -q UP; do
		kill -0 "$APP" 2>/dev/null || { echo "app died, see $PROF/app-$name.log"; exit 1; }
		sleep 0.5
	done
}

# sign_in USERNAME: signs in on the login page as a browser does; sets SESSION (the session cookie's value).
sign_in() {
	local cookies="$PROF/cookies-$1.txt" csrf
	rm -f "$cookies"
	csrf=$(curl -s -c "$cookies" -b "$cookies" "$BASE/login" | grep -o '<input[^>]*name="_csrf"[^>]*>' | grep -o 'value="[^"]*"' | head -1 | cut -d'"' -f2)
	curl -s -o /dev/null -c "$cookies" -b "$cookies" --data-urlencode "username=$1" \
		--data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$csrf" "$BASE/login"
	SESSION=$(awk '$6 == "JSESSIONID" { print $7 }' "$cookies" | tail -1)
	[ -n "$SESSION" ] || { echo "sign-in as $1 failed"; exit 1; }
}

# hot_frames JFR PATTERN N: the N hottest frames of a recording by their own samples, then the frames matching PATTERN
# (a regular expression) anywhere on the stack, by the share of samples they are in.
hot_frames() {
	echo "hottest frames (self):"
	jfr print --events jdk.ExecutionSample --stack-depth 1 "$1" \
		| awk '/stackTrace = \[/ { getline; sub(/^ +/, ""); sub(/line:.*/, ""); n[$0]++; t++ } END { for (f in n) printf "%6.1f%%  %s\n", 100 * n[f] / t, f }' \
		| sort -rn | head -"$3"
	echo "frames matching $2 anywhere on the stack (inclusive):"
	jfr print --events jdk.ExecutionSample --stack-depth 96 "$1" \
		| awk -v p="$2" '/jdk.ExecutionSample/ { t++; delete seen } $0 ~ p { f = $0; sub(/^ +/, "", f); sub(/line:.*/, "", f); sub(/\(.*/, "", f); if (!(f in seen)) { seen[f] = 1; n[f]++ } } END { for (f in n) printf "%6.1f%%  %s\n", 100 * n[f] / t, f }' \
		| sort -rn | head -"$3"
}
