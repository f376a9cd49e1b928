import { eq } from "drizzle-orm";
import { authoritySettings } from "#db/schema/chaperones";
import type { Db } from "~/server/db.server";
import { CHAPERONE_RULES } from "../chaperones/rules";
import { BOPA_RULES } from "../bopa/rules";
import { EMPLOYMENT_RULES } from "../employment/rules";
import { EXEMPTION_RULES } from "../exemptions/rules";
import { LICENCE_RULES } from "../licences/rules";

export type AuthoritySettings = Awaited<ReturnType<typeof getAuthoritySettings>>;

/** An authority's local settings, with the service defaults where it has not changed them. */
export async function getAuthoritySettings(db: Db, authorityId: string) {
  const [row] = await db.select().from(authoritySettings).where(eq(authoritySettings.authorityId, authorityId));
  return {
    chaperoneLicenceYears: row?.chaperoneLicenceYears ?? CHAPERONE_RULES["CHAPLIC-VALIDITY"].defaultYears,
    exemptAbsenceAllowed: row?.exemptAbsenceAllowed ?? EXEMPTION_RULES["EXEMPT-ABSENCE"].allowedByDefault,
    exemptBroadcastAllowed: row?.exemptBroadcastAllowed ?? EXEMPTION_RULES["EXEMPT-BROADCAST"].allowedByDefault,
    bopaMaxMonths: row?.bopaMaxMonths ?? BOPA_RULES["BOPA-PERIOD"].defaultMaxMonths,
    schoolResponseWorkingDays: row?.schoolResponseWorkingDays ?? LICENCE_RULES["SCHOOL-DEADLINE"].defaultWorkingDays,
    consultSchoolAlways: row?.consultSchoolAlways ?? false,
    employmentLatest: row?.employmentLatest ?? null,
    employmentSchoolStarts: row?.employmentSchoolStarts ?? EMPLOYMENT_RULES["EMPLOY-SCHOOLTIMES"].starts,
    employmentSchoolEnds: row?.employmentSchoolEnds ?? EMPLOYMENT_RULES["EMPLOY-SCHOOLTIMES"].ends,
    /** Council closure days (YYYY-MM-DD) that are not working days. */
    closureDays: row?.closureDays ?? [],
    licenceDecisionTargetWorkingDays: row?.licenceDecisionTargetWorkingDays ?? 10,
    escalationEmail: row?.escalationEmail ?? null,
  };
}
