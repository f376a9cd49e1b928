import { z } from "zod";
import { isoDate } from "../calendar/requestFields";

/** The request body of POST /api/v1/exemption-checks (DESIGN.md public contract). */
export const ExemptionCheckRequest = z
  .object({
    child: z.object({ dateOfBirth: isoDate("the child's date of birth") }, { error: "Enter the child" }),
    performance: z.object(
      {
        dates: z.array(isoDate("each performance date"), { error: "Enter the performance dates" }).min(1, { error: "Enter at least one performance date" }).max(366),
        paid: z.boolean({ error: "Say whether the child is paid (true or false)" }),
        absenceFromSchool: z.boolean({ error: "Say whether the child misses school (true or false)" }),
        broadcast: z.boolean({ error: "Say whether it is broadcast (true or false)" }),
        organiserHoldsBopa: z.boolean({ error: "Say whether the organiser holds a BOPA (true or false)" }),
        arrangedBySchool: z.boolean({ error: "Say whether the child's school arranged it (true or false)" }),
      },
      { error: "Enter the performance" },
    ),
    previousPerformanceDates: z.array(isoDate("each previous performance date")).max(5000).default([]),
  })
  .superRefine((value, ctx) => {
    value.performance.dates.forEach((date, i) => {
      if (date < value.child.dateOfBirth) {
        ctx.addIssue({ code: "custom", path: ["performance", "dates", i], message: "A performance date cannot be before the child's date of birth" });
      }
    });
  });

export type ExemptionCheckRequest = z.infer<typeof ExemptionCheckRequest>;

/** zod issues as the API's `{ errors: [{ path, message }] }`, paths joined with dots. */
export function apiErrors(error: z.ZodError) {
  return error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}
