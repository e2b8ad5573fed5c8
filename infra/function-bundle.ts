/**
 * How every Lambda of ours is bundled: the `nodejs` argument of each `sst.aws.Function`
 * (`infra/api.ts`, `infra/auth.ts`). Plain data, so `bench/` and the bundle-size check
 * build with exactly what deploys (they add SST's own esbuild options to these).
 */
export const functionBundle = {
  esbuild: {
    // Only the AWS SDK's fallback credential providers: the default chain imports them
    // lazily, after the environment's credentials, which Lambda always sets. Bundled,
    // they and their nested STS/SSO clients are a third of the SDK's weight. Nothing
    // imported when a module loads may be here: an ESM bundle resolves no package the
    // runtime has (packages/functions/build/bundle.ts refuses it; the S3 client loads
    // @smithy/core/event-streams that way, so it is bundled).
    external: [
      "@aws-sdk/credential-provider-ini",
      "@aws-sdk/credential-provider-process",
      "@aws-sdk/credential-provider-sso",
      "@aws-sdk/credential-provider-web-identity",
      "@aws-sdk/credential-provider-http",
      "@smithy/credential-provider-imds",
    ],
  },
};

/**
 * The issuer adds SST's `nodejs.splitting`: what it imports with `import()` (the
 * user module with ElectroDB, the common-password list) goes to chunks of their
 * own, loaded on first use, so its busiest cold paths (the key set every API
 * function fetches, token refresh and revocation, the sign-in pages) load none of
 * it. bench/bundle-size.ts holds what loads at init to the issuer's budget.
 */
export const issuerBundle = { splitting: true };

/**
 * API handlers bundled with splitting too: what they `import()` loads on first use.
 * A task's update and skip load the repeat rules (the `rrule` library, 46 KiB) and
 * the reminder filing only for a repeating task or one with reminders, so every
 * other edit starts and runs without them, within the table handlers' budget.
 */
export const onDemandHandlers: readonly string[] = [
  "packages/functions/src/tasks/update.handler",
  "packages/functions/src/tasks/skip.handler",
];
