/**
 * The one production rule, used by `sst.config.ts`'s `app()` (before any infra
 * exists) and by `infra/`: both `prod` (the design's own name) and `production`
 * keep data, protect the stack and drop development-only sign-in redirects.
 */
export const PRODUCTION_STAGES = ["prod", "production"] as const;

export function isProductionStage(stage: string | undefined): boolean {
  return (PRODUCTION_STAGES as readonly string[]).includes(stage ?? "");
}

/**
 * Tags on every AWS resource (the AWS provider's `defaultTags`, set in
 * `sst.config.ts`): app and stage, and `cost-center` for cost allocation
 * (activate it once under Billing > Cost allocation tags). COST_CENTER overrides it.
 */
export function resourceTags(app: string, stage: string): Record<string, string> {
  return { app, stage, "cost-center": process.env.COST_CENTER?.trim() || app };
}
