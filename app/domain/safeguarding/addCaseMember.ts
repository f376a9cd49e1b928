import { and, eq, inArray } from "drizzle-orm";
import { memberships, users } from "#db/schema/identity";
import { ladoCaseMembers } from "#db/schema/safeguarding";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { RuleError } from "../errors";
import { CONCERN_RECORD, findCaseToChange } from "./access";

/** The LADO lets a colleague of the authority (a member of staff with an account) read a referral. */
export async function addCaseMember(db: Db, actor: Actor, reference: string, email: string) {
  const address = email?.trim().toLowerCase() ?? "";
  if (!address) throw RuleError.field("email", "Enter the email address of the person to add");
  return db.transaction(async (tx) => {
    const { concern, referral } = await findCaseToChange(tx, actor, reference);
    if (!referral) throw RuleError.field("email", "People can be added once the concern is referred");
    const [person] = await tx
      .selectDistinct({ id: users.id, name: users.name })
      .from(users)
      .innerJoin(memberships, eq(memberships.userId, users.id))
      .where(and(eq(users.email, address), eq(memberships.authorityId, concern.authorityId), inArray(memberships.role, ["officer", "lado", "admin"])));
    if (!person) throw RuleError.field("email", "Enter the email address of a member of your council's staff who has an account");
    await tx.insert(ladoCaseMembers).values({ referralId: referral.id, userId: person.id, addedByUserId: actor.userId }).onConflictDoNothing();
    await recordAudit(tx, actor, { action: "lado.person-added", recordType: CONCERN_RECORD, recordId: concern.id, after: { name: person.name } });
    return { name: person.name };
  });
}
