#!/usr/bin/env bash
# Runs the whole test suite. Installs what the tests need when it is missing:
# Debian's Chromium for the browser tests (Playwright drives /usr/bin/chromium), and a Thai font so
# screenshots of Thai text show letters rather than boxes.
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

rm -rf TestResults
dotnet test Inbound.sln --logger "trx;LogFileName=results.trx" --results-directory TestResults "$@"
