import { describe, expect, it } from "vitest";
import { daysBetween } from "~/domain/calendar/dates";
import {
  countBy,
  countByMonth,
  decisionFigures,
  finalOutcome,
  median,
  percent,
  shareOf,
  tally,
  withinWorkingDays,
  workingDaysBetween,
} from "~/domain/reporting/figures";

describe("median", () => {
  it("is the middle value, or the mean of the middle two", () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([9, 1, 4])).toBe(4);
    expect(median([11, 4, 9, 8])).toBe(8.5);
    expect(median([3, 3, 3, 100])).toBe(3);
  });

  it("does not reorder what it is given", () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe("shares", () => {
  it("are met of count, and nothing (not 0%) when there is nothing to count", () => {
    expect(shareOf(3, 4)).toEqual({ met: 3, count: 4, share: 0.75 });
    expect(shareOf(0, 0)).toEqual({ met: 0, count: 0, share: null });
    expect(percent(shareOf(2, 3))).toBe("67%");
    expect(percent(shareOf(1, 3))).toBe("33%");
    expect(percent(shareOf(0, 5))).toBe("0%");
    expect(percent(shareOf(0, 0))).toBe("–");
  });
});

describe("days", () => {
  it("counts calendar days, across the clocks changing", () => {
    expect(daysBetween("2025-06-02", "2025-06-06")).toBe(4);
    expect(daysBetween("2026-03-25", "2026-04-01")).toBe(7);
    expect(daysBetween("2025-04-01", "2025-04-01")).toBe(0);
  });

  it("counts working days after the first day, skipping weekends, bank holidays and closure days", () => {
    expect(workingDaysBetween("2025-06-02", "2025-06-09")).toBe(5); // Monday to Monday
    expect(workingDaysBetween("2025-06-06", "2025-06-09")).toBe(1); // Friday to Monday
    // Thursday 17 April 2025 to Thursday 24 April: Good Friday and Easter Monday are bank holidays
    expect(workingDaysBetween("2025-04-17", "2025-04-24")).toBe(3);
    expect(workingDaysBetween("2026-03-02", "2026-03-10", ["2026-03-04"])).toBe(5);
  });
});

describe("the council's working-day target", () => {
  it("is met on or before the target-th working day after the application arrived", () => {
    expect(withinWorkingDays("2025-06-02", "2025-06-09", 5)).toBe(true);
    expect(withinWorkingDays("2025-06-02", "2025-06-10", 5)).toBe(false);
    // received Tuesday 30 September 2025: the 5th working day after is Tuesday 7 October
    expect(withinWorkingDays("2025-09-30", "2025-10-07", 5)).toBe(true);
    expect(withinWorkingDays("2025-09-30", "2025-10-09", 5)).toBe(false);
  });

  it("moves back by the council's closure days", () => {
    expect(withinWorkingDays("2026-03-02", "2026-03-10", 5)).toBe(false);
    expect(withinWorkingDays("2026-03-02", "2026-03-10", 5, ["2026-03-04"])).toBe(true);
  });
});

describe("decision figures", () => {
  const decisions = [
    { submittedOn: "2025-06-02", decidedOn: "2025-06-06", outcome: "granted" as const, firstDayOn: "2025-06-20" },
    { submittedOn: "2025-06-09", decidedOn: "2025-06-20", outcome: "granted" as const, firstDayOn: "2025-06-14" },
    { submittedOn: "2025-09-30", decidedOn: "2025-10-09", outcome: "refused" as const, firstDayOn: "2025-11-01" },
    { submittedOn: "2026-03-02", decidedOn: "2026-03-10", outcome: "granted" as const, firstDayOn: "2026-03-20" },
    // no schedule: counted as decided, not in the share before the first performance
    { submittedOn: "2026-03-02", decidedOn: "2026-03-02", outcome: "granted" as const, firstDayOn: null },
  ];

  it("counts decided, granted and refused, the median days, and the share decided before the first performance", () => {
    expect(decisionFigures(decisions)).toEqual({
      decided: 5,
      granted: 4,
      refused: 1,
      medianDays: 8,
      beforeFirstPerformance: { met: 3, count: 4, share: 0.75 },
      withinTarget: null,
    });
  });

  it("counts a decision on the first performance day as too late", () => {
    expect(decisionFigures([{ submittedOn: "2025-06-01", decidedOn: "2025-06-14", outcome: "granted", firstDayOn: "2025-06-14" }]).beforeFirstPerformance).toEqual({
      met: 0,
      count: 1,
      share: 0,
    });
  });

  it("measures the working-day target with the council's closure days", () => {
    expect(decisionFigures(decisions.slice(0, 4), { workingDays: 5, closures: ["2026-03-04"] }).withinTarget).toEqual({ met: 2, count: 4, share: 0.5 });
    expect(decisionFigures(decisions.slice(0, 4), { workingDays: 5, closures: [] }).withinTarget).toEqual({ met: 1, count: 4, share: 0.25 });
  });

  it("has nothing to say about no decisions", () => {
    expect(decisionFigures([], { workingDays: 10, closures: [] })).toEqual({
      decided: 0,
      granted: 0,
      refused: 0,
      medianDays: null,
      beforeFirstPerformance: { met: 0, count: 0, share: null },
      withinTarget: { met: 0, count: 0, share: null },
    });
  });
});

describe("counting", () => {
  it("by month, by key and by identical text", () => {
    expect(countByMonth(["2025-04", "2025-05", "2025-06"], ["2025-04-01", "2025-06-30", "2025-06-01", "2025-07-01"])).toEqual([1, 0, 2]);
    expect(countBy(["education", "health", "welfare"], ["welfare", "education", "welfare", "other"])).toEqual({ education: 1, health: 0, welfare: 2 });
    expect(tally(["No tutor", " No  tutor ", "Hours too long", "", "No tutor"])).toEqual([
      { text: "No tutor", count: 3 },
      { text: "Hours too long", count: 1 },
    ]);
  });

  it("says what became of an application", () => {
    expect(["granted", "revoked", "ended", "refused", "withdrawn", "under-review", "submitted"].map(finalOutcome)).toEqual([
      "granted",
      "granted",
      "granted",
      "refused",
      "withdrawn",
      "open",
      "open",
    ]);
  });
});
