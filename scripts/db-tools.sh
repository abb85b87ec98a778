# Shared by backup.sh and restore.sh (sourced, not run).

# pg_dump / pg_restore of the newest installed PostgreSQL (Debian's postgresql-client-NN), or from PATH. They must be
# of the server's major version or newer (pg_dump refuses a newer server; the embedded server is PostgreSQL 15).
pg_tool() {
	local t
	for t in $(ls -d /usr/lib/postgresql/*/bin/"$1" 2>/dev/null | sort -V -r) "$(command -v "$1" 2>/dev/null)"; do
		[ -x "$t" ] && { echo "$t"; return 0; }
	done
	echo "$1 not found: apt-get install postgresql-client-15" >&2
	return 1
}

# The data directory of the embedded database (as the application: CQ_DATA_DIR, else ./data).
data_dir() { local d=${1:-${CQ_DATA_DIR:-./data}}; (cd "$d" 2>/dev/null && pwd) || { echo "no data directory $d" >&2; return 1; }; }

# Whether the embedded PostgreSQL of DATA_DIR runs (the application is up): its postmaster.pid names a live process.
embedded_running() {
	local pid
	[ -f "$1/pg/postmaster.pid" ] || return 1
	pid=$(head -1 "$1/pg/postmaster.pid")
	[ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}

# libpq variables for the running embedded server of DATA_DIR: port from postmaster.pid (4th line), the generated
# password of its superuser from pg-password, the application's database cq.
embedded_env() {
	export PGHOST=127.0.0.1 PGUSER=postgres PGDATABASE=cq
	PGPORT=$(sed -n 4p "$1/pg/postmaster.pid"); export PGPORT
	PGPASSWORD=$(cat "$1/pg-password"); export PGPASSWORD
}
