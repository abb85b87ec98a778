#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh (数据恢复).
#
#   scripts/restore.sh embedded FILE [DATA_DIR]
#        a file copy (.tar.gz, made with the application stopped): STOP THE APPLICATION FIRST. The current cluster is
#        kept as DATA_DIR/pg.before-restore-<time>, then the copy is unpacked; on any error the kept one is put back.
#        a dump (pg_dump -Fc, made while the application ran): with the APPLICATION RUNNING, restored into its
#        embedded server in one transaction (all or nothing); restart the application afterwards.
#   scripts/restore.sh postgres FILE
#        into the database of PGDATABASE (libpq variables as for backup.sh): pg_restore --clean --if-exists in one
#        transaction — the database is either entirely the backup's or, on any error, unchanged.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$HERE/db-tools.sh"

kind=${1:-}
file=${2:-}
[ -n "$kind" ] && [ -n "$file" ] || { sed -n '2,13p' "$0" >&2; exit 2; }
[ -f "$file" ] || { echo "no backup file $file" >&2; exit 1; }

pg_restore_() {
	"$(pg_tool pg_restore)" --clean --if-exists --no-owner --single-transaction --exit-on-error --no-password \
		--dbname="${PGDATABASE:-$USER}" "$file"
}

case "$kind" in
	embedded)
		dir=${3:-${CQ_DATA_DIR:-./data}}
		mkdir -p "$dir"; dir=$(data_dir "$dir")
		if [ "$(head -c 5 "$file")" = "PGDMP" ]; then
			embedded_running "$dir" || { echo "a dump is restored into the running application's database: start the application first" >&2; exit 1; }
			embedded_env "$dir"
			pg_restore_
			echo "embedded PostgreSQL of $dir restored from the dump $file: restart the application now"
		else
			if embedded_running "$dir"; then
				echo "the application is running on $dir: stop it first (a file copy is restored with the database stopped)" >&2
				exit 1
			fi
			tar -tzf "$file" > /dev/null || { echo "$file is neither a dump nor a file copy made by backup.sh" >&2; exit 1; }
			kept=""
			if [ -d "$dir/pg" ]; then
				kept="$dir/pg.before-restore-$(date +%Y%m%d%H%M%S)"
				mv "$dir/pg" "$kept"
				[ -f "$dir/pg-password" ] && cp -p "$dir/pg-password" "$kept.pg-password"
			fi
			if ! tar -xzf "$file" -C "$dir"; then
				rm -rf "$dir/pg"
				if [ -n "$kept" ]; then mv "$kept" "$dir/pg"; cp -p "$kept.pg-password" "$dir/pg-password" 2>/dev/null || true; fi
				echo "restore failed: the database is as before" >&2
				exit 1
			fi
			rm -f "$dir/pg/postmaster.pid"
			echo "embedded PostgreSQL of $dir restored from the file copy $file${kept:+ (the previous cluster kept as $kept)}"
		fi
		;;
	postgres|pg)
		pg_restore_
		echo "PostgreSQL ${PGDATABASE:-$USER} restored from $file"
		;;
	*) echo "kind must be embedded or postgres" >&2; exit 2 ;;
esac
