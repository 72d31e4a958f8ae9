#!/usr/bin/env bash
# Runs the whole test suite, then the integration tests (the real app on Kestrel) a second time on PostgreSQL.
# Installs what the tests need when it is missing: Debian's Chromium for the browser tests (Playwright drives
# /usr/bin/chromium), a Thai font so screenshots of Thai text show letters rather than boxes, and PostgreSQL and
# Redis, which run as throwaway servers on 127.0.0.1 for the duration of the run (scripts/test-services.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium fonts-liberation)
fc-list :lang=th 2>/dev/null | grep -q . || missing+=(fonts-thai-tlwg)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} for the browser tests..."
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

source scripts/test-services.sh
trap stop_test_services EXIT
start_test_services

rm -rf TestResults
status=0
# The first pass leaves out the tests marked PostgreSqlPass (two app nodes, PostgreSQL's own readiness): they run below.
dotnet test Inbound.sln --filter "Category!=PostgreSqlPass" --logger "trx;LogFileName=results.trx" --results-directory TestResults "$@" || status=$?

# The integration suite on PostgreSQL: every test that runs the app, less the browser's (the pages are the same
# whatever the database) and those about SQLite itself. Unit, domain and component tests don't touch a database.
integration="FullyQualifiedName!~Inbound.Tests.Domain.&FullyQualifiedName!~Inbound.Tests.Browser.&FullyQualifiedName!~Inbound.Tests.Components.&FullyQualifiedName!~Inbound.Tests.Localization.&Category!=SqliteOnly"
echo "Integration tests on PostgreSQL..."
INBOUND_TEST_DATABASE=postgres dotnet test Inbound.Tests --no-build --filter "$integration" \
  --logger "trx;LogFileName=results-postgres.trx" --results-directory TestResults/postgres || status=$?
exit $status
