import { eq } from "drizzle-orm";
import { organisations } from "#db/schema/authorities";
import { employmentPermits } from "#db/schema/employment";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { loadOwnChild } from "../children/access";
import { ForbiddenError, RuleError } from "../errors";
import { organisationScope } from "../identity/capabilities";
import { PERMIT_RECORD } from "./permitParty";

export type StartPermitInput = { as: "employer"; organisationId?: string } | { as: "parent"; childId: string };

/**
 * Starts a draft permit application from either side (EMPLOY-7DAYS: the employer applies, the parent consents).
 * An employer starts it for one of their organisations (the only one, or the one chosen); a parent for one of
 * their own children. The other side is asked to join later by an emailed link.
 */
export async function startPermitApplication(db: Db, actor: Actor, input: StartPermitInput, now = new Date()) {
  return db.transaction(async (tx) => {
    let values: typeof employmentPermits.$inferInsert;
    if (input.as === "employer") {
      const scope = organisationScope(actor, "employer:use");
      if (!scope.length) throw new ForbiddenError();
      const organisationId = input.organisationId ?? (scope.length === 1 ? scope[0] : undefined);
      if (!organisationId || !scope.includes(organisationId)) throw RuleError.field("organisationId", "Select the business the child will work for");
      const [organisation] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, organisationId));
      values = { startedBy: "employer", organisationId, businessName: organisation.name };
    } else {
      const child = await loadOwnChild(tx, actor, input.childId);
      values = { startedBy: "parent", parentUserId: actor.userId, childId: child.id };
    }
    const [permit] = await tx
      .insert(employmentPermits)
      .values({ ...values, createdAt: now, updatedAt: now })
      .returning();
    await recordAudit(tx, actor, {
      action: "employment-permit.started",
      recordType: PERMIT_RECORD,
      recordId: permit.id,
      after: { status: permit.status, startedBy: permit.startedBy, organisationId: permit.organisationId, childId: permit.childId },
    });
    return { permitId: permit.id, childId: permit.childId };
  });
}
