import { describe, expect, it } from "vitest";
import { addWorkingDays, BANK_HOLIDAYS_ENGLAND_AND_WALES, isWorkingDay } from "~/domain/calendar/workingDays";

describe("isWorkingDay", () => {
  it("is Monday to Friday, not a bank holiday or a closure", () => {
    expect(isWorkingDay("2026-11-23")).toBe(true); // Monday
    expect(isWorkingDay("2026-11-27")).toBe(true); // Friday
    expect(isWorkingDay("2026-11-28")).toBe(false); // Saturday
    expect(isWorkingDay("2026-11-29")).toBe(false); // Sunday
    expect(isWorkingDay("2026-12-25")).toBe(false); // Christmas Day, a Friday
    expect(isWorkingDay("2026-12-28")).toBe(false); // Boxing Day's substitute, a Monday
    expect(isWorkingDay("2026-11-24", ["2026-11-24"])).toBe(false);
  });

  it("lists 8 bank holidays a year, each on a weekday", () => {
    for (const [year, dates] of Object.entries(BANK_HOLIDAYS_ENGLAND_AND_WALES)) {
      expect(dates).toHaveLength(8);
      for (const date of dates) {
        expect(date.slice(0, 4)).toBe(year);
        expect([0, 6]).not.toContain(new Date(`${date}T00:00:00Z`).getUTCDay());
      }
    }
  });
});

describe("addWorkingDays", () => {
  it("skips the weekend", () => {
    expect(addWorkingDays("2026-11-20", 1)).toBe("2026-11-23"); // Friday → Monday
    expect(addWorkingDays("2026-11-20", 5)).toBe("2026-11-27"); // Friday → next Friday
    expect(addWorkingDays("2026-11-25", 5)).toBe("2026-12-02"); // Wednesday → next Wednesday
    // counted from a Saturday: Monday is the first working day
    expect(addWorkingDays("2026-11-21", 1)).toBe("2026-11-23");
    expect(addWorkingDays("2026-11-23", 0)).toBe("2026-11-23");
  });

  it("skips Christmas Day and Boxing Day 2026 (Boxing Day's substitute is Monday 28 December)", () => {
    // Thu 24 Dec: Fri 25 (holiday), Sat, Sun, Mon 28 (substitute), then Tue 29 … Mon 4 Jan 2027 (Fri 1 Jan is New Year's Day)
    expect(addWorkingDays("2026-12-24", 1)).toBe("2026-12-29");
    expect(addWorkingDays("2026-12-24", 5)).toBe("2027-01-05");
  });

  it("skips Easter 2027 (Good Friday 26 March, Easter Monday 29 March)", () => {
    expect(addWorkingDays("2027-03-25", 1)).toBe("2027-03-30");
    expect(addWorkingDays("2027-03-23", 5)).toBe("2027-04-01");
  });

  it("skips a council's own closures", () => {
    expect(addWorkingDays("2026-11-23", 2, ["2026-11-24"])).toBe("2026-11-26");
  });
});
