/**
 * The sections of a chaperone application (the GOV.UK task list) and whether each is complete.
 * Pure: plain values in, statuses out; `today` (YYYY-MM-DD, Europe/London) is passed in. Safe for the browser.
 */
import type { chaperoneApplications } from "#db/schema/chaperones";
import { checkAge, checkDbsCurrency, checkDbsNumber, checkReferees, CHAPERONE_RULES } from "./rules";

export const SECTIONS = [
  { slug: "personal-details", title: "Personal details", incomplete: "Complete your personal details" },
  { slug: "address", title: "Address", incomplete: "Add your address" },
  { slug: "photo", title: "Photograph", incomplete: "Upload a photograph of yourself" },
  { slug: "identity", title: "Identity documents", incomplete: "Choose the identity documents you will bring and upload a scan of one" },
  { slug: "dbs", title: "DBS certificate", incomplete: "Give the details of your DBS certificate" },
  { slug: "referees", title: "Referees", incomplete: "Give the details of 2 referees" },
  { slug: "training", title: "Training", incomplete: "Give the details of your chaperone training" },
  { slug: "declarations", title: "Declarations", incomplete: "Complete the declarations" },
] as const;

export type SectionSlug = (typeof SECTIONS)[number]["slug"];
const SECTION_SLUGS = SECTIONS.map((s) => s.slug) as SectionSlug[];

export type SectionStatus = "Completed" | "In progress" | "Not yet started" | "Cannot start yet";

/** Documents a chaperone can bring to prove who they are (CHAPLIC-IDENTITY: 3 of them). */
export const IDENTITY_DOCUMENT_TYPES = {
  passport: "Passport",
  "driving-licence": "Photocard driving licence",
  "birth-certificate": "Birth or adoption certificate",
  "marriage-certificate": "Marriage or civil partnership certificate",
  "utility-bill": "Utility bill from the last 3 months",
  "bank-statement": "Bank or building society statement from the last 3 months",
  "council-tax": "Council tax bill for this year",
  "p45-p60": "P45 or P60",
} as const;
export type IdentityDocumentType = keyof typeof IDENTITY_DOCUMENT_TYPES;
export const IDENTITY_DOCUMENT_TYPE_NAMES = Object.keys(IDENTITY_DOCUMENT_TYPES) as IdentityDocumentType[];

type Application = typeof chaperoneApplications.$inferSelect;

/** What the statuses are worked out from: the application's answers, its referees and the applicant's email. */
export type Answers = Pick<
  Application,
  | "firstName"
  | "lastName"
  | "dateOfBirth"
  | "phone"
  | "addressLine1"
  | "town"
  | "postcode"
  | "authorityId"
  | "photoUploadId"
  | "identityUploadIds"
  | "identityDocumentTypes"
  | "dbsCertificateNumber"
  | "dbsIssueDate"
  | "dbsOnUpdateService"
  | "dbsConsentToStatusCheck"
  | "trainingDate"
  | "trainingProvider"
  | "hasConvictions"
  | "convictionDetails"
  | "hasOtherCouncilDecisions"
  | "otherCouncilDetails"
  | "declarationConfirmed"
> & { referees: { name: string; email: string }[]; applicantEmail: string };

type Assessment = { started: boolean; complete: boolean; problems: string[] };

const present = (v: unknown) => v !== null && v !== undefined && v !== "";

function assess(values: unknown[], required: unknown[], findings: { message: string }[]): Assessment {
  const started = values.some(present);
  const missing = required.some((v) => !present(v));
  return { started, complete: started && !missing && findings.length === 0, problems: missing ? [] : findings.map((f) => f.message) };
}

/** Each section: started, complete, and what is wrong with it now (rules can start failing as time passes). */
function assessSections(a: Answers, today: string): Record<SectionSlug, Assessment> {
  const identityRequired = CHAPERONE_RULES["CHAPLIC-IDENTITY"].documents;
  const dbsComplete = present(a.dbsCertificateNumber) && present(a.dbsIssueDate) && a.dbsOnUpdateService !== null;
  const referees = a.referees.slice(0, CHAPERONE_RULES["CHAPLIC-REFEREES"].count);
  return {
    "personal-details": assess(
      [a.firstName, a.lastName, a.dateOfBirth, a.phone],
      [a.firstName, a.lastName, a.dateOfBirth, a.phone],
      a.dateOfBirth ? checkAge(a.dateOfBirth, today) : [],
    ),
    address: assess([a.addressLine1, a.town, a.postcode], [a.addressLine1, a.town, a.postcode, a.authorityId], []),
    photo: assess([a.photoUploadId], [a.photoUploadId], []),
    identity: {
      started: a.identityDocumentTypes.length > 0 || a.identityUploadIds.length > 0,
      complete: a.identityDocumentTypes.length >= identityRequired && a.identityUploadIds.length > 0,
      problems: [],
    },
    dbs: assess(
      [a.dbsCertificateNumber, a.dbsIssueDate, a.dbsOnUpdateService],
      [a.dbsCertificateNumber, a.dbsIssueDate, a.dbsOnUpdateService],
      dbsComplete
        ? [
            ...checkDbsNumber(a.dbsCertificateNumber!),
            ...checkDbsCurrency({ issueDate: a.dbsIssueDate!, onUpdateService: !!a.dbsOnUpdateService, consent: !!a.dbsConsentToStatusCheck }, today),
          ]
        : [],
    ),
    referees: {
      started: referees.length > 0,
      complete: referees.length === CHAPERONE_RULES["CHAPLIC-REFEREES"].count && checkReferees(referees, a.applicantEmail).length === 0,
      problems: referees.length === CHAPERONE_RULES["CHAPLIC-REFEREES"].count ? checkReferees(referees, a.applicantEmail).map((f) => f.message) : [],
    },
    training: assess(
      [a.trainingDate, a.trainingProvider],
      [a.trainingDate, a.trainingProvider],
      a.trainingDate && a.trainingDate > today ? [{ message: "The date you completed the training must be today or in the past" }] : [],
    ),
    declarations: assess(
      [a.hasConvictions, a.hasOtherCouncilDecisions, a.declarationConfirmed],
      [
        a.hasConvictions,
        a.hasConvictions ? a.convictionDetails : true,
        a.hasOtherCouncilDecisions,
        a.hasOtherCouncilDecisions ? a.otherCouncilDetails : true,
        a.declarationConfirmed || null,
      ],
      [],
    ),
  };
}

/** The task list: each section's status, and "check" (check your answers and submit), which waits for the rest. */
export function sectionStatuses(a: Answers, today: string): Record<SectionSlug | "check", SectionStatus> {
  const assessed = assessSections(a, today);
  const statuses = {} as Record<SectionSlug | "check", SectionStatus>;
  for (const slug of SECTION_SLUGS) {
    const s = assessed[slug];
    statuses[slug] = s.complete ? "Completed" : s.started ? "In progress" : "Not yet started";
  }
  statuses.check = SECTION_SLUGS.every((slug) => statuses[slug] === "Completed") ? "Not yet started" : "Cannot start yet";
  return statuses;
}

/** Why the application can't be submitted yet: one GOV.UK message per incomplete section (empty when it can). */
export function incompleteSections(a: Answers, today: string): Partial<Record<SectionSlug, string>> {
  const assessed = assessSections(a, today);
  const out: Partial<Record<SectionSlug, string>> = {};
  for (const { slug, incomplete } of SECTIONS) {
    const s = assessed[slug];
    if (!s.complete) out[slug] = s.problems[0] ?? incomplete;
  }
  return out;
}
