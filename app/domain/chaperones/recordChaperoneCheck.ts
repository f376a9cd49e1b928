import { eq } from "drizzle-orm";
import { type CheckRecord, chaperoneApplications } from "#db/schema/chaperones";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { londonDate } from "../calendar/dates";
import { RuleError } from "../errors";
import { CHAPERONE_CHECKS, type CheckName, checkName, outcomeOf } from "./checks";
import { applicationForOfficer, assertOpen } from "./officerScope";
import { assertTransition } from "./states";

export type CheckInput = { check: CheckName; outcome: string; note?: string | null; date?: string | null };

/**
 * An officer of the application's authority records one check (identity seen, DBS checked and its result,
 * interview date and outcome, training confirmed). Recording it again replaces it; the audit keeps both.
 * The first check moves a submitted application to "checks in progress".
 */
export async function recordChaperoneCheck(db: Db, actor: Actor, applicationId: string, input: CheckInput, now = new Date()) {
  // permission: the scoped load below is the check (another authority's application is "not found")
  await applicationForOfficer(db, actor, applicationId);
  const spec = CHAPERONE_CHECKS[input.check];
  if (!spec) throw RuleError.field("check", "Select a check");
  if (!outcomeOf(input.check, input.outcome)) throw RuleError.field("outcome", `Select the result of the ${checkName(input.check)} check`);
  if (spec.needsDate && !input.date) throw RuleError.field("dateDay", `Enter the date of the ${spec.label.toLowerCase()}`);
  if (input.date && input.date > londonDate(now)) throw RuleError.field("dateDay", `The date of the ${spec.label.toLowerCase()} must be today or in the past`);
  const note = input.note?.trim() || undefined;

  return db.transaction(async (tx) => {
    const application = await applicationForOfficer(tx, actor, applicationId, { lock: true });
    assertOpen(application.status);
    const status = application.status === "submitted" ? assertTransition(application.status, "start-checks") : application.status;
    const record: CheckRecord = { outcome: input.outcome, by: actor.name, at: now.toISOString(), ...(note ? { note } : {}), ...(input.date ? { date: input.date } : {}) };
    await tx
      .update(chaperoneApplications)
      .set({ checks: { ...application.checks, [input.check]: record }, status, updatedAt: now })
      .where(eq(chaperoneApplications.id, application.id));
    await recordAudit(tx, actor, {
      action: "chaperone.check-recorded",
      recordType: "chaperone-application",
      recordId: application.id,
      before: { check: input.check, record: application.checks[input.check] ?? null, status: application.status },
      after: {
        check: input.check,
        outcome: input.outcome,
        note,
        date: input.date ?? undefined,
        status,
        summary: [`${spec.label} – ${outcomeOf(input.check, input.outcome)!.label}`, input.date, note].filter(Boolean).join("; "),
      },
    });
    return { status };
  });
}
