import { addDays, addMonths, ageOn, daysBetween } from "../calendar/dates";

/**
 * Chaperone approval rules (DOMAIN.md §3, CHAPLIC-*). Pure functions over plain values: pass `today` in.
 */
export const CHAPERONE_RULES = {
  "CHAPLIC-AGE": { minimumAge: 18, source: "Children (Performances and Activities) (England) Regulations 2014 reg 20; council guidance" },
  "CHAPLIC-DBS-NUMBER": { digits: 12, source: "DBS certificate numbers are 12 digits" },
  "CHAPLIC-DBS-RECENT": { months: 3, source: "Enhanced DBS with children's barred list, issued within 3 months or on the Update Service (local)" },
  "CHAPLIC-REFEREES": { count: 2, source: "Two references (local)" },
  "CHAPLIC-REFERENCE-LINK": { days: 14, source: "A referee's emailed link works for 14 days (service standard)" },
  "CHAPLIC-PHOTO": { maxBytes: 5 * 1024 * 1024, types: ["image/jpeg", "image/png"], source: "Photo ID card (local)" },
  "CHAPLIC-DOCUMENT-UPLOAD": { maxBytes: 10 * 1024 * 1024, types: ["image/jpeg", "image/png", "application/pdf"], source: "Scans of identity documents and certificates (service standard)" },
  "CHAPLIC-IDENTITY": { documents: 3, source: "Identity: 3 documents (local); at least 1 uploaded, the rest seen at interview" },
  "CHAPLIC-VALIDITY": { defaultYears: 3, source: "Valid 3 years by default (authority setting)" },
  "CHAPLIC-REPORT": { days: 7, source: "Changes reported within 7 days" },
  "CHAPLIC-REMINDERS": { daysBefore: [90, 30, 7], source: "Renewal reminders (service standard)" },
} as const;

export { addDays, addMonths };

export type Finding = { rule: keyof typeof CHAPERONE_RULES; field: string; message: string };

export function checkAge(dateOfBirth: string, today: string): Finding[] {
  const min = CHAPERONE_RULES["CHAPLIC-AGE"].minimumAge;
  if (dateOfBirth > today) return [{ rule: "CHAPLIC-AGE", field: "dateOfBirth", message: "Date of birth must be in the past" }];
  if (ageOn(dateOfBirth, today) < min) {
    return [{ rule: "CHAPLIC-AGE", field: "dateOfBirth", message: `You must be ${min} or over to be a chaperone` }];
  }
  return [];
}

export function checkDbsNumber(number: string): Finding[] {
  const digits = CHAPERONE_RULES["CHAPLIC-DBS-NUMBER"].digits;
  return new RegExp(`^\\d{${digits}}$`).test(number.replace(/\s+/g, ""))
    ? []
    : [{ rule: "CHAPLIC-DBS-NUMBER", field: "dbsCertificateNumber", message: `DBS certificate number must be ${digits} digits` }];
}

/** Issued within 3 months of today, or on the Update Service with consent to status checks. */
export function checkDbsCurrency(dbs: { issueDate: string; onUpdateService: boolean; consent: boolean }, today: string): Finding[] {
  if (dbs.issueDate > today) return [{ rule: "CHAPLIC-DBS-RECENT", field: "dbsIssueDate", message: "The DBS issue date must be today or in the past" }];
  if (dbs.onUpdateService) {
    return dbs.consent
      ? []
      : [{ rule: "CHAPLIC-DBS-RECENT", field: "dbsConsentToStatusCheck", message: "Give consent for the council to check your DBS certificate on the Update Service" }];
  }
  const months = CHAPERONE_RULES["CHAPLIC-DBS-RECENT"].months;
  if (dbs.issueDate < addMonths(today, -months)) {
    return [
      {
        rule: "CHAPLIC-DBS-RECENT",
        field: "dbsIssueDate",
        message: `Your DBS certificate must have been issued in the last ${months} months, unless it is on the DBS Update Service`,
      },
    ];
  }
  return [];
}

export function checkReferees(referees: { name: string; email: string }[], applicantEmail: string): Finding[] {
  const findings: Finding[] = [];
  const emails = referees.map((r) => r.email.trim().toLowerCase());
  if (emails[0] && emails[0] === emails[1]) findings.push({ rule: "CHAPLIC-REFEREES", field: "referee2Email", message: "Your 2 referees must have different email addresses" });
  emails.forEach((e, i) => {
    if (e && e === applicantEmail.trim().toLowerCase()) {
      findings.push({ rule: "CHAPLIC-REFEREES", field: `referee${i + 1}Email`, message: "A referee cannot be you" });
    }
  });
  return findings;
}

/** The licence period: from `start` for the authority's number of years, ending the day before the anniversary. */
export function licencePeriod(start: string, years: number = CHAPERONE_RULES["CHAPLIC-VALIDITY"].defaultYears) {
  return { validFrom: start, validTo: addDays(addMonths(start, years * 12), -1) };
}

/** Which reminder is due on `today` for a licence ending `validTo`: 90, 30 or 7 days before, or none. */
export function reminderDue(validTo: string, today: string): number | null {
  const due = CHAPERONE_RULES["CHAPLIC-REMINDERS"].daysBefore.filter((days) => addDays(validTo, -days) <= today && today <= validTo);
  return due.length ? Math.min(...due) : null;
}

/** A renewal can be started this many months before the current approval ends (a grant may start at most 6 months ahead). */
const RENEWAL_OPENS_MONTHS = 6;

/** When a renewal of an approval ending on `validTo` may be started, and the date the new approval would start. */
export function renewalWindow(validTo: string) {
  return { opensOn: addMonths(validTo, -RENEWAL_OPENS_MONTHS), newStartsOn: addDays(validTo, 1) };
}

/** A change reported more than CHAPLIC-REPORT's 7 days after it happened is late (accepted, but flagged to the officer). */
export function isLateReport(happenedOn: string, today: string) {
  return daysBetween(happenedOn, today) > CHAPERONE_RULES["CHAPLIC-REPORT"].days;
}
