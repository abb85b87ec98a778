#!/usr/bin/env bash
# Backs up the database of the system (数据备份).
#
#   scripts/backup.sh postgres FILE        PostgreSQL, online: pg_dump -Fc (custom format, compressed, consistent
#                                          snapshot while the application runs). Connection from the usual libpq
#                                          variables: PGHOST PGPORT PGUSER PGDATABASE (PGPASSWORD or ~/.pgpass).
#   scripts/backup.sh h2 FILE [DATA_DIR]   embedded H2 (the single-machine setup), with the APPLICATION STOPPED (H2
#                                          locks its file while the application runs): SCRIPT TO FILE as a zipped SQL
#                                          script. DATA_DIR defaults to $CQ_DATA_DIR or ./data.
#
# The file is checked after writing (pg_restore --list / the zip's integrity); exit status 0 only for a good backup.
# Keep totp.key (in DATA_DIR, or the key of CQ_TOTP_KEY) with the backups: without it every user enrols his second
# factor again. H2 jar: $H2_JAR, else the one inside target/case-quality-*.jar, else the local Maven repository.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$HERE/db-tools.sh"

kind=${1:-}
file=${2:-}
[ -n "$kind" ] && [ -n "$file" ] || { sed -n '2,14p' "$0" >&2; exit 2; }

case "$kind" in
	postgres|pg)
		pg_dump=$(pg_tool pg_dump)
		tmp="$file.part"
		"$pg_dump" --format=custom --compress=6 --no-password --file="$tmp"
		"$(pg_tool pg_restore)" --list "$tmp" > /dev/null
		mv -f "$tmp" "$file"
		echo "PostgreSQL ${PGDATABASE:-$USER} backed up to $file ($(stat -c %s "$file") bytes)"
		;;
	h2)
		dir=$(h2_dir "${3:-}")
		[ -f "$dir/cq.mv.db" ] || { echo "no H2 database at $dir/cq.mv.db" >&2; exit 1; }
		jar=$(h2_jar)
		tmp="$file.part"
		rm -f "$tmp"
		if ! java -cp "$jar" org.h2.tools.Script -url "$(h2_url "$dir")" -user "${CQ_H2_USER:-sa}" \
				-password "${CQ_H2_PASSWORD:-}" -script "$tmp" -options compression zip 2> "$tmp.err"; then
			if grep -q "Database may be already in use" "$tmp.err"; then
				echo "the H2 database is in use: stop the application first (H2 is backed up offline)" >&2
			else
				cat "$tmp.err" >&2
			fi
			rm -f "$tmp" "$tmp.err"
			exit 1
		fi
		rm -f "$tmp.err"
		unzip -tq "$tmp" > /dev/null
		mv -f "$tmp" "$file"
		echo "H2 $dir/cq backed up to $file ($(stat -c %s "$file") bytes)"
		;;
	*) echo "kind must be postgres or h2" >&2; exit 2 ;;
esac
