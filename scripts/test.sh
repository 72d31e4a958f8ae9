#!/usr/bin/env bash
# Runs the whole test suite. Installs what the tests need when it is missing:
# Debian's Chromium for the browser tests (Playwright drives /usr/bin/chromium).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Chromium for the browser tests..."
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-liberation >/dev/null
fi

rm -rf TestResults
dotnet test Inbound.sln --logger "trx;LogFileName=results.trx" --results-directory TestResults "$@"
