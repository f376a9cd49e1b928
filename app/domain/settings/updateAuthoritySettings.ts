import { authoritySettings } from "#db/schema/chaperones";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { ForbiddenError, RuleError } from "../errors";
import { can } from "../identity/capabilities";
import { BOPA_MONTHS_CHOICES, CHAPERONE_YEARS_CHOICES, CLOSURE_DAYS_MAX, DECISION_TARGET_CHOICES, EMPLOYMENT_LATEST_CHOICES, SCHOOL_WORKING_DAYS_CHOICES } from "./choices";
import { type AuthoritySettings, getAuthoritySettings } from "./getAuthoritySettings";

/** The settings an admin may change; any left out keep their value. */
export type SettingsChange = Partial<AuthoritySettings>;

/** An authority admin changes the authority's local settings (audited: the changed settings before and after). */
export async function updateAuthoritySettings(db: Db, actor: Actor, authorityId: string, input: SettingsChange) {
  if (!can(actor, "admin:use", { authorityId })) throw new ForbiddenError();
  if (input.chaperoneLicenceYears !== undefined && !(CHAPERONE_YEARS_CHOICES as readonly number[]).includes(input.chaperoneLicenceYears)) {
    throw RuleError.field("chaperoneLicenceYears", "Select how long chaperone approvals last");
  }
  if (input.bopaMaxMonths !== undefined && !(BOPA_MONTHS_CHOICES as readonly number[]).includes(input.bopaMaxMonths)) {
    throw RuleError.field("bopaMaxMonths", "Select the longest period a BOPA can cover");
  }
  if (input.schoolResponseWorkingDays !== undefined && !(SCHOOL_WORKING_DAYS_CHOICES as readonly number[]).includes(input.schoolResponseWorkingDays)) {
    throw RuleError.field("schoolResponseWorkingDays", "Select how many working days a school has to answer");
  }
  if (input.employmentLatest && !(EMPLOYMENT_LATEST_CHOICES as readonly string[]).includes(input.employmentLatest)) {
    throw RuleError.field("employmentLatest", "Select the latest time children may work");
  }
  const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
  const starts = input.employmentSchoolStarts;
  const ends = input.employmentSchoolEnds;
  if (starts !== undefined && !TIME.test(starts)) throw RuleError.field("employmentSchoolStarts", "Enter the time school starts, like 08:45");
  if (ends !== undefined && !TIME.test(ends)) throw RuleError.field("employmentSchoolEnds", "Enter the time school ends, like 15:15");
  if (starts && ends && TIME.test(starts) && TIME.test(ends) && ends <= starts) throw RuleError.field("employmentSchoolEnds", "The time school ends must be after the time it starts");
  if (input.closureDays !== undefined && (input.closureDays.length > CLOSURE_DAYS_MAX || input.closureDays.some((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d)))) {
    throw RuleError.field("closureDays", "Enter each closure day like 24/12/2026");
  }
  if (input.licenceDecisionTargetWorkingDays !== undefined && !(DECISION_TARGET_CHOICES as readonly number[]).includes(input.licenceDecisionTargetWorkingDays)) {
    throw RuleError.field("licenceDecisionTargetWorkingDays", "Select your target for deciding a performance licence");
  }
  if (input.escalationEmail && (input.escalationEmail.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.escalationEmail))) {
    throw RuleError.field("escalationEmail", "Enter an email address in the correct format, like name@example.com");
  }
  const change: SettingsChange = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
  const current = await getAuthoritySettings(db, authorityId);
  const before = Object.fromEntries(Object.keys(change).map((key) => [key, current[key as keyof AuthoritySettings]]));
  await db.transaction(async (tx) => {
    await tx
      .insert(authoritySettings)
      .values({ ...current, ...change, authorityId })
      .onConflictDoUpdate({ target: authoritySettings.authorityId, set: { ...change, updatedAt: new Date() } });
    await recordAudit(tx, actor, { action: "authority.settings-changed", recordType: "authority", recordId: authorityId, before, after: change });
  });
}
