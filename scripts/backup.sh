#!/usr/bin/env bash
# Backs up the database of the system (数据备份).
#
#   scripts/backup.sh embedded FILE [DATA_DIR]
#        the embedded PostgreSQL of the default setup (DATA_DIR: $CQ_DATA_DIR or ./data).
#        Application running: pg_dump -Fc of the running server (online, a consistent snapshot), which needs
#        Debian's postgresql-client-15. Application stopped: a file copy of the cluster (tar.gz of DATA_DIR/pg and
#        its password file) — never copy the files while the application runs.
#   scripts/backup.sh postgres FILE
#        an external PostgreSQL, online: pg_dump -Fc. Connection from the usual libpq variables: PGHOST PGPORT
#        PGUSER PGDATABASE (PGPASSWORD or ~/.pgpass).
#
# The file is checked after writing (pg_restore --list / tar's listing); exit status 0 only for a good backup. Keep
# totp.key (in DATA_DIR, or the key of CQ_TOTP_KEY) with the backups: without it every user enrols his second factor
# again.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$HERE/db-tools.sh"

kind=${1:-}
file=${2:-}
[ -n "$kind" ] && [ -n "$file" ] || { sed -n '2,17p' "$0" >&2; exit 2; }

dump() { # pg_dump of the database the libpq variables name, checked, then moved into place
	local tmp="$file.part"
	"$(pg_tool pg_dump)" --format=custom --compress=6 --no-password --file="$tmp"
	"$(pg_tool pg_restore)" --list "$tmp" > /dev/null
	mv -f "$tmp" "$file"
}

case "$kind" in
	embedded)
		dir=$(data_dir "${3:-}")
		[ -d "$dir/pg" ] || { echo "no embedded database in $dir (no $dir/pg)" >&2; exit 1; }
		if embedded_running "$dir"; then
			embedded_env "$dir"
			dump
			echo "embedded PostgreSQL of $dir (running, port $PGPORT) dumped to $file ($(stat -c %s "$file") bytes)"
		else
			tmp="$file.part"
			tar -czf "$tmp" -C "$dir" pg pg-password
			tar -tzf "$tmp" > /dev/null
			mv -f "$tmp" "$file"
			echo "embedded PostgreSQL of $dir (stopped) copied to $file ($(stat -c %s "$file") bytes)"
		fi
		;;
	postgres|pg)
		dump
		echo "PostgreSQL ${PGDATABASE:-$USER} backed up to $file ($(stat -c %s "$file") bytes)"
		;;
	*) echo "kind must be embedded or postgres" >&2; exit 2 ;;
esac
