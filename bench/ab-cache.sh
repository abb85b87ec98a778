#!/usr/bin/env bash
# What a cache is worth: the same jar on the province database of the last bench/run.sh, with and without
# --cq.cache.bypass=CACHES (shared.DataCache constants, default FRAGMENTS), alternated ROUNDS times; each start signs
# in as legal, warms every path up (20 s each), then runs wrk (50 connections, 15 s) per path and prints req/s, p50,
# p99 and the JVM's CPU milliseconds per request (process CPU over the run ÷ requests). See bench/README.md.
#
#   bench/ab-cache.sh [JAR] [ROUNDS] [CACHES]      (run bench/run.sh first; it leaves the cluster in bench/out/pg)
set -uo pipefail
{
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
OUT=$HERE/out
AB=$OUT/ab
JAR=$(cd "$(dirname "${1:-$(ls "$HERE"/../target/case-quality-*.jar | head -1)}")" && pwd)/$(basename "${1:-$(ls "$HERE"/../target/case-quality-*.jar | head -1)}")
ROUNDS=${2:-2}
CACHES=${3:-FRAGMENTS}
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PGPORT=26999
YEAR=2024
mkdir -p "$AB"
PG_AS=(); [ "$(id -u)" = 0 ] && PG_AS=(runuser -u postgres --)
"${PG_AS[@]}" "$PGBIN/pg_ctl" -D "$OUT/pg/data" -l "$OUT/pg/ab.log" -o "-p $PGPORT -k $OUT/pg" -w start > /dev/null || exit 1
APP=""
trap '[ -n "$APP" ] && kill $APP 2>/dev/null; wait 2>/dev/null; "${PG_AS[@]}" "$PGBIN/pg_ctl" -D "$OUT/pg/data" -m fast stop > /dev/null' EXIT
OFFICER=$(psql -X -At -h 127.0.0.1 -p $PGPORT -U postgres -d cq -c "select p.employee_no from case_file c join person p on p.id in (c.lead_id, c.co_id)
	where c.concluded_on between '$YEAR-01-01' and '$YEAR-03-31' group by p.employee_no order by count(*) desc, 1 limit 1")
PATHS=(/actuator/health "/scores/$OFFICER?period=$YEAR-Q1" "/rankings?period=$YEAR-Q1" /dashboard)
for round in $(seq 1 "$ROUNDS"); do
	for mode in cached bypass; do
		extra=(); [ $mode = bypass ] && extra=(--cq.cache.bypass="$CACHES")
		PORT=$((27100 + round * 10 + ${#extra[@]}))
		BASE=http://127.0.0.1:$PORT
		( cd "$AB" && CQ_LEGAL_PASSWORD="${CQ_LEGAL_PASSWORD:-Bench-legal-2024!}" CQ_ADMIN_PASSWORD="${CQ_ADMIN_PASSWORD:-Bench-admin-2024!}" \
			CQ_DATA_DIR="$AB/data" exec java -XX:+ExitOnOutOfMemoryError -Xmx512m -jar "$JAR" --server.address=127.0.0.1 \
			--server.port=$PORT --spring.datasource.url="jdbc:postgresql://127.0.0.1:$PGPORT/cq" \
			--spring.datasource.username=postgres --spring.datasource.password= "${extra[@]}" > "$AB/app-$round-$mode.log" 2>&1 ) &
		APP=$!
		until curl -s -m 2 "$BASE/actuator/health" | grep -q UP; do sleep 0.5; kill -0 $APP 2>/dev/null || exit 1; done
		rm -f "$AB/cookies"
		page=$(curl -s -c "$AB/cookies" -b "$AB/cookies" "$BASE/login")
		csrf=$(grep -o '<input[^>]*name="_csrf"[^>]*>' <<< "$page" | grep -o 'value="[^"]*"' | head -1 | cut -d'"' -f2)
		curl -s -o /dev/null -c "$AB/cookies" -b "$AB/cookies" --data-urlencode username=legal \
			--data-urlencode "password=${CQ_LEGAL_PASSWORD:-Bench-legal-2024!}" --data-urlencode "_csrf=$csrf" "$BASE/login"
		S=$(awk '$6 == "JSESSIONID" { print $7 }' "$AB/cookies" | tail -1)
		for p in "${PATHS[@]}"; do wrk -t2 -c50 -d20s --timeout 10s -H "Cookie: JSESSIONID=$S" "$BASE$p" > /dev/null 2>&1; done
		for p in "${PATHS[@]}"; do
			c0=$(awk '{ print $14 + $15 }' /proc/$APP/stat)
			r=$(wrk -t2 -c50 -d15s --timeout 10s --latency -H "Cookie: JSESSIONID=$S" "$BASE$p" 2>&1)
			c1=$(awk '{ print $14 + $15 }' /proc/$APP/stat)
			n=$(awk '/requests in/ { print $1 }' <<< "$r")
			cpu=$(awk -v a="$c0" -v b="$c1" -v n="$n" -v hz="$(getconf CLK_TCK)" 'BEGIN { if (n > 0) printf "%.2f", (b - a) * 1000 / hz / n }')
			echo "$(date +%T) round $round $mode $p $(awk '/^Requests\/sec:/ { print $2 }' <<< "$r") req/s p50 $(awk '$1 == "50%" { print $2 }' <<< "$r") p99 $(awk '$1 == "99%" { print $2 }' <<< "$r") cpu_ms_per_req $cpu load $(cut -d' ' -f1 /proc/loadavg)"
		done
		kill $APP; wait $APP 2>/dev/null; APP=""
	done
done
exit 0
}
