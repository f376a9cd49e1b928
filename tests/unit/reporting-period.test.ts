import { describe, expect, it } from "vitest";
import {
  isValidPeriod,
  lastCompleteFinancialYear,
  lastTwelveMonths,
  londonStartOf,
  monthLabel,
  monthsOf,
  type PeriodInput,
  parsePeriod,
  periodBounds,
  periodInputOf,
  periodLabel,
} from "~/domain/reporting/period";

const typed = (from: [string, string, string], to: [string, string, string]): PeriodInput => ({
  fromDay: from[0],
  fromMonth: from[1],
  fromYear: from[2],
  toDay: to[0],
  toMonth: to[1],
  toYear: to[2],
});

describe("the default period: the last complete financial year", () => {
  it("is 1 April to 31 March of the last year that has ended", () => {
    expect(lastCompleteFinancialYear("2026-12-07")).toEqual({ from: "2025-04-01", to: "2026-03-31" });
    expect(lastCompleteFinancialYear("2026-04-01")).toEqual({ from: "2025-04-01", to: "2026-03-31" });
    // 2025/26 ends on 31 March 2026 itself, so on that day the last complete year is still 2024/25
    expect(lastCompleteFinancialYear("2026-03-31")).toEqual({ from: "2024-04-01", to: "2025-03-31" });
    expect(lastCompleteFinancialYear("2027-01-01")).toEqual({ from: "2025-04-01", to: "2026-03-31" });
  });

  it("fills the form as a person would type it", () => {
    expect(periodInputOf({ from: "2025-04-01", to: "2026-03-31" })).toEqual(typed(["1", "4", "2025"], ["31", "3", "2026"]));
  });
});

describe("the public page's 12 months", () => {
  it("runs from the day after the same date a year ago up to today", () => {
    expect(lastTwelveMonths("2026-12-07")).toEqual({ from: "2025-12-08", to: "2026-12-07" });
    expect(lastTwelveMonths("2028-02-29")).toEqual({ from: "2027-03-01", to: "2028-02-29" });
  });
});

describe("checking a typed period", () => {
  it("accepts real dates in order, with or without leading zeros", () => {
    expect(parsePeriod(typed(["1", "4", "2025"], ["31", "03", "2026"]))).toEqual({ ok: true, period: { from: "2025-04-01", to: "2026-03-31" } });
    expect(parsePeriod(typed([" 7 ", "12", "2026"], ["7", "12", "2026"]))).toEqual({ ok: true, period: { from: "2026-12-07", to: "2026-12-07" } });
  });

  it("names what is missing or not a real date, on each date's day field", () => {
    expect(parsePeriod(typed(["", "", ""], ["", "", ""]))).toEqual({ ok: false, errors: { fromDay: "Enter the start date", toDay: "Enter the end date" } });
    expect(parsePeriod(typed(["1", "", "2025"], ["31", "3", ""]))).toEqual({
      ok: false,
      errors: { fromDay: "The start date must include a month", toDay: "The end date must include a year" },
    });
    expect(parsePeriod(typed(["31", "2", "2026"], ["1", "13", "2026"]))).toEqual({
      ok: false,
      errors: { fromDay: "The start date must be a real date", toDay: "The end date must be a real date" },
    });
    expect(parsePeriod(typed(["1", "4", "25"], ["x", "3", "2026"]))).toEqual({
      ok: false,
      errors: { fromDay: "The start date must be a real date", toDay: "The end date must be a real date" },
    });
    expect(parsePeriod(typed(["1", "4", "0099"], ["1", "4", "2026"]))).toMatchObject({ ok: false, errors: { fromDay: "The start date must be a real date" } });
  });

  it("refuses an end before the start, and a period longer than 5 years", () => {
    expect(parsePeriod(typed(["1", "4", "2026"], ["31", "3", "2026"]))).toEqual({ ok: false, errors: { toDay: "The end date must be the same as or after the start date" } });
    expect(parsePeriod(typed(["1", "4", "2021"], ["31", "3", "2026"]))).toMatchObject({ ok: true });
    expect(parsePeriod(typed(["1", "4", "2021"], ["1", "4", "2026"]))).toEqual({ ok: false, errors: { toDay: "The period must be 5 years or shorter" } });
  });

  it("checks ISO periods (the CSV links) the same way", () => {
    expect(isValidPeriod({ from: "2025-04-01", to: "2026-03-31" })).toBe(true);
    expect(isValidPeriod({ from: "2026-04-01", to: "2026-03-31" })).toBe(false);
    expect(isValidPeriod({ from: "2025-02-30", to: "2026-03-31" })).toBe(false);
    expect(isValidPeriod({ from: "1 April", to: "2026-03-31" })).toBe(false);
    expect(isValidPeriod({ from: "2015-04-01", to: "2026-03-31" })).toBe(false);
  });
});

describe("London days", () => {
  it("start at midnight GMT in winter and 23:00 UTC the day before in summer time", () => {
    expect(londonStartOf("2026-12-07").toISOString()).toBe("2026-12-07T00:00:00.000Z");
    expect(londonStartOf("2025-04-01").toISOString()).toBe("2025-03-31T23:00:00.000Z");
    // the days the clocks change: midnight is still GMT on 29 March 2026, still BST on 25 October 2026
    expect(londonStartOf("2026-03-29").toISOString()).toBe("2026-03-29T00:00:00.000Z");
    expect(londonStartOf("2026-03-30").toISOString()).toBe("2026-03-29T23:00:00.000Z");
    expect(londonStartOf("2026-10-25").toISOString()).toBe("2026-10-24T23:00:00.000Z");
    expect(londonStartOf("2026-10-26").toISOString()).toBe("2026-10-26T00:00:00.000Z");
  });

  it("bound a period from its first London day to the start of the day after its last", () => {
    const bounds = periodBounds({ from: "2025-04-01", to: "2026-03-31" });
    expect(bounds.start.toISOString()).toBe("2025-03-31T23:00:00.000Z");
    expect(bounds.end.toISOString()).toBe("2026-03-31T23:00:00.000Z");
  });
});

describe("months and labels", () => {
  it("lists every month a period touches", () => {
    expect(monthsOf({ from: "2025-04-01", to: "2026-03-31" })).toEqual([
      "2025-04",
      "2025-05",
      "2025-06",
      "2025-07",
      "2025-08",
      "2025-09",
      "2025-10",
      "2025-11",
      "2025-12",
      "2026-01",
      "2026-02",
      "2026-03",
    ]);
    expect(monthsOf({ from: "2026-01-31", to: "2026-03-01" })).toEqual(["2026-01", "2026-02", "2026-03"]);
    expect(monthsOf({ from: "2026-12-07", to: "2026-12-07" })).toEqual(["2026-12"]);
  });

  it("says months and periods in words", () => {
    expect(monthLabel("2025-04")).toBe("April 2025");
    expect(periodLabel({ from: "2025-04-01", to: "2026-03-31" })).toBe("1 April 2025 to 31 March 2026");
  });
});
