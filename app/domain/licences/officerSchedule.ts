/** How an application's schedule reads to officers and on the licence: plain functions, no database. */
import type { BreakPeriod, Period } from "#db/schema/licences";
import { formatDay } from "../calendar/dates";

export type ScheduleDay = {
  date: string;
  kind: "performance" | "rehearsal";
  arrive: string;
  depart: string;
  performing: Period[];
  breaks: BreakPeriod[];
  schoolDay: boolean;
};

const period = (p: Period) => `${p.start}–${p.end}`;

export const periods = (list: Period[]) => (list.length ? list.map(period).join(", ") : "None");

export const breaksText = (list: BreakPeriod[]) => (list.length ? list.map((b) => `${b.kind === "meal" ? "Meal" : "Rest"} ${period(b)}`).join(", ") : "None");

/** The days as the hours rules take them (HOURS-*). */
export function hoursDays(days: ScheduleDay[]) {
  return days.map((d) => ({ date: d.date, arrive: d.arrive, depart: d.depart, performing: d.performing, breaks: d.breaks }));
}

/** "Sat 6 March 2027, Sun 7 March 2027" */
export const datesText = (dates: string[]) => dates.map(formatDay).join(", ");

/** The licence's schedule table: one row per day, with each day's venue when the production has several (`venue` given). */
export function licenceSchedule(days: (ScheduleDay & { chaperone: string; venue?: string | null })[]) {
  const venues = days.some((d) => d.venue);
  return {
    caption: "Schedule",
    head: ["Date", ...(venues ? ["Venue"] : []), "At the venue", "Performing or rehearsing", "Breaks", "Chaperone"],
    rows: days.map((d) => [
      `${formatDay(d.date)}${d.kind === "rehearsal" ? " (rehearsal)" : ""}`,
      ...(venues ? [d.venue ?? ""] : []),
      `${d.arrive}–${d.depart}`,
      periods(d.performing),
      breaksText(d.breaks),
      d.chaperone,
    ]),
  };
}
