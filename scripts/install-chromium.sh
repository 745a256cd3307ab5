#!/usr/bin/env bash
# Makes sure a Chromium that puppeteer can drive is on the machine. Puppeteer's own browser
# download needs the open internet; Debian's `chromium` package works everywhere apt does.
set -euo pipefail
if [ -n "${PUPPETEER_EXECUTABLE_PATH:-}" ] && [ -x "${PUPPETEER_EXECUTABLE_PATH}" ]; then exit 0; fi
for b in chromium chromium-browser google-chrome google-chrome-stable; do
  if command -v "$b" >/dev/null 2>&1; then exit 0; fi
done
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium (for the PDF letters)..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core fonts-liberation >/dev/null
else
  echo "No Chromium found. Install one (Debian/Ubuntu: sudo apt-get install chromium)" >&2
  echo "or point PUPPETEER_EXECUTABLE_PATH at a Chrome/Chromium binary." >&2
  exit 1
fi
