import { describe, expect, it } from "vitest";
import { paperRound } from "#db/factories-employment";
import { checkPatterns, emptyPattern, mondayOnOrAfter, patternShifts } from "~/domain/employment/pattern";
import { isLatePermitApplication } from "~/domain/employment/permitRules";
import { PERMIT_TRANSITIONS } from "~/domain/employment/states";

describe("weekly patterns", () => {
  it("starts from the first Monday on or after the start date", () => {
    expect(mondayOnOrAfter("2026-12-07")).toBe("2026-12-07");
    expect(mondayOnOrAfter("2026-12-08")).toBe("2026-12-14");
    expect(mondayOnOrAfter("2026-12-13")).toBe("2026-12-14");
  });

  it("turns a term-time pattern into school-day shifts and a holiday pattern into holiday shifts", () => {
    const { term, holiday } = paperRound();
    const termWeek = patternShifts(term, "2026-12-07", true);
    expect(termWeek).toHaveLength(6);
    expect(termWeek[0]).toEqual({ date: "2026-12-07", start: "07:00", end: "08:00", dayType: "school" });
    expect(termWeek[5]).toEqual({ date: "2026-12-12", start: "08:00", end: "10:00", dayType: "saturday" });
    expect(patternShifts(holiday, "2026-12-07", false)[0].dayType).toBe("holiday");
  });

  it("checks both patterns by the child's age at the start, saying which pattern each finding is in", () => {
    const { term, holiday } = paperRound();
    const input = { dateOfBirth: "2012-03-10", occupation: "newspaper-delivery" as const, startDate: "2026-12-01", termPattern: term, holidayPattern: holiday };
    expect(checkPatterns(input)).toEqual({ ok: true, findings: [] });
    const longSunday = { ...holiday, sun: [{ start: "08:00", end: "10:30" }] };
    const result = checkPatterns({ ...input, holidayPattern: longSunday });
    expect(result.findings).toEqual([expect.objectContaining({ rule: "EMPLOY-SUNDAY", pattern: "holiday" })]);
    const kitchen = checkPatterns({ ...input, occupation: "commercial-kitchen" });
    expect(kitchen.findings.map((f) => [f.rule, f.pattern])).toEqual([["EMPLOY-PROHIBITED", "term"]]);
    expect(checkPatterns({ ...input, termPattern: emptyPattern(), holidayPattern: null })).toEqual({ ok: true, findings: [] });
  });
});

describe("EMPLOY-7DAYS and the permit's states", () => {
  it("flags an application submitted more than 7 days after the start date", () => {
    expect(isLatePermitApplication("2026-12-01", "2026-12-08")).toBe(false);
    expect(isLatePermitApplication("2026-12-01", "2026-12-09")).toBe(true);
    expect(isLatePermitApplication("2026-12-10", "2026-12-01")).toBe(false);
  });

  it("grants, refuses or withdraws only a submitted permit, and ends or revokes only a granted one", () => {
    expect(PERMIT_TRANSITIONS.grant.from).toEqual(["submitted"]);
    expect(PERMIT_TRANSITIONS.end.from).toEqual(["granted"]);
    expect(PERMIT_TRANSITIONS.revoke.from).toEqual(["granted"]);
  });
});
