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
