# Shared by backup.sh and restore.sh (sourced, not run).

# pg_dump / pg_restore of the newest installed PostgreSQL (Debian's postgresql-client-NN), or from PATH. They must be
# of the server's major version or newer (pg_dump refuses a newer server).
pg_tool() {
	local t
	for t in $(ls -d /usr/lib/postgresql/*/bin/"$1" 2>/dev/null | sort -V -r) "$(command -v "$1" 2>/dev/null)"; do
		[ -x "$t" ] && { echo "$t"; return 0; }
	done
	echo "$1 not found: apt-get install postgresql-client-15" >&2
	return 1
}

h2_dir() { local d=${1:-${CQ_DATA_DIR:-./data}}; (mkdir -p "$d" && cd "$d" && pwd); }

# The same URL settings as application.properties (the database name "cq" in the data directory).
h2_url() {
	echo "jdbc:h2:file:$1/cq;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE"
}

h2_jar() {
	local root jar cache
	root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
	if [ -n "${H2_JAR:-}" ]; then echo "$H2_JAR"; return 0; fi
	jar=$(ls "$root"/target/case-quality-*.jar 2>/dev/null | grep -v plain | head -1 || true)
	if [ -n "$jar" ]; then
		cache="$root/target/h2-from-jar"
		mkdir -p "$cache"
		local entry
		entry=$(unzip -Z1 "$jar" 'BOOT-INF/lib/h2-*.jar' 2>/dev/null | head -1 || true)
		if [ -n "$entry" ]; then
			[ -f "$cache/$(basename "$entry")" ] || unzip -q -o -j "$jar" "$entry" -d "$cache"
			echo "$cache/$(basename "$entry")"
			return 0
		fi
	fi
	jar=$(ls ~/.m2/repository/com/h2database/h2/*/h2-*.jar 2>/dev/null | sort -V | tail -1 || true)
	[ -n "$jar" ] && { echo "$jar"; return 0; }
	echo "no H2 jar: set H2_JAR or build the application (./mvnw package)" >&2
	return 1
}
