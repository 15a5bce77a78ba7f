#!/usr/bin/env bash
# Starts the local PostgreSQL 15 cluster and makes the test role and database. Idempotent: safe when the
# cluster already runs and the role and database exist. Prints the URL for TEST_DATABASE_URL.
set -euo pipefail

if ! command -v pg_ctlcluster >/dev/null; then
  echo "setup-postgres: pg_ctlcluster not found; install PostgreSQL 15 (apt-get install -y postgresql)" >&2
  exit 1
fi
if ! pg_lsclusters --no-header | awk '$1=="15" && $2=="main" {print $4}' | grep -q online; then
  pg_ctlcluster --skip-systemctl-redirect 15 main start
fi
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p 5432 && break
  sleep 1
done
pg_isready -q -h 127.0.0.1 -p 5432 || { echo "setup-postgres: server did not become ready" >&2; exit 1; }

psql_admin() { su postgres -c "psql -v ON_ERROR_STOP=1 -qtAc \"$1\""; }
if [ "$(psql_admin "select 1 from pg_roles where rolname='outcry'")" != "1" ]; then
  psql_admin "create role outcry login password 'outcry'"
fi
if [ "$(psql_admin "select 1 from pg_database where datname='outcry_test'")" != "1" ]; then
  psql_admin "create database outcry_test owner outcry"
fi
echo "postgres://outcry:outcry@127.0.0.1:5432/outcry_test"
