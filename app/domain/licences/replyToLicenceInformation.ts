import { eq } from "drizzle-orm";
import { authorities } from "#db/schema/authorities";
import { children, productions } from "#db/schema/children";
import { performanceApplications } from "#db/schema/licences";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { RuleError } from "../errors";
import { applicationForProducer } from "./access";
import { LICENCE_RECORD, LICENCE_TEXT_MAX } from "./officerScope";
import { assertLicenceTransition } from "./states";

/** What the council asked a producer, and any reply, for the producer's reply page (another organisation's: "not found"). */
export async function getLicenceInformationRequest(db: Db, actor: Actor, applicationId: string) {
  const a = await applicationForProducer(db, actor, applicationId);
  const [[child], [production], [authority]] = await Promise.all([
    db.select({ firstName: children.firstName, lastName: children.lastName }).from(children).where(eq(children.id, a.childId)),
    db.select({ id: productions.id, title: productions.title }).from(productions).where(eq(productions.id, a.productionId)),
    db.select({ name: authorities.name }).from(authorities).where(eq(authorities.id, a.authorityId)),
  ]);
  return {
    id: a.id,
    reference: a.reference ?? "No reference",
    waiting: a.status === "information-requested",
    childName: `${child.firstName} ${child.lastName}`,
    production,
    authorityName: authority.name,
    requested: a.informationRequested,
    reply: a.informationReply,
  };
}

/**
 * The producer replies to the council's request for more information: the reply is kept with the
 * application, which goes back to the officer to review. Audited.
 */
export async function replyToLicenceInformation(db: Db, actor: Actor, applicationId: string, reply: string, now = new Date()) {
  await applicationForProducer(db, actor, applicationId);
  const text = reply?.trim() ?? "";
  if (!text) throw RuleError.field("reply", "Enter your reply");
  if (text.length > LICENCE_TEXT_MAX) throw RuleError.field("reply", `Your reply must be ${LICENCE_TEXT_MAX} characters or fewer`);

  return db.transaction(async (tx) => {
    const application = await applicationForProducer(tx, actor, applicationId, { lock: true });
    if (application.status !== "information-requested") throw RuleError.field("", "The council is not waiting for more information about this application");
    const status = assertLicenceTransition(application.status, "information-returned");
    await tx
      .update(performanceApplications)
      .set({ status, informationReply: text, updatedAt: now })
      .where(eq(performanceApplications.id, application.id));
    await recordAudit(tx, actor, {
      action: "licence.information-returned",
      recordType: LICENCE_RECORD,
      recordId: application.id,
      before: { status: application.status },
      after: { status, reply: text, summary: text },
    });
    return { status };
  });
}
