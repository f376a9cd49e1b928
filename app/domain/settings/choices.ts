import { BOPA_RULES } from "../bopa/rules";

/** How long a council may make its chaperone approvals last (years). */
export const CHAPERONE_YEARS_CHOICES = [1, 2, 3] as const;

/** The longest period a council lets a body of persons approval cover (months, BOPA-PERIOD). */
export const BOPA_MONTHS_CHOICES = BOPA_RULES["BOPA-PERIOD"].choices;

/** How many working days a school has to answer a consultation (SCHOOL-DEADLINE). */
export const SCHOOL_WORKING_DAYS_CHOICES = [3, 5, 10] as const;

/** The latest time a council's byelaws may allow children to work, from the law's 19:00 down (EMPLOY-LATEST). */
export const EMPLOYMENT_LATEST_CHOICES = ["19:00", "18:30", "18:00"] as const;

/** The council's own target for deciding a performance licence (working days from a complete application). */
export const DECISION_TARGET_CHOICES = [5, 10, 15, 20] as const;

/** Most closure days a council lists (a few a year, some years ahead). */
export const CLOSURE_DAYS_MAX = 60;

/**
 * The admin's list of closure days, one date per line as DD/MM/YYYY (or YYYY-MM-DD): sorted, without repeats,
 * or the first line that is not a real date.
 */
export function parseClosureDays(text: string): { dates: string[] } | { error: string } {
  const lines = text
    .split(/\r?\n|,/)
    .map((l) => l.trim())
    .filter(Boolean);
  const dates = new Set<string>();
  for (const line of lines) {
    const uk = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(line);
    const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(line);
    const [y, m, d] = uk ? [uk[3], uk[2], uk[1]].map(Number) : iso ? [iso[1], iso[2], iso[3]].map(Number) : [NaN, NaN, NaN];
    const date = new Date(Date.UTC(y, m - 1, d));
    if (Number.isNaN(date.getTime()) || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
      return { error: `“${line.slice(0, 40)}” is not a real date: enter each date like 24/12/2026` };
    }
    dates.add(date.toISOString().slice(0, 10));
  }
  if (dates.size > CLOSURE_DAYS_MAX) return { error: `Enter ${CLOSURE_DAYS_MAX} closure days or fewer` };
  return { dates: [...dates].sort() };
}

/** How the admin page shows the saved list back. */
export const formatClosureDays = (dates: readonly string[]) => dates.map((d) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`).join("\n");
