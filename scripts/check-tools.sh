# Shared by the fault scripts (crash-import.sh, crash-embedded.sh; sourced, not run). They set OUT, LOG, RESULTS,
# BASE and PASSWORD before calling these.

say() { printf '%s %s\n' "$(date +%T)" "$*" | tee -a "$LOG" >&2; }

FAILED=0
check() { # NAME EXPECTED ACTUAL
	if [ "$2" = "$3" ]; then say "PASS $1 ($3)"; echo "PASS $1: $3" >> "$RESULTS"
	else say "FAIL $1: expected $2, got $3"; echo "FAIL $1: expected $2, got $3" >> "$RESULTS"; FAILED=1; fi
}

# A free port on 127.0.0.1, below Linux's ephemeral range (curl's own connections never take it).
free_port() { local p; for p in $(shuf -i 20000-30000 -n 50); do
	(exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return 0; }; done; return 1; }

import() { # KIND FILE LABEL: imports through the API as 法制科, prints "HTTP created updated unchanged"
	local body code
	code=$(curl -s -m 3600 -u "legal:$PASSWORD" -o "$OUT/logs/import-$3.json" -w '%{http_code}' \
		-F "file=@$2;type=text/csv" "$BASE/api/v1/imports/$1")
	body=$(cat "$OUT/logs/import-$3.json")
	n() { echo "$body" | grep -o "\"$1\":[0-9]*" | cut -d: -f2; }
	echo "$code $(n created) $(n updated) $(n unchanged)"
}
