#!/usr/bin/env bash
# CI: make sure PostgreSQL's server binaries are there for the history store's tests, which start
# a throwaway server of their own (server/history/postgres/test-cluster.ts). Installs the Debian
# package where /usr/lib/postgresql/*/bin/initdb is missing. The caller exports REQUIRE_POSTGRES=1,
# so that a machine where PostgreSQL still cannot start fails those tests instead of skipping them.
set -euo pipefail

if compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
  echo "PostgreSQL found: $(ls -d /usr/lib/postgresql/*/bin | tr '\n' ' ')"
  exit 0
fi

echo "== installing PostgreSQL"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# The package's own cluster is not needed: the tests start theirs. policy-rc.d keeps the
# package's service from starting where an init system would start it.
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
  chmod +x /usr/sbin/policy-rc.d
  trap 'rm -f /usr/sbin/policy-rc.d' EXIT
fi
apt-get install -y -qq postgresql >/dev/null

if ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
  echo "PostgreSQL was installed, but no /usr/lib/postgresql/*/bin/initdb is there" >&2
  exit 1
fi
echo "PostgreSQL installed: $(ls -d /usr/lib/postgresql/*/bin | tr '\n' ' ')"
