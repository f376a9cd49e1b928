import { describe, expect, it } from "vitest";
import { checkExemption, type ExemptionInput, fourDayWindow, schoolLeavingDate } from "~/domain/exemptions/rules";
import { ExemptionCheckRequest } from "~/domain/exemptions/schema";

const base = (over: Partial<ExemptionInput["performance"]> = {}, previous: string[] = [], dob = "2015-03-14"): ExemptionInput => ({
  child: { dateOfBirth: dob },
  performance: { dates: ["2026-10-10"], paid: false, absenceFromSchool: false, broadcast: false, organiserHoldsBopa: false, arrangedBySchool: false, ...over },
  previousPerformanceDates: previous,
});

describe("schoolLeavingDate (last Friday in June of the school year in which the child turns 16)", () => {
  it.each([
    ["2010-09-01", "2027-06-25"], // turns 16 on 1 Sep 2026: school year 2026/27
    ["2010-08-31", "2026-06-26"], // turns 16 on 31 Aug 2026: school year 2025/26, so leaves at 15
    ["2011-01-15", "2027-06-25"],
    ["2008-12-31", "2025-06-27"],
  ])("born %s → %s", (dob, expected) => {
    expect(schoolLeavingDate(dob)).toBe(expected);
    expect(new Date(`${expected}T00:00:00Z`).getUTCDay()).toBe(5);
  });
});

describe("the four-day window", () => {
  it("runs from the same date 6 months earlier, clamped to month end, to the day before", () => {
    expect(fourDayWindow("2026-10-10")).toEqual({ from: "2026-04-10", to: "2026-10-09" });
    expect(fourDayWindow("2026-08-31")).toEqual({ from: "2026-02-28", to: "2026-08-30" });
    expect(fourDayWindow("2028-08-31")).toEqual({ from: "2028-02-29", to: "2028-08-30" });
  });
});

describe("EXEMPT-4DAY", () => {
  it("allows a new day when exactly 3 earlier days are on record (the new day is the 4th), naming the days counted", () => {
    const result = checkExemption(base({}, ["2026-06-01", "2026-07-01", "2026-08-01"]));
    expect(result).toMatchObject({ licenceRequired: false, basis: "four-day-rule" });
    expect(result.reasons[0]).toMatchObject({ rule: "EXEMPT-4DAY", date: "2026-10-10", counted: ["2026-06-01", "2026-07-01", "2026-08-01"] });
  });

  it("refuses a day with 4 earlier days: it would be the 5th", () => {
    const result = checkExemption(base({}, ["2026-05-01", "2026-06-01", "2026-07-01", "2026-08-01"]));
    expect(result.licenceRequired).toBe(true);
    expect(result.basis).toBeNull();
    expect(result.reasons).toEqual([expect.objectContaining({ rule: "EXEMPT-4DAY", date: "2026-10-10", counted: ["2026-05-01", "2026-06-01", "2026-07-01", "2026-08-01"] })]);
    expect(result.reasons[0].message).toMatch(/5th performance day in 6 months.*limit is 3/);
  });

  it("counts the first day of the window and not the day before it", () => {
    const inside = ["2026-04-10", "2026-06-01", "2026-07-01", "2026-08-01"];
    expect(checkExemption(base({}, inside)).licenceRequired).toBe(true);
    const outside = ["2026-04-09", "2026-06-01", "2026-07-01", "2026-08-01"];
    expect(checkExemption(base({}, outside)).licenceRequired).toBe(false);
  });

  it("clamps on 31 August: 28 February counts, 27 February does not", () => {
    const days = ["2026-05-01", "2026-06-01", "2026-07-01"];
    expect(checkExemption(base({ dates: ["2026-08-31"] }, ["2026-02-28", ...days])).licenceRequired).toBe(true);
    expect(checkExemption(base({ dates: ["2026-08-31"] }, ["2026-02-27", ...days])).licenceRequired).toBe(false);
  });

  it("ignores days on record on or after the performance date", () => {
    expect(checkExemption(base({}, ["2026-10-10", "2026-10-11", "2026-11-01", "2026-12-01", "2026-06-01"])).licenceRequired).toBe(false);
  });

  it("counts earlier dates of the same request: with 2 on record two new dates pass; with 3, the second new date is the 5th and refused", () => {
    const previous = ["2026-06-01", "2026-07-01"];
    expect(checkExemption(base({ dates: ["2026-10-10", "2026-10-11"] }, previous)).licenceRequired).toBe(false);
    const result = checkExemption(base({ dates: ["2026-10-10", "2026-10-11"] }, [...previous, "2026-08-01"]));
    expect(result.licenceRequired).toBe(true);
    expect(result.reasons).toEqual([expect.objectContaining({ rule: "EXEMPT-4DAY", date: "2026-10-11", counted: ["2026-06-01", "2026-07-01", "2026-08-01", "2026-10-10"] })]);
  });
});

describe("conditions", () => {
  it("payment means a licence, with the rule named", () => {
    expect(checkExemption(base({ paid: true }))).toEqual({ licenceRequired: true, basis: null, reasons: [expect.objectContaining({ rule: "EXEMPT-PAYMENT" })] });
  });

  it("broadcast and absence are not allowed unless the authority switches them on", () => {
    expect(checkExemption(base({ broadcast: true })).reasons.map((r) => r.rule)).toEqual(["EXEMPT-BROADCAST"]);
    expect(checkExemption(base({ absenceFromSchool: true })).reasons.map((r) => r.rule)).toEqual(["EXEMPT-ABSENCE"]);
    expect(checkExemption(base({ broadcast: true, absenceFromSchool: true }), { absenceAllowed: true, broadcastAllowed: true }).basis).toBe("four-day-rule");
  });

  it("a BOPA exempts an unpaid child, however many days", () => {
    const many = ["2026-05-01", "2026-06-01", "2026-07-01", "2026-08-01", "2026-09-01"];
    expect(checkExemption(base({ organiserHoldsBopa: true }, many))).toMatchObject({ licenceRequired: false, basis: "bopa" });
  });

  it("a BOPA does not cover a paid child", () => {
    const result = checkExemption(base({ organiserHoldsBopa: true, paid: true }));
    expect(result.licenceRequired).toBe(true);
    expect(result.reasons.map((r) => r.rule)).toEqual(["EXEMPT-PAYMENT", "EXEMPT-BOPA"]);
  });

  it("a school performance is exempt when unpaid", () => {
    expect(checkExemption(base({ arrangedBySchool: true }))).toMatchObject({ licenceRequired: false, basis: "school" });
    expect(checkExemption(base({ arrangedBySchool: true, paid: true })).licenceRequired).toBe(true);
  });

  it("a child past the school leaving date needs no licence", () => {
    expect(checkExemption(base({ dates: ["2026-07-01"], paid: true }, [], "2010-08-31"))).toMatchObject({ licenceRequired: false, basis: "not-a-child" });
    expect(checkExemption(base({ dates: ["2026-06-26"], paid: true }, [], "2010-08-31")).licenceRequired).toBe(true);
  });
});

describe("request validation", () => {
  const request = (over: Record<string, unknown> = {}) => ({
    child: { dateOfBirth: "2015-03-14" },
    performance: { dates: ["2026-10-10"], paid: false, absenceFromSchool: false, broadcast: false, organiserHoldsBopa: false, arrangedBySchool: false },
    previousPerformanceDates: [],
    ...over,
  });

  it("refuses a performance date before the child's date of birth, by path", () => {
    const parsed = ExemptionCheckRequest.safeParse(request({ performance: { ...request().performance, dates: ["2014-01-01"] } }));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["performance.dates.0", "A performance date cannot be before the child's date of birth"]]);
  });

  it("refuses impossible dates", () => {
    const parsed = ExemptionCheckRequest.safeParse(request({ child: { dateOfBirth: "2015-02-30" } }));
    expect(parsed.error?.issues[0].path.join(".")).toBe("child.dateOfBirth");
  });
});
