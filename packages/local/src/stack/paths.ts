import { resolve } from "node:path";

/** The repository's root: SST handler references and `.local/` are relative to it. */
export const repoRoot = resolve(import.meta.dirname, "../../../..");
