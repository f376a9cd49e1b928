import { z } from "zod";
import { londonDate } from "~/domain/calendar/dates";
import { parseDateParts } from "./fields";

/**
 * Helpers for the chaperone application's question pages. Browser-safe: the same zod schemas run in the
 * browser (JavaScript on) and in the action; the domain verbs check the rules again on the server.
 */

/** A rule about a date typed as day, month and year: runs once the date is real; its message goes on the day input. */
export function dateRule(prefix: string, label: string, check: (iso: string, today: string) => string | undefined) {
  return (value: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const parsed = parseDateParts(value[`${prefix}Day`], value[`${prefix}Month`], value[`${prefix}Year`], label);
    if ("error" in parsed) return;
    const message = check(parsed.iso, londonDate());
    if (message) ctx.addIssue({ code: "custom", path: [`${prefix}Day`], message });
  };
}

/** The ISO date from day/month/year fields that the schema has already checked. */
export function isoDate(value: Record<string, unknown>, prefix: string, label: string) {
  const parsed = parseDateParts(value[`${prefix}Day`], value[`${prefix}Month`], value[`${prefix}Year`], label);
  if ("error" in parsed) throw new Error(parsed.error);
  return parsed.iso;
}

/** A saved ISO date as the three fields of a GOV.UK date input. */
export function dateFields(prefix: string, iso: string | null | undefined) {
  if (!iso) return {};
  const [y, m, d] = iso.split("-");
  return { [`${prefix}Day`]: String(Number(d)), [`${prefix}Month`]: String(Number(m)), [`${prefix}Year`]: y };
}

/** Radios answering yes or no. */
export const yesNo = (message: string) => z.enum(["yes", "no"], { error: message });

/** A saved yes/no answer as the radio's value. */
export const yesNoValue = (value: boolean | null | undefined) => (value === true ? "yes" : value === false ? "no" : undefined);

/** Optional free text, trimmed, with a length limit. */
export const optionalText = (max: number, tooLong: string) => z.string().trim().max(max, { error: tooLong }).optional();

/** Requires `detailsField` when `field` is "yes". */
export function detailsWhenYes(field: string, detailsField: string, message: string) {
  return (value: Record<string, unknown>, ctx: z.RefinementCtx) => {
    if (value[field] === "yes" && !String(value[detailsField] ?? "").trim()) ctx.addIssue({ code: "custom", path: [detailsField], message });
  };
}

/**
 * For `.superRefine(check, EVEN_WITH_OTHER_ERRORS)`: zod skips an object's refinements once a field fails, but a
 * GOV.UK error summary lists every problem at once. Only use it for checks that cope with missing values.
 */
export const EVEN_WITH_OTHER_ERRORS = { when: () => true };
