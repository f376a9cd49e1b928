import { and, asc, eq } from "drizzle-orm";
import { memberships, users } from "#db/schema/identity";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { RuleError } from "../errors";
import { permitForEmployer, permitForParent } from "./access";
import { isPermitEditable } from "./states";

/** The audit record type of an employment permit (its application, then the permit). */
export const PERMIT_RECORD = "employment-permit";

/** The two sides of an application: the employer's organisation and the child's parent. */
export type Party = "employer" | "parent";

/** The permit as one of its parties sees it: the employer's organisation's, or the parent's own (404 otherwise). */
export function permitForParty(db: Db, actor: Actor, permitId: string, as: Party, options: { lock?: boolean } = {}) {
  return as === "employer" ? permitForEmployer(db, actor, permitId, options) : permitForParent(db, actor, permitId, options);
}

/** The permit for a change by one party (locked, inside a transaction); refused once it has been submitted. */
export async function editablePermit(tx: Db, actor: Actor, permitId: string, as: Party, { lock = true } = {}) {
  const permit = await permitForParty(tx, actor, permitId, as, { lock });
  if (!isPermitEditable(permit.status)) throw RuleError.field("", "This application has been sent to the council, so it can no longer be changed");
  return permit;
}

/** Everyone with the employer role in the organisation, for its emails. */
export function employerContacts(db: Db, organisationId: string) {
  return db
    .selectDistinct({ email: users.email, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.role, "employer")))
    .orderBy(asc(users.email));
}

export async function userContact(db: Db, userId: string) {
  const [user] = await db.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, userId));
  return user;
}

/** Free-text limits for both parts. */
export const PERMIT_TEXT = { name: 200, address: 500, description: 1000 } as const;
