import { addDays, addMonths } from "../calendar/dates";

/** Body of persons approval (DOMAIN.md §1.3; BOPA-*). Numbers live here; `local` ones are authority settings. */
export const BOPA_RULES = {
  "BOPA-HOST": { source: "Children and Young Persons Act 1963 s37(3)(b): granted by the authority where the performances take place" },
  "BOPA-PERIOD": { defaultMaxMonths: 12, choices: [6, 12], local: true, source: "Council practice: one performance or a series in a stated period" },
  "BOPA-21": { days: 21, source: "Council practice: apply at least 21 days before the first performance; later ones are flagged, not refused" },
  "BOPA-NOPAY": { source: "Children and Young Persons Act 1963 s37(3)(b): no payment to the child or anyone for the child beyond expenses" },
  "BOPA-HISTORY": { years: 2, licensedPerformances: 6, local: true, source: "Council practice: a compliance history shown to the officer, not a bar" },
  "BOPA-CHILDREN": { min: 1, max: 500, source: "Service limit: the number of children taking part, for the officer's judgement of chaperone cover" },
  "BOPA-AGES": { youngest: 4, oldest: 16, source: "Service limit: the ages of children usually taking part under an approval" },
} as const;

/** Conditions commonly attached to an approval; the officer picks from these and may add their own. */
export const BOPA_STANDARD_CONDITIONS = [
  { id: "no-payment", text: "No payment is made to any child or to anyone for a child, beyond expenses." },
  { id: "approved-chaperones", text: "Children are supervised by chaperones approved by a council." },
  { id: "policy-review", text: "The child protection policy is reviewed every 12 months, with a named safeguarding lead." },
  { id: "risk-assessment", text: "A risk assessment is made for each venue." },
  { id: "health-declaration", text: "A parental health declaration is held for each child." },
  { id: "notify", text: "The council is told of each performance and the children taking part." },
  { id: "inspection", text: "The council may inspect any performance or rehearsal." },
] as const;

export type BopaConditionId = (typeof BOPA_STANDARD_CONDITIONS)[number]["id"];

/** The last day a period starting on `from` may run to under a limit of `maxMonths` (12 months from 1 Jan ends 31 Dec). */
export function latestPeriodEnd(from: string, maxMonths: number) {
  return addDays(addMonths(from, maxMonths), -1);
}

/** "The approval can cover up to 12 months" when `from`..`to` is longer than the authority allows (BOPA-PERIOD). */
export function periodTooLong(from: string, to: string, maxMonths: number) {
  return to > latestPeriodEnd(from, maxMonths) ? `The approval can cover up to ${maxMonths} months` : undefined;
}

/** BOPA-21: received less than 21 days before the first performance. Flagged for the officer, never refused. */
export function isLateApplication(firstPerformance: string, today: string) {
  return firstPerformance < addDays(today, BOPA_RULES["BOPA-21"].days);
}
