import { describe, expect, it } from "vitest";
import { formatClosureDays, parseClosureDays } from "~/domain/settings/choices";
import { LADO_RULES, ladoFigures, meetsThreshold, OUTCOMES, referralClock, referralDueOn, resolvedWithin, retentionReviewOn } from "~/domain/safeguarding/rules";

describe("LADO-THRESHOLD", () => {
  it("is met by any of the four categories, and by nothing else", () => {
    expect(meetsThreshold(["harm"])).toBe(true);
    expect(meetsThreshold(["unsuitable", "offence"])).toBe(true);
    expect(meetsThreshold([])).toBe(false);
    expect(meetsThreshold(["rudeness"])).toBe(false);
  });
});

describe("LADO-1WD, the working-day clock", () => {
  it("is due by the end of the next working day", () => {
    expect(referralDueOn("2026-12-07")).toBe("2026-12-08"); // Monday → Tuesday
    expect(referralDueOn("2026-12-11")).toBe("2026-12-14"); // Friday → Monday
    expect(referralDueOn("2026-12-12")).toBe("2026-12-14"); // Saturday → Monday
  });

  it("skips a bank holiday weekend and the council's own closure days", () => {
    // Thursday 24 December 2026 → Friday 25 (Christmas) and Monday 28 (Boxing Day substitute) are holidays → Tuesday 29
    expect(referralDueOn("2026-12-24")).toBe("2026-12-29");
    // Easter 2027: Thursday 25 March → Good Friday and Easter Monday → Tuesday 30 March
    expect(referralDueOn("2027-03-25")).toBe("2027-03-30");
    expect(referralDueOn("2026-12-29", ["2026-12-30", "2026-12-31"])).toBe("2027-01-04");
  });

  it("says where the clock stands, and how it ended", () => {
    const received = "2026-12-24";
    expect(referralClock(received, "2026-12-24", null)).toEqual({ dueOn: "2026-12-29", state: "due", label: "Due by the end of the next working day" });
    expect(referralClock(received, "2026-12-29", null).state).toBe("due-today");
    expect(referralClock(received, "2026-12-30", null).state).toBe("overdue");
    expect(referralClock(received, "2026-12-30", "2026-12-29").state).toBe("met");
    expect(referralClock(received, "2026-12-30", "2026-12-30").state).toBe("missed");
  });
});

describe("LADO-RESOLUTION and LADO-OUTCOME", () => {
  it("counts calendar months from receipt, clamped to the month's end", () => {
    expect(resolvedWithin("2026-01-31", "2026-02-28", 1)).toBe(true);
    expect(resolvedWithin("2026-01-31", "2026-03-01", 1)).toBe(false);
    expect(resolvedWithin("2026-01-15", "2026-04-15", 3)).toBe(true);
    expect(resolvedWithin("2026-01-15", "2026-04-16", 3)).toBe(false);
  });

  it("lifts holds on every outcome but substantiated, and removes false and malicious ones from the licensing record", () => {
    const effects = LADO_RULES["LADO-OUTCOME"].effects;
    expect(OUTCOMES.filter((o) => effects[o].holds === "lift")).toEqual(["false", "malicious", "unsubstantiated", "unfounded"]);
    expect(OUTCOMES.filter((o) => effects[o].licensingRecord === "remove")).toEqual(["false", "malicious"]);
    expect(OUTCOMES.filter((o) => effects[o].promptRevoke)).toEqual(["substantiated"]);
  });
});

describe("LADO-RETENTION", () => {
  it("keeps the record to normal retirement age or for 10 years from the allegation, whichever is later", () => {
    expect(retentionReviewOn("2026-12-07", "1990-05-01")).toBe("2057-05-01"); // 67th birthday
    expect(retentionReviewOn("2026-12-07", "1962-05-01")).toBe("2036-12-07"); // 10 years
    expect(retentionReviewOn("2026-12-07", null)).toBe("2036-12-07");
    expect(retentionReviewOn("2024-02-29", "1960-01-01")).toBe("2034-02-28");
  });
});

describe("closure days as an admin types them", () => {
  it("reads one date a line (DD/MM/YYYY or YYYY-MM-DD), sorts them, drops repeats and names a line that is not a date", () => {
    expect(parseClosureDays("30/12/2026\n29/12/2026\r\n\n2026-12-29, 31/12/2026")).toEqual({ dates: ["2026-12-29", "2026-12-30", "2026-12-31"] });
    expect(parseClosureDays("")).toEqual({ dates: [] });
    expect(parseClosureDays("29/12/2026\n31/02/2027")).toEqual({ error: "“31/02/2027” is not a real date: enter each date like 24/12/2026" });
    expect(parseClosureDays("next Tuesday")).toEqual({ error: "“next Tuesday” is not a real date: enter each date like 24/12/2026" });
    expect(formatClosureDays(["2026-12-29", "2027-01-04"])).toBe("29/12/2026\n04/01/2027");
  });
});

describe("the LADO's figures", () => {
  it("counts referrals in time, and resolutions once they are due or done", () => {
    const rows = [
      { receivedOn: "2026-08-03", dueOn: "2026-08-04", referredOn: "2026-08-04", resolvedOn: "2026-08-20" },
      { receivedOn: "2026-09-01", dueOn: "2026-09-02", referredOn: "2026-09-07", resolvedOn: "2026-11-15" },
      { receivedOn: "2026-11-20", dueOn: "2026-11-23", referredOn: "2026-11-23", resolvedOn: null },
      { receivedOn: "2026-08-10", dueOn: "2026-08-11", referredOn: "2026-08-11", resolvedOn: null },
    ];
    expect(ladoFigures(rows, "2026-12-07")).toEqual({
      referredWithinOneWorkingDay: { count: 4, met: 3, share: 0.75 },
      resolvedWithinOneMonth: { count: 3, met: 1, share: 1 / 3 },
      resolvedWithinThreeMonths: { count: 3, met: 2, share: 2 / 3 },
    });
    expect(ladoFigures([], "2026-12-07").referredWithinOneWorkingDay).toEqual({ count: 0, met: 0, share: null });
  });
});
