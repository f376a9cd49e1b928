import { describe, expect, it } from "vitest";
import { checkEmployment, type EmploymentInput, employmentLimitsOn, type Occupation, type Shift, workSpells } from "~/domain/employment/rules";

// Born 10 March 2012: 14 throughout the summer of 2026, 15 from 10 March 2027. School leaving date: Fri 30 June 2028.
const FOURTEEN = "2012-03-10";
// Born 1 September 2012: 13 until 31 August 2026.
const THIRTEEN = "2012-09-01";
// Born 1 January 2011: 15 throughout 2026.
const FIFTEEN = "2011-01-01";

const check = (dateOfBirth: string, occupation: Occupation, shifts: Shift[], options = {}) =>
  checkEmployment({ child: { dateOfBirth }, occupation, shifts } satisfies EmploymentInput, options);
const rules = (result: ReturnType<typeof checkEmployment>) => result.findings.map((f) => f.rule);

// Mon 8 June 2026 is in term; Mon 3 August 2026 in the summer holiday.
const school = (date: string, start: string, end: string): Shift => ({ date, start, end, dayType: "school" });
const saturday = (date: string, start: string, end: string): Shift => ({ date, start, end, dayType: "saturday" });
const sunday = (date: string, start: string, end: string): Shift => ({ date, start, end, dayType: "sunday" });
const holiday = (date: string, start: string, end: string): Shift => ({ date, start, end, dayType: "holiday" });

describe("EMPLOY-MINAGE, EMPLOY-LIGHT13 and EMPLOY-PROHIBITED", () => {
  it("lets a 13-year-old deliver newspapers or do office work, but not other light work or a café kitchen", () => {
    expect(check(THIRTEEN, "newspaper-delivery", [saturday("2026-06-13", "08:00", "10:00")])).toEqual({ ok: true, findings: [] });
    expect(check(THIRTEEN, "office-work", [saturday("2026-06-13", "09:00", "12:00")]).ok).toBe(true);
    expect(rules(check(THIRTEEN, "other-light-work", [saturday("2026-06-13", "09:00", "12:00")]))).toEqual(["EMPLOY-LIGHT13"]);
    const kitchen = check(THIRTEEN, "commercial-kitchen", [saturday("2026-06-13", "09:00", "12:00")]);
    expect(kitchen.findings).toEqual([expect.objectContaining({ rule: "EMPLOY-PROHIBITED", actual: "commercial-kitchen" })]);
    // a prohibited occupation is reported once, whatever the age, and not also as EMPLOY-LIGHT13
    expect(rules(check(FIFTEEN, "commercial-kitchen", [saturday("2026-06-13", "09:00", "12:00")]))).toEqual(["EMPLOY-PROHIBITED"]);
  });

  it("lets a child do other light work from their 14th birthday", () => {
    const turning14 = "2012-06-13";
    expect(rules(check(turning14, "other-light-work", [saturday("2026-06-06", "09:00", "12:00")]))).toEqual(["EMPLOY-LIGHT13"]);
    expect(check(turning14, "other-light-work", [saturday("2026-06-13", "09:00", "12:00")]).ok).toBe(true);
  });

  it("employs no child under 13", () => {
    const result = check("2013-09-01", "newspaper-delivery", [saturday("2026-06-13", "08:00", "09:00")]);
    expect(result.findings).toEqual([expect.objectContaining({ rule: "EMPLOY-MINAGE", limit: "13", actual: "12" })]);
  });
});

describe("EMPLOY-EARLIEST and EMPLOY-LATEST", () => {
  it("allows 07:00 to 19:00 under the byelaws; 06:45 and 19:15 are not", () => {
    expect(check(FOURTEEN, "shop-work", [saturday("2026-06-13", "07:00", "09:00"), saturday("2026-06-13", "17:00", "19:00")]).ok).toBe(true);
    const early = check(FOURTEEN, "shop-work", [saturday("2026-06-13", "06:45", "08:00")]);
    expect(early.findings).toEqual([expect.objectContaining({ rule: "EMPLOY-EARLIEST", limit: "07:00", actual: "06:45" })]);
    const late = check(FOURTEEN, "shop-work", [saturday("2026-06-13", "17:15", "19:15")]);
    expect(late.findings).toEqual([expect.objectContaining({ rule: "EMPLOY-LATEST", limit: "19:00", actual: "19:15" })]);
  });

  it("allows 20:00 under the 2026 Act once it is switched on, from its date", () => {
    const evening = [saturday("2026-06-13", "17:00", "20:00")];
    expect(rules(check(FOURTEEN, "shop-work", evening))).toEqual(["EMPLOY-LATEST"]);
    expect(rules(check(FOURTEEN, "shop-work", evening, { cwsa2026From: "2026-06-14" }))).toEqual(["EMPLOY-LATEST"]);
    expect(check(FOURTEEN, "shop-work", evening, { cwsa2026From: "2026-06-13" })).toEqual({ ok: true, findings: [] });
    expect(rules(check(FOURTEEN, "shop-work", [saturday("2026-06-13", "18:00", "20:15")], { cwsa2026From: "2026-01-01" }))).toEqual(["EMPLOY-LATEST"]);
    expect(employmentLimitsOn("2026-06-13", { cwsa2026From: "2026-01-01" }).set).toBe("the Children's Wellbeing and Schools Act 2026");
  });

  it("lets a council tighten the latest time, never loosen it", () => {
    expect(rules(check(FOURTEEN, "shop-work", [saturday("2026-06-13", "17:00", "18:30")], { local: { latest: "18:00" } }))).toEqual(["EMPLOY-LATEST"]);
    expect(employmentLimitsOn("2026-06-13", { local: { latest: "21:00", earliest: "06:00" } })).toMatchObject({ latest: "19:00", earliest: "07:00" });
  });
});

describe("EMPLOY-SCHOOLDAY and EMPLOY-SCHOOLHOURS", () => {
  it("allows 2 h on a school day, not 2 h 15 min", () => {
    expect(check(FOURTEEN, "shop-work", [school("2026-06-08", "07:30", "08:30"), school("2026-06-08", "16:00", "17:00")]).ok).toBe(true);
    const over = check(FOURTEEN, "shop-work", [school("2026-06-08", "07:30", "08:30"), school("2026-06-08", "16:00", "17:15")]);
    expect(over.findings).toEqual([expect.objectContaining({ rule: "EMPLOY-SCHOOLDAY", limit: "2 h", actual: "2 h 15 min" })]);
  });

  it("allows at most 1 h before school: 1 h 15 min is too much", () => {
    expect(check(FOURTEEN, "newspaper-delivery", [school("2026-06-08", "07:30", "08:30")]).ok).toBe(true);
    const early = check(FOURTEEN, "newspaper-delivery", [school("2026-06-08", "07:15", "08:30")]);
    expect(early.findings).toEqual([expect.objectContaining({ rule: "EMPLOY-SCHOOLDAY", limit: "1 h", actual: "1 h 15 min" })]);
  });

  it("allows no work in school hours", () => {
    const result = check(FOURTEEN, "shop-work", [school("2026-06-08", "12:00", "13:00")]);
    expect(result.findings).toEqual([expect.objectContaining({ rule: "EMPLOY-SCHOOLHOURS", limit: "08:45–15:15", actual: "12:00–13:00" })]);
    // a council's own school day
    expect(check(FOURTEEN, "shop-work", [school("2026-06-08", "15:00", "16:00")], { local: { schoolEnds: "14:45" } }).ok).toBe(true);
  });
});

describe("EMPLOY-SCHOOLWEEK", () => {
  // Mon 8 – Sun 14 June 2026.
  const week = (saturdayEnd: string) => [
    ...["2026-06-08", "2026-06-09", "2026-06-10", "2026-06-11", "2026-06-12"].map((d) => school(d, "16:00", "18:00")),
    saturday("2026-06-13", "09:00", saturdayEnd),
  ];
  it("allows 12 h in a week with a school day, not 12 h 30 min", () => {
    expect(check(FOURTEEN, "shop-work", week("11:00")).ok).toBe(true);
    const over = check(FOURTEEN, "shop-work", week("11:30"));
    expect(over.findings).toEqual([expect.objectContaining({ rule: "EMPLOY-SCHOOLWEEK", date: "2026-06-08", limit: "12 h", actual: "12 h 30 min" })]);
  });
});

describe("EMPLOY-NONSCHOOLDAY and EMPLOY-SUNDAY", () => {
  it("allows 5 h on a Saturday at 14 and 8 h at 15", () => {
    expect(check(FOURTEEN, "shop-work", [saturday("2026-06-13", "09:00", "12:00"), saturday("2026-06-13", "13:00", "15:00")]).ok).toBe(true);
    const over = check(FOURTEEN, "shop-work", [saturday("2026-06-13", "09:00", "12:00"), saturday("2026-06-13", "13:00", "15:30")]);
    expect(over.findings).toEqual([expect.objectContaining({ rule: "EMPLOY-NONSCHOOLDAY", limit: "5 h", actual: "5 h 30 min" })]);
    expect(check(FIFTEEN, "shop-work", [holiday("2026-08-03", "09:00", "13:00"), holiday("2026-08-03", "14:00", "18:00")]).ok).toBe(true);
  });

  it("allows 2 h on a Sunday, not 2 h 30 min; the 2026 Act treats Sunday as any other non-school day", () => {
    expect(check(FOURTEEN, "shop-work", [sunday("2026-06-14", "09:00", "11:00")]).ok).toBe(true);
    const over = check(FOURTEEN, "shop-work", [sunday("2026-06-14", "09:00", "11:30")]);
    expect(over.findings).toEqual([expect.objectContaining({ rule: "EMPLOY-SUNDAY", limit: "2 h", actual: "2 h 30 min" })]);
    expect(check(FOURTEEN, "shop-work", [sunday("2026-06-14", "09:00", "11:30")], { cwsa2026From: "2026-01-01" }).ok).toBe(true);
  });
});

describe("EMPLOY-BREAK", () => {
  it("needs a 1 h break after 4 h: 4 h 30 min straight is too long, and so is a 30-min break", () => {
    expect(rules(check(FIFTEEN, "shop-work", [holiday("2026-08-03", "09:00", "13:30")]))).toEqual(["EMPLOY-BREAK"]);
    expect(rules(check(FIFTEEN, "shop-work", [holiday("2026-08-03", "09:00", "11:30"), holiday("2026-08-03", "12:00", "14:00")]))).toEqual(["EMPLOY-BREAK"]);
    expect(check(FIFTEEN, "shop-work", [holiday("2026-08-03", "09:00", "11:30"), holiday("2026-08-03", "12:30", "14:30")]).ok).toBe(true);
    expect(check(FIFTEEN, "shop-work", [holiday("2026-08-03", "09:00", "13:00")]).ok).toBe(true);
  });

  it("joins shifts less than the break apart into one spell", () => {
    expect(workSpells([{ start: "12:00", end: "14:00" }, { start: "09:00", end: "11:30" }, { start: "15:00", end: "16:00" }], 60)).toEqual([
      { start: "09:00", end: "14:00", worked: 270 },
      { start: "15:00", end: "16:00", worked: 60 },
    ]);
  });
});

describe("EMPLOY-HOLIDAYWEEK", () => {
  // Mon 3 – Sun 9 August 2026, no school: 5 days of 5 h (with an hour's lunch) and a 1 h Saturday = 26 h.
  const days = ["2026-08-03", "2026-08-04", "2026-08-05", "2026-08-06", "2026-08-07"];
  const week = [...days.flatMap((d) => [holiday(d, "09:00", "12:00"), holiday(d, "13:00", "15:00")]), saturday("2026-08-08", "09:00", "10:00")];

  it("allows a 15-year-old 26 h in a holiday week but not a 14-year-old (25 h)", () => {
    const young = check(FOURTEEN, "shop-work", week);
    expect(young.findings).toEqual([expect.objectContaining({ rule: "EMPLOY-HOLIDAYWEEK", date: "2026-08-03", limit: "25 h", actual: "26 h" })]);
    expect(check(FIFTEEN, "shop-work", week)).toEqual({ ok: true, findings: [] });
  });

  it("takes the week's limit from the child's age on its Monday, when a birthday falls in the week; each day's by the day", () => {
    // turns 15 on Wednesday 5 August: the week's limit stays 25 h, but Wednesday may have 8 h
    const turning15 = "2011-08-05";
    const result = check(turning15, "shop-work", week);
    expect(result.findings).toEqual([expect.objectContaining({ rule: "EMPLOY-HOLIDAYWEEK", limit: "25 h" })]);
    const sixHours = (d: string) => [holiday(d, "09:00", "12:00"), holiday(d, "13:00", "16:00")];
    const long = check(turning15, "shop-work", [...sixHours("2026-08-04"), ...sixHours("2026-08-05")]);
    expect(long.findings.map((f) => [f.rule, f.date, f.limit])).toEqual([["EMPLOY-NONSCHOOLDAY", "2026-08-04", "5 h"]]);
  });
});

describe("EMPLOY-SCHOOLAGE", () => {
  it("covers no work after the school leaving date (the last Friday in June of the year they turn 16)", () => {
    // born 10 March 2012: school leaving date Friday 30 June 2028
    expect(check(FOURTEEN, "shop-work", [{ date: "2028-06-30", start: "16:00", end: "18:00", dayType: "school" }]).ok).toBe(true);
    const after = check(FOURTEEN, "shop-work", [saturday("2028-07-01", "09:00", "12:00")]);
    expect(after.findings).toEqual([expect.objectContaining({ rule: "EMPLOY-SCHOOLAGE", limit: "2028-06-30", actual: "2028-07-01" })]);
  });
});
