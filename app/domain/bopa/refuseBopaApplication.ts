import { eq } from "drizzle-orm";
import { bopaApplications } from "#db/schema/bopa";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { RuleError } from "../errors";
import { queueEmail } from "../notifications/queueEmail";
import { applicantContact, applicationForOfficer } from "./access";
import { BOPA_TEXT_MAX } from "./checks";
import { assertTransition } from "./states";

/** An officer of the host authority refuses the application with reasons, which the producer who applied is emailed. */
export async function refuseBopaApplication(db: Db, actor: Actor, applicationId: string, reasons: string, baseUrl: string, now = new Date()) {
  await applicationForOfficer(db, actor, applicationId);
  const text = reasons?.trim() ?? "";
  if (!text) throw RuleError.field("reasons", "Enter the reasons for refusing, which are sent to the producer");
  if (text.length > BOPA_TEXT_MAX.reasons) throw RuleError.field("reasons", `Reasons must be ${BOPA_TEXT_MAX.reasons} characters or fewer`);

  return db.transaction(async (tx) => {
    const application = await applicationForOfficer(tx, actor, applicationId, { lock: true });
    const status = assertTransition(application.status, "refuse");
    await tx
      .update(bopaApplications)
      .set({ status, decisionReason: text, decidedAt: now, decidedByUserId: actor.userId, updatedAt: now })
      .where(eq(bopaApplications.id, application.id));
    await recordAudit(tx, actor, {
      action: "bopa.refused",
      recordType: "bopa-application",
      recordId: application.id,
      before: { status: application.status },
      after: { status, reason: text },
    });
    const to = await applicantContact(tx, application);
    const outboxId = await queueEmail(tx, to.email, "bopa-refused", {
      name: to.name,
      reference: application.reference,
      organisationName: to.organisationName,
      authorityName: to.authorityName,
      reasons: text,
      url: `${baseUrl}/producer/bopa/${application.id}`,
    });
    return { status, outboxIds: [outboxId] };
  });
}
