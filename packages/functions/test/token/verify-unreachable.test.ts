/** An unreachable issuer is not the caller's fault: a 503, never a 401 or a 500. */
import { freePort } from "@taskmanager/local/stack/ports";
import { expect, test } from "vitest";
import { toErrorResponse } from "../../src/http/errors";
import { forgeToken } from "../helpers/tokens";

test("authenticate with the issuer's JWKS unreachable maps to 503 unavailable", async () => {
  const issuer = `http://127.0.0.1:${await freePort()}`;
  process.env.SST_RESOURCE_Auth = JSON.stringify({ url: issuer, type: "sst.sst.Linkable" });
  const { authenticate } = await import("../../src/token/verify");
  const token = await forgeToken({ iss: issuer, aud: "web" });

  const error = await authenticate(`Bearer ${token}`).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toMatchObject({ name: "VisibleError", code: "unavailable" });
  expect(toErrorResponse(error)).toEqual({
    status: 503,
    body: { error: { code: "unavailable", message: expect.any(String) } },
  });
});
