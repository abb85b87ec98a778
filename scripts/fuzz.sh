#!/usr/bin/env bash
# Fuzzes the importers with Jazzer, one fuzz test after the other, each for the maxDuration of its @FuzzTest (3 min).
#
#   scripts/fuzz.sh [ROUNDS] [TEST#method ...]
#
# Without names: every @FuzzTest of TabularFileFuzzTests and ImportFuzzTests. ROUNDS (default 1) repeats the whole
# list; the corpus Jazzer grows (.cifuzz-corpus/, not committed) is reused, so rounds fuzz longer in effect.
# A crash stops that test and leaves its input under src/test/resources/.../<Class>Inputs/<method>/crash-*:
# fix the code, keep the input (it replays in every ./mvnw verify), run again.
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
ROUNDS=${1:-1}
[ $# -gt 0 ] && shift
TARGETS=("$@")
if [ ${#TARGETS[@]} -eq 0 ]; then
	TARGETS=(
		TabularFileFuzzTests#anyUploadedBytesAreReadAsRowsOrRefusedWithAChineseMessage
		TabularFileFuzzTests#anyCellsOfAWorkbookAreReadAsText
		TabularFileFuzzTests#anySharedStringsPartIsReadOrRefusedWithAChineseMessage
		ImportFuzzTests#anyDomainRowsAreImportedOrRefusedWithRowAndColumn
		ImportFuzzTests#anyUnitRowsAreImportedOrRefusedWithRowAndColumn
		ImportFuzzTests#anyPersonRowsAreImportedOrRefusedWithRowAndColumn
		ImportFuzzTests#anyCaseRowsAreImportedOrRefusedWithRowAndColumn
		ImportFuzzTests#anyDeductionRowsAreImportedOrRefusedWithRowAndColumn
		ImportFuzzTests#anyAwardRowsAreImportedOrRefusedWithRowAndColumn
	)
fi
# Coverage-guided in our code and in the parsers it relies on (commons-csv, POI's package and event reader).
INSTRUMENT='cn.wucheng.**,org.apache.commons.csv.**,org.apache.poi.openxml4j.**,org.apache.poi.xssf.eventusermodel.**'
mkdir -p target/fuzz
status=0
for round in $(seq 1 "$ROUNDS"); do
	for t in "${TARGETS[@]}"; do
		log="target/fuzz/${t//#/.}.log"
		echo "$(date +%T) round $round: fuzzing $t (log $log)"
		JAZZER_FUZZ=1 ./mvnw -o -q test -Dtest="$t" -Dsurefire.failIfNoSpecifiedTests=false \
			-Djazzer.instrument="$INSTRUMENT" > "$log" 2>&1
		rc=$?
		grep -E '^#[0-9]+ +DONE|Done [0-9]+ runs' "$log" | tail -1
		if [ $rc -ne 0 ]; then echo "  FAILED (a finding, see $log)"; status=1; fi
	done
done
exit $status
