import type { Db } from "~/server/db.server";
import { getAuthoritySettings } from "../settings/getAuthoritySettings";
import type { EmploymentOptions } from "./rules";

/** The rules for a permit decided by `authorityId`: its byelaws' latest time and its schools' day (local limits only tighten). */
export async function withLocalLimits(db: Db, authorityId: string | null, base: EmploymentOptions = {}): Promise<EmploymentOptions> {
  if (!authorityId) return base;
  const s = await getAuthoritySettings(db, authorityId);
  return {
    ...base,
    local: { ...base.local, ...(s.employmentLatest ? { latest: s.employmentLatest } : {}), schoolStarts: s.employmentSchoolStarts, schoolEnds: s.employmentSchoolEnds },
  };
}
