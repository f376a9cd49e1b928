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
 * An officer of the child's home authority asks for more information: the application waits for the
 * producer's reply (at /producer/applications/{id}/information), and the producer and the parent are emailed
 * the message.
 */
export async function requestLicenceInformation(db: Db, actor: Actor, applicationId: string, message: string, baseUrl: string, now = new Date()) {
  await submittedForOfficer(db, actor, applicationId);
  const text = message?.trim() ?? "";
  if (!text) throw RuleError.field("message", "Enter what you need to know");
  if (text.length > LICENCE_TEXT_MAX) throw RuleError.field("message", `Your message must be ${LICENCE_TEXT_MAX} characters or fewer`);

  return db.transaction(async (tx) => {
    const application = await submittedForOfficer(tx, actor, applicationId, { lock: true });
    const status = assertLicenceTransition(application.status, "request-information");
    await tx
      .update(performanceApplications)
      .set({ status, informationRequested: text, informationReply: null, updatedAt: now })
      .where(eq(performanceApplications.id, application.id));
    await recordAudit(tx, actor, {
      action: "licence.information-requested",
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
      message: text,
    };
    const outboxIds = [
      await queueEmail(tx, p.production.producerEmail, "licence-information-requested", {
        ...common,
        name: p.production.producerName,
        audience: "producer",
        url: `${baseUrl}/producer/applications/${application.id}/information`,
      }),
      await queueEmail(tx, p.child.parentEmail, "licence-information-requested", {
        ...common,
        name: p.child.parentName,
        audience: "parent",
        url: `${baseUrl}/children/${application.childId}/applications/${application.id}`,
      }),
    ];
    return { status, outboxIds };
  });
}
