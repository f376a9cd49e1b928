/**
 * Child employment (DOMAIN.md §4, EMPLOY-*): the model byelaws under the Children and Young Persons Act 1933 s18
 * in force today, and the Children's Wellbeing and Schools Act 2026 s28 limits, ready to apply from a date not yet
 * set. Pure functions over plain values; dates are ISO YYYY-MM-DD, times "HH:MM", durations minutes. Browser-safe.
 */
import { addDays, ageOn, formatDay } from "../calendar/dates";
import { schoolLeavingDate } from "../exemptions/rules";
import { formatDuration, toMinutes } from "../hours/rules";

/** Light work a 13-year-old may do (EMPLOY-LIGHT13). */
export const LIGHT_WORK_13 = [
  "agriculture-light",
  "newspaper-delivery",
  "shop-work",
  "hairdressing",
  "office-work",
  "car-washing-private",
  "cafe-restaurant",
  "riding-stables",
  "hotel-domestic",
] as const;
/** Work at any age (EMPLOY-PROHIBITED). */
export const PROHIBITED_WORK = [
  "cinema-theatre-nightclub",
  "alcohol-sale",
  "milk-delivery",
  "fuel-delivery",
  "commercial-kitchen",
  "refuse",
  "work-at-height",
  "harmful-agents",
  "door-to-door",
  "adult-material",
  "telephone-sales",
  "slaughterhouse",
  "fairground",
  "gaming-betting",
  "care-home-personal-care",
  "industrial",
] as const;
export const OCCUPATIONS = [...LIGHT_WORK_13, "other-light-work", ...PROHIBITED_WORK] as const;
export type Occupation = (typeof OCCUPATIONS)[number];

export const OCCUPATION_LABELS: Record<Occupation, string> = {
  "agriculture-light": "Light farm or garden work",
  "newspaper-delivery": "Delivering newspapers or leaflets",
  "shop-work": "Shop work, including stacking shelves",
  hairdressing: "Work in a hairdressing salon",
  "office-work": "Office work",
  "car-washing-private": "Washing cars by hand at a private home",
  "cafe-restaurant": "Café or restaurant work (not in the kitchen)",
  "riding-stables": "Work in riding stables",
  "hotel-domestic": "Domestic work in a hotel",
  "other-light-work": "Other light work (from age 14)",
  "cinema-theatre-nightclub": "Cinema, theatre, disco or nightclub",
  "alcohol-sale": "Selling or delivering alcohol",
  "milk-delivery": "Delivering milk",
  "fuel-delivery": "Delivering fuel oil",
  "commercial-kitchen": "Commercial kitchen",
  refuse: "Collecting or sorting refuse",
  "work-at-height": "Work more than 3 metres above the ground",
  "harmful-agents": "Work with harmful substances",
  "door-to-door": "Door-to-door selling or collecting without supervision",
  "adult-material": "Work with adult material",
  "telephone-sales": "Telephone sales",
  slaughterhouse: "Slaughterhouse or butcher's shop",
  fairground: "Fairground or amusement arcade",
  "gaming-betting": "Gaming, betting or a registered club",
  "care-home-personal-care": "Personal care in a residential care home",
  industrial: "Industrial work",
};

export const DAY_TYPES = ["school", "saturday", "sunday", "holiday"] as const;
export type DayType = (typeof DAY_TYPES)[number];

/** 13–14 and 15+ under the byelaws; "under 15" and 15+ under the 2026 Act: the same bands. */
export type AgeBand = "13-14" | "15+";

type Limits = {
  earliest: string;
  latest: string;
  schoolDay: number;
  beforeSchool: number;
  schoolWeek: number;
  nonSchoolDay: Record<AgeBand, number>;
  /** Null: a Sunday counts as any other non-school day. */
  sunday: number | null;
  holidayWeek: Record<AgeBand, number>;
  breakAfter: number;
  breakLength: number;
};

/** The two rule sets, each with the date it applies from (null: not in force yet). */
const EMPLOYMENT_RULE_SETS = {
  byelaws: {
    name: "the model byelaws",
    from: "1998-08-04",
    source: "Children and Young Persons Act 1933 s18 and the council's byelaws (Children (Protection at Work) Regulations 1998)",
    limits: {
      earliest: "07:00",
      latest: "19:00",
      schoolDay: 120,
      beforeSchool: 60,
      schoolWeek: 720,
      nonSchoolDay: { "13-14": 300, "15+": 480 },
      sunday: 120,
      holidayWeek: { "13-14": 1500, "15+": 2100 },
      breakAfter: 240,
      breakLength: 60,
    } satisfies Limits,
  },
  cwsa2026: {
    name: "the Children's Wellbeing and Schools Act 2026",
    /** Not yet in force: set CWSA_2026_EMPLOYMENT_FROM (or pass `cwsa2026From`) once the commencement date is known. */
    from: null as string | null,
    source: "Children's Wellbeing and Schools Act 2026 s28",
    limits: {
      earliest: "07:00",
      latest: "20:00",
      schoolDay: 120,
      beforeSchool: 60,
      schoolWeek: 720,
      nonSchoolDay: { "13-14": 300, "15+": 480 },
      sunday: null,
      holidayWeek: { "13-14": 1500, "15+": 2100 },
      breakAfter: 240,
      breakLength: 60,
    } satisfies Limits,
  },
} as const;

/** Each EMPLOY-* rule, what it says and where it comes from; the numbers are in EMPLOYMENT_RULE_SETS. */
export const EMPLOYMENT_RULES = {
  "EMPLOY-MINAGE": { source: "CYPA 1933 s18(1)(a) as amended: no employment under 14, or 13 in light work listed in byelaws" },
  "EMPLOY-LIGHT13": { source: "Byelaws: the kinds of light work a 13-year-old may do" },
  "EMPLOY-PROHIBITED": { source: "Byelaws: work no child may do" },
  "EMPLOY-EARLIEST": { source: "CYPA 1933 s18(1)(c): not before 7 am" },
  "EMPLOY-LATEST": { source: "CYPA 1933 s18(1)(c): not after 7 pm (8 pm under the 2026 Act)" },
  "EMPLOY-SCHOOLHOURS": { source: "CYPA 1933 s18(1)(b): not during school hours on a school day" },
  "EMPLOY-SCHOOLDAY": { source: "CYPA 1933 s18(1)(d): at most 2 hours on a school day, at most 1 hour before school" },
  "EMPLOY-SCHOOLWEEK": { source: "CYPA 1933 s18(1)(e): at most 12 hours in a week with a school day" },
  "EMPLOY-NONSCHOOLDAY": { source: "CYPA 1933 s18(1)(f),(g): at most 5 hours (under 15) or 8 hours (15 and over) on a Saturday or holiday weekday" },
  "EMPLOY-SUNDAY": { source: "CYPA 1933 s18(1)(d): at most 2 hours on a Sunday (the 2026 Act treats Sunday as any other non-school day)" },
  "EMPLOY-HOLIDAYWEEK": { source: "CYPA 1933 s18(1)(h),(i): at most 25 hours (under 15) or 35 hours (15 and over) in a week with no school day" },
  "EMPLOY-BREAK": { source: "CYPA 1933 s18(1)(j): a break of at least 1 hour after 4 hours' work" },
  "EMPLOY-SCHOOLAGE": { source: "Education Act 1996 s8: a child only until the school leaving date (the last Friday in June of the school year they turn 16)" },
  /** Service default for when school starts and ends; a council may set its own (local). */
  "EMPLOY-SCHOOLTIMES": { starts: "08:45", ends: "15:15", local: true, source: "Service default for the school day, for EMPLOY-SCHOOLHOURS and the hour before school" },
} as const;
export type EmploymentRule = Exclude<keyof typeof EMPLOYMENT_RULES, "EMPLOY-SCHOOLTIMES">;

export type Shift = { date: string; start: string; end: string; dayType: DayType };
/** A council may tighten the limits (never loosen them) and set its schools' day. */
export type LocalLimits = Partial<Pick<Limits, "earliest" | "latest" | "schoolDay" | "schoolWeek">> & { schoolStarts?: string; schoolEnds?: string };
export type EmploymentInput = { child: { dateOfBirth: string }; occupation: Occupation; shifts: Shift[] };
export type EmploymentOptions = { cwsa2026From?: string | null; local?: LocalLimits };
export type EmploymentFinding = { rule: EmploymentRule; date: string; message: string; limit?: string; actual?: string };
export type EmploymentResult = { ok: boolean; findings: EmploymentFinding[] };

const ageBand = (age: number): AgeBand => (age >= 15 ? "15+" : "13-14");
const BAND_WORDS: Record<AgeBand, string> = { "13-14": "a child under 15", "15+": "a child of 15 or over" };

/** The limits in force on `date`: the 2026 Act's from its commencement date, the byelaws before; local ones only tighten. */
export function employmentLimitsOn(date: string, { cwsa2026From = EMPLOYMENT_RULE_SETS.cwsa2026.from, local = {} }: EmploymentOptions = {}) {
  const set = cwsa2026From && date >= cwsa2026From ? EMPLOYMENT_RULE_SETS.cwsa2026 : EMPLOYMENT_RULE_SETS.byelaws;
  const l = set.limits;
  const times = EMPLOYMENT_RULES["EMPLOY-SCHOOLTIMES"];
  return {
    set: set.name,
    earliest: local.earliest && local.earliest > l.earliest ? local.earliest : l.earliest,
    latest: local.latest && local.latest < l.latest ? local.latest : l.latest,
    schoolDay: Math.min(l.schoolDay, local.schoolDay ?? Number.POSITIVE_INFINITY),
    beforeSchool: l.beforeSchool,
    schoolWeek: Math.min(l.schoolWeek, local.schoolWeek ?? Number.POSITIVE_INFINITY),
    nonSchoolDay: l.nonSchoolDay,
    sunday: l.sunday,
    holidayWeek: l.holidayWeek,
    breakAfter: l.breakAfter,
    breakLength: l.breakLength,
    schoolStarts: local.schoolStarts ?? times.starts,
    schoolEnds: local.schoolEnds ?? times.ends,
  };
}

/** Monday of the calendar week (Monday–Sunday) holding `date`. */
const mondayOf = (date: string) => addDays(date, -((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7));
const minutes = (s: { start: string; end: string }) => toMinutes(s.end) - toMinutes(s.start);
/** Minutes of `s` that fall between `from` and `to`. */
const within = (s: { start: string; end: string }, from: string, to: string) =>
  Math.max(0, Math.min(toMinutes(s.end), toMinutes(to)) - Math.max(toMinutes(s.start), toMinutes(from)));

/** Spells of work in a day: shifts less than `gap` minutes apart run together (the break between them is too short). */
export function workSpells(shifts: Pick<Shift, "start" | "end">[], gap: number) {
  const sorted = [...shifts].sort((a, b) => (a.start < b.start ? -1 : 1));
  const spells: { start: string; end: string; worked: number }[] = [];
  for (const s of sorted) {
    const last = spells.at(-1);
    if (last && toMinutes(s.start) - toMinutes(last.end) < gap) {
      last.end = s.end > last.end ? s.end : last.end;
      last.worked += minutes(s);
    } else spells.push({ start: s.start, end: s.end, worked: minutes(s) });
  }
  return spells;
}

/** Checks an occupation and dated shifts against EMPLOY-*. Shifts on one date must not overlap (the API refuses them). */
export function checkEmployment(input: EmploymentInput, options: EmploymentOptions = {}): EmploymentResult {
  const { dateOfBirth } = input.child;
  const findings: EmploymentFinding[] = [];
  const add = (f: EmploymentFinding) => findings.push(f);
  const dates = [...new Set(input.shifts.map((s) => s.date))].sort();
  const first = dates[0];
  const leaving = schoolLeavingDate(dateOfBirth);

  if ((PROHIBITED_WORK as readonly string[]).includes(input.occupation)) {
    add({
      rule: "EMPLOY-PROHIBITED",
      date: first ?? "",
      message: `No child may be employed in this work (${OCCUPATION_LABELS[input.occupation].toLowerCase()}), at any age`,
      actual: input.occupation,
    });
  }

  for (const date of dates) {
    const age = ageOn(dateOfBirth, date);
    const day = formatDay(date);
    const shifts = input.shifts.filter((s) => s.date === date);
    const limits = employmentLimitsOn(date, options);
    const band = ageBand(age);
    if (date > leaving) {
      add({
        rule: "EMPLOY-SCHOOLAGE",
        date,
        message: `On ${day} the child is over compulsory school age (the school leaving date was ${formatDay(leaving)}): a permit cannot cover it`,
        limit: leaving,
        actual: date,
      });
      continue;
    }
    if (age < 13) {
      add({ rule: "EMPLOY-MINAGE", date, message: `On ${day} the child is ${age}: no child under 13 may be employed`, limit: "13", actual: String(age) });
      continue;
    }
    if (age === 13 && input.occupation === "other-light-work") {
      add({
        rule: "EMPLOY-LIGHT13",
        date,
        message: `On ${day} the child is 13 and may only do the kinds of light work listed for 13-year-olds`,
        limit: "14",
        actual: "13",
      });
    }
    const startOfDay = shifts.reduce((m, s) => (s.start < m ? s.start : m), "23:59");
    const endOfDay = shifts.reduce((m, s) => (s.end > m ? s.end : m), "00:00");
    if (startOfDay < limits.earliest) {
      add({ rule: "EMPLOY-EARLIEST", date, message: `On ${day} work starts at ${startOfDay}, before ${limits.earliest}`, limit: limits.earliest, actual: startOfDay });
    }
    if (endOfDay > limits.latest) {
      add({ rule: "EMPLOY-LATEST", date, message: `On ${day} work ends at ${endOfDay}, after ${limits.latest}`, limit: limits.latest, actual: endOfDay });
    }
    const worked = shifts.reduce((sum, s) => sum + minutes(s), 0);
    const dayType = shifts[0].dayType;
    if (dayType === "school") {
      if (shifts.some((s) => within(s, limits.schoolStarts, limits.schoolEnds) > 0)) {
        add({
          rule: "EMPLOY-SCHOOLHOURS",
          date,
          message: `On ${day} work falls in school hours (${limits.schoolStarts} to ${limits.schoolEnds})`,
          limit: `${limits.schoolStarts}–${limits.schoolEnds}`,
          actual: shifts.map((s) => `${s.start}–${s.end}`).join(", "),
        });
      }
      const beforeSchool = shifts.reduce((sum, s) => sum + within(s, "00:00", limits.schoolStarts), 0);
      if (beforeSchool > limits.beforeSchool) {
        add({
          rule: "EMPLOY-SCHOOLDAY",
          date,
          message: `On ${day} there are ${formatDuration(beforeSchool)} of work before school: at most ${formatDuration(limits.beforeSchool)} is allowed`,
          limit: formatDuration(limits.beforeSchool),
          actual: formatDuration(beforeSchool),
        });
      }
      if (worked > limits.schoolDay) {
        add({
          rule: "EMPLOY-SCHOOLDAY",
          date,
          message: `On ${day}, a school day, there are ${formatDuration(worked)} of work: at most ${formatDuration(limits.schoolDay)} is allowed`,
          limit: formatDuration(limits.schoolDay),
          actual: formatDuration(worked),
        });
      }
    } else if (dayType === "sunday" && limits.sunday !== null) {
      if (worked > limits.sunday) {
        add({
          rule: "EMPLOY-SUNDAY",
          date,
          message: `On ${day}, a Sunday, there are ${formatDuration(worked)} of work: at most ${formatDuration(limits.sunday)} is allowed`,
          limit: formatDuration(limits.sunday),
          actual: formatDuration(worked),
        });
      }
    } else if (worked > limits.nonSchoolDay[band]) {
      add({
        rule: "EMPLOY-NONSCHOOLDAY",
        date,
        message: `On ${day} there are ${formatDuration(worked)} of work: at most ${formatDuration(limits.nonSchoolDay[band])} is allowed for ${BAND_WORDS[band]} on a day without school`,
        limit: formatDuration(limits.nonSchoolDay[band]),
        actual: formatDuration(worked),
      });
    }
    for (const spell of workSpells(shifts, limits.breakLength)) {
      if (spell.worked > limits.breakAfter) {
        add({
          rule: "EMPLOY-BREAK",
          date,
          message: `On ${day} there are ${formatDuration(spell.worked)} of work from ${spell.start} to ${spell.end} without a break of ${formatDuration(limits.breakLength)}: one is needed after ${formatDuration(limits.breakAfter)}`,
          limit: formatDuration(limits.breakAfter),
          actual: formatDuration(spell.worked),
        });
      }
    }
  }

  // Weeks run Monday to Sunday. The weekly limit is the one for the child's age on the Monday (the stricter, if a birthday falls in the week).
  const weeks = new Map<string, Shift[]>();
  for (const s of input.shifts) {
    if (s.date > leaving) continue;
    const monday = mondayOf(s.date);
    weeks.set(monday, [...(weeks.get(monday) ?? []), s]);
  }
  for (const [monday, shifts] of [...weeks].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (ageOn(dateOfBirth, monday) < 13 && shifts.every((s) => ageOn(dateOfBirth, s.date) < 13)) continue;
    const limits = employmentLimitsOn(monday, options);
    const band = ageBand(ageOn(dateOfBirth, monday));
    const worked = shifts.reduce((sum, s) => sum + minutes(s), 0);
    const week = `the week beginning ${formatDay(monday)}`;
    if (shifts.some((s) => s.dayType === "school")) {
      if (worked > limits.schoolWeek) {
        add({
          rule: "EMPLOY-SCHOOLWEEK",
          date: monday,
          message: `In ${week}, a school week, there are ${formatDuration(worked)} of work: at most ${formatDuration(limits.schoolWeek)} is allowed`,
          limit: formatDuration(limits.schoolWeek),
          actual: formatDuration(worked),
        });
      }
    } else if (worked > limits.holidayWeek[band]) {
      add({
        rule: "EMPLOY-HOLIDAYWEEK",
        date: monday,
        message: `In ${week}, with no school days, there are ${formatDuration(worked)} of work: at most ${formatDuration(limits.holidayWeek[band])} is allowed for ${BAND_WORDS[band]}`,
        limit: formatDuration(limits.holidayWeek[band]),
        actual: formatDuration(worked),
      });
    }
  }
  return { ok: findings.length === 0, findings };
}
