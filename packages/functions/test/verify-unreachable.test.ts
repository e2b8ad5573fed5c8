/** An unreachable issuer is not the caller's fault: a 503, never a 401 or a 500. */
import { freePort } from "@taskmanager/local/ports";
import { generateKeyPair, SignJWT } from "jose";
import { expect, test } from "vitest";
import { toErrorResponse } from "../src/http/errors";

test("authenticate with the issuer's JWKS unreachable maps to 503 unavailable", async () => {
  const issuer = `http://127.0.0.1:${await freePort()}`;
  process.env.SST_RESOURCE_Auth = JSON.stringify({ url: issuer, type: "sst.sst.Linkable" });
  const { authenticate } = await import("../src/auth/verify");
  const { privateKey } = await generateKeyPair("ES256");
  const token = await new SignJWT({ mode: "access", type: "user" })
    .setProtectedHeader({ alg: "ES256", kid: "k" })
    .setIssuer(issuer)
    .setAudience("web")
    .setExpirationTime("5m")
    .sign(privateKey);

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
