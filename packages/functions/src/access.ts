/**
 * What a handler may do to the resources linked to it, as data. The route table
 * names it per route; `infra/` turns it into the function's links and IAM
 * statements; a test holds it to what each handler really calls.
 */

/** The names handlers read through SST's `Resource` (see sst-env.d.ts). */
export type LinkName = "Tasks" | "Auth" | "AuthClients" | "AuthEmail" | "AuthStorage";

/** Which ARNs of the linked resource the actions apply to. */
export type Scope = "resource" | "indexes";

export interface Access {
  link: LinkName;
  /** IAM actions, each named in full: never a wildcard. */
  actions: readonly string[];
  scope: Scope;
}

const dynamo = (link: LinkName, action: string, scope: Scope = "resource"): Access => ({
  link,
  actions: [`dynamodb:${action}`],
  scope,
});
/** A link that only carries values (a URL, a list) and grants nothing. */
const valuesOnly = (link: LinkName): Access => ({ link, actions: [], scope: "resource" });

/** The task table: every list is a Query on an index, never on the table or a Scan. */
export const Tasks = {
  query: dynamo("Tasks", "Query", "indexes"),
  getItem: dynamo("Tasks", "GetItem"),
  putItem: dynamo("Tasks", "PutItem"),
  updateItem: dynamo("Tasks", "UpdateItem"),
  deleteItem: dynamo("Tasks", "DeleteItem"),
};

/**
 * The issuer's table: OpenAuth's storage gets, sets, removes and queries by
 * prefix; the attempt limits add to counters atomically (UpdateItem).
 */
export const AuthStorage = {
  updateItem: dynamo("AuthStorage", "UpdateItem"),
  getItem: dynamo("AuthStorage", "GetItem"),
  putItem: dynamo("AuthStorage", "PutItem"),
  deleteItem: dynamo("AuthStorage", "DeleteItem"),
  query: dynamo("AuthStorage", "Query"),
};

export const Auth = {
  /** The issuer's URL, to fetch its public keys (JWKS) over HTTPS. */
  verifyTokens: valuesOnly("Auth"),
};

export const AuthClients = { read: valuesOnly("AuthClients") };

export const AuthEmail = {
  send: { link: "AuthEmail", actions: ["ses:SendEmail"], scope: "resource" } satisfies Access,
};

export interface Grant<R> {
  /** The linked resource and scope the statement is for. */
  link: LinkName;
  scope: Scope;
  actions: string[];
  resources: R[];
}

/** The resources `access` links, each once. */
export function linksOf(access: readonly Access[]): LinkName[] {
  return [...new Set(access.map((entry) => entry.link))];
}

/** IAM statements for `access`: one per linked resource and scope, with only its actions. */
export function grantsFor<R>(
  access: readonly Access[],
  resourcesOf: (link: LinkName, scope: Scope) => R[],
): Grant<R>[] {
  const byTarget = new Map<string, { link: LinkName; scope: Scope; actions: Set<string> }>();
  for (const { link, scope, actions } of access) {
    if (actions.length === 0) continue;
    const key = `${link}/${scope}`;
    const target = byTarget.get(key) ?? { link, scope, actions: new Set<string>() };
    for (const action of actions) target.actions.add(action);
    byTarget.set(key, target);
  }
  return [...byTarget.values()].map(({ link, scope, actions }) => ({
    link,
    scope,
    actions: [...actions].sort(),
    resources: resourcesOf(link, scope),
  }));
}
