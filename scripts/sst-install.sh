#!/usr/bin/env bash
# Writes .sst/platform (component sources and config.d.ts) without AWS: these
# variables stop the SST CLI from fetching Pulumi and Bun, which needs the internet.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -f .sst/platform/config.d.ts ]; then exit 0; fi
SST_SKIP_DEPENDENCY_CHECK=1 SST_NO_BUN=1 SST_TELEMETRY_DISABLED=1 SST_STAGE="${SST_STAGE:-dev}" \
  pnpm exec sst install
