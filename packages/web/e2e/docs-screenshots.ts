import { join } from "node:path";

/**
 * Where the browser suite saves the README's screenshots: `docs/` only when asked
 * (`pnpm screenshots`), so a test run never rewrites committed files; otherwise
 * beside the other artifacts, to look at after a run.
 */
export const docsScreenshots = process.env.UPDATE_DOCS_SCREENSHOTS
  ? join(import.meta.dirname, "..", "..", "..", "docs")
  : join(import.meta.dirname, "..", "artifacts", "docs");
