import { eq } from "drizzle-orm";
import { children } from "#db/schema/children";
import { employmentPermits, type WeekPattern } from "#db/schema/employment";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { findAuthorityForPostcode } from "../authorities/findAuthorityForPostcode";
import { isIsoDate } from "../calendar/dates";
import { isPostcode, normalisePostcode } from "../children/rules";
import { RuleError } from "../errors";
import { isEmployerPartComplete, isOccupation, type PermitRow, permitFindings } from "./application";
import { editablePermit, PERMIT_RECORD, PERMIT_TEXT } from "./permitParty";
import { type PatternWeek, patternErrors } from "./patternForm";
import type { EmploymentOptions } from "./rules";
import { withLocalLimits } from "./localLimits";

export type EmployerPartInput =
  | { section: "business"; businessName: string; workplaceAddress: string; workplacePostcode: string }
  | { section: "job"; occupation: string; jobDescription: string; startDate: string }
  | { section: "hours"; week: PatternWeek; pattern: WeekPattern }
  | { section: "supervision"; supervisorName: string; riskAssessmentConfirmed: boolean };

type Changes = Partial<typeof employmentPermits.$inferInsert>;

function fail(errors: Record<string, string>) {
  if (Object.keys(errors).length) throw new RuleError(Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, [v]])));
}

function text(errors: Record<string, string>, field: string, value: string, empty: string, max: number, label: string) {
  const trimmed = value.trim();
  if (!trimmed) errors[field] = empty;
  else if (trimmed.length > max) errors[field] = `${label} must be ${max} characters or fewer`;
  return trimmed;
}

/** Checks one section's answers (the same rules as the pages) and returns the columns to save. */
async function changesFor(db: Db, input: EmployerPartInput): Promise<Changes> {
  const errors: Record<string, string> = {};
  switch (input.section) {
    case "business": {
      const businessName = text(errors, "businessName", input.businessName, "Enter the name of the business", PERMIT_TEXT.name, "The business name");
      const workplaceAddress = text(errors, "workplaceAddress", input.workplaceAddress, "Enter the address where the child will work", PERMIT_TEXT.address, "The address");
      const workplacePostcode = normalisePostcode(input.workplacePostcode ?? "");
      let authorityId: string | null = null;
      if (!workplacePostcode) errors.workplacePostcode = "Enter the postcode of the workplace";
      else if (!isPostcode(workplacePostcode)) errors.workplacePostcode = "Enter a full UK postcode, like NM2 3CD";
      else {
        authorityId = (await findAuthorityForPostcode(db, workplacePostcode))?.id ?? null;
        if (!authorityId) {
          errors.workplacePostcode = "This service does not cover that postcode yet: check it, or apply to the council where the work happens";
        }
      }
      fail(errors);
      return { businessName, workplaceAddress, workplacePostcode, authorityId };
    }
    case "job": {
      if (!isOccupation(input.occupation)) errors.occupation = "Select the kind of work the child will do";
      const jobDescription = text(errors, "jobDescription", input.jobDescription, "Describe what the child will do", PERMIT_TEXT.description, "The description");
      if (!isIsoDate(input.startDate ?? "")) errors.startDateDay = "Enter the date the child starts, or started, work as a real date";
      fail(errors);
      return { occupation: input.occupation, jobDescription, startDate: input.startDate };
    }
    case "hours": {
      fail(patternErrors(input.pattern));
      return input.week === "term" ? { termPattern: input.pattern } : { holidayPattern: input.pattern };
    }
    case "supervision": {
      const supervisorName = text(errors, "supervisorName", input.supervisorName, "Enter the name of the person who will supervise the child", PERMIT_TEXT.name, "The name");
      if (input.riskAssessmentConfirmed !== true) errors.riskAssessmentConfirmed = "Confirm you have done a risk assessment for the child's work";
      fail(errors);
      return { supervisorName, riskAssessmentConfirmed: true };
    }
  }
}

/**
 * Saves one section of the employer's part (business and workplace, job, one week's hours, supervision) while the
 * application is a draft. The workplace postcode decides which council the application goes to. The part is
 * complete once every section is. Returns the EMPLOY-* findings for the job as now saved (shown, never refused here:
 * they stop it being sent).
 */
export async function saveEmployerPart(
  db: Db,
  actor: Actor,
  permitId: string,
  input: EmployerPartInput,
  { now = new Date(), rules = {} }: { now?: Date; rules?: EmploymentOptions } = {},
) {
  // not found (or already sent) before any answer is checked
  await editablePermit(db, actor, permitId, "employer", { lock: false });
  const changes = await changesFor(db, input);
  return db.transaction(async (tx) => {
    const permit = await editablePermit(tx, actor, permitId, "employer");
    const next: PermitRow = { ...permit, ...changes } as PermitRow;
    const complete = isEmployerPartComplete(next);
    const employerPartCompletedAt = complete ? (permit.employerPartCompletedAt ?? now) : null;
    await tx
      .update(employmentPermits)
      .set({ ...changes, employerPartCompletedAt, updatedAt: now })
      .where(eq(employmentPermits.id, permit.id));
    await recordAudit(tx, actor, {
      action: "employment-permit.employer-part-saved",
      recordType: PERMIT_RECORD,
      recordId: permit.id,
      after: { section: input.section, ...(input.section === "hours" ? { week: input.week } : {}), ...changes, employerPartComplete: complete },
    });
    const [child] = permit.childId ? await tx.select({ dateOfBirth: children.dateOfBirth }).from(children).where(eq(children.id, permit.childId)) : [];
    const { findings } = permitFindings(next, child?.dateOfBirth ?? null, await withLocalLimits(tx, next.authorityId, rules));
    return { permitId: permit.id, employerPartComplete: complete, findings };
  });
}
