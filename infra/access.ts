import {
  type Access,
  grantsFor,
  type LinkName,
  linksOf,
  type Scope,
} from "../packages/functions/src/access";

export interface Condition {
  test: string;
  variable: string;
  values: $util.Input<string>[];
}

/** What a linked name stands for: the values handlers read, and the ARNs IAM grants on. */
export interface AccessTarget {
  link?: sst.Linkable<Record<string, unknown>>;
  arns?: Partial<Record<Scope, $util.Input<string>[]>>;
  /** Conditions every statement on this scope carries (e.g. SES's from-address). */
  conditions?: Partial<Record<Scope, Condition[]>>;
  /** Nothing exists to grant on in this stage (`sst dev` with no mail sender): no statement. */
  absent?: true;
}

/**
 * A function's `link` and `permissions` for exactly `access`: the named links
 * (values only) and one IAM statement per resource with only the listed actions.
 */
export function accessArgs(
  access: readonly Access[],
  targets: Partial<Record<LinkName, AccessTarget>>,
) {
  const target = (name: LinkName): AccessTarget => {
    const found = targets[name];
    if (!found) throw new Error(`No resource is wired for the access name "${name}"`);
    return found;
  };
  const present = access.filter((entry) => !target(entry.link).absent);
  return {
    link: linksOf(access).flatMap((name) => target(name).link ?? []),
    permissions: grantsFor(present, (name, scope) => {
      const arns = target(name).arns?.[scope];
      if (!arns?.length) throw new Error(`"${name}" has no ${scope} ARN to grant on`);
      return arns;
    }).map(({ link, scope, ...grant }) => {
      const conditions = target(link).conditions?.[scope];
      return conditions ? { ...grant, conditions } : grant;
    }),
  };
}
