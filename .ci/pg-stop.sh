#!/usr/bin/env bash
# Stops the PostgreSQL that .ci/pg-start.sh started and removes its files.
set -euo pipefail
[ -f /tmp/undersigned-pg.dir ] || exit 0
dir=$(cat /tmp/undersigned-pg.dir)
bin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/pg_ctl | sort -V | tail -n 1)")
if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2
else "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2; fi
rm -rf "$dir" /tmp/undersigned-pg.dir
