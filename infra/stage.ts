/**
 * The one production rule, used by `sst.config.ts`'s `app()` (before any infra
 * exists) and by `infra/`: both `prod` (the design's own name) and `production`
 * keep data, protect the stack and drop development-only sign-in redirects.
 */
export const PRODUCTION_STAGES = ["prod", "production"] as const;

export function isProductionStage(stage: string | undefined): boolean {
  return (PRODUCTION_STAGES as readonly string[]).includes(stage ?? "");
}
