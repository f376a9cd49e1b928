import { isIsoDate } from "../calendar/dates";
import { BOPA_RULES, periodTooLong } from "./rules";

const { min: MIN_CHILDREN, max: MAX_CHILDREN } = BOPA_RULES["BOPA-CHILDREN"];
const { youngest: MIN_AGE, oldest: MAX_AGE } = BOPA_RULES["BOPA-AGES"];

/** Longest free-text answers. */
export const BOPA_TEXT_MAX = { performances: 2000, venues: 2000, chaperoneArrangements: 2000, name: 200, email: 254, phone: 30, reasons: 2000, conditions: 2000 } as const;

/** The apply form's messages, shared by the form (in the browser) and the verb (on the server). */
export const BOPA_MESSAGES = {
  organisationId: "Select the organisation applying",
  hostAuthorityId: "Select the council where the performances take place",
  performances: "Enter the performances or series",
  periodFromPast: "The start of the period must be today or in the future",
  periodToBeforeFrom: "The end of the period must be the same as or after the start",
  venues: "Enter the venues",
  childrenCount: "Enter the number of children",
  childrenCountWhole: "The number of children must be a whole number",
  childrenCountRange: `The number of children must be between ${MIN_CHILDREN} and ${MAX_CHILDREN}`,
  youngestAge: "Enter the age of the youngest child",
  oldestAge: "Enter the age of the oldest child",
  ageWhole: "The age must be a whole number",
  youngestRange: `The age of the youngest child must be between ${MIN_AGE} and ${MAX_AGE}`,
  oldestRange: `The age of the oldest child must be between ${MIN_AGE} and ${MAX_AGE}`,
  oldestBelowYoungest: "The age of the oldest child must be the same as or more than the age of the youngest child",
  safeguardingLeadName: "Enter the safeguarding lead’s full name",
  safeguardingLeadEmail: "Enter the safeguarding lead’s email address",
  safeguardingLeadEmailFormat: "Enter an email address in the correct format, like name@example.com",
  safeguardingLeadPhone: "Enter the safeguarding lead’s phone number",
  safeguardingLeadPhoneFormat: "Enter a phone number, like 01632 960 001 or 07700 900 982",
  policy: "Upload your child protection policy",
  riskAssessment: "Upload your risk assessment",
  chaperoneArrangements: "Enter how children will be chaperoned",
  noPaymentConfirmed: "Confirm that no child, or anyone for a child, will be paid beyond expenses",
} as const;

export const isWholeNumber = (value: string) => /^\d{1,4}$/.test(value.trim());
export const childrenCountInRange = (n: number) => n >= MIN_CHILDREN && n <= MAX_CHILDREN;
export const ageInRange = (n: number) => n >= MIN_AGE && n <= MAX_AGE;
export const isPhoneNumber = (value: string) => /^\+?[\d\s()-]+$/.test(value.trim()) && value.replace(/\D/g, "").length >= 10 && value.replace(/\D/g, "").length <= 15;
export const isEmailAddress = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());

export type BopaAnswers = {
  organisationId: string;
  hostAuthorityId: string;
  performances: string;
  periodFrom: string;
  periodTo: string;
  venues: string;
  childrenCount: number;
  youngestAge: number;
  oldestAge: number;
  safeguardingLeadName: string;
  safeguardingLeadEmail: string;
  safeguardingLeadPhone: string;
  policyUploadId: string | null;
  riskAssessmentUploadId: string | null;
  chaperoneArrangements: string;
  noPaymentConfirmed: boolean;
};

/**
 * Every rule the answers break, by form field (dates against their day input), given today and the host
 * authority's longest period. Pure: the verb runs it on the server, whatever the browser checked.
 */
export function checkBopaAnswers(a: BopaAnswers, today: string, maxMonths: number): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const add = (field: string, message: string) => {
    errors[field] ??= [];
    errors[field].push(message);
  };
  const text = (field: keyof typeof BOPA_MESSAGES & keyof BopaAnswers, value: string, max: number) => {
    if (!value?.trim()) add(field, BOPA_MESSAGES[field]);
    else if (value.trim().length > max) add(field, `Must be ${max} characters or fewer`);
  };
  if (!a.organisationId) add("organisationId", BOPA_MESSAGES.organisationId);
  if (!a.hostAuthorityId) add("hostAuthorityId", BOPA_MESSAGES.hostAuthorityId);
  text("performances", a.performances, BOPA_TEXT_MAX.performances);
  if (!isIsoDate(a.periodFrom ?? "")) add("periodFromDay", "Enter the start of the period");
  else if (a.periodFrom < today) add("periodFromDay", BOPA_MESSAGES.periodFromPast);
  if (!isIsoDate(a.periodTo ?? "")) add("periodToDay", "Enter the end of the period");
  else if (isIsoDate(a.periodFrom ?? "")) {
    if (a.periodTo < a.periodFrom) add("periodToDay", BOPA_MESSAGES.periodToBeforeFrom);
    else {
      const tooLong = periodTooLong(a.periodFrom, a.periodTo, maxMonths);
      if (tooLong) add("periodToDay", tooLong);
    }
  }
  text("venues", a.venues, BOPA_TEXT_MAX.venues);
  if (!Number.isInteger(a.childrenCount) || !childrenCountInRange(a.childrenCount)) add("childrenCount", BOPA_MESSAGES.childrenCountRange);
  const youngestOk = Number.isInteger(a.youngestAge) && ageInRange(a.youngestAge);
  const oldestOk = Number.isInteger(a.oldestAge) && ageInRange(a.oldestAge);
  if (!youngestOk) add("youngestAge", BOPA_MESSAGES.youngestRange);
  if (!oldestOk) add("oldestAge", BOPA_MESSAGES.oldestRange);
  if (youngestOk && oldestOk && a.oldestAge < a.youngestAge) add("oldestAge", BOPA_MESSAGES.oldestBelowYoungest);
  text("safeguardingLeadName", a.safeguardingLeadName, BOPA_TEXT_MAX.name);
  if (!a.safeguardingLeadEmail?.trim()) add("safeguardingLeadEmail", BOPA_MESSAGES.safeguardingLeadEmail);
  else if (a.safeguardingLeadEmail.trim().length > BOPA_TEXT_MAX.email || !isEmailAddress(a.safeguardingLeadEmail)) {
    add("safeguardingLeadEmail", BOPA_MESSAGES.safeguardingLeadEmailFormat);
  }
  if (!a.safeguardingLeadPhone?.trim()) add("safeguardingLeadPhone", BOPA_MESSAGES.safeguardingLeadPhone);
  else if (!isPhoneNumber(a.safeguardingLeadPhone)) add("safeguardingLeadPhone", BOPA_MESSAGES.safeguardingLeadPhoneFormat);
  if (!a.policyUploadId) add("policy", BOPA_MESSAGES.policy);
  if (!a.riskAssessmentUploadId) add("riskAssessment", BOPA_MESSAGES.riskAssessment);
  text("chaperoneArrangements", a.chaperoneArrangements, BOPA_TEXT_MAX.chaperoneArrangements);
  if (a.noPaymentConfirmed !== true) add("noPaymentConfirmed", BOPA_MESSAGES.noPaymentConfirmed);
  return errors;
}
