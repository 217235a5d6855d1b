#!/usr/bin/env bash
# Creates the grants database, one login role and schema per service (and the portal), and a read-only auditor.
# Used by `./grants up` (over TCP, libpq PG* variables set) and by the postgres image, which runs
# files in /docker-entrypoint-initdb.d over its local socket. Safe to run again: roles and
# schemas that exist are kept, passwords and privileges are re-applied.
#
# Needs: GRANTS_PG_APPLICATIONS_PASSWORD, GRANTS_PG_REVIEW_PASSWORD, GRANTS_PG_PAYMENTS_PASSWORD,
#        GRANTS_PG_AUDITOR_PASSWORD, GRANTS_PG_PORTAL_PASSWORD; optional GRANTS_PG_DATABASE (default grants), POSTGRES_USER.
# Passwords reach psql through \getenv (psql 15+), never through its command line.
set -euo pipefail

for var in GRANTS_PG_APPLICATIONS_PASSWORD GRANTS_PG_REVIEW_PASSWORD GRANTS_PG_PAYMENTS_PASSWORD \
           GRANTS_PG_AUDITOR_PASSWORD GRANTS_PG_PORTAL_PASSWORD; do
    if [[ -z ${!var:-} ]]; then
        echo "init-roles.sh: $var is not set" >&2
        exit 1
    fi
done
export GRANTS_PG_DATABASE=${GRANTS_PG_DATABASE:-grants}
if [[ ! $GRANTS_PG_DATABASE =~ ^[a-z_][a-z0-9_]*$ ]]; then
    echo "init-roles.sh: GRANTS_PG_DATABASE must be a plain lower-case identifier" >&2
    exit 1
fi

psql_admin() {
    psql -X -q -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-${PGUSER:-postgres}}" "$@"
}

psql_admin --dbname postgres <<'SQL'
\getenv db GRANTS_PG_DATABASE
SELECT format('CREATE DATABASE %I', :'db')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
SQL

psql_admin --dbname "$GRANTS_PG_DATABASE" <<'SQL'
\getenv db GRANTS_PG_DATABASE
\getenv pw_applications GRANTS_PG_APPLICATIONS_PASSWORD
\getenv pw_review GRANTS_PG_REVIEW_PASSWORD
\getenv pw_payments GRANTS_PG_PAYMENTS_PASSWORD
\getenv pw_auditor GRANTS_PG_AUDITOR_PASSWORD
\getenv pw_portal GRANTS_PG_PORTAL_PASSWORD
SET client_min_messages = warning;

SELECT format('CREATE ROLE %I', r) FROM unnest(ARRAY['applications', 'review', 'payments', 'auditor', 'portal']) r
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = r) \gexec

ALTER ROLE applications WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'pw_applications';
ALTER ROLE review       WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'pw_review';
ALTER ROLE payments     WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'pw_payments';
ALTER ROLE auditor      WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'pw_auditor';
ALTER ROLE portal       WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'pw_portal';

-- Nobody but the four roles may connect; nobody may create schemas or temp tables in the database
-- or anything in public.
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'db') \gexec
SELECT format('GRANT CONNECT ON DATABASE %I TO applications, review, payments, auditor, portal', :'db') \gexec
REVOKE ALL ON SCHEMA public FROM PUBLIC;

CREATE SCHEMA IF NOT EXISTS applications AUTHORIZATION applications;
CREATE SCHEMA IF NOT EXISTS review AUTHORIZATION review;
CREATE SCHEMA IF NOT EXISTS payments AUTHORIZATION payments;
ALTER SCHEMA applications OWNER TO applications;
ALTER SCHEMA review OWNER TO review;
ALTER SCHEMA payments OWNER TO payments;
REVOKE ALL ON SCHEMA applications, review, payments FROM PUBLIC;

-- The web portal keeps only its accounts (password hashes): no service and not the auditor reads them.
CREATE SCHEMA IF NOT EXISTS portal AUTHORIZATION portal;
ALTER SCHEMA portal OWNER TO portal;
REVOKE ALL ON SCHEMA portal FROM PUBLIC;

-- Where an audit replay rebuilds a service's read models to compare them with the live ones.
CREATE SCHEMA IF NOT EXISTS applications_replay AUTHORIZATION applications;
CREATE SCHEMA IF NOT EXISTS review_replay AUTHORIZATION review;
CREATE SCHEMA IF NOT EXISTS payments_replay AUTHORIZATION payments;
ALTER SCHEMA applications_replay OWNER TO applications;
ALTER SCHEMA review_replay OWNER TO review;
ALTER SCHEMA payments_replay OWNER TO payments;
REVOKE ALL ON SCHEMA applications_replay, review_replay, payments_replay FROM PUBLIC;

SELECT format('ALTER ROLE %I IN DATABASE %I SET search_path = %I', s, :'db', s)
  FROM unnest(ARRAY['applications', 'review', 'payments', 'portal']) s \gexec

-- The auditor reads everything, now and in tables the services create later, and writes nothing.
GRANT USAGE ON SCHEMA applications, review, payments TO auditor;
GRANT SELECT ON ALL TABLES IN SCHEMA applications, review, payments TO auditor;
ALTER DEFAULT PRIVILEGES FOR ROLE applications IN SCHEMA applications GRANT SELECT ON TABLES TO auditor;
ALTER DEFAULT PRIVILEGES FOR ROLE review IN SCHEMA review GRANT SELECT ON TABLES TO auditor;
ALTER DEFAULT PRIVILEGES FOR ROLE payments IN SCHEMA payments GRANT SELECT ON TABLES TO auditor;
ALTER ROLE auditor SET default_transaction_read_only = on;
SQL
