#!/usr/bin/env bash
# Starts a throwaway PostgreSQL of this run's own (its own directory and a
# free port, so parallel runs never share or stop each other's) and prints
#   export DATABASE_URL=postgres://postgres@127.0.0.1:PORT/undersigned_test
#   export UNDERSIGNED_PG_DIR=/tmp/undersigned-pg.XXXXXX
# on stdout (everything else goes to stderr), so CI can run:
#   eval "$(bash .ci/pg-start.sh)"; trap 'bash .ci/pg-stop.sh' EXIT
# Installs Debian's postgresql package when no server binaries are found.
set -euo pipefail

db=undersigned_test

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

# A port the kernel says is free now (UNDERSIGNED_PG_PORT to choose one).
port=${UNDERSIGNED_PG_PORT:-$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")}

dir=$(mktemp -d /tmp/undersigned-pg.XXXXXX)
[ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
as_pg "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-locale >&2
as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
  -o "-p $port -c listen_addresses=127.0.0.1 -k $dir -c fsync=off -c max_connections=300" start >&2
as_pg "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres "$db"

echo "export DATABASE_URL=postgres://postgres@127.0.0.1:$port/$db"
echo "export UNDERSIGNED_PG_DIR=$dir"
