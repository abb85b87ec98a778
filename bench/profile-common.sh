# Sourced by bench/profile-*.sh: where the last bench/run.sh left its cluster and jar, and psql on that cluster as
# the superuser. Sets HERE ROOT OUT PGBIN PGDATA PROF PASSWORD JAR PG_AS PGPORT and psql_.
HERE=$(cd "$(dirname "${BASH_SOURCE[1]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
OUT="$HERE/out"
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PGDATA="$OUT/pg/data"
PROF="$OUT/profile"
PASSWORD=Bench-legal-2024!
JAR=$(readlink -f "${BENCH_JAR:-$(ls "$ROOT"/target/case-quality-*.jar | grep -v plain | head -1)}")
mkdir -p "$PROF"
PG_AS=(); [ "$(id -u)" = 0 ] && PG_AS=(runuser -u postgres --)
PGPORT=$(awk '$1 == "port" { p = $3 } END { print p }' "$PGDATA/postgresql.conf")
psql_() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U postgres "$@"; }
