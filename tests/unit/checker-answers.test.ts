import { describe, expect, it } from "vitest";
import {
  afterAnswer,
  type CheckerAnswers,
  dateProblem,
  EMPTY_ANSWERS,
  firstUnanswered,
  fourDayCounts,
  MAX_DATES,
  nextStep,
  previousStep,
  toExemptionInput,
} from "~/ui/checker/answers";
import { normalisePostcode, postcodeSchema } from "~/ui/checker/schemas";

const complete: CheckerAnswers = {
  postcode: "",
  dateOfBirth: "2018-05-20",
  dates: ["2030-03-15", "2030-03-14"],
  performedBefore: false,
  earlierDates: ["2030-01-10"],
  paid: false,
  arrangedBySchool: false,
  organiserHoldsBopa: false,
  broadcast: false,
  absenceFromSchool: false,
};

describe("the checker's page order", () => {
  it("asks for the other days only after a yes", () => {
    expect(nextStep("performed-before", complete)).toBe("payment");
    expect(previousStep("payment", complete)).toBe("performed-before");
    const yes = { ...complete, performedBefore: true };
    expect(nextStep("performed-before", yes)).toBe("earlier-dates");
    expect(previousStep("payment", yes)).toBe("earlier-dates");
    expect(previousStep("where-does-the-child-live", yes)).toBeNull();
    expect(nextStep("time-off-school", yes)).toBeNull();
  });

  it("finds the first unanswered question, before a page or anywhere", () => {
    expect(firstUnanswered(EMPTY_ANSWERS)).toBe("where-does-the-child-live");
    expect(firstUnanswered({ ...EMPTY_ANSWERS, postcode: "" })).toBe("date-of-birth");
    expect(firstUnanswered(complete)).toBeNull();
    expect(firstUnanswered({ ...complete, performedBefore: true, earlierDates: [] })).toBe("earlier-dates");
    expect(firstUnanswered({ ...complete, paid: undefined }, "payment")).toBeNull();
    expect(firstUnanswered({ ...complete, paid: undefined }, "school")).toBe("payment");
  });

  it("goes on to the next question, or back to check your answers after a change", () => {
    expect(afterAnswer("payment", complete, false)).toBe("/check-if-a-licence-is-needed/school");
    expect(afterAnswer("time-off-school", complete, false)).toBe("/check-if-a-licence-is-needed/check-answers");
    expect(afterAnswer("payment", complete, true)).toBe("/check-if-a-licence-is-needed/check-answers");
    expect(afterAnswer("performed-before", { ...complete, performedBefore: true, earlierDates: [] }, true)).toBe(
      "/check-if-a-licence-is-needed/earlier-dates?from=check",
    );
  });
});

describe("dates on the add-another pages", () => {
  it("ignores a date already added, and refuses one before birth, outside the window or past the limit", () => {
    expect(dateProblem("dates", "2030-03-14", complete)).toBeUndefined();
    expect(dateProblem("dates", "2018-05-19", complete)).toBe("The date must be on or after the child's date of birth, Sun 20 May 2018");
    expect(dateProblem("earlierDates", "2029-09-14", complete)).toBeUndefined();
    expect(dateProblem("earlierDates", "2030-03-13", complete)).toBeUndefined();
    expect(dateProblem("earlierDates", "2029-09-13", complete)).toMatch(/^The date must be in the 6 months before Thu 14 March 2030/);
    expect(dateProblem("earlierDates", "2030-03-14", complete)).toMatch(/^The date must be in the 6 months before/);
    const full = { ...complete, dates: Array.from({ length: MAX_DATES }, (_, i) => `2030-04-${String((i % 28) + 1).padStart(2, "0")}`) };
    expect(dateProblem("dates", "2031-01-01", full)).toBe(`You can add up to ${MAX_DATES} dates`);
  });
});

describe("the answers as the exemption rules take them", () => {
  it("leaves out the other days when the answer was no, and counts each date's window", () => {
    expect(toExemptionInput(complete).previousPerformanceDates).toEqual([]);
    const input = toExemptionInput({ ...complete, performedBefore: true });
    expect(input).toEqual({
      child: { dateOfBirth: "2018-05-20" },
      performance: { dates: ["2030-03-14", "2030-03-15"], paid: false, absenceFromSchool: false, broadcast: false, organiserHoldsBopa: false, arrangedBySchool: false },
      previousPerformanceDates: ["2030-01-10"],
    });
    expect(fourDayCounts(input)).toEqual([
      { date: "2030-03-14", counted: ["2030-01-10"] },
      { date: "2030-03-15", counted: ["2030-01-10", "2030-03-14"] },
    ]);
  });

  it("skips dates after the school leaving date in the counts", () => {
    const input = toExemptionInput({ ...complete, dateOfBirth: "2014-01-01", dates: ["2030-06-20", "2030-07-01"] });
    expect(fourDayCounts(input).map((c) => c.date)).toEqual(["2030-06-20"]);
  });
});

describe("postcodes", () => {
  it("accepts a blank or real-looking postcode, written any way", () => {
    expect(normalisePostcode(" nm12ab ")).toBe("NM1 2AB");
    expect(normalisePostcode("sw1a 1aa")).toBe("SW1A 1AA");
    expect(postcodeSchema.safeParse({}).success).toBe(true);
    expect(postcodeSchema.safeParse({ postcode: "NM1 2AB" }).success).toBe(true);
    expect(postcodeSchema.safeParse({ postcode: "12345" }).success).toBe(false);
  });
});
