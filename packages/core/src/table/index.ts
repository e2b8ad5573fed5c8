/**
 * The one DynamoDB table (single-table design) as data: the ElectroDB entities,
 * `sst.config.ts` and the local stack's CreateTable all read these names, so the
 * three cannot drift apart.
 */
import { EntityIdentifiers } from "electrodb";

export const primaryIndex = { hashKey: "pk", rangeKey: "sk" } as const;

export const globalIndexes = {
  gsi1: { hashKey: "gsi1pk", rangeKey: "gsi1sk" },
  gsi2: { hashKey: "gsi2pk", rangeKey: "gsi2sk" },
  gsi3: { hashKey: "gsi3pk", rangeKey: "gsi3sk" },
  gsi4: { hashKey: "gsi4pk", rangeKey: "gsi4sk" },
  // A list's tasks, in the same four orders as a person's (sparse: listed tasks only).
  gsi5: { hashKey: "gsi5pk", rangeKey: "gsi5sk" },
  gsi6: { hashKey: "gsi6pk", rangeKey: "gsi6sk" },
  gsi7: { hashKey: "gsi7pk", rangeKey: "gsi7sk" },
  gsi8: { hashKey: "gsi8pk", rangeKey: "gsi8sk" },
  // Lookups: a listed task by its id alone; a person's memberships.
  gsi9: { hashKey: "gsi9pk", rangeKey: "gsi9sk" },
} as const;

/** Every key attribute, all strings: what SST's `Dynamo` calls `fields`. */
export const keyFields: Record<string, "string"> = Object.fromEntries(
  [primaryIndex, ...Object.values(globalIndexes)].flatMap((index) => [
    [index.hashKey, "string"],
    [index.rangeKey, "string"],
  ]),
);

/** The table's TTL attribute (epoch seconds): records that expire on their own set it. */
export const ttlAttribute = "expiresAt";

/**
 * The attribute in which ElectroDB records which entity an item belongs to (what
 * the stream's subscriber filters removed items by). ElectroDB's type declarations
 * call this key `name`; at run time it is `entity`.
 */
export const entityAttribute: string = (EntityIdentifiers as unknown as { entity: string }).entity;
