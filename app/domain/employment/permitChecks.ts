import type { employmentPermits } from "#db/schema/employment";
import { addDays, daysBetween, londonDate } from "../calendar/dates";
import { schoolLeavingDate } from "../exemptions/rules";
import { checkPatterns } from "./pattern";
import { PERMIT_RULES } from "./permitRules";
import { type EmploymentOptions, OCCUPATIONS, type Occupation } from "./rules";

type Permit = Pick<typeof employmentPermits.$inferSelect, "occupation" | "startDate" | "termPattern" | "holidayPattern" | "submittedAt" | "late">;

/**
 * The checks an officer sees and a grant repeats, as of `today`: the permit would run from the start date (or
 * today, if later) to the child's school leaving date, and the hours are checked against EMPLOY-* from that first
 * day, with the rules in force then. `problems` are what stop a grant.
 */
export function permitChecks(permit: Permit, child: { dateOfBirth: string } | null, today: string, options: EmploymentOptions = {}) {
  const problems: string[] = [];
  const startDate = permit.startDate;
  if (!child) problems.push("The parent's part does not name the child");
  if (!startDate) problems.push("The employer's part has no start date");
  const known = !!permit.occupation && (OCCUPATIONS as readonly string[]).includes(permit.occupation);
  if (!known) problems.push("The job is not one of the listed occupations");
  const validFrom = startDate && startDate > today ? startDate : today;
  const validTo = child ? schoolLeavingDate(child.dateOfBirth) : null;
  if (validTo && validTo < validFrom) problems.push(`The child reached the school leaving date on ${validTo}: a permit cannot cover them now (EMPLOY-SCHOOLAGE)`);

  const findings =
    child && known && startDate
      ? checkPatterns(
          {
            dateOfBirth: child.dateOfBirth,
            occupation: permit.occupation as Occupation,
            startDate: validFrom,
            termPattern: permit.termPattern ?? null,
            holidayPattern: permit.holidayPattern ?? null,
          },
          options,
        ).findings
      : [];
  for (const f of findings) problems.push(`${f.pattern === "term" ? "Term time" : "School holidays"}: ${f.message.replace(/\.$/, "")} (${f.rule})`);

  // EMPLOY-7DAYS: how many days after the 7 allowed the application came in.
  const submitted = permit.submittedAt ? londonDate(permit.submittedAt) : null;
  const deadline = startDate ? addDays(startDate, PERMIT_RULES["EMPLOY-7DAYS"].days) : null;
  const daysLate = permit.late && submitted && deadline ? Math.max(0, daysBetween(deadline, submitted)) : 0;

  return { validFrom, validTo, findings, problems, daysLate, deadline };
}
