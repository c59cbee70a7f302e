#!/usr/bin/env bash
# Starts Debian's PostgreSQL cluster (creating one if the package left none) and a role that may
# create databases, for the central server's PostgreSQL tests. Prints the URL to use as
# YICHUANG_TEST_PG_URL. Needs root (pg_ctlcluster, su postgres) and the postgresql package.
set -euo pipefail
cluster=$(pg_lsclusters -h | awk 'NR==1 {print $1" "$2}')
if [ -z "$cluster" ]; then
  version=$(ls /usr/lib/postgresql | sort -V | tail -1)
  pg_createcluster "$version" main >&2
  cluster="$version main"
fi
read -r version name <<<"$cluster"
pg_ctlcluster "$version" "$name" start >&2 2>/dev/null || pg_ctlcluster "$version" "$name" status >/dev/null
port=$(pg_lsclusters -h | awk -v v="$version" -v n="$name" '$1==v && $2==n {print $3}')
su postgres -c "psql -q -p $port -v ON_ERROR_STOP=1" >/dev/null <<'SQL'
do $$ begin
  if not exists (select from pg_roles where rolname = 'yichuang_ci') then
    create role yichuang_ci login createdb password 'yichuang_ci';
  end if;
  -- Dropping a test database ends its sessions, autovacuum workers included.
  grant pg_signal_backend to yichuang_ci;
end $$;
SQL
echo "postgres://yichuang_ci:yichuang_ci@127.0.0.1:${port}/postgres"
