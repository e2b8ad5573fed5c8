/**
 * The most common passwords, refused for a new password (NIST SP 800-63B 3.1.1.2:
 * check new passwords against values known to be commonly used). The list is
 * zxcvbn-ts's (`@zxcvbn-ts/language-common`, about 49,000 passwords ranked by how
 * often they appear in breaches), kept up to date there rather than here.
 *
 * It is 380 KB of code, so it loads on the first new password a Lambda instance
 * checks, in a chunk of its own (the issuer bundles with splitting: routes.ts): the
 * issuer's busiest cold paths (the key set every API function fetches, token
 * refresh, the sign-in pages) never load it.
 */

let common: Promise<ReadonlySet<string>> | undefined;

function commonPasswords(): Promise<ReadonlySet<string>> {
  common ??= import("@zxcvbn-ts/language-common")
    .then(({ dictionary }) => new Set(dictionary["passwords-common"]) as ReadonlySet<string>)
    .catch((error: unknown) => {
      // Not cached: the next check tries again.
      common = undefined;
      throw error;
    });
  return common;
}

/** The list holds lower-case words: "Password1" is as guessable as "password1". */
export async function isCommonPassword(password: string): Promise<boolean> {
  return (await commonPasswords()).has(password.toLowerCase());
}
