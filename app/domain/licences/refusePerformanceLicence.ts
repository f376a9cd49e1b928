import { eq } from "drizzle-orm";
import { performanceApplications } from "#db/schema/licences";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { RuleError } from "../errors";
import { queueEmail } from "../notifications/queueEmail";
import { applicationParties, LICENCE_RECORD, LICENCE_TEXT_MAX, submittedForOfficer } from "./officerScope";
import { assertLicenceTransition } from "./states";

/**
 * An officer of the child's home authority refuses the licence with written reasons; the producer and the
 * parent are emailed them with the right of appeal to a magistrates' court (DOMAIN.md §1.4).
 */
export async function refusePerformanceLicence(db: Db, actor: Actor, applicationId: string, reasons: string, baseUrl: string, now = new Date()) {
  await submittedForOfficer(db, actor, applicationId);
  const text = reasons?.trim() ?? "";
  if (!text) throw RuleError.field("reasons", "Enter the reasons for refusing, which are sent to the producer and the parent");
  if (text.length > LICENCE_TEXT_MAX) throw RuleError.field("reasons", `Reasons must be ${LICENCE_TEXT_MAX} characters or fewer`);

  return db.transaction(async (tx) => {
    const application = await submittedForOfficer(tx, actor, applicationId, { lock: true });
    const status = assertLicenceTransition(application.status, "refuse");
    await tx
      .update(performanceApplications)
      .set({ status, decisionReason: text, decidedAt: now, decidedByUserId: actor.userId, updatedAt: now })
      .where(eq(performanceApplications.id, application.id));
    await recordAudit(tx, actor, {
      action: "licence.refused",
      recordType: LICENCE_RECORD,
      recordId: application.id,
      before: { status: application.status },
      after: { status, reason: text },
    });
    const p = await applicationParties(tx, application);
    const common = {
      reference: application.reference ?? "",
      childName: p.child.name,
      productionTitle: p.production.title,
      organisationName: p.organisationName,
      authorityName: p.authorityName,
      reasons: text,
    };
    const outboxIds = [
      await queueEmail(tx, p.production.producerEmail, "licence-refused", {
        ...common,
        name: p.production.producerName,
        audience: "producer",
        url: `${baseUrl}/producer/productions/${application.productionId}`,
      }),
      await queueEmail(tx, p.child.parentEmail, "licence-refused", {
        ...common,
        name: p.child.parentName,
        audience: "parent",
        url: `${baseUrl}/children/${application.childId}`,
      }),
    ];
    return { status, outboxIds };
  });
}
