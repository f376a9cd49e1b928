import { z } from "zod";
import { isIsoDate } from "../calendar/dates";
import { always, isoDate, isTime, time } from "../calendar/requestFields";
import { DAY_TYPES, OCCUPATIONS } from "./rules";

/** The weekday each day type allows: 0 Sunday … 6 Saturday. */
const WEEKDAYS: Record<(typeof DAY_TYPES)[number], number[]> = { school: [1, 2, 3, 4, 5], holiday: [1, 2, 3, 4, 5], saturday: [6], sunday: [0] };
const DAY_TYPE_WORDS = { school: "a weekday", holiday: "a weekday", saturday: "a Saturday", sunday: "a Sunday" } as const;

const shift = z
  .object(
    {
      date: isoDate("each shift's date"),
      start: time("the start of each shift"),
      end: time("the end of each shift"),
      dayType: z.enum(DAY_TYPES, { error: 'Say whether each shift is on a "school", "saturday", "sunday" or "holiday" day' }),
    },
    { error: "Enter each shift" },
  )
  .superRefine((s, ctx) => {
    if (isTime(s.start) && isTime(s.end) && s.end <= s.start) ctx.addIssue({ code: "custom", path: ["end"], message: "The end of each shift must be after its start" });
    if (isIsoDate(s.date) && typeof s.dayType === "string" && Object.hasOwn(WEEKDAYS, s.dayType)) {
      const weekday = new Date(`${s.date}T00:00:00Z`).getUTCDay();
      if (!WEEKDAYS[s.dayType].includes(weekday)) {
        ctx.addIssue({ code: "custom", path: ["dayType"], message: `A "${s.dayType}" shift must be on ${DAY_TYPE_WORDS[s.dayType]}` });
      }
    }
  }, always);

/** The request body of POST /api/v1/employment-checks (DESIGN.md public contract). */
export const EmploymentCheckRequest = z
  .object({
    child: z.object({ dateOfBirth: isoDate("the child's date of birth") }, { error: "Enter the child" }),
    occupation: z.enum(OCCUPATIONS, { error: "Enter an occupation code from the list in DOMAIN.md, like newspaper-delivery" }),
    shifts: z.array(shift, { error: "Enter the shifts as a list" }).min(1, { error: "Enter at least one shift" }).max(1000, { error: "Enter at most 1000 shifts" }),
  })
  .superRefine((value, ctx) => {
    if (!Array.isArray(value.shifts)) return;
    const born = value.child?.dateOfBirth;
    value.shifts.forEach((s, i) => {
      if (!s || !isIsoDate(s.date) || !isTime(s.start) || !isTime(s.end)) return;
      if (typeof born === "string" && isIsoDate(born) && s.date < born) {
        ctx.addIssue({ code: "custom", path: ["shifts", i, "date"], message: "A shift cannot be before the child's date of birth" });
      }
      const clash = value.shifts.findIndex((o, j) => j < i && o?.date === s.date && isTime(o.start) && isTime(o.end) && o.start < s.end && s.start < o.end);
      if (clash >= 0) ctx.addIssue({ code: "custom", path: ["shifts", i, "start"], message: `This shift overlaps shift ${clash + 1} on the same day` });
      const other = value.shifts.find((o) => o?.date === s.date && o.dayType !== s.dayType);
      if (other && value.shifts.indexOf(other) < i) {
        ctx.addIssue({ code: "custom", path: ["shifts", i, "dayType"], message: "Shifts on the same date must have the same day type" });
      }
    });
  }, always);

export type EmploymentCheckRequest = z.infer<typeof EmploymentCheckRequest>;
