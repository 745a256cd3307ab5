#!/usr/bin/env bash
# The README's first command: set up on a fresh machine, build, and run the demo on examples/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-chromium.sh
bash scripts/install-deps.sh
npm run build
bash examples/demo.sh
