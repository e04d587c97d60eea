#!/usr/bin/env bash
# Starts a throwaway PostgreSQL for the server's storage suite and prints
#   export DATABASE_URL=postgres://postgres@127.0.0.1:55432/undersigned_test
# on stdout (everything else goes to stderr), so CI can run:
#   eval "$(.ci/pg-start.sh)"
# Installs Debian's postgresql package when no server binaries are found.
# Stop it with: pg_ctl -D "$(cat /tmp/undersigned-pg.dir)/data" stop (as postgres).
set -euo pipefail

port=${UNDERSIGNED_PG_PORT:-55432}
db=undersigned_test
url="postgres://postgres@127.0.0.1:$port/$db"

if ! compgen -G '/usr/lib/postgresql/*/bin/pg_ctl' >/dev/null; then
  echo "pg-start: installing postgresql from Debian packages" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi
bin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/pg_ctl | sort -V | tail -n 1)")

# PostgreSQL refuses to run as root: run its tools as the postgres user then.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if as_pg "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
  echo "pg-start: a server already answers on port $port; reusing it" >&2
else
  dir=$(mktemp -d /tmp/undersigned-pg.XXXXXX)
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
  as_pg "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-locale >&2
  as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
    -o "-p $port -c listen_addresses=127.0.0.1 -k $dir -c fsync=off -c max_connections=200" start >&2
  echo "$dir" > /tmp/undersigned-pg.dir
fi

if ! as_pg "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1; then
  as_pg "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres "$db"
fi
echo "export DATABASE_URL=$url"
