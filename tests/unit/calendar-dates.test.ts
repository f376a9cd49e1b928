import { describe, expect, it } from "vitest";
import { addDays, formatDate, formatDay, formatMoment, formatMomentDate } from "~/domain/calendar/dates";

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

describe("formatDate", () => {
  it("writes a day as GOV.UK does, and gives back anything else as it is", () => {
    expect(formatDate("2015-03-14")).toBe("14 March 2015");
    expect(formatDate("2026-12-01")).toBe("1 December 2026");
    expect(formatDate("soon")).toBe("soon");
    expect(formatDate("2026-13-01")).toBe("2026-13-01");
  });
});

describe("formatMoment and formatMomentDate", () => {
  it("write a timestamp as it fell in London, in summer time and out of it", () => {
    expect(formatMoment("2026-07-01T17:30:00Z")).toBe("1 Jul 2026, 18:30");
    expect(formatMoment(new Date("2026-12-01T17:30:00Z"))).toBe("1 Dec 2026, 17:30");
    expect(formatMomentDate("2026-03-31T23:30:00Z")).toBe("1 April 2026");
    expect(formatMomentDate("2026-12-31T23:30:00Z")).toBe("31 December 2026");
  });
});
