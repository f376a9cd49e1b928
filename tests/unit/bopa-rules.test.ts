import { describe, expect, it } from "vitest";
import { type BopaAnswers, checkBopaAnswers } from "~/domain/bopa/checks";
import { isLateApplication, latestPeriodEnd, periodTooLong } from "~/domain/bopa/rules";
import { assertTransition, BOPA_TRANSITIONS } from "~/domain/bopa/states";
import { RuleError } from "~/domain/errors";

const TODAY = "2026-11-23";

const answers = (overrides: Partial<BopaAnswers> = {}): BopaAnswers => ({
  organisationId: "org",
  hostAuthorityId: "host",
  performances: "Summer season",
  periodFrom: "2027-01-10",
  periodTo: "2027-06-30",
  venues: "The Playhouse",
  childrenCount: 20,
  youngestAge: 8,
  oldestAge: 14,
  safeguardingLeadName: "Sam Safeguard",
  safeguardingLeadEmail: "sam@example.com",
  safeguardingLeadPhone: "01632 960 001",
  policyUploadId: "p",
  riskAssessmentUploadId: "r",
  chaperoneArrangements: "Two chaperones",
  noPaymentConfirmed: true,
  ...overrides,
});

describe("BOPA-PERIOD", () => {
  it("allows up to the authority's number of months, ending the day before the same date", () => {
    expect(latestPeriodEnd("2027-01-01", 12)).toBe("2027-12-31");
    expect(latestPeriodEnd("2027-08-31", 6)).toBe("2028-02-28");
    expect(periodTooLong("2027-01-01", "2027-12-31", 12)).toBeUndefined();
    expect(periodTooLong("2027-01-01", "2028-01-01", 12)).toBe("The approval can cover up to 12 months");
    expect(periodTooLong("2027-01-01", "2027-07-01", 6)).toBe("The approval can cover up to 6 months");
  });
});

describe("BOPA-21", () => {
  it("flags a first performance less than 21 days away", () => {
    expect(isLateApplication("2026-12-13", TODAY)).toBe(true);
    expect(isLateApplication("2026-12-14", TODAY)).toBe(false);
    expect(isLateApplication(TODAY, TODAY)).toBe(true);
  });
});

describe("checkBopaAnswers", () => {
  it("accepts a complete application", () => {
    expect(checkBopaAnswers(answers(), TODAY, 12)).toEqual({});
  });

  it("names every broken rule against its field", () => {
    const errors = checkBopaAnswers(
      answers({
        periodFrom: "2026-11-22",
        periodTo: "2026-11-21",
        childrenCount: 0,
        youngestAge: 3,
        oldestAge: 17,
        safeguardingLeadEmail: "not-an-email",
        safeguardingLeadPhone: "12",
        policyUploadId: null,
        riskAssessmentUploadId: null,
        noPaymentConfirmed: false,
        venues: " ",
      }),
      TODAY,
      12,
    );
    expect(errors).toEqual({
      periodFromDay: ["The start of the period must be today or in the future"],
      periodToDay: ["The end of the period must be the same as or after the start"],
      venues: ["Enter the venues"],
      childrenCount: ["The number of children must be between 1 and 500"],
      youngestAge: ["The age of the youngest child must be between 4 and 16"],
      oldestAge: ["The age of the oldest child must be between 4 and 16"],
      safeguardingLeadEmail: ["Enter an email address in the correct format, like name@example.com"],
      safeguardingLeadPhone: ["Enter a phone number, like 01632 960 001 or 07700 900 982"],
      policy: ["Upload your child protection policy"],
      riskAssessment: ["Upload your risk assessment"],
      noPaymentConfirmed: ["Confirm that no child, or anyone for a child, will be paid beyond expenses"],
    });
  });

  it("wants the oldest at least as old as the youngest, and the period within the authority's months", () => {
    expect(checkBopaAnswers(answers({ youngestAge: 12, oldestAge: 11 }), TODAY, 12)).toEqual({
      oldestAge: ["The age of the oldest child must be the same as or more than the age of the youngest child"],
    });
    expect(checkBopaAnswers(answers({ youngestAge: 12, oldestAge: 12 }), TODAY, 12)).toEqual({});
    expect(checkBopaAnswers(answers({ periodFrom: "2027-01-10", periodTo: "2027-07-10" }), TODAY, 6)).toEqual({
      periodToDay: ["The approval can cover up to 6 months"],
    });
  });
});

describe("BOPA transitions", () => {
  it("grants or refuses only a submitted application, and revokes only a granted one", () => {
    expect(assertTransition("submitted", "grant")).toBe("granted");
    expect(assertTransition("submitted", "refuse")).toBe("refused");
    expect(assertTransition("granted", "revoke")).toBe("revoked");
    expect(() => assertTransition("granted", "grant")).toThrow(RuleError);
    expect(() => assertTransition("refused", "revoke")).toThrow("This application’s status is refused: it cannot be revoked now");
    expect(() => assertTransition("revoked", "refuse")).toThrow(RuleError);
    expect(Object.keys(BOPA_TRANSITIONS).sort()).toEqual(["grant", "refuse", "revoke"]);
  });
});
