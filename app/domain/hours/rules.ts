/**
 * Hours and breaks for a child at a performance or rehearsal, licensed or exempt (DOMAIN.md §1.5; HOURS-*).
 * Pure functions over plain values: dates are ISO YYYY-MM-DD, times "HH:MM" within the day (00:00–23:59).
 * Every number lives in HOURS_RULES, per age band; the band is the child's age on each day.
 */
import { addDays, ageOn, daysBetween, formatDay } from "../calendar/dates";

export const AGE_BANDS = ["0-4", "5-8", "9+"] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** "the limit for ages 9 and over is …" */
const AGE_BAND_WORDS: Record<AgeBand, string> = { "0-4": "children under 5", "5-8": "ages 5 to 8", "9+": "ages 9 and over" };

const hm = (hours: number, minutes = 0) => hours * 60 + minutes;
const allBands = <T>(value: T): Record<AgeBand, T> => ({ "0-4": value, "5-8": value, "9+": value });
const UNDER_9_UNCONFIRMED = {
  bands: ["0-4", "5-8"] as AgeBand[],
  note: "No stored source confirms the figures for under-9s (DOMAIN.md marks them check); kept here so they change in one place.",
};

/**
 * The HOURS-* rule table. Durations are in minutes, times "HH:MM". `unconfirmed` marks figures DOMAIN.md
 * flags "(check)": they apply as written until a source confirms or corrects them.
 */
export const HOURS_RULES = {
  "HOURS-EARLIEST": { limits: allBands("07:00"), source: "SI 2014/3309 reg 22: earliest time at the place of performance" },
  "HOURS-LATEST": { limits: { "0-4": "22:00", "5-8": "23:00", "9+": "23:00" }, source: "SI 2014/3309 reg 22: latest time at the place of performance" },
  "HOURS-AT-PLACE": {
    limits: { "0-4": hm(5), "5-8": hm(8), "9+": hm(9, 30) },
    source: "SI 2014/3309 reg 22: maximum time at the place of performance or rehearsal, including tuition",
  },
  "HOURS-PERFORMING": {
    limits: { "0-4": hm(2), "5-8": hm(3), "9+": hm(5) },
    source: "SI 2014/3309 reg 22: maximum time performing or rehearsing in the day",
    unconfirmed: UNDER_9_UNCONFIRMED,
  },
  "HOURS-CONTINUOUS": {
    limits: { "0-4": 30, "5-8": hm(2, 30), "9+": hm(2, 30) },
    source: "SI 2014/3309 reg 22: maximum continuous performing or rehearsing",
    unconfirmed: UNDER_9_UNCONFIRMED,
  },
  "HOURS-BREAKS": {
    /** At the place `from` or more: one meal break and `rests` rest breaks; more than `longDayOver`: `restsOnLongDay`. */
    limits: allBands({ from: hm(4), meal: 45, rest: 15, rests: 1, longDayOver: hm(8), restsOnLongDay: 2 }),
    source: "SI 2014/3309 reg 23: meal and rest breaks",
    unconfirmed: { bands: [...AGE_BANDS] as AgeBand[], note: "The 8 h threshold, and every figure for under-9s, are not confirmed by a stored source (DOMAIN.md: check)." },
  },
  "HOURS-OVERNIGHT": { limits: allBands(hm(12)), source: "SI 2014/3309 reg 24: break between leaving one day and arriving the next" },
  "HOURS-CONSECUTIVE": { limits: allBands(6), source: "SI 2014/3309 reg 26: days in a row of performing or rehearsing" },
  "HOURS-LONGRUN": {
    /** After `weeks` consecutive weeks of `daysPerWeek` days or more, `daysOff` clear days off. */
    limits: allBands({ weeks: 8, daysPerWeek: 6, daysOff: 14 }),
    source: "SI 2014/3309 reg 27: rest after a long run",
  },
  "HOURS-NIGHT": {
    /** Before the earliest or after the latest time needs the council's permission; then `breakAfter` before the next arrival. */
    limits: allBands({ breakAfter: hm(16) }),
    source: "SI 2014/3309 reg 28: night work",
  },
} as const;

export type HoursRule = keyof typeof HOURS_RULES;
export type Period = { start: string; end: string };
export type BreakPeriod = Period & { kind: "meal" | "rest" };
export type Day = { date: string; arrive: string; depart: string; performing: Period[]; breaks: BreakPeriod[] };
export type ScheduleInput = { child: { dateOfBirth: string }; nightWorkPermitted: boolean; days: Day[] };
/**
 * One rule broken on one day. `needsPermission` marks night work asked for on the licence: not a breach, but
 * the officer must decide it. `limit` and `actual` are in words ("9 h 30 min", "07:00", "6 days").
 */
export type Finding = { rule: HoursRule; date: string; message: string; limit?: string; actual?: string; needsPermission?: true };
/** `ok`: no finding breaks a rule outright (findings that only need the council's permission don't count). */
export type ScheduleResult = { ok: boolean; findings: Finding[] };

export const toMinutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

/** "9 h 30 min", "2 h", "45 min". */
export function formatDuration(minutes: number) {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (!h) return `${m} min`;
  return m ? `${h} h ${m} min` : `${h} h`;
}

function ageBandOn(dateOfBirth: string, date: string): AgeBand {
  const age = ageOn(dateOfBirth, date);
  return age < 5 ? "0-4" : age < 9 ? "5-8" : "9+";
}

/** The daily limits that apply to the child on `date` (for the timeline picture and forms). */
export function dayLimits(dateOfBirth: string, date: string) {
  const band = ageBandOn(dateOfBirth, date);
  return {
    band,
    bandWords: AGE_BAND_WORDS[band],
    earliest: HOURS_RULES["HOURS-EARLIEST"].limits[band],
    latest: HOURS_RULES["HOURS-LATEST"].limits[band],
    atPlace: HOURS_RULES["HOURS-AT-PLACE"].limits[band],
    performing: HOURS_RULES["HOURS-PERFORMING"].limits[band],
    continuous: HOURS_RULES["HOURS-CONTINUOUS"].limits[band],
  };
}
export type DayLimits = ReturnType<typeof dayLimits>;

/** Monday of the calendar week (Monday–Sunday) holding `date`. */
const mondayOf = (date: string) => addDays(date, -((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7));
const ordinal = (n: number) => `${n}${n % 10 === 1 && n % 100 !== 11 ? "st" : n % 10 === 2 && n % 100 !== 12 ? "nd" : n % 10 === 3 && n % 100 !== 13 ? "rd" : "th"}`;
const count = (n: number, one: string, many = `${one}s`) => `${n === 0 ? "no" : n === 1 ? "1" : n} ${n === 1 ? one : many}`;
const inWords = (n: number) => ["no", "one", "two", "three"][n] ?? String(n);

/** Performing periods in minutes, sorted, with overlapping or touching periods merged into one run. */
export function performingRuns(periods: Period[]) {
  const sorted = periods.map((p) => ({ start: toMinutes(p.start), end: toMinutes(p.end) })).sort((a, b) => a.start - b.start);
  const runs: { start: number; end: number }[] = [];
  for (const p of sorted) {
    const last = runs.at(-1);
    if (last && p.start <= last.end) last.end = Math.max(last.end, p.end);
    else runs.push({ ...p });
  }
  return runs;
}

/** Breaks that count: within arrival–departure and not overlapping any performing. */
function countedBreaks(day: Day) {
  const arrive = toMinutes(day.arrive);
  const depart = toMinutes(day.depart);
  const runs = performingRuns(day.performing);
  return day.breaks
    .map((b) => ({ kind: b.kind, start: toMinutes(b.start), end: toMinutes(b.end) }))
    .filter((b) => b.start >= arrive && b.end <= depart && !runs.some((r) => b.start < r.end && r.start < b.end));
}

/**
 * HOURS-BREAKS for one day: undefined when the breaks are enough, else what is needed and what counts. One meal
 * break of `meal` minutes is needed; any other counted break of `rest` minutes (a second meal break too) is a rest.
 */
export function breaksShortfall(day: Day, band: AgeBand) {
  const b = HOURS_RULES["HOURS-BREAKS"].limits[band];
  const atPlace = toMinutes(day.depart) - toMinutes(day.arrive);
  if (atPlace < b.from) return undefined;
  const long = atPlace > b.longDayOver;
  const restsNeeded = long ? b.restsOnLongDay : b.rests;
  const counted = countedBreaks(day);
  const meal = counted.find((x) => x.kind === "meal" && x.end - x.start >= b.meal);
  const rests = counted.filter((x) => x !== meal && x.end - x.start >= b.rest).length;
  if (meal && rests >= restsNeeded) return undefined;
  return {
    long,
    needs: `a ${b.meal}-min meal break and ${inWords(restsNeeded)} ${b.rest}-min break${restsNeeded === 1 ? "" : "s"}`,
    has: `${count(meal ? 1 : 0, `meal break of at least ${b.meal} min`, `meal breaks of at least ${b.meal} min`)} and ${count(rests, `other break of at least ${b.rest} min`, `other breaks of at least ${b.rest} min`)}`,
    ignored: counted.length < day.breaks.length,
  };
}

/** True when the day starts before the earliest or ends after the latest time for the child's age (HOURS-NIGHT). */
function isNightWork(day: Day, limits: Pick<DayLimits, "earliest" | "latest">) {
  return day.arrive < limits.earliest || day.depart > limits.latest;
}

/** Checks each day and the run of days against HOURS-*. Days are unique by date, in any order. */
export function checkSchedule(input: ScheduleInput): ScheduleResult {
  const days = [...input.days].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const findings: Finding[] = [];
  let run = 0;

  days.forEach((day, i) => {
    const limits = dayLimits(input.child.dateOfBirth, day.date);
    const { band, bandWords } = limits;
    const on = `On ${formatDay(day.date)}`;
    const add = (finding: Omit<Finding, "date">) => findings.push({ ...finding, date: day.date });
    const arrive = toMinutes(day.arrive);
    const depart = toMinutes(day.depart);
    const prev = days[i - 1];
    const follows = prev?.date === addDays(day.date, -1);

    // HOURS-OVERNIGHT, or HOURS-NIGHT's longer break when the day before was night work (only the stricter is reported).
    if (follows) {
      const gap = 24 * 60 - toMinutes(prev.depart) + arrive;
      const prevLimits = dayLimits(input.child.dateOfBirth, prev.date);
      if (isNightWork(prev, prevLimits)) {
        const min = HOURS_RULES["HOURS-NIGHT"].limits[band].breakAfter;
        if (gap < min) {
          add({
            rule: "HOURS-NIGHT",
            limit: formatDuration(min),
            actual: formatDuration(gap),
            message: `${on} the child arrives ${formatDuration(gap)} after leaving at ${prev.depart} the day before, which was night work; the minimum break after night work for ${bandWords} is ${formatDuration(min)}.`,
          });
        }
      } else {
        const min = HOURS_RULES["HOURS-OVERNIGHT"].limits[band];
        if (gap < min) {
          add({
            rule: "HOURS-OVERNIGHT",
            limit: formatDuration(min),
            actual: formatDuration(gap),
            message: `${on} the child arrives ${formatDuration(gap)} after leaving the day before; the minimum break for ${bandWords} is ${formatDuration(min)}.`,
          });
        }
      }
    }

    // HOURS-EARLIEST / HOURS-LATEST; with night work asked for on the licence they become HOURS-NIGHT for the officer.
    const night = (when: string, edge: string) =>
      `${on} the child ${when}, ${edge} for ${bandWords}: this is night work, which needs the council's express permission on the licence.`;
    if (day.arrive < limits.earliest) {
      if (input.nightWorkPermitted) {
        add({ rule: "HOURS-NIGHT", needsPermission: true, limit: limits.earliest, actual: day.arrive, message: night(`arrives at ${day.arrive}`, `before ${limits.earliest}, the earliest time`) });
      } else {
        add({ rule: "HOURS-EARLIEST", limit: limits.earliest, actual: day.arrive, message: `${on} the child arrives at ${day.arrive}; the earliest time for ${bandWords} is ${limits.earliest}.` });
      }
    }
    if (day.depart > limits.latest) {
      if (input.nightWorkPermitted) {
        add({ rule: "HOURS-NIGHT", needsPermission: true, limit: limits.latest, actual: day.depart, message: night(`leaves at ${day.depart}`, `after ${limits.latest}, the latest time`) });
      } else {
        add({ rule: "HOURS-LATEST", limit: limits.latest, actual: day.depart, message: `${on} the child leaves at ${day.depart}; the latest time for ${bandWords} is ${limits.latest}.` });
      }
    }

    const atPlace = depart - arrive;
    if (atPlace > limits.atPlace) {
      add({
        rule: "HOURS-AT-PLACE",
        limit: formatDuration(limits.atPlace),
        actual: formatDuration(atPlace),
        message: `${on} the child is at the venue for ${formatDuration(atPlace)}; the limit for ${bandWords} is ${formatDuration(limits.atPlace)}.`,
      });
    }

    const runs = performingRuns(day.performing);
    const performing = runs.reduce((sum, r) => sum + r.end - r.start, 0);
    if (performing > limits.performing) {
      add({
        rule: "HOURS-PERFORMING",
        limit: formatDuration(limits.performing),
        actual: formatDuration(performing),
        message: `${on} the child performs for ${formatDuration(performing)} in total; the limit for ${bandWords} is ${formatDuration(limits.performing)}.`,
      });
    }

    const longest = runs.reduce<{ start: number; end: number } | undefined>((a, r) => (!a || r.end - r.start > a.end - a.start ? r : a), undefined);
    if (longest && longest.end - longest.start > limits.continuous) {
      const length = longest.end - longest.start;
      add({
        rule: "HOURS-CONTINUOUS",
        limit: formatDuration(limits.continuous),
        actual: formatDuration(length),
        message: `${on} the child performs for ${formatDuration(length)} without a break, from ${clock(longest.start)} to ${clock(longest.end)}; the limit for ${bandWords} is ${formatDuration(limits.continuous)}.`,
      });
    }

    const short = breaksShortfall(day, band);
    if (short) {
      const b = HOURS_RULES["HOURS-BREAKS"].limits[band];
      const ignored = short.ignored ? " Breaks outside the time at the venue, or during performing, don't count." : "";
      add({
        rule: "HOURS-BREAKS",
        limit: short.needs,
        actual: short.has,
        message: `${on} the child is at the venue for ${formatDuration(atPlace)} with ${short.has}; for ${bandWords} ${short.long ? `more than ${formatDuration(b.longDayOver)}` : `${formatDuration(b.from)} or more`} at the venue needs ${short.needs}.${ignored}`,
      });
    }

    // HOURS-CONSECUTIVE: every day after the 6th in a row is reported.
    run = follows ? run + 1 : 1;
    const maxRun = HOURS_RULES["HOURS-CONSECUTIVE"].limits[band];
    if (run > maxRun) {
      add({
        rule: "HOURS-CONSECUTIVE",
        limit: `${maxRun} days`,
        actual: `${run} days`,
        message: `${on} the child is at the venue for the ${ordinal(run)} day in a row; the limit for ${bandWords} is ${maxRun} days in a row.`,
      });
    }
  });

  findings.push(...longRunFindings(input.child.dateOfBirth, days.map((d) => d.date)));
  findings.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { ok: findings.every((f) => f.needsPermission), findings };
}

/**
 * HOURS-LONGRUN. A "6-day week" is a calendar week, Monday to Sunday, with the child at the place on at least 6
 * of its days. After 8 such weeks in a row, the child needs 14 clear days off after the last day of the 8th week:
 * the first day back within them is reported. The count then starts again from the following week.
 */
function longRunFindings(dateOfBirth: string, dates: string[]): Finding[] {
  const weeks = new Map<string, string[]>();
  for (const date of dates) weeks.set(mondayOf(date), [...(weeks.get(mondayOf(date)) ?? []), date]);
  const findings: Finding[] = [];
  let streak = 0;
  let previous: string | undefined;
  for (const [monday, inWeek] of weeks) {
    const band = ageBandOn(dateOfBirth, inWeek[0]);
    const rule = HOURS_RULES["HOURS-LONGRUN"].limits[band];
    streak = inWeek.length >= rule.daysPerWeek ? (previous && addDays(previous, 7) === monday ? streak + 1 : 1) : 0;
    previous = monday;
    if (streak < rule.weeks) continue;
    streak = 0;
    const last = inWeek.at(-1)!;
    const back = dates.find((d) => d > last);
    if (!back) continue;
    const off = daysBetween(last, back) - 1;
    const backBand = ageBandOn(dateOfBirth, back);
    const need = HOURS_RULES["HOURS-LONGRUN"].limits[backBand].daysOff;
    if (off < need) {
      findings.push({
        rule: "HOURS-LONGRUN",
        date: back,
        limit: `${need} days off`,
        actual: `${count(off, "day")} off`,
        message: `On ${formatDay(back)} the child is back at the venue after ${count(off, "day")} off, following ${rule.weeks} weeks in a row of ${rule.daysPerWeek}-day weeks ending ${formatDay(last)}; the minimum for ${AGE_BAND_WORDS[backBand]} is ${need} days off.`,
      });
    }
  }
  return findings;
}
