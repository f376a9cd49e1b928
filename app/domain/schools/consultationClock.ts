import { addDays, formatMomentDate } from "../calendar/dates";
import { isWorkingDay } from "../calendar/workingDays";

/**
 * The school's response clock (SCHOOL-DEADLINE), shown to the school, the producer, the parent and the officer.
 * Pure and browser-safe: pass today's date (Europe/London, YYYY-MM-DD) in.
 */

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: string, to: string) {
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isWorkingDay(day)) count++;
  return count;
}

const plural = (n: number) => `${n} working ${n === 1 ? "day" : "days"}`;


export type ConsultationClock = { label: string; overdue: boolean };

export function consultationClock(dueOn: string, today: string, answeredAt: Date | string | null | undefined): ConsultationClock {
  if (answeredAt) return { label: `Answered on ${formatMomentDate(new Date(answeredAt))}`, overdue: false };
  if (today === dueOn) return { label: "Due today", overdue: false };
  if (today < dueOn) return { label: `Due in ${plural(Math.max(1, workingDaysBetween(today, dueOn)))}`, overdue: false };
  const late = workingDaysBetween(dueOn, today);
  return { label: late ? `Overdue by ${plural(late)}` : "Overdue", overdue: true };
}

/** The school's own wording beside the due date: "3 working days left", "Due today" or "Overdue". */
export function timeLeft(dueOn: string, today: string) {
  if (today === dueOn) return "Due today";
  if (today > dueOn) return "Overdue";
  return `${plural(Math.max(1, workingDaysBetween(today, dueOn)))} left`;
}
