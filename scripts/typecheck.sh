#!/usr/bin/env bash
# Type-checks every package, the test harness, and sst.config.ts against SST's own
# component types (so a wrong component argument fails here, not at deploy time).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/sst-install.sh
pnpm exec tsc -p tsconfig.json
pnpm exec tsc -p test/tsconfig.json
pnpm -r --workspace-concurrency=1 typecheck
