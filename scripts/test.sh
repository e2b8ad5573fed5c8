#!/usr/bin/env bash
# Everything CI checks, cheapest first: format and lint, types, the API's OpenAPI
# document, then every test (core and API against DynamoDB Local, web components,
# and the browser suite).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-chromium.sh
pnpm exec biome check .
bash scripts/typecheck.sh
# The committed OpenAPI document passes a standard linter (a test holds it to the code).
REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true pnpm exec redocly lint --format=stylish docs/openapi.json 2>&1 | grep -v '[║╔╚]'
# Every Lambda bundle, built as SST deploys it, stays under its size budget (esbuild only, seconds).
pnpm --filter @taskmanager/bench bundle-size
pnpm exec vitest run
# The web app's initial JavaScript (entry and its static imports) stays under its budget.
pnpm --filter @taskmanager/web build >/dev/null
pnpm --filter @taskmanager/web bundle-size
