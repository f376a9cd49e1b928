import { describe, expect, it } from "vitest";
import { addDays, formatDay } from "~/domain/calendar/dates";

describe("formatDay", () => {
  const intl = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

  it("writes every day from 1990 to 2060 as Intl's en-GB long date with a short weekday", () => {
    for (let day = "1990-01-01"; day < "2061-01-01"; day = addDays(day, 1)) {
      expect(formatDay(day)).toBe(intl.format(new Date(`${day}T00:00:00Z`)).replace(",", ""));
    }
  });

  it("writes a day plainly", () => {
    expect(formatDay("2026-03-14")).toBe("Sat 14 March 2026");
    expect(formatDay("2028-02-29")).toBe("Tue 29 February 2028");
  });

  it("refuses what is not a date, as Intl did", () => {
    expect(() => formatDay("not a date")).toThrow(RangeError);
  });
});
