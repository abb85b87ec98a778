#!/usr/bin/env bash
# Scans the running application with wapiti (web vulnerabilities) and sqlmap (SQL injection), bounded in time.
#
#   scripts/scan.sh [--skip-build] [--wapiti-seconds N] [--sqlmap-seconds N] [--only wapiti|sqlmap] [--keep]
#                   [--base http://127.0.0.1:PORT --session JSESSIONID]   (scan an instance already running, signed in)
#
# Packages the jar (unless --skip-build and a jar exists), starts it on 127.0.0.1 (a free port) with a fresh embedded
# database under target/scan/data and the demo bureau (--demo), signs in as the legal section (form login, cookie)
# and runs:
#   - wapiti over every page the legal section reaches (logout, password change, demo load excluded so the scan keeps
#     its session and data), modules that need no network beyond 127.0.0.1;
#   - sqlmap on the parameters of the pages and API calls that reach SQL (lists, filters, scores, standards, coverage),
#     with the session cookie.
# Reports go to target/scan/ (wapiti/report.json, sqlmap/, app.log, summary.txt). Not part of ./mvnw verify.
# Needs: Java 17, curl, wapiti and sqlmap (Debian: apt-get install -y wapiti sqlmap). Findings: SECURITY.md, "Scans".
set -uo pipefail
{ # one compound command, parsed before it runs: editing this file cannot break a running scan

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT="$ROOT/target/scan"
SKIP_BUILD=0
KEEP=0
WAPITI_SECONDS=900
SQLMAP_SECONDS=900
ONLY=""
BASE=""
SESSION=""
PASSWORD=${CQ_LEGAL_PASSWORD:-Scan-legal-2024!}

while [ $# -gt 0 ]; do
	case "$1" in
		--skip-build) SKIP_BUILD=1 ;;
		--keep) KEEP=1 ;;
		--wapiti-seconds) WAPITI_SECONDS=$2; shift ;;
		--sqlmap-seconds) SQLMAP_SECONDS=$2; shift ;;
		--only) ONLY=$2; shift ;;
		--base) BASE=$2; shift ;;
		--session) SESSION=$2; shift ;;
		-h|--help) sed -n '2,15p' "$0"; exit 0 ;;
		*) echo "unknown argument $1" >&2; exit 2 ;;
	esac
	shift
done

for tool in java curl wapiti sqlmap; do
	command -v "$tool" > /dev/null || { echo "scan.sh: $tool is missing (apt-get install -y wapiti sqlmap)" >&2; exit 2; }
done

say() { echo "[scan $(date -u +%H:%M:%S)] $*" | tee -a "$OUT/summary.txt"; }

# a fresh database each time; the reports of the tool not run this time are kept
[ -z "$BASE" ] && rm -rf "$OUT/data" "$OUT/app.log" "$OUT/cookies.txt"
[ "$ONLY" != sqlmap ] && rm -rf "$OUT/wapiti"
[ "$ONLY" != wapiti ] && rm -rf "$OUT/sqlmap"
mkdir -p "$OUT/wapiti" "$OUT/sqlmap" "$OUT/data"
echo "== scan $(date -u '+%Y-%m-%d %H:%M') UTC ${ONLY:+(only $ONLY)}" >> "$OUT/summary.txt"

if [ -z "$BASE" ]; then
JAR=$(ls "$ROOT"/target/*.jar 2>/dev/null | grep -v -e '-plain.jar' -e mockito | head -1)
if [ "$SKIP_BUILD" = 0 ] || [ -z "$JAR" ]; then
	say "packaging the jar (tests skipped)"
	(cd "$ROOT" && ./mvnw -o -q -Dmaven.test.skip=true package) > "$OUT/build.log" 2>&1 || { say "build failed, see $OUT/build.log"; exit 1; }
	JAR=$(ls "$ROOT"/target/*.jar | grep -v -e '-plain.jar' -e mockito | head -1)
fi

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
say "starting $(basename "$JAR") on $BASE with the demo bureau"
( cd "$OUT" && CQ_LEGAL_PASSWORD="$PASSWORD" CQ_ADMIN_PASSWORD="$PASSWORD-a" CQ_SECURITY_PASSWORD="$PASSWORD-s" \
	CQ_AUDIT_PASSWORD="$PASSWORD-u" CQ_DATA_DIR="$OUT/data" \
	exec java -XX:+ExitOnOutOfMemoryError -Xmx768m -jar "$JAR" --server.address=127.0.0.1 --server.port="$PORT" --demo ) > "$OUT/app.log" 2>&1 &
APP_PID=$!
stop_app() {
	if [ "$KEEP" = 0 ] && [ -n "${APP_PID:-}" ] && kill -0 "$APP_PID" 2>/dev/null; then
		kill "$APP_PID"
		for _ in $(seq 1 40); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
		kill -0 "$APP_PID" 2>/dev/null && kill -9 "$APP_PID"
	fi
}
trap stop_app EXIT

for _ in $(seq 1 600); do
	kill -0 "$APP_PID" 2>/dev/null || { say "the application stopped, see $OUT/app.log"; exit 1; }
	[[ "$(curl -s -m 2 "$BASE/actuator/health")" == *'"UP"'* ]] && break
	sleep 1
done
# --demo loads the bureau while starting (the server answers meanwhile): wait for the loader's last log line
for _ in $(seq 1 900); do
	grep -q -e '已加载演示单位' -e '演示数据导入失败' -e '未加载演示数据' "$OUT/app.log" && break
	sleep 1
done
say "application healthy: $(grep -o -e '已加载演示单位.*' -e '演示数据导入失败.*' "$OUT/app.log" | head -1 | cut -c1-200)"

JAR_COOKIES="$OUT/cookies.txt"
page=$(curl -s -c "$JAR_COOKIES" -b "$JAR_COOKIES" "$BASE/login")
csrf=$(grep -o '<input[^>]*name="_csrf"[^>]*>' <<< "$page" | grep -o 'value="[^"]*"' | head -1 | cut -d'"' -f2)
code=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -c "$JAR_COOKIES" -b "$JAR_COOKIES" \
	--data-urlencode "username=legal" --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$csrf" "$BASE/login")
SESSION=$(awk '$6 == "JSESSIONID" { print $7 }' "$JAR_COOKIES" | tail -1)
if [[ "$code" != 302* ]] || [[ "$code" == *error* ]] || [ -z "$SESSION" ]; then
	say "login failed ($code)"; exit 1
fi
else
	say "scanning the running instance $BASE"
fi
cases=$(curl -s -b "JSESSIONID=$SESSION" "$BASE/api/v1/scores?period=$(( $(date +%Y) - 1 ))-Q1" | grep -o '"employeeNo"' | wc -l)
say "signed in; the demo bureau has $cases people with points in Q1 of last year"

if [ "$ONLY" != sqlmap ]; then
# A quarter of the time crawling, the rest shared by the attack modules (all local: no module that needs the
# network, such as ssrf, wapp or nikto; the out-of-band endpoints point at the application itself). Wapiti 3.0.4 still
# tries to download its wapp database when it loads its modules; without network that fails, harmlessly.
WAPITI_MODULES="sql,blindsql,xss,permanentxss,exec,file,redirect,crlf,xxe,csrf,htaccess,methods,backup,cookieflags,csp,http_headers"
ATTACK_SECONDS=$(( WAPITI_SECONDS * 3 / 4 / 16 ))
say "wapiti $(wapiti --version 2>/dev/null | grep -o 'Wapiti [0-9.]*' | head -1) for at most ${WAPITI_SECONDS}s"
# Debian's wapiti 3.0.4 builds its exclusion patterns with a trailing "(?ms)", which Python 3.11 refuses: run it
# with that one function corrected.
timeout --signal=INT $((WAPITI_SECONDS + 300)) /usr/bin/python3 -c '
import re, sys
import wapitiCore.net.crawler as crawler
def wildcard_translate(pattern):
    return re.compile("(?ms)" + "".join(".*" if c == "*" else re.escape(c) for c in pattern) + r"\Z")
crawler.wildcard_translate = wildcard_translate
from wapitiCore.main.wapiti import wapiti_main
sys.argv[0] = "wapiti"
sys.exit(wapiti_main())
' -u "$BASE/" --scope folder --no-bugreport \
	--endpoint "$BASE/" --external-endpoint "$BASE/" --internal-endpoint "$BASE/" \
	-H "Cookie: JSESSIONID=$SESSION" \
	-x "$BASE/logout" -x "$BASE/account/password" -x "$BASE/account/totp" -x "$BASE/demo/load" \
	-x "$BASE/login" -x "$BASE/swagger-ui*" \
	-m "$WAPITI_MODULES" --max-scan-time $((WAPITI_SECONDS / 4)) --max-attack-time "$ATTACK_SECONDS" \
	--max-links-per-page 20 --max-files-per-dir 20 -d 3 -t 20 \
	--store-session "$OUT/wapiti/session" -f json -o "$OUT/wapiti/report.json" > "$OUT/wapiti/wapiti.log" 2>&1
say "wapiti finished (exit $?): $OUT/wapiti/report.json"
python3 - "$OUT/wapiti/report.json" <<'PY' | tee -a "$OUT/summary.txt"
import json, sys
try:
    r = json.load(open(sys.argv[1]))
except Exception as e:
    print("  no wapiti report:", e); sys.exit(0)
for kind in ("vulnerabilities", "anomalies", "additionals"):
    for name, items in sorted(r.get(kind, {}).items()):
        if items:
            print(f"  {kind}: {name}: {len(items)}")
            for i in items[:8]:
                print(f"    {i.get('method')} {i.get('path')} {i.get('parameter', '')} :: {str(i.get('info', ''))[:160]}")
print("  crawled:", len(r.get("infos", {}).get("crawled_pages", [])) if isinstance(r.get("infos"), dict) else "?")
PY

# the session must have survived the scan
still=$(curl -s -o /dev/null -w '%{http_code}' -b "JSESSIONID=$SESSION" "$BASE/cases")
say "session after wapiti: GET /cases -> $still"

fi

YEAR=$(( $(date +%Y) - 1 ))
# an employee number that exists (a 404 ends sqlmap's test of that URL)
NO=$(curl -s -b "JSESSIONID=$SESSION" "$BASE/api/v1/scores?period=$YEAR-Q1" | grep -o '"employeeNo":"[^"]*"' | head -1 | cut -d'"' -f4)
NO=${NO:-A001}
# the parameters that reach SQL as text (search words, handler, names, periods, employee numbers in the path: *)
{
	echo "$BASE/cases?q=test&handler=$NO&unit=1"
	echo "$BASE/people?q=test&unit=1"
	echo "$BASE/units?name=test&type=x"
	echo "$BASE/scores/$NO*?period=$YEAR-Q1"
	echo "$BASE/api/v1/scores?period=$YEAR-Q1"
	echo "$BASE/api/v1/scores/$NO*?period=$YEAR-Q1"
	echo "$BASE/api/v1/standards?period=$YEAR-Q1"
	echo "$BASE/api/v1/coverage?year=$YEAR&asOf=$YEAR-09-30"
	echo "$BASE/training/hours?year=$YEAR"
} > "$OUT/sqlmap/targets.txt"
if [ "$ONLY" != wapiti ]; then
say "sqlmap $(sqlmap --version 2>/dev/null | grep -o "^[0-9][0-9.#a-z]*" | head -1) on $(wc -l < "$OUT/sqlmap/targets.txt") URLs for at most ${SQLMAP_SECONDS}s"
timeout --signal=INT "$SQLMAP_SECONDS" sqlmap -m "$OUT/sqlmap/targets.txt" --batch --cookie="JSESSIONID=$SESSION" \
	--level=1 --risk=1 --technique=BEU --timeout=30 --retries=1 --threads=4 --skip=JSESSIONID \
	--output-dir="$OUT/sqlmap" --results-file="$OUT/sqlmap/results.csv" \
	> "$OUT/sqlmap/sqlmap.log" 2>&1
say "sqlmap finished (exit $?): $OUT/sqlmap/sqlmap.log"
grep -E "is vulnerable|injectable|might be injectable|all tested parameters do not appear" "$OUT/sqlmap/sqlmap.log" \
	| sort | uniq -c | tee -a "$OUT/summary.txt"
fi
still=$(curl -s -o /dev/null -w '%{http_code}' -b "JSESSIONID=$SESSION" "$BASE/cases")
say "session at the end: GET /cases -> $still; done"
exit 0
}
