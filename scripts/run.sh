#!/usr/bin/env bash
# Starts Inbound on http://localhost:5080 with SQLite under Inbound.Web/data, seeded demo data, logins printed.
set -euo pipefail
cd "$(dirname "$0")/.."
exec dotnet run --project Inbound.Web --launch-profile http "$@"
