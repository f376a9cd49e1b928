import { eq } from "drizzle-orm";
import { employmentPermits } from "#db/schema/employment";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { RuleError } from "../errors";
import { editablePermit, PERMIT_RECORD, PERMIT_TEXT } from "./permitParty";

export type ParentPermitPartInput =
  | { section: "health"; hasHealthConditions: boolean; healthDetails?: string }
  | { section: "consent"; consentName: string };

function changesFor(input: ParentPermitPartInput) {
  if (input.section === "health") {
    const details = (input.healthDetails ?? "").trim();
    if (input.hasHealthConditions && !details) throw RuleError.field("healthDetails", "Give details of the child's health conditions or disabilities");
    if (details.length > PERMIT_TEXT.description) throw RuleError.field("healthDetails", `Details must be ${PERMIT_TEXT.description} characters or fewer`);
    return { hasHealthConditions: input.hasHealthConditions, healthDetails: input.hasHealthConditions ? details : null };
  }
  const consentName = input.consentName.trim();
  if (!consentName) throw RuleError.field("consentName", "Enter your full name to give your consent");
  if (consentName.length > PERMIT_TEXT.name) throw RuleError.field("consentName", `Your name must be ${PERMIT_TEXT.name} characters or fewer`);
  return { consentName };
}

/**
 * Saves the parent's health declaration or consent while the application is a draft. Any change re-opens the
 * parent's part: they check their answers and confirm it again.
 */
export async function saveParentPermitPart(db: Db, actor: Actor, permitId: string, input: ParentPermitPartInput, now = new Date()) {
  await editablePermit(db, actor, permitId, "parent", { lock: false });
  const changes = changesFor(input);
  return db.transaction(async (tx) => {
    const permit = await editablePermit(tx, actor, permitId, "parent");
    await tx
      .update(employmentPermits)
      .set({ ...changes, parentPartCompletedAt: null, updatedAt: now })
      .where(eq(employmentPermits.id, permit.id));
    await recordAudit(tx, actor, {
      action: "employment-permit.parent-part-saved",
      recordType: PERMIT_RECORD,
      recordId: permit.id,
      // the health details stay in the record, not the history
      after: { section: input.section, ...(input.section === "health" ? { hasHealthConditions: input.hasHealthConditions } : changes) },
    });
    return { permitId: permit.id, childId: permit.childId };
  });
}
