import { eq } from "drizzle-orm";
import { ladoReferrals } from "#db/schema/safeguarding";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { londonDate } from "../calendar/dates";
import { RuleError } from "../errors";
import { CONCERN_RECORD, findCaseToChange } from "./access";
import { queueSafeguardingEvent } from "./deliveries";

export type CaseLinkInput = { caseReference: string; caseAddress: string; subjectDateOfBirth: string | null };

/**
 * The LADO links the referral to the authority's safeguarding record: the case reference, where the case is kept,
 * and (for the retention date) the person's date of birth. The change is sent to the safeguarding record.
 */
export async function recordCaseLink(db: Db, actor: Actor, reference: string, input: CaseLinkInput, { now = new Date() }: { now?: Date } = {}) {
  const caseReference = input.caseReference?.trim() ?? "";
  const caseAddress = input.caseAddress?.trim() ?? "";
  const errors: Record<string, string[]> = {};
  if (!caseReference) errors.caseReference = ["Enter the case reference"];
  else if (caseReference.length > 100) errors.caseReference = ["The case reference must be 100 characters or fewer"];
  if (caseAddress.length > 500) errors.caseAddress = ["Where the case is kept must be 500 characters or fewer"];
  if (input.subjectDateOfBirth && input.subjectDateOfBirth >= londonDate(now)) errors.subjectDateOfBirthDay = ["The date of birth must be in the past"];
  if (Object.keys(errors).length) throw new RuleError(errors);
  return db.transaction(async (tx) => {
    const { concern, referral } = await findCaseToChange(tx, actor, reference);
    if (!referral) throw RuleError.field("", "Only a referral can be linked to the safeguarding record");
    const after = { caseReference, caseAddress: caseAddress || null, subjectDateOfBirth: input.subjectDateOfBirth };
    await tx.update(ladoReferrals).set(after).where(eq(ladoReferrals.id, referral.id));
    await recordAudit(tx, actor, {
      action: "lado.case-linked",
      recordType: CONCERN_RECORD,
      recordId: concern.id,
      before: { caseReference: referral.caseReference, caseAddress: referral.caseAddress, subjectDateOfBirth: referral.subjectDateOfBirth },
      after,
    });
    return { deliveryIds: await queueSafeguardingEvent(tx, referral.id, "referral.updated") };
  });
}
