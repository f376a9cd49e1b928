import { describe, expect, it } from "vitest";
import { consultationClock, timeLeft, workingDaysBetween } from "~/domain/schools/consultationClock";

// Fri 20 November 2026 is the due date; 28 December 2026 is a bank holiday (Boxing Day substitute).
const DUE = "2026-11-20";

describe("consultationClock (SCHOOL-DEADLINE, visible to all parties)", () => {
  it.each([
    ["2026-11-13", "Due in 5 working days"], // the Friday before
    ["2026-11-14", "Due in 5 working days"], // Saturday: the weekend doesn't count
    ["2026-11-17", "Due in 3 working days"],
    ["2026-11-19", "Due in 1 working day"],
  ])("on %s: %s", (today, label) => {
    expect(consultationClock(DUE, today, null)).toEqual({ label, overdue: false });
  });

  it("is due today on the due date, and overdue after it", () => {
    expect(consultationClock(DUE, DUE, null)).toEqual({ label: "Due today", overdue: false });
    expect(consultationClock(DUE, "2026-11-21", null)).toEqual({ label: "Overdue", overdue: true }); // the Saturday after
    expect(consultationClock(DUE, "2026-11-23", null)).toEqual({ label: "Overdue by 1 working day", overdue: true });
    expect(consultationClock(DUE, "2026-11-24", null)).toEqual({ label: "Overdue by 2 working days", overdue: true });
  });

  it("skips bank holidays", () => {
    expect(workingDaysBetween("2026-12-24", "2026-12-29")).toBe(1); // Fri 25 and Mon 28 are bank holidays
    expect(consultationClock("2026-12-29", "2026-12-24", null).label).toBe("Due in 1 working day");
  });

  it("says when the school answered, late or not, in London time", () => {
    expect(consultationClock(DUE, "2026-12-01", new Date("2026-11-24T23:30:00Z"))).toEqual({ label: "Answered on 24 November 2026", overdue: false });
    expect(consultationClock(DUE, "2026-12-01", "2026-06-01T23:30:00.000Z")).toEqual({ label: "Answered on 2 June 2026", overdue: false });
  });

  it("puts the school's time left in its own words", () => {
    expect(timeLeft(DUE, "2026-11-17")).toBe("3 working days left");
    expect(timeLeft(DUE, "2026-11-19")).toBe("1 working day left");
    expect(timeLeft(DUE, DUE)).toBe("Due today");
    expect(timeLeft(DUE, "2026-11-23")).toBe("Overdue");
  });
});
