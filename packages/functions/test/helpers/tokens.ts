/** Every hand-made token the tests need, built one way. */
import { generateKeyPair, type JWTPayload, type KeyLike, SignJWT } from "jose";

export const nowSeconds = () => Math.floor(Date.now() / 1000);

export const base64url = (value: unknown) =>
  Buffer.from(JSON.stringify(value)).toString("base64url");

/** A token's claims, read without checking anything. */
export const claimsOf = (token: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString());

/**
 * An ES256 token over exactly `claims` (an `exp` 10 minutes ahead unless given;
 * `exp: undefined` leaves it out).
 */
export async function signToken(
  claims: JWTPayload,
  signer: { key: KeyLike; kid: string },
): Promise<string> {
  const withExpiry = "exp" in claims ? claims : { ...claims, exp: nowSeconds() + 600 };
  return new SignJWT(withExpiry)
    .setProtectedHeader({ alg: "ES256", kid: signer.kid, typ: "JWT" })
    .sign(signer.key);
}

/** An access token for a user, as the issuer makes them, signed by a key of our own. */
export async function forgeToken(claims: JWTPayload = {}): Promise<string> {
  const { privateKey } = await generateKeyPair("ES256");
  return signToken({ mode: "access", type: "user", ...claims }, { key: privateKey, kid: "forged" });
}

/** A token with `alg: none` and no signature. */
export const unsignedToken = (claims: JWTPayload, header: Record<string, unknown> = {}) =>
  `${base64url({ alg: "none", typ: "JWT", ...header })}.${base64url(claims)}.`;
