/**
 * zod for every shared schema: its lean `zod/mini` entry, whose schemas carry no
 * methods of their own (each is built faster, and bundles are smaller: issue 11),
 * with zod's English messages, which `zod/mini` does not load by itself. Schemas
 * import zod from here, so the messages are set wherever a schema is.
 */

import { config } from "zod/mini";
import en from "zod/v4/locales/en.js";

config(en());

export * from "zod/mini";
