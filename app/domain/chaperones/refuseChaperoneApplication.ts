import { eq } from "drizzle-orm";
import { chaperoneApplications } from "#db/schema/chaperones";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { RuleError } from "../errors";
import { queueEmail } from "../notifications/queueEmail";
import { applicantContact } from "./notifyApplicant";
import { applicationForOfficer } from "./officerScope";
import { assertTransition } from "./states";

/** An officer of the application's authority refuses it, giving the reasons, which the applicant is emailed. */
export async function refuseChaperoneApplication(db: Db, actor: Actor, applicationId: string, reasons: string, baseUrl: string, now = new Date()) {
  await applicationForOfficer(db, actor, applicationId);
  const text = reasons.trim();
  if (!text) throw RuleError.field("reasons", "Enter the reasons for refusing, which are sent to the applicant");

  return db.transaction(async (tx) => {
    const application = await applicationForOfficer(tx, actor, applicationId, { lock: true });
    const status = assertTransition(application.status, "refuse");
    await tx
      .update(chaperoneApplications)
      .set({ status, decisionReason: text, decidedAt: now, updatedAt: now })
      .where(eq(chaperoneApplications.id, application.id));
    await recordAudit(tx, actor, {
      action: "chaperone.refused",
      recordType: "chaperone-application",
      recordId: application.id,
      before: { status: application.status },
      after: { status, reason: text },
    });
    const to = await applicantContact(tx, application);
    const outboxId = await queueEmail(tx, to.email, "chaperone-refused", {
      name: to.name,
      reference: application.reference ?? "",
      reasons: text,
      authorityName: to.authorityName,
      url: `${baseUrl}/chaperone`,
    });
    return { status, outboxIds: [outboxId] };
  });
}
