#!/usr/bin/env bash
# Everything CI checks, cheapest first: format and lint, types, then every test
# (core and API against DynamoDB Local, web components, and the browser suite).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-chromium.sh
pnpm exec biome check .
bash scripts/typecheck.sh
pnpm exec vitest run
