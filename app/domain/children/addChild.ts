import { and, eq, sql } from "drizzle-orm";
import { children } from "#db/schema/children";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { londonDate } from "../calendar/dates";
import { ForbiddenError, RuleError } from "../errors";
import { can } from "../identity/capabilities";
import { type ChildDetailsInput, checkChildDetails } from "./childDetails";

/** A parent adds a child's profile once (reused for every production, so never twice); the home authority comes from the postcode. */
export async function addChild(db: Db, actor: Actor, input: ChildDetailsInput, now = new Date()) {
  if (!can(actor, "parent:use") || !actor.userId) throw new ForbiddenError();
  const columns = await checkChildDetails(db, actor, input, londonDate(now));
  const [twin] = await db
    .select({ id: children.id })
    .from(children)
    .where(
      and(
        eq(children.parentUserId, actor.userId),
        eq(children.dateOfBirth, columns.dateOfBirth),
        sql`lower(${children.firstName}) = lower(${columns.firstName})`,
        sql`lower(${children.lastName}) = lower(${columns.lastName})`,
      ),
    );
  if (twin) throw RuleError.field("firstName", `You have already added ${columns.firstName} ${columns.lastName}`);
  return db.transaction(async (tx) => {
    const [child] = await tx
      .insert(children)
      .values({ ...columns, parentUserId: actor.userId!, createdAt: now, updatedAt: now })
      .returning({ id: children.id });
    await recordAudit(tx, actor, {
      action: "child.added",
      recordType: "child",
      recordId: child.id,
      after: { name: `${columns.firstName} ${columns.lastName}`, homeAuthorityId: columns.homeAuthorityId },
    });
    return { childId: child.id };
  });
}
