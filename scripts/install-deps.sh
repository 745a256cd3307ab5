#!/usr/bin/env bash
# Installs the npm packages at the versions package-lock.json pins.
# Not `npm ci`: the registry these machines reach serves rollup's native package only for the
# Linux builds, so `npm install` leaves the other platforms' optional packages out of the lock
# and `npm ci` then refuses that lock as "out of sync". `npm install --no-save` installs the
# locked versions and tolerates an optional package it cannot fetch, without rewriting the lock.
# Puppeteer's own browser download is skipped: it cannot succeed here; Debian's chromium is used
# (scripts/install-chromium.sh), and PUPPETEER_EXECUTABLE_PATH still wins when set.
set -euo pipefail
cd "$(dirname "$0")/.."
PUPPETEER_SKIP_DOWNLOAD=1 npm install --no-save --no-fund --no-audit
