/** Applying for an employment permit (DOMAIN.md §4): plain values, browser-safe. */
import { addDays } from "../calendar/dates";

export const PERMIT_RULES = {
  "EMPLOY-7DAYS": { days: 7, source: "Byelaws: the employer applies within 7 days of the child starting work; later applications are flagged" },
  "EMPLOY-INVITE": { days: 14, source: "Service policy: the other party's emailed link works for 14 days" },
} as const;

/** EMPLOY-7DAYS: submitted more than 7 days after the start date. Flagged for the officer, never refused. */
export function isLatePermitApplication(startDate: string, today: string) {
  return today > addDays(startDate, PERMIT_RULES["EMPLOY-7DAYS"].days);
}

export function formatPermitApplicationReference(authorityCode: string, year: number, sequence: number) {
  return `${authorityCode}-PE-${year}-${String(sequence).padStart(6, "0")}`;
}

/** The kind under which application numbers are counted (the documents' gap-free counter). */
export const PERMIT_APPLICATION_SEQUENCE_KIND = "employment-permit-application";
