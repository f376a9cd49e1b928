/**
 * The producer's part of a performance licence application (DOMAIN.md §1.4–1.6): times, the education rule
 * (EDU-TUTOR) and how far each section has got. Plain functions, safe in the browser.
 */
import { formatDay } from "../calendar/dates";
import { LICENCE_RULES } from "./rules";

/** The audit record type of an application. */
export const APPLICATION_RECORD = "performance-application";

/** Performing periods, and breaks, a day can have. */
export const MAX_PERIODS = 6;

export const PRODUCER_TEXT_MAX = 2000;

/** "7:00", "07.00", "0700" or "19:30" to "HH:MM" on the 24-hour clock; null if it is not a time. */
export function normaliseTime(value: unknown): string | null {
  const match = String(value ?? "")
    .trim()
    .match(/^(\d{1,2})[:.]?(\d{2})$/);
  if (!match) return null;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, "0")}:${match[2]}`;
}

const toMinutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

export type EducationInput = { tutorName: string; tutorHoursPerDay: number | null; pupilsPerTutor: number | null; similarStandard: boolean };

/** EDU-TUTOR: a named tutor, at least 3 hours for each school day missed, at most 6 pupils at once (12 of a similar standard). */
export function educationProblems(input: EducationInput): Record<string, string[]> {
  const rule = LICENCE_RULES["EDU-TUTOR"];
  const errors: Record<string, string[]> = {};
  if (!input.tutorName.trim()) errors.tutorName = ["Enter the tutor's name"];
  const hours = input.tutorHoursPerDay;
  if (hours === null) errors.tutorHoursPerDay = ["Enter the hours of teaching for each school day missed"];
  else if (hours < rule.minHoursPerSchoolDay) {
    errors.tutorHoursPerDay = [
      `The child must be taught for at least ${rule.minHoursPerSchoolDay} hours for each school day missed (EDU-TUTOR); you entered ${hours}`,
    ];
  }
  const pupils = input.pupilsPerTutor;
  const limit = input.similarStandard ? rule.maxPupilsSimilarStandard : rule.maxPupils;
  if (pupils === null) errors.pupilsPerTutor = ["Enter how many pupils the tutor teaches at once"];
  else if (pupils < 1) errors.pupilsPerTutor = ["The tutor must teach at least 1 pupil"];
  else if (pupils > limit) {
    errors.pupilsPerTutor = [
      input.similarStandard
        ? `A tutor may teach at most ${rule.maxPupilsSimilarStandard} pupils of a similar standard at once (EDU-TUTOR); you entered ${pupils}`
        : `A tutor may teach at most ${rule.maxPupils} pupils at once, or ${rule.maxPupilsSimilarStandard} of a similar standard (EDU-TUTOR); you entered ${pupils}`,
    ];
  }
  return errors;
}

export type TaskStatus = "Not started" | "In progress" | "Completed" | "Cannot start yet";

export type ProducerSectionFacts = {
  days: number;
  /** Findings that are not night work: they must be fixed. */
  blockingFindings: number;
  nightWorkFindings: number;
  nightWorkReasons: boolean;
  paid: boolean | null;
  schoolDaysMissed: number;
  educationStarted: boolean;
  educationComplete: boolean;
  /** Days with someone chosen, and days whose choice passes CHAP-VALID and CHAP-RATIO. */
  chaperonesChosen: number;
  chaperonesValid: number;
  contract: boolean;
};

export type ProducerSections = {
  schedule: TaskStatus;
  payment: TaskStatus;
  /** Null when no school is missed. */
  education: TaskStatus | null;
  chaperones: TaskStatus;
  contract: TaskStatus;
};

/** Each section's status in the task list. */
export function producerSections(f: ProducerSectionFacts): ProducerSections {
  const scheduleDone = f.days > 0 && f.blockingFindings === 0 && (f.nightWorkFindings === 0 || f.nightWorkReasons);
  return {
    schedule: f.days === 0 ? "Not started" : scheduleDone ? "Completed" : "In progress",
    payment: f.paid === null ? "Not started" : "Completed",
    education: f.schoolDaysMissed === 0 ? null : f.educationComplete ? "Completed" : f.educationStarted ? "In progress" : "Not started",
    chaperones:
      f.days === 0 ? "Cannot start yet" : f.chaperonesChosen === 0 ? "Not started" : f.chaperonesValid === f.days ? "Completed" : "In progress",
    contract: f.contract ? "Completed" : "Not started",
  };
}

export const isProducerPartComplete = (s: ProducerSections) => Object.values(s).every((status) => status === null || status === "Completed");

export type PartProgress = "Not started" | "In progress" | "Completed";

/** The producer's part at a glance (the production's list of children), from the application's columns. */
export function producerPartProgress(a: {
  producerPartCompletedAt: Date | string | null;
  days: number;
  paid: boolean | null;
  contractUploadId: string | null;
  tutorName: string | null;
}): PartProgress {
  if (a.producerPartCompletedAt) return "Completed";
  return a.days > 0 || a.paid !== null || a.contractUploadId || a.tutorName ? "In progress" : "Not started";
}

export type PeriodInput = { start: string; end: string };
export type BreakInput = PeriodInput & { kind: string };
/** A day as typed: blank periods are left out. */
export type ScheduleDayInput = {
  date: string;
  kind: string;
  arrive: string;
  depart: string;
  performing: PeriodInput[];
  breaks: BreakInput[];
  /** Where the child is that day, when the production has more than one venue: "main" or another venue's id. */
  venueId?: string | null;
};
export type ScheduleDayValue = {
  date: string;
  kind: "performance" | "rehearsal";
  arrive: string;
  depart: string;
  performing: { start: string; end: string }[];
  breaks: { start: string; end: string; kind: "meal" | "rest" }[];
};

/**
 * Checks a day as typed against the production's dates and the day's own times, naming each field as the form
 * does (`dateDay`, `arrive`, `performing0Start`, `break1Kind` …). The hours rules are checked separately, over all days.
 */
export function checkScheduleDay(input: ScheduleDayInput, production: { firstDate: string; lastDate: string }) {
  const errors: Record<string, string[]> = {};
  const add = (field: string, message: string) => {
    errors[field] ??= [message];
  };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date)) add("dateDay", "Enter the date");
  else if (input.date < production.firstDate || input.date > production.lastDate) {
    add("dateDay", `The date must be between ${formatDay(production.firstDate)} and ${formatDay(production.lastDate)}, the production's dates`);
  }
  if (input.kind !== "performance" && input.kind !== "rehearsal") add("kind", "Select whether the child is performing or rehearsing");
  const arrive = normaliseTime(input.arrive);
  const depart = normaliseTime(input.depart);
  if (!input.arrive.trim()) add("arrive", "Enter the time the child arrives");
  else if (!arrive) add("arrive", "Enter the time the child arrives on the 24-hour clock, like 17:30");
  if (!input.depart.trim()) add("depart", "Enter the time the child leaves");
  else if (!depart) add("depart", "Enter the time the child leaves on the 24-hour clock, like 21:00");
  else if (arrive && toMinutes(depart) <= toMinutes(arrive)) add("depart", "The time the child leaves must be after the time they arrive");
  const atPlace = arrive && depart && toMinutes(depart) > toMinutes(arrive) ? { from: toMinutes(arrive), to: toMinutes(depart) } : null;

  const periods = <T extends PeriodInput>(rows: T[], prefix: string, name: (n: number) => string) =>
    rows.flatMap((row, i) => {
      const blank = !row.start.trim() && !row.end.trim() && !("kind" in row && row.kind);
      if (blank) return [];
      const start = normaliseTime(row.start);
      const end = normaliseTime(row.end);
      const label = name(i + 1);
      if (!start) add(`${prefix}${i}Start`, `Enter when ${label} starts on the 24-hour clock, like 19:00`);
      if (!end) add(`${prefix}${i}End`, `Enter when ${label} ends on the 24-hour clock, like 20:30`);
      if (!start || !end) return [];
      if (toMinutes(end) <= toMinutes(start)) add(`${prefix}${i}End`, `${capitalise(label)} must end after it starts`);
      else if (atPlace && (toMinutes(start) < atPlace.from || toMinutes(end) > atPlace.to)) {
        add(`${prefix}${i}Start`, `${capitalise(label)} must be within the time the child is at the venue (${arrive} to ${depart})`);
      }
      return [{ row, start, end, i }];
    });

  const performing = periods(input.performing.slice(0, MAX_PERIODS), "performing", (n) => `performing or rehearsing period ${n}`);
  if (!performing.length && !Object.keys(errors).some((f) => f.startsWith("performing"))) {
    add("performing0Start", "Enter when the child performs or rehearses");
  }
  const breaks = periods(input.breaks.slice(0, MAX_PERIODS), "break", (n) => `break ${n}`);
  for (const b of breaks) {
    if (b.row.kind !== "meal" && b.row.kind !== "rest") add(`break${b.i}Kind`, `Select whether break ${b.i + 1} is a meal break or a rest break`);
  }
  if (Object.keys(errors).length) return { errors, value: null };
  const byStart = <T extends { start: string }>(list: T[]) => [...list].sort((a, b) => a.start.localeCompare(b.start));
  const value: ScheduleDayValue = {
    date: input.date,
    kind: input.kind as ScheduleDayValue["kind"],
    arrive: arrive!,
    depart: depart!,
    performing: byStart(performing.map(({ start, end }) => ({ start, end }))),
    breaks: byStart(breaks.map(({ start, end, row }) => ({ start, end, kind: row.kind as "meal" | "rest" }))),
  };
  return { errors, value };
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "19:00 to 20:30, 21:00 to 21:30" */
export const periodsText = (list: { start: string; end: string }[]) => (list.length ? list.map((p) => `${p.start} to ${p.end}`).join(", ") : "None");

/** "Meal 18:00 to 18:45, rest 20:30 to 20:45" */
export const breaksText = (list: { start: string; end: string; kind: "meal" | "rest" }[]) =>
  list.length ? capitalise(list.map((b) => `${b.kind} ${b.start} to ${b.end}`).join(", ")) : "None";
