import { describe, expect, it } from "vitest";
import { addDays } from "~/domain/calendar/dates";
import { AGE_BANDS, type BreakPeriod, checkSchedule, type Day, dayLimits, formatDuration, HOURS_RULES, type Period } from "~/domain/hours/rules";

// Ages on 14 March 2026: 3, 7 and 11.
const UNDER_5 = "2023-01-01";
const AGE_5_TO_8 = "2019-01-01";
const AGE_9_UP = "2015-01-01";

const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
const at = (time: string, plus: number) => clock(Number(time.slice(0, 2)) * 60 + Number(time.slice(3)) + plus);
const day = (date: string, arrive: string, depart: string, over: Partial<Day> = {}): Day => ({ date, arrive, depart, performing: [], breaks: [], ...over });
const check = (dateOfBirth: string, days: Day[], nightWorkPermitted = false) => checkSchedule({ child: { dateOfBirth }, nightWorkPermitted, days });
const found = (result: ReturnType<typeof checkSchedule>, rule: string) => result.findings.filter((f) => f.rule === rule);
/** Performing periods adding up to `total` minutes, none longer than `size`, 15 minutes apart, from 08:00. */
const chunks = (total: number, size: number): Period[] => {
  const out: Period[] = [];
  for (let start = 8 * 60, left = total; left > 0; left -= size, start += size + 15) out.push({ start: clock(start), end: clock(start + Math.min(size, left)) });
  return out;
};
const meal = (start: string): BreakPeriod => ({ start, end: at(start, 45), kind: "meal" });
const rest = (start: string): BreakPeriod => ({ start, end: at(start, 15), kind: "rest" });
/** Consecutive dates from `from`. */
const dates = (from: string, n: number) => Array.from({ length: n }, (_, i) => addDays(from, i));
const shortDay = (date: string) => day(date, "10:00", "13:00");

describe("formatDuration", () => {
  it.each([
    [570, "9 h 30 min"],
    [45, "45 min"],
    [120, "2 h"],
    [61, "1 h 1 min"],
    [0, "0 min"],
  ])("%i minutes → %s", (minutes, words) => expect(formatDuration(minutes)).toBe(words));
});

describe("the rule table", () => {
  it("has the DOMAIN.md §1.5 figures for every age band, each with its regulation", () => {
    for (const [rule, entry] of Object.entries(HOURS_RULES)) {
      expect(Object.keys(entry.limits).sort(), rule).toEqual([...AGE_BANDS].sort());
      expect(entry.source, rule).toMatch(/^SI 2014\/3309 reg \d+/);
    }
    expect(HOURS_RULES["HOURS-AT-PLACE"].limits).toEqual({ "0-4": 300, "5-8": 480, "9+": 570 });
    expect(HOURS_RULES["HOURS-LATEST"].limits).toEqual({ "0-4": "22:00", "5-8": "23:00", "9+": "23:00" });
    expect(HOURS_RULES["HOURS-PERFORMING"].limits).toEqual({ "0-4": 120, "5-8": 180, "9+": 300 });
    expect(HOURS_RULES["HOURS-CONTINUOUS"].limits).toEqual({ "0-4": 30, "5-8": 150, "9+": 150 });
  });

  it("marks the unconfirmed (check) figures with a note", () => {
    expect(HOURS_RULES["HOURS-PERFORMING"].unconfirmed.bands).toEqual(["0-4", "5-8"]);
    expect(HOURS_RULES["HOURS-CONTINUOUS"].unconfirmed.bands).toEqual(["0-4", "5-8"]);
    expect(HOURS_RULES["HOURS-BREAKS"].unconfirmed.note).toMatch(/8 h/);
    expect("unconfirmed" in HOURS_RULES["HOURS-AT-PLACE"]).toBe(false);
  });
});

describe("a day within the rules", () => {
  it("is ok with no findings, at exactly the 9+ limits for time at the venue and continuous performing", () => {
    const good = day("2026-03-14", "09:00", "18:30", {
      performing: [
        { start: "10:00", end: "12:00" },
        { start: "14:00", end: "16:30" },
      ],
      breaks: [meal("12:15"), rest("13:15"), rest("16:45")],
    });
    expect(check(AGE_9_UP, [good])).toEqual({ ok: true, findings: [] });
  });
});

describe("HOURS-AT-PLACE", () => {
  it("allows exactly 9 h 30 min for ages 9 and over and names rule, limit and actual value at 9 h 31 min", () => {
    expect(found(check(AGE_9_UP, [day("2026-03-14", "09:00", "18:30")]), "HOURS-AT-PLACE")).toEqual([]);
    const result = check(AGE_9_UP, [day("2026-03-14", "09:00", "18:31")]);
    expect(result.ok).toBe(false);
    expect(found(result, "HOURS-AT-PLACE")).toEqual([
      {
        rule: "HOURS-AT-PLACE",
        date: "2026-03-14",
        limit: "9 h 30 min",
        actual: "9 h 31 min",
        message: "On Sat 14 March 2026 the child is at the venue for 9 h 31 min; the limit for ages 9 and over is 9 h 30 min.",
      },
    ]);
  });

  it.each([
    [UNDER_5, "10:00", "15:00", "children under 5", "5 h"],
    [AGE_5_TO_8, "09:00", "17:00", "ages 5 to 8", "8 h"],
  ])("allows exactly the limit and not a minute more (born %s)", (dob, arrive, depart, words, limit) => {
    expect(found(check(dob, [day("2026-03-14", arrive, depart)]), "HOURS-AT-PLACE")).toEqual([]);
    const [finding] = found(check(dob, [day("2026-03-14", arrive, at(depart, 1))]), "HOURS-AT-PLACE");
    expect(finding).toMatchObject({ limit, actual: `${limit} 1 min` });
    expect(finding.message).toContain(`the limit for ${words} is ${limit}.`);
  });
});

describe("HOURS-EARLIEST and HOURS-LATEST", () => {
  it.each([
    [UNDER_5, "22:00", "children under 5"],
    [AGE_5_TO_8, "23:00", "ages 5 to 8"],
    [AGE_9_UP, "23:00", "ages 9 and over"],
  ])("born %s: arrive from 07:00 and leave by %s", (dob, latest, words) => {
    expect(check(dob, [day("2026-03-14", "07:00", "07:30"), day("2026-03-16", at(latest, -30), latest)]).findings).toEqual([]);
    const early = check(dob, [day("2026-03-14", "06:59", "07:30")]);
    expect(early.findings).toEqual([
      { rule: "HOURS-EARLIEST", date: "2026-03-14", limit: "07:00", actual: "06:59", message: `On Sat 14 March 2026 the child arrives at 06:59; the earliest time for ${words} is 07:00.` },
    ]);
    const late = check(dob, [day("2026-03-14", at(latest, -30), at(latest, 1))]);
    expect(late.findings).toEqual([expect.objectContaining({ rule: "HOURS-LATEST", limit: latest, actual: at(latest, 1) })]);
    expect(late.findings[0].message).toContain(`the latest time for ${words} is ${latest}`);
    expect(late.ok).toBe(false);
  });
});

describe("HOURS-PERFORMING", () => {
  it.each([
    [UNDER_5, 120],
    [AGE_5_TO_8, 180],
    [AGE_9_UP, 300],
  ])("born %s: allows exactly %i minutes in the day, not one more", (dob, limit) => {
    const { continuous } = dayLimits(dob, "2026-03-14");
    expect(found(check(dob, [day("2026-03-14", "07:00", "22:00", { performing: chunks(limit, continuous) })]), "HOURS-PERFORMING")).toEqual([]);
    const over = found(check(dob, [day("2026-03-14", "07:00", "22:00", { performing: chunks(limit + 1, continuous) })]), "HOURS-PERFORMING");
    expect(over).toEqual([expect.objectContaining({ limit: formatDuration(limit), actual: formatDuration(limit + 1) })]);
  });

  it("counts overlapping periods once", () => {
    const overlapping = day("2026-03-14", "09:00", "17:00", {
      performing: [
        { start: "10:00", end: "12:00" },
        { start: "11:00", end: "13:00" },
      ],
    });
    expect(found(check(AGE_5_TO_8, [overlapping]), "HOURS-PERFORMING")).toEqual([]);
  });
});

describe("HOURS-CONTINUOUS", () => {
  it.each([
    [UNDER_5, 30],
    [AGE_5_TO_8, 150],
    [AGE_9_UP, 150],
  ])("born %s: allows %i minutes without a break, not one more", (dob, limit) => {
    expect(found(check(dob, [day("2026-03-14", "09:00", "18:00", { performing: [{ start: "10:00", end: at("10:00", limit) }] })]), "HOURS-CONTINUOUS")).toEqual([]);
    const over = found(check(dob, [day("2026-03-14", "09:00", "18:00", { performing: [{ start: "10:00", end: at("10:00", limit + 1) }] })]), "HOURS-CONTINUOUS");
    expect(over).toEqual([expect.objectContaining({ limit: formatDuration(limit), actual: formatDuration(limit + 1) })]);
  });

  it("merges touching and overlapping periods into one run, but a gap of a minute ends it", () => {
    const run = (performing: Period[]) => found(check(AGE_9_UP, [day("2026-03-14", "09:00", "18:00", { performing })]), "HOURS-CONTINUOUS");
    const touching = run([
      { start: "11:30", end: "12:31" },
      { start: "10:00", end: "11:30" },
    ]);
    expect(touching).toEqual([expect.objectContaining({ actual: "2 h 31 min" })]);
    expect(touching[0].message).toBe(
      "On Sat 14 March 2026 the child performs for 2 h 31 min without a break, from 10:00 to 12:31; the limit for ages 9 and over is 2 h 30 min.",
    );
    expect(
      run([
        { start: "10:00", end: "11:30" },
        { start: "11:00", end: "12:31" },
      ]),
    ).toHaveLength(1);
    expect(
      run([
        { start: "10:00", end: "11:30" },
        { start: "11:31", end: "13:00" },
      ]),
    ).toEqual([]);
  });
});

describe("HOURS-BREAKS", () => {
  const breaks = (arrive: string, depart: string, list: BreakPeriod[], performing: Period[] = []) =>
    found(check(AGE_9_UP, [day("2026-03-14", arrive, depart, { breaks: list, performing })]), "HOURS-BREAKS");

  it("needs none under 4 h, and from exactly 4 h a 45-min meal break and a 15-min break", () => {
    expect(breaks("09:00", "12:59", [])).toEqual([]);
    const [finding] = breaks("09:00", "13:00", []);
    expect(finding).toMatchObject({ rule: "HOURS-BREAKS", limit: "a 45-min meal break and one 15-min break" });
    expect(finding.message).toBe(
      "On Sat 14 March 2026 the child is at the venue for 4 h with no meal breaks of at least 45 min and no other breaks of at least 15 min; for ages 9 and over 4 h or more at the venue needs a 45-min meal break and one 15-min break.",
    );
    expect(breaks("09:00", "13:00", [meal("10:00"), rest("11:00")])).toEqual([]);
  });

  it("needs two 15-min breaks when the day is over 8 h: exactly 8 h is fine with one", () => {
    expect(breaks("09:00", "17:00", [meal("12:00"), rest("15:00")])).toEqual([]);
    expect(breaks("09:00", "17:01", [meal("12:00"), rest("15:00")])).toEqual([expect.objectContaining({ limit: "a 45-min meal break and two 15-min breaks" })]);
    expect(breaks("09:00", "17:01", [meal("12:00"), rest("15:00"), rest("16:00")])).toEqual([]);
  });

  it("counts a second meal break as a rest, but not a 44-min meal or a 14-min rest", () => {
    expect(breaks("09:00", "13:00", [meal("10:00"), meal("11:00")])).toEqual([]);
    expect(breaks("09:00", "13:00", [{ start: "10:00", end: "10:44", kind: "meal" }, rest("11:00")])).toHaveLength(1);
    expect(breaks("09:00", "13:00", [meal("10:00"), { start: "11:00", end: "11:14", kind: "rest" }])).toHaveLength(1);
  });

  it("ignores breaks outside the time at the venue or overlapping performing, and says so", () => {
    const [outside] = breaks("09:00", "13:00", [meal("08:00"), rest("11:00")]);
    expect(outside.message).toContain("Breaks outside the time at the venue, or during performing, don't count.");
    expect(breaks("09:00", "13:00", [meal("10:00"), rest("11:00")], [{ start: "11:10", end: "12:00" }])).toHaveLength(1);
    expect(breaks("09:00", "13:00", [meal("10:00"), rest("11:00")], [{ start: "11:15", end: "12:00" }])).toEqual([]);
  });
});

describe("HOURS-OVERNIGHT", () => {
  it("allows exactly 12 h between leaving and arriving the next day, reports 11 h 59 min on the later day (in any input order)", () => {
    expect(check(AGE_9_UP, [day("2026-03-14", "19:00", "21:00"), day("2026-03-15", "09:00", "10:00")]).findings).toEqual([]);
    const result = check(AGE_9_UP, [day("2026-03-15", "08:59", "10:00"), day("2026-03-14", "19:00", "21:00")]);
    expect(result.findings).toEqual([
      {
        rule: "HOURS-OVERNIGHT",
        date: "2026-03-15",
        limit: "12 h",
        actual: "11 h 59 min",
        message: "On Sun 15 March 2026 the child arrives 11 h 59 min after leaving the day before; the minimum break for ages 9 and over is 12 h.",
      },
    ]);
  });
});

describe("HOURS-CONSECUTIVE", () => {
  it("allows 6 days in a row and reports the 7th and every day after it", () => {
    expect(check(AGE_9_UP, dates("2026-03-09", 6).map(shortDay)).ok).toBe(true);
    const seven = check(AGE_9_UP, dates("2026-03-09", 7).map(shortDay));
    expect(seven.findings).toEqual([
      {
        rule: "HOURS-CONSECUTIVE",
        date: "2026-03-15",
        limit: "6 days",
        actual: "7 days",
        message: "On Sun 15 March 2026 the child is at the venue for the 7th day in a row; the limit for ages 9 and over is 6 days in a row.",
      },
    ]);
    expect(found(check(AGE_9_UP, dates("2026-03-09", 8).map(shortDay)), "HOURS-CONSECUTIVE").map((f) => f.date)).toEqual(["2026-03-15", "2026-03-16"]);
  });

  it("starts again after a day off", () => {
    const days = [...dates("2026-03-09", 6), ...dates("2026-03-16", 6)].map(shortDay);
    expect(check(AGE_9_UP, days).findings).toEqual([]);
  });
});

describe("HOURS-LONGRUN", () => {
  // Monday to Saturday for 8 weeks from Mon 5 January 2026; the 8th week ends Sat 28 February.
  const weeks = (from: string, n: number, daysAWeek = 6) => Array.from({ length: n }, (_, w) => dates(addDays(from, w * 7), daysAWeek)).flat();
  const eightWeeks = weeks("2026-01-05", 8);

  it("needs 14 clear days off after 8 six-day weeks in a row: back after 13 is reported, after 14 is not", () => {
    expect(check(AGE_9_UP, eightWeeks.map(shortDay)).findings).toEqual([]);
    const result = check(AGE_9_UP, [...eightWeeks, "2026-03-14"].map(shortDay));
    expect(result.findings).toEqual([
      {
        rule: "HOURS-LONGRUN",
        date: "2026-03-14",
        limit: "14 days off",
        actual: "13 days off",
        message:
          "On Sat 14 March 2026 the child is back at the venue after 13 days off, following 8 weeks in a row of 6-day weeks ending Sat 28 February 2026; the minimum for ages 9 and over is 14 days off.",
      },
    ]);
    expect(check(AGE_9_UP, [...eightWeeks, "2026-03-15"].map(shortDay)).findings).toEqual([]);
  });

  it("reports only the first day back when the run goes on into a 9th week", () => {
    const result = check(AGE_9_UP, [...eightWeeks, ...dates("2026-03-02", 6)].map(shortDay));
    expect(result.findings).toEqual([expect.objectContaining({ rule: "HOURS-LONGRUN", date: "2026-03-02", actual: "1 day off" })]);
  });

  it("counts calendar weeks (Monday to Sunday) with at least 6 days: a 5-day week or a part week breaks the run", () => {
    const fiveInWeek4 = [...weeks("2026-01-05", 3), ...weeks("2026-01-26", 1, 5), ...weeks("2026-02-02", 5), "2026-03-02"];
    expect(found(check(AGE_9_UP, fiveInWeek4.map(shortDay)), "HOURS-LONGRUN")).toEqual([]);
    // Wednesday to Saturday first: that part week does not count, so 7 full weeks follow and the 9th week starts clean.
    const fromWednesday = [...dates("2026-01-07", 4), ...weeks("2026-01-12", 7), "2026-03-02"];
    expect(found(check(AGE_9_UP, fromWednesday.map(shortDay)), "HOURS-LONGRUN")).toEqual([]);
    expect(found(check(AGE_9_UP, [...dates("2026-01-05", 6), ...weeks("2026-01-12", 7), "2026-03-02"].map(shortDay)), "HOURS-LONGRUN")).toHaveLength(1);
  });
});

describe("HOURS-NIGHT", () => {
  it("without permission, arriving early or leaving late breaks HOURS-EARLIEST / HOURS-LATEST", () => {
    const result = check(AGE_9_UP, [day("2026-03-14", "06:30", "08:00"), day("2026-03-16", "22:00", "23:30")]);
    expect(result.ok).toBe(false);
    expect(result.findings.map((f) => f.rule)).toEqual(["HOURS-EARLIEST", "HOURS-LATEST"]);
    expect(result.findings.some((f) => f.needsPermission)).toBe(false);
  });

  it("with night work asked for, the same times are HOURS-NIGHT findings for the officer, and the schedule is ok", () => {
    const result = check(AGE_9_UP, [day("2026-03-14", "06:30", "08:00"), day("2026-03-16", "22:00", "23:30")], true);
    expect(result.ok).toBe(true);
    expect(result.findings).toEqual([
      expect.objectContaining({ rule: "HOURS-NIGHT", date: "2026-03-14", needsPermission: true, limit: "07:00", actual: "06:30" }),
      expect.objectContaining({ rule: "HOURS-NIGHT", date: "2026-03-16", needsPermission: true, limit: "23:00", actual: "23:30" }),
    ]);
    expect(result.findings[1].message).toBe(
      "On Mon 16 March 2026 the child leaves at 23:30, after 23:00, the latest time for ages 9 and over: this is night work, which needs the council's express permission on the licence.",
    );
  });

  it("uses the band's latest time: 22:30 is night work for a child under 5 only", () => {
    expect(check(UNDER_5, [day("2026-03-14", "21:00", "22:30")], true).findings).toEqual([expect.objectContaining({ rule: "HOURS-NIGHT", needsPermission: true })]);
    expect(check(AGE_5_TO_8, [day("2026-03-14", "21:00", "22:30")], true).findings).toEqual([]);
  });

  it("needs 16 h before the next arrival after night work: exactly 16 h is fine, 15 h 59 min is a breach", () => {
    const night = day("2026-03-14", "20:00", "23:30");
    expect(check(AGE_9_UP, [night, day("2026-03-15", "15:30", "17:00")], true).ok).toBe(true);
    const result = check(AGE_9_UP, [night, day("2026-03-15", "15:29", "17:00")], true);
    expect(result.ok).toBe(false);
    expect(result.findings[1]).toEqual({
      rule: "HOURS-NIGHT",
      date: "2026-03-15",
      limit: "16 h",
      actual: "15 h 59 min",
      message:
        "On Sun 15 March 2026 the child arrives 15 h 59 min after leaving at 23:30 the day before, which was night work; the minimum break after night work for ages 9 and over is 16 h.",
    });
  });

  it("reports the 16 h break instead of the 12 h one, with or without permission", () => {
    const result = check(AGE_9_UP, [day("2026-03-14", "20:00", "23:30"), day("2026-03-15", "10:00", "11:00")]);
    expect(result.findings.map((f) => f.rule)).toEqual(["HOURS-LATEST", "HOURS-NIGHT"]);
  });
});

describe("age band on each day", () => {
  it("a child turning 5 during the run gets the 8 h limit from the birthday", () => {
    const dob = "2021-03-15";
    const days = ["2026-03-14", "2026-03-15"].map((d) => day(d, "09:00", "14:30", { breaks: [meal("11:00"), rest("13:00")] }));
    const result = check(dob, days);
    expect(result.findings).toEqual([expect.objectContaining({ rule: "HOURS-AT-PLACE", date: "2026-03-14", limit: "5 h", actual: "5 h 30 min" })]);
    expect(result.findings[0].message).toContain("the limit for children under 5 is 5 h");
  });

  it("a child turning 9 during the run gets 9 h 30 min from the birthday", () => {
    const dob = "2017-03-15";
    const days = ["2026-03-14", "2026-03-15"].map((d) => day(d, "09:00", "17:30", { breaks: [meal("11:00"), rest("13:00"), rest("15:00")] }));
    const result = check(dob, days);
    expect(result.findings).toEqual([expect.objectContaining({ rule: "HOURS-AT-PLACE", date: "2026-03-14", limit: "8 h" })]);
    expect(result.findings[0].message).toContain("the limit for ages 5 to 8 is 8 h");
    expect(dayLimits(dob, "2026-03-15")).toMatchObject({ band: "9+", atPlace: 570, bandWords: "ages 9 and over" });
  });
});
