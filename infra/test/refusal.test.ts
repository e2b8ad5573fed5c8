/**
 * Production with no mail sender: `sst deploy` must stop before creating anything,
 * saying what to set (the whole config runs, as in a real deploy).
 */
import { expect, inject, test } from "vitest";
import { synth } from "./synth";

test("production refuses to deploy without a mail sender, with what to set", async () => {
  await expect(
    synth("production", {
      env: {
        AUTH_EMAIL_SENDER: undefined,
        WEB_DOMAIN: undefined,
        ALARM_EMAIL: "oncall@example.com",
      },
      prebuilt: inject("bundles").built,
    }),
  ).rejects.toThrow(/Refusing to deploy stage "production": no mail sender .*AUTH_EMAIL_SENDER/);
});
