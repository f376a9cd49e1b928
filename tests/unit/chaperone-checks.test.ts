import { describe, expect, it } from "vitest";
import { daysBetween } from "~/domain/calendar/dates";
import { CHECK_NAMES, coversPeriod, isSatisfactory, missingForGrant } from "~/domain/chaperones/checks";

const record = (outcome: string) => ({ outcome, by: "Olive Officer", at: "2026-11-23T10:00:00.000Z" });
const allSatisfactory = { identity: record("seen"), dbs: record("disclosed-acceptable"), interview: { ...record("passed"), date: "2026-11-20" }, training: record("confirmed") };
const referees = [
  { name: "Rita Referee", responded: true, judgement: "satisfactory" as const },
  { name: "Rob Referee", responded: true, judgement: "satisfactory" as const },
];

describe("missingForGrant", () => {
  it("is empty when every check and both references are satisfactory", () => {
    expect(missingForGrant(allSatisfactory, referees)).toEqual([]);
  });

  it("names each missing or unsatisfactory check and reference, in page order", () => {
    expect(
      missingForGrant({ dbs: record("unsatisfactory"), interview: record("passed") }, [
        { name: "Rita Referee", responded: false, judgement: null },
        { name: "Rob Referee", responded: true, judgement: null },
      ]),
    ).toEqual(["Record the identity check", "The enhanced DBS check is not satisfactory", "Record the training check", "Wait for the reference from Rita Referee", "Judge the reference from Rob Referee"]);
    expect(missingForGrant(allSatisfactory, [{ ...referees[0], judgement: "unsatisfactory" }])).toEqual([
      "The reference from Rita Referee is not satisfactory",
      "The application needs 2 referees",
    ]);
  });

  it("treats an outcome it does not know as unsatisfactory", () => {
    expect(CHECK_NAMES.every((name) => isSatisfactory(name, allSatisfactory[name]))).toBe(true);
    expect(isSatisfactory("dbs", record("passed"))).toBe(false);
    expect(isSatisfactory("dbs", undefined)).toBe(false);
  });
});

describe("coversPeriod", () => {
  const licence = { status: "valid", validFrom: "2026-12-01", validTo: "2029-11-30" };
  it("is true only for a valid licence whose dates include both ends", () => {
    expect(coversPeriod(licence, "2026-12-01", "2029-11-30")).toBe(true);
    expect(coversPeriod(licence, "2026-11-30", "2026-12-05")).toBe(false);
    expect(coversPeriod(licence, "2029-11-30", "2029-12-01")).toBe(false);
    expect(coversPeriod({ ...licence, status: "suspended" }, "2027-01-01", "2027-01-01")).toBe(false);
  });
});

describe("daysBetween", () => {
  it("counts calendar days across the clocks changing", () => {
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
    expect(daysBetween("2026-10-24", "2026-10-26")).toBe(2);
    expect(daysBetween("2026-11-23", "2026-11-23")).toBe(0);
  });
});
