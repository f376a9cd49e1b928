import { eq } from "drizzle-orm";
import { LADO_OUTCOMES, ladoReferrals } from "#db/schema/safeguarding";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { londonDate } from "../calendar/dates";
import { RuleError } from "../errors";
import { CONCERN_RECORD, findCaseToChange } from "./access";
import { queueSafeguardingEvent } from "./deliveries";
import { liftHolds } from "./holds";
import { LADO_RULES, type Outcome, retentionReviewOn } from "./rules";

export type OutcomeInput = { outcome: string; outcomeOn: string; notes: string };

/**
 * The LADO records the outcome (LADO-OUTCOME) and the date it was reached: holds are lifted, or kept for the
 * officer to revoke when substantiated; false and malicious allegations leave the person's licensing record
 * (never the LADO record); the retention review date is set (LADO-RETENTION).
 */
export async function recordOutcome(db: Db, actor: Actor, reference: string, input: OutcomeInput, { now = new Date() }: { now?: Date } = {}) {
  const errors: Record<string, string[]> = {};
  const outcome = input.outcome as Outcome;
  const notes = input.notes?.trim() ?? "";
  if (!LADO_OUTCOMES.includes(outcome)) errors.outcome = ["Select the outcome"];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.outcomeOn ?? "")) errors.outcomeOnDay = ["Enter the date of the outcome"];
  else if (input.outcomeOn > londonDate(now)) errors.outcomeOnDay = ["The date of the outcome must be today or in the past"];
  if (notes.length > 5000) errors.notes = ["Notes must be 5000 characters or fewer"];
  if (Object.keys(errors).length) throw new RuleError(errors);
  return db.transaction(async (tx) => {
    const { concern, referral } = await findCaseToChange(tx, actor, reference);
    if (!referral) throw RuleError.field("", "Only a referral has an outcome");
    if (referral.outcome) throw RuleError.field("", "The outcome has already been recorded");
    if (input.outcomeOn < concern.receivedOn) throw RuleError.field("outcomeOnDay", "The date of the outcome must be on or after the day the concern was received");
    const effect = LADO_RULES["LADO-OUTCOME"].effects[outcome];
    const change = {
      outcome,
      outcomeOn: input.outcomeOn,
      outcomeNotes: notes || null,
      retentionReviewOn: retentionReviewOn(concern.receivedOn, referral.subjectDateOfBirth),
      removedFromLicensingRecord: effect.licensingRecord === "remove",
    };
    await tx.update(ladoReferrals).set(change).where(eq(ladoReferrals.id, referral.id));
    const lifted = await liftHolds(tx, actor, referral.id, outcome);
    await recordAudit(tx, actor, { action: "lado.outcome-recorded", recordType: CONCERN_RECORD, recordId: concern.id, after: { ...change, holdsLifted: lifted } });
    return { ...change, holdsLifted: lifted, promptRevoke: effect.promptRevoke, deliveryIds: await queueSafeguardingEvent(tx, referral.id, "referral.outcome-recorded") };
  });
}
