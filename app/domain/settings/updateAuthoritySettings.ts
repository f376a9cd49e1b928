import { authoritySettings } from "#db/schema/chaperones";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { ForbiddenError, RuleError } from "../errors";
import { can } from "../identity/capabilities";
import { BOPA_MONTHS_CHOICES, CHAPERONE_YEARS_CHOICES, SCHOOL_WORKING_DAYS_CHOICES } from "./choices";
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
