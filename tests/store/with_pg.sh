#!/usr/bin/env bash
# with_pg.sh COMMAND... - runs COMMAND with a throw-away PostgreSQL server: initdb in a
# temporary folder (as the unprivileged user postgres when run as root), a server on a free
# local port listening on a unix socket in that folder only, DYAD_PG_ADMIN set to a URL of
# its 'postgres' database (a test creates its own databases there), then the server stopped
# and the folder removed, whatever COMMAND's outcome. No server: a loud failure, not a skip.
set -euo pipefail
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
    echo "with_pg.sh: FAILED: no PostgreSQL server binaries (apt-get install postgresql)" >&2
    exit 1
fi
dir=$(mktemp -d /tmp/dyad-pg.XXXXXX)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$dir"
cleanup() {
    as_pg "$PGBIN/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
}
trap cleanup EXIT INT TERM
user=$(if [ "$(id -u)" = 0 ]; then echo postgres; else id -un; fi)
as_pg "$PGBIN/initdb" -D "$dir/data" -U "$user" -A trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 ||
    { echo "with_pg.sh: FAILED: initdb (log below)" >&2; cat "$dir/initdb.log" >&2; exit 1; }
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
opts="-p $port -k $dir -c listen_addresses='' -c fsync=off -c full_page_writes=off -c synchronous_commit=off"
as_pg "$PGBIN/pg_ctl" -D "$dir/data" -o "$opts" -l "$dir/server.log" -w -t 60 start >/dev/null ||
    { echo "with_pg.sh: FAILED: the PostgreSQL server did not start (log below)" >&2; cat "$dir/server.log" >&2; exit 1; }
export DYAD_PG_HOST="$dir" DYAD_PG_PORT="$port" DYAD_PG_USER="$user"
export DYAD_PG_ADMIN="postgresql://$user@/postgres?host=$dir&port=$port"
set +e
"$@"
rc=$?
exit $rc
