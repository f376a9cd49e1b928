import { z } from "zod";
import { isIsoDate } from "../calendar/dates";
import { always, isoDate, isTime, time } from "../calendar/requestFields";

const endAfterStart = (what: string) => [
  (p: { start: unknown; end: unknown }, ctx: z.RefinementCtx) => {
    if (isTime(p.start) && isTime(p.end) && p.end <= p.start) ctx.addIssue({ code: "custom", path: ["end"], message: `The end of each ${what} must be after its start` });
  },
  always,
] as const;

const performing = z
  .object({ start: time("the start of each performing period"), end: time("the end of each performing period") }, { error: "Enter each performing period" })
  .superRefine(...endAfterStart("performing period"));

const rest = z
  .object(
    {
      start: time("the start of each break"),
      end: time("the end of each break"),
      kind: z.enum(["meal", "rest"], { error: 'Say whether each break is a "meal" or "rest" break' }),
    },
    { error: "Enter each break" },
  )
  .superRefine(...endAfterStart("break"));

const day = z
  .object(
    {
      date: isoDate("each day's date"),
      arrive: time("the arrival time"),
      depart: time("the departure time"),
      performing: z.array(performing, { error: "Enter the performing periods as a list" }).max(48).default([]),
      breaks: z.array(rest, { error: "Enter the breaks as a list" }).max(48).default([]),
    },
    { error: "Enter each day" },
  )
  .superRefine((d, ctx) => {
    const { arrive, depart } = d;
    if (isTime(arrive) && isTime(depart) && depart <= arrive) ctx.addIssue({ code: "custom", path: ["depart"], message: "The departure time must be after the arrival time" });
    if (!Array.isArray(d.performing)) return;
    d.performing.forEach((p, j) => {
      if (isTime(arrive) && isTime(p?.start) && p.start < arrive) {
        ctx.addIssue({ code: "custom", path: ["performing", j, "start"], message: "Performing must start at or after the arrival time" });
      }
      if (isTime(depart) && isTime(p?.end) && p.end > depart) {
        ctx.addIssue({ code: "custom", path: ["performing", j, "end"], message: "Performing must end at or before the departure time" });
      }
    });
  }, always);

/** The request body of POST /api/v1/schedule-checks (DESIGN.md public contract). */
export const ScheduleCheckRequest = z
  .object({
    child: z.object({ dateOfBirth: isoDate("the child's date of birth") }, { error: "Enter the child" }),
    nightWorkPermitted: z.boolean({ error: "Say whether night work is asked for (true or false)" }),
    days: z.array(day, { error: "Enter the days" }).min(1, { error: "Enter at least one day" }).max(366, { error: "Enter at most 366 days" }),
  })
  .superRefine((value, ctx) => {
    if (!Array.isArray(value.days)) return;
    const born = value.child?.dateOfBirth;
    const seen = new Set<string>();
    value.days.forEach((d, i) => {
      if (!isIsoDate(d?.date)) return;
      if (seen.has(d.date)) ctx.addIssue({ code: "custom", path: ["days", i, "date"], message: "Enter each date only once" });
      seen.add(d.date);
      if (typeof born === "string" && isIsoDate(born) && d.date < born) {
        ctx.addIssue({ code: "custom", path: ["days", i, "date"], message: "A day cannot be before the child's date of birth" });
      }
    });
  }, always);

export type ScheduleCheckRequest = z.infer<typeof ScheduleCheckRequest>;
