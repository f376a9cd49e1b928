import { z } from "zod";
import { ACCOUNT_RULES } from "~/domain/identity/rules";

/** Shared zod field builders with GOV.UK-style messages. Empty inputs arrive as undefined (conform). */
export const requiredText = (message: string, max = 200, tooLong?: string) =>
  z
    .string({ error: message })
    .trim()
    .min(1, { error: message })
    .max(max, { error: tooLong ?? `Must be ${max} characters or fewer` });

export const emailAddress = (empty = "Enter your email address") =>
  z
    .string({ error: empty })
    .trim()
    .max(254, { error: "Email address must be 254 characters or fewer" })
    .pipe(z.email({ error: "Enter an email address in the correct format, like name@example.com" }));

export const newPassword = (empty = "Enter a password") =>
  z
    .string({ error: empty })
    .min(ACCOUNT_RULES.passwordMinLength, { error: `Password must be ${ACCOUNT_RULES.passwordMinLength} characters or more` })
    .max(ACCOUNT_RULES.passwordMaxLength, { error: `Password must be ${ACCOUNT_RULES.passwordMaxLength} characters or fewer` });

export const anyPassword = (empty = "Enter your password") => z.string({ error: empty }).min(1, { error: empty }).max(1024, { error: "Password is too long" });

/** Adds "Passwords do not match" on the confirmation field. */
export function withConfirmation<T extends z.ZodObject>(schema: T, field = "password", confirm = "confirmPassword") {
  return schema.superRefine((value: Record<string, unknown>, ctx) => {
    if (value[field] && value[confirm] !== value[field]) {
      ctx.addIssue({ code: "custom", path: [confirm], message: "Passwords do not match" });
    }
  });
}

/** Day, month and year as typed, to an ISO date or a GOV.UK message about the `label`. */
export function parseDateParts(day: unknown, month: unknown, year: unknown, label: string): { iso: string } | { error: string } {
  const [d, m, y] = [day, month, year].map((v) => String(v ?? "").trim());
  if (!d && !m && !y) return { error: `Enter the ${label}` };
  const missing = [!d && "day", !m && "month", !y && "year"].filter(Boolean);
  if (missing.length) return { error: `The ${label} must include a ${missing.join(" and ")}` };
  const [dd, mm, yy] = [d, m, y].map(Number);
  const date = new Date(Date.UTC(yy, mm - 1, dd));
  if (!/^\d{4}$/.test(y) || date.getUTCFullYear() !== yy || date.getUTCMonth() !== mm - 1 || date.getUTCDate() !== dd) {
    return { error: `The ${label} must be a real date` };
  }
  return { iso: date.toISOString().slice(0, 10) };
}

/** A zod refinement for `<prefix>Day/Month/Year` fields; the error goes on the day field (the first input). */
export function dateParts(prefix: string, label: string) {
  return (value: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const parsed = parseDateParts(value[`${prefix}Day`], value[`${prefix}Month`], value[`${prefix}Year`], label);
    if ("error" in parsed) ctx.addIssue({ code: "custom", path: [`${prefix}Day`], message: parsed.error });
  };
}
