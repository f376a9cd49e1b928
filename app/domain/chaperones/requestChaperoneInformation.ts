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

/**
 * An officer of the application's authority asks the applicant for more information: the application goes
 * back to them to change and resubmit, and they are emailed the message.
 */
export async function requestChaperoneInformation(db: Db, actor: Actor, applicationId: string, message: string, baseUrl: string, now = new Date()) {
  await applicationForOfficer(db, actor, applicationId);
  const text = message.trim();
  if (!text) throw RuleError.field("message", "Enter what you need from the applicant");

  return db.transaction(async (tx) => {
    const application = await applicationForOfficer(tx, actor, applicationId, { lock: true });
    const status = assertTransition(application.status, "request-information");
    await tx.update(chaperoneApplications).set({ status, informationRequested: text, updatedAt: now }).where(eq(chaperoneApplications.id, application.id));
    await recordAudit(tx, actor, {
      action: "chaperone.information-requested",
      recordType: "chaperone-application",
      recordId: application.id,
      before: { status: application.status },
      after: { status, reason: text },
    });
    const to = await applicantContact(tx, application);
    const outboxId = await queueEmail(tx, to.email, "chaperone-information-requested", {
      name: to.name,
      reference: application.reference ?? "",
      message: text,
      authorityName: to.authorityName,
      url: `${baseUrl}/chaperone`,
    });
    return { status, outboxIds: [outboxId] };
  });
}
