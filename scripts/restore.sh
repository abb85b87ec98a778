#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh (数据恢复). Stop the application first.
#
#   scripts/restore.sh postgres FILE        into the database of PGDATABASE (libpq variables as for backup.sh):
#                                           pg_restore --clean --if-exists in one transaction — the database is
#                                           either entirely the backup's or, on any error, unchanged.
#   scripts/restore.sh h2 FILE [DATA_DIR]   the current database file is kept as cq.mv.db.before-restore-<time>,
#                                           then a new one is built from the script (RUNSCRIPT); on any error the
#                                           kept file is put back.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$HERE/db-tools.sh"

kind=${1:-}
file=${2:-}
[ -n "$kind" ] && [ -n "$file" ] || { sed -n '2,10p' "$0" >&2; exit 2; }
[ -f "$file" ] || { echo "no backup file $file" >&2; exit 1; }

case "$kind" in
	postgres|pg)
		"$(pg_tool pg_restore)" --clean --if-exists --no-owner --single-transaction --exit-on-error --no-password \
			--dbname="${PGDATABASE:-$USER}" "$file"
		echo "PostgreSQL ${PGDATABASE:-$USER} restored from $file"
		;;
	h2)
		dir=$(h2_dir "${3:-}")
		mkdir -p "$dir"
		jar=$(h2_jar)
		kept=""
		if [ -f "$dir/cq.mv.db" ]; then
			kept="$dir/cq.mv.db.before-restore-$(date +%Y%m%d%H%M%S)"
			mv "$dir/cq.mv.db" "$kept"
		fi
		if ! java -cp "$jar" org.h2.tools.RunScript -url "$(h2_url "$dir")" -user "${CQ_H2_USER:-sa}" \
				-password "${CQ_H2_PASSWORD:-}" -script "$file" -options compression zip; then
			rm -f "$dir/cq.mv.db"
			[ -n "$kept" ] && mv "$kept" "$dir/cq.mv.db"
			echo "restore failed: the database is as before" >&2
			exit 1
		fi
		echo "H2 $dir/cq restored from $file${kept:+ (the previous file kept as $kept)}"
		;;
	*) echo "kind must be postgres or h2" >&2; exit 2 ;;
esac
