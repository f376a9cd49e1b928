/** One zod schema per checker form, run in the browser (JavaScript on) and again in the action. */
import { z } from "zod";
import { dateRule, EVEN_WITH_OTHER_ERRORS } from "~/forms/chaperone";
import { dateParts } from "~/forms/fields";

const UK_POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$/i;

/** "nm12ab" → "NM1 2AB". */
export const normalisePostcode = (postcode: string) => {
  const compact = postcode.replace(/\s+/g, "").toUpperCase();
  return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
};

export const postcodeSchema = z.object({
  postcode: z
    .string()
    .trim()
    .refine((v) => UK_POSTCODE.test(v), { error: "Enter a real postcode, or leave it blank if you do not know it" })
    .optional(),
});

export const dateOfBirthSchema = z
  .object({ dateOfBirthDay: z.string().optional(), dateOfBirthMonth: z.string().optional(), dateOfBirthYear: z.string().optional() })
  .superRefine(dateParts("dateOfBirth", "child's date of birth"))
  .superRefine(
    dateRule("dateOfBirth", "child's date of birth", (iso, today) => (iso > today ? "The child's date of birth must be today or in the past" : undefined)),
    EVEN_WITH_OTHER_ERRORS,
  );

/** Whether anything was typed into the add-another page's date input. */
export const dateTyped = (value: Record<string, unknown>) => ["dateDay", "dateMonth", "dateYear"].some((name) => String(value[name] ?? "").trim());

/**
 * The add-another date pages: "Add date" needs a date; "Continue" adds one only if something was typed.
 * `label` completes "Enter the …" and "The … must be a real date".
 */
export const dateListSchema = (label: string) =>
  z
    .object({ intent: z.string().optional(), dateDay: z.string().optional(), dateMonth: z.string().optional(), dateYear: z.string().optional() })
    .superRefine((value: Record<string, unknown>, ctx) => {
      if (value.intent !== "continue" || dateTyped(value)) dateParts("date", label)(value, ctx);
    });

export const yesNoSchema = (message: string) => z.object({ answer: z.enum(["yes", "no"], { error: message }) });
