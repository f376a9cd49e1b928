import { eq } from "drizzle-orm";
import { organisations } from "#db/schema/authorities";
import { concerns, ladoReferrals } from "#db/schema/safeguarding";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { londonDate } from "../calendar/dates";
import { RuleError } from "../errors";
import { CONCERN_RECORD, findCaseToChange } from "./access";
import { queueSafeguardingEvent } from "./deliveries";
import { placeHolds } from "./holds";
import { meetsThreshold, THRESHOLD_CATEGORIES } from "./rules";

const REASON_MAX = 5000;

export type TriageInput = {
  decision: "refer" | "no-further-action";
  categories: string[];
  reason: string;
  /** An organisation whose staff the concern is about: its pending approvals are held. */
  organisationId?: string | null;
};

/**
 * The LADO decides whether a new concern meets the threshold (LADO-THRESHOLD). A referral records the categories
 * and why, places the holds at once and is sent to the safeguarding record; otherwise the concern is closed with
 * the reason.
 */
export async function triageConcern(db: Db, actor: Actor, reference: string, input: TriageInput, baseUrl: string, { now = new Date() }: { now?: Date } = {}) {
  const errors: Record<string, string[]> = {};
  const reason = input.reason?.trim() ?? "";
  const categories = [...new Set(input.categories)].filter((c) => (THRESHOLD_CATEGORIES as readonly string[]).includes(c));
  if (input.decision !== "refer" && input.decision !== "no-further-action") errors.decision = ["Select whether the threshold is met"];
  if (input.decision === "refer" && !meetsThreshold(categories)) errors.categories = ["Select how the threshold is met"];
  if (input.decision === "no-further-action" && categories.length) errors.categories = ["Clear the categories, or select that the threshold is met"];
  if (!reason) errors.reason = ["Enter why"];
  else if (reason.length > REASON_MAX) errors.reason = [`Why must be ${REASON_MAX} characters or fewer`];
  if (Object.keys(errors).length) throw new RuleError(errors);
  const today = londonDate(now);

  return db.transaction(async (tx) => {
    const { concern } = await findCaseToChange(tx, actor, reference);
    if (concern.status !== "new") throw RuleError.field("", "This concern has already been decided");
    let organisationName = concern.subjectOrganisationName;
    if (input.decision === "refer" && input.organisationId) {
      const [organisation] = /^[0-9a-f-]{36}$/i.test(input.organisationId)
        ? await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, input.organisationId))
        : [];
      if (!organisation) throw RuleError.field("organisationId", "Select an organisation from the list");
      organisationName = organisation.name;
    }
    const status = input.decision === "refer" ? "referred" : "no-further-action";
    await tx
      .update(concerns)
      .set({ status, decidedAt: now, decidedByUserId: actor.userId, decisionReason: reason, subjectOrganisationId: input.decision === "refer" ? (input.organisationId ?? null) : null, subjectOrganisationName: organisationName })
      .where(eq(concerns.id, concern.id));
    if (status === "no-further-action") {
      await recordAudit(tx, actor, { action: "concern.no-further-action", recordType: CONCERN_RECORD, recordId: concern.id, before: { status: "new" }, after: { status, reason } });
      return { status, deliveryIds: [] as string[], outboxIds: [] as string[] };
    }
    const [referral] = await tx
      .insert(ladoReferrals)
      .values({ concernId: concern.id, authorityId: concern.authorityId, categories, referredAt: now, referredOn: today })
      .returning({ id: ladoReferrals.id, authorityId: ladoReferrals.authorityId });
    const { holds, outboxIds } = await placeHolds(tx, actor, referral, { documentId: concern.subjectDocumentId, organisationId: input.organisationId ?? null, today, baseUrl });
    await recordAudit(tx, actor, {
      action: "concern.referred",
      recordType: CONCERN_RECORD,
      recordId: concern.id,
      before: { status: "new" },
      after: { status, categories, reason, holds: holds.length },
    });
    return { status, outboxIds, deliveryIds: await queueSafeguardingEvent(tx, referral.id, "referral.created") };
  });
}
