import { eq } from "drizzle-orm";
import { employmentPermits } from "#db/schema/employment";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { queueEmail } from "../notifications/queueEmail";
import { permitForOfficer } from "./access";
import { occupationText, permitParties, permitReasons } from "./permitParties";
import { PERMIT_RECORD } from "./permitParty";
import { assertPermitTransition } from "./states";

/**
 * An officer of the authority where the work happens refuses the permit with written reasons; the employer and
 * the parent are emailed them (the child must not do the job without a permit).
 */
export async function refuseEmploymentPermit(db: Db, actor: Actor, permitId: string, reasons: string, baseUrl: string, now = new Date()) {
  await permitForOfficer(db, actor, permitId);
  const text = permitReasons("reasons", reasons, "Enter the reasons for refusing, which are sent to the employer and the parent");

  return db.transaction(async (tx) => {
    const permit = await permitForOfficer(tx, actor, permitId, { lock: true });
    const status = assertPermitTransition(permit.status, "refuse");
    await tx
      .update(employmentPermits)
      .set({ status, decisionReason: text, decidedAt: now, decidedByUserId: actor.userId, updatedAt: now })
      .where(eq(employmentPermits.id, permit.id));
    await recordAudit(tx, actor, {
      action: "employment-permit.refused",
      recordType: PERMIT_RECORD,
      recordId: permit.id,
      before: { status: permit.status },
      after: { status, reason: text },
    });
    const parties = await permitParties(tx, permit);
    const common = {
      reference: permit.reference ?? "",
      childName: parties.child?.name ?? "the child",
      businessName: parties.businessName,
      job: occupationText(permit.occupation),
      authorityName: parties.authorityName,
      reasons: text,
    };
    const outboxIds: string[] = [];
    for (const employer of parties.employers) {
      outboxIds.push(await queueEmail(tx, employer.email, "permit-refused", { ...common, name: employer.name, audience: "employer", url: `${baseUrl}/employer` }));
    }
    if (parties.parent) {
      outboxIds.push(
        await queueEmail(tx, parties.parent.email, "permit-refused", {
          ...common,
          name: parties.parent.name,
          audience: "parent",
          url: permit.childId ? `${baseUrl}/children/${permit.childId}` : `${baseUrl}/children`,
        }),
      );
    }
    return { status, outboxIds };
  });
}
