import { describe, expect, it } from "vitest";
import { DEMO_TERMS_2026_27 } from "#db/factories-licences";
import { checkScheduleDay, educationProblems, isProducerPartComplete, normaliseTime, producerSections } from "~/domain/licences/producerRules";
import { countSchoolDays, isSchoolDay, overlappingTerm } from "~/domain/terms/schoolDays";

describe("times as typed", () => {
  it.each([
    ["7:00", "07:00"],
    ["07.30", "07:30"],
    ["1930", "19:30"],
    [" 23:59 ", "23:59"],
    ["24:00", null],
    ["7pm", null],
    ["19:6", null],
    ["", null],
  ])("%s → %s", (typed, time) => expect(normaliseTime(typed)).toBe(time));
});

describe("checkScheduleDay", () => {
  const production = { firstDate: "2027-03-01", lastDate: "2027-03-31" };
  const day = { date: "2027-03-13", kind: "performance", arrive: "17:30", depart: "21:00", performing: [{ start: "19:00", end: "20:30" }], breaks: [] };
  it("sorts the periods and leaves out blank ones", () => {
    const { value } = checkScheduleDay(
      { ...day, performing: [{ start: "20:00", end: "20:30" }, { start: "", end: "" }, { start: "18:00", end: "19:00" }], breaks: [{ start: "19:10", end: "19:40", kind: "meal" }] },
      production,
    );
    expect(value).toEqual({ ...day, performing: [{ start: "18:00", end: "19:00" }, { start: "20:00", end: "20:30" }], breaks: [{ start: "19:10", end: "19:40", kind: "meal" }] });
  });
  it("names each field that is wrong, all at once", () => {
    const { errors, value } = checkScheduleDay({ ...day, date: "", kind: "", depart: "17:00", performing: [{ start: "19:00", end: "" }], breaks: [{ start: "", end: "", kind: "rest" }] }, production);
    expect(value).toBeNull();
    expect(errors).toEqual({
      dateDay: ["Enter the date"],
      kind: ["Select whether the child is performing or rehearsing"],
      depart: ["The time the child leaves must be after the time they arrive"],
      performing0End: ["Enter when performing or rehearsing period 1 ends on the 24-hour clock, like 20:30"],
      break0Start: ["Enter when break 1 starts on the 24-hour clock, like 19:00"],
      break0End: ["Enter when break 1 ends on the 24-hour clock, like 20:30"],
    });
  });
});

describe("EDU-TUTOR", () => {
  const ok = { tutorName: "Tess Tutor", tutorHoursPerDay: 3, pupilsPerTutor: 6, similarStandard: false };
  it("accepts 3 hours a school day and 6 pupils, or 12 of a similar standard", () => {
    expect(educationProblems(ok)).toEqual({});
    expect(educationProblems({ ...ok, pupilsPerTutor: 12, similarStandard: true })).toEqual({});
  });
  it("names the rule, the limit and what was entered", () => {
    expect(educationProblems({ ...ok, tutorHoursPerDay: 2, pupilsPerTutor: 7 })).toEqual({
      tutorHoursPerDay: ["The child must be taught for at least 3 hours for each school day missed (EDU-TUTOR); you entered 2"],
      pupilsPerTutor: ["A tutor may teach at most 6 pupils at once, or 12 of a similar standard (EDU-TUTOR); you entered 7"],
    });
    expect(educationProblems({ tutorName: "", tutorHoursPerDay: null, pupilsPerTutor: null, similarStandard: false })).toEqual({
      tutorName: ["Enter the tutor's name"],
      tutorHoursPerDay: ["Enter the hours of teaching for each school day missed"],
      pupilsPerTutor: ["Enter how many pupils the tutor teaches at once"],
    });
  });
});

describe("producerSections", () => {
  const done = {
    days: 2,
    blockingFindings: 0,
    nightWorkFindings: 0,
    nightWorkReasons: false,
    paid: false,
    schoolDaysMissed: 0,
    educationStarted: false,
    educationComplete: false,
    chaperonesChosen: 2,
    chaperonesValid: 2,
    contract: true,
  };
  it("is complete with every section done, education only when school is missed", () => {
    const sections = producerSections(done);
    expect(sections).toEqual({ schedule: "Completed", payment: "Completed", education: null, chaperones: "Completed", contract: "Completed" });
    expect(isProducerPartComplete(sections)).toBe(true);
    expect(producerSections({ ...done, schoolDaysMissed: 1 }).education).toBe("Not started");
    expect(isProducerPartComplete(producerSections({ ...done, schoolDaysMissed: 1 }))).toBe(false);
  });
  it("is held back by a breach, or night work without reasons, but not by night work with reasons", () => {
    expect(producerSections({ ...done, blockingFindings: 1 }).schedule).toBe("In progress");
    expect(producerSections({ ...done, nightWorkFindings: 1 }).schedule).toBe("In progress");
    expect(producerSections({ ...done, nightWorkFindings: 1, nightWorkReasons: true }).schedule).toBe("Completed");
    expect(producerSections({ ...done, chaperonesValid: 1 }).chaperones).toBe("In progress");
    expect(producerSections({ ...done, days: 0, chaperonesChosen: 0, chaperonesValid: 0 })).toMatchObject({ schedule: "Not started", chaperones: "Cannot start yet" });
  });
});

describe("school days", () => {
  it("are weekdays within a term, not bank holidays", () => {
    expect(isSchoolDay("2027-03-03", DEMO_TERMS_2026_27)).toBe(true); // Wednesday, spring term 2
    expect(isSchoolDay("2027-03-06", DEMO_TERMS_2026_27)).toBe(false); // Saturday
    expect(isSchoolDay("2027-02-16", DEMO_TERMS_2026_27)).toBe(false); // half-term
    expect(isSchoolDay("2027-05-03", DEMO_TERMS_2026_27)).toBe(false); // early May bank holiday, in summer term 1
    expect(isSchoolDay("2027-03-03", [])).toBe(false);
    expect(countSchoolDays(["2027-03-01", "2027-03-02", "2027-03-06", "2027-03-01"], DEMO_TERMS_2026_27)).toBe(2);
  });
  it("the demo terms do not overlap and cover the school year", () => {
    DEMO_TERMS_2026_27.forEach((term, i) => {
      expect(term.startDate <= term.endDate).toBe(true);
      expect(overlappingTerm(term.startDate, term.endDate, DEMO_TERMS_2026_27.filter((_, j) => j !== i))).toBeUndefined();
    });
    expect(DEMO_TERMS_2026_27[0].startDate).toBe("2026-09-02");
    expect(DEMO_TERMS_2026_27.at(-1)?.endDate).toBe("2027-07-21");
  });
});
