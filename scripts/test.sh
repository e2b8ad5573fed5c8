#!/usr/bin/env bash
# Everything CI checks, cheapest first: format and lint, types, then every test
# (core and API against DynamoDB Local, web components, and the browser suite).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-chromium.sh
pnpm exec biome check .
bash scripts/typecheck.sh
pnpm exec vitest run
# The web app's initial JavaScript stays under its size budget (150 KiB gzipped).
pnpm --filter @taskmanager/web build >/dev/null
pnpm --filter @taskmanager/web bundle-size
