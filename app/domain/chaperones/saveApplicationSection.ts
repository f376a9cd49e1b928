import { eq } from "drizzle-orm";
import { authorities } from "#db/schema/authorities";
import { chaperoneApplications, chaperoneReferees } from "#db/schema/chaperones";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { findAuthorityForPostcode } from "../authorities/findAuthorityForPostcode";
import { londonDate } from "../calendar/dates";
import { RuleError } from "../errors";
import { type IncomingFile, insertUpload, type PreparedUpload, prepareUpload, UPLOAD_POLICIES } from "../uploads/storeUpload";
import { applicantOf, assertApplicant, type ChaperoneApplication, ownApplication, refereesOf } from "./applicantScope";
import { CHAPERONE_RULES, checkAge, checkDbsCurrency, checkDbsNumber, checkReferees, type Finding } from "./rules";
import { IDENTITY_DOCUMENT_TYPE_NAMES, type IdentityDocumentType, type SectionSlug } from "./sections";
import { isEditable } from "./states";

export type RefereeInput = { name: string; email: string; relationship: string };

/** One section's answers, as the question page collects them (dates as YYYY-MM-DD). */
export type SectionInput =
  | { section: "personal-details"; firstName: string; lastName: string; otherNames?: string | null; dateOfBirth: string; phone: string }
  | { section: "address"; addressLine1: string; addressLine2?: string | null; town: string; postcode: string; authorityId?: string | null }
  | { section: "photo"; photo?: IncomingFile | null }
  | { section: "identity"; documentTypes: string[]; scan?: IncomingFile | null }
  | { section: "dbs"; dbsCertificateNumber: string; dbsIssueDate: string; dbsOnUpdateService: boolean; dbsConsentToStatusCheck?: boolean | null }
  | { section: "referees"; referees: RefereeInput[] }
  | { section: "training"; trainingDate: string; trainingProvider: string; certificate?: IncomingFile | null }
  | {
      section: "declarations";
      hasConvictions: boolean;
      convictionDetails?: string | null;
      hasOtherCouncilDecisions: boolean;
      otherCouncilDetails?: string | null;
      declarationConfirmed: boolean;
    };

/** Form fields that rule findings are shown against (a date's errors go on its first input, the day). */
const FIELD_FOR: Record<string, string> = { dateOfBirth: "dateOfBirthDay", dbsIssueDate: "dbsIssueDateDay", trainingDate: "trainingDateDay" };

class FieldErrors {
  readonly map: Record<string, string[]> = {};
  add(field: string, message: string) {
    const key = FIELD_FOR[field] ?? field;
    this.map[key] = [...(this.map[key] ?? []), message];
  }
  findings(findings: Finding[]) {
    for (const f of findings) this.add(f.field, f.message);
  }
  merge(error: unknown) {
    if (!(error instanceof RuleError)) throw error;
    for (const [field, messages] of Object.entries(error.fieldErrors)) for (const m of messages) this.add(field, m);
  }
  throwIfAny() {
    if (Object.keys(this.map).length) throw new RuleError(this.map);
  }
}

const POSTCODE = /^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** "nm12ab" → "NM1 2AB". */
function normalisePostcode(postcode: string) {
  const compact = postcode.replace(/\s+/g, "").toUpperCase();
  return compact.length > 3 ? `${compact.slice(0, -3)} ${compact.slice(-3)}` : compact;
}

const clean = (s: string | null | undefined) => {
  const t = (s ?? "").trim().replace(/\s+/g, " ");
  return t.length ? t : null;
};

type Changes = Partial<typeof chaperoneApplications.$inferInsert>;
type PendingUpload = { column: "photoUploadId" | "identityUploadIds" | "trainingUploadId"; purpose: string; prepared: PreparedUpload };

async function prepare(errors: FieldErrors, file: IncomingFile | null | undefined, policy: (typeof UPLOAD_POLICIES)[keyof typeof UPLOAD_POLICIES], field: string) {
  if (!file) return null;
  try {
    return await prepareUpload(file, policy, field);
  } catch (error) {
    errors.merge(error);
    return null;
  }
}

/**
 * The applicant saves one section of their application (save and continue; they can come back to it).
 * Checks the answers against the CHAPLIC rules for `today`, stores and re-encodes any upload, and writes the
 * change with its audit row in one transaction. Only the applicant's own draft (or an application the council
 * has asked more information about) can be changed.
 */
export async function saveApplicationSection(db: Db, actor: Actor, input: SectionInput, { applicationId, today = londonDate() }: { applicationId?: string; today?: string } = {}) {
  assertApplicant(actor);
  const errors = new FieldErrors();
  const changes: Changes = {};
  let upload: PendingUpload | null = null;

  // Answers that can be checked without the database; uploads are checked and re-encoded before the transaction.
  switch (input.section) {
    case "personal-details": {
      changes.firstName = clean(input.firstName);
      changes.lastName = clean(input.lastName);
      changes.otherNames = clean(input.otherNames);
      changes.dateOfBirth = input.dateOfBirth;
      changes.phone = clean(input.phone);
      if (!changes.firstName) errors.add("firstName", "Enter your first name");
      if (!changes.lastName) errors.add("lastName", "Enter your last name");
      if (!changes.phone) errors.add("phone", "Enter a telephone number");
      else if (!/^\+?[\d\s()-]+$/.test(changes.phone) || changes.phone.replace(/\D/g, "").length < 10) {
        errors.add("phone", "Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192");
      }
      if (!ISO_DATE.test(input.dateOfBirth)) errors.add("dateOfBirth", "Enter the date of birth");
      else errors.findings(checkAge(input.dateOfBirth, today));
      break;
    }
    case "address": {
      changes.addressLine1 = clean(input.addressLine1);
      changes.addressLine2 = clean(input.addressLine2);
      changes.town = clean(input.town);
      changes.postcode = normalisePostcode(input.postcode);
      if (!changes.addressLine1) errors.add("addressLine1", "Enter address line 1, typically the building and street");
      if (!changes.town) errors.add("town", "Enter town or city");
      if (!changes.postcode) errors.add("postcode", "Enter postcode");
      else if (!POSTCODE.test(changes.postcode)) errors.add("postcode", "Enter a full UK postcode, like NM1 2AB");
      break;
    }
    case "photo": {
      const prepared = await prepare(errors, input.photo, UPLOAD_POLICIES.photo, "photo");
      if (prepared) upload = { column: "photoUploadId", purpose: "chaperone-photo", prepared };
      break;
    }
    case "identity": {
      const types = [...new Set(input.documentTypes)];
      if (types.some((t) => !IDENTITY_DOCUMENT_TYPE_NAMES.includes(t as IdentityDocumentType))) errors.add("documentTypes", "Select the documents from the list");
      const needed = CHAPERONE_RULES["CHAPLIC-IDENTITY"].documents;
      if (types.length < needed) errors.add("documentTypes", `Select ${needed} documents you will bring to your interview`);
      changes.identityDocumentTypes = types;
      const prepared = await prepare(errors, input.scan, UPLOAD_POLICIES.document, "scan");
      if (prepared) upload = { column: "identityUploadIds", purpose: "chaperone-identity", prepared };
      break;
    }
    case "dbs": {
      changes.dbsCertificateNumber = input.dbsCertificateNumber.replace(/\s+/g, "");
      changes.dbsIssueDate = input.dbsIssueDate;
      changes.dbsOnUpdateService = input.dbsOnUpdateService;
      changes.dbsConsentToStatusCheck = input.dbsOnUpdateService ? !!input.dbsConsentToStatusCheck : null;
      errors.findings(checkDbsNumber(changes.dbsCertificateNumber));
      if (!ISO_DATE.test(input.dbsIssueDate)) errors.add("dbsIssueDate", "Enter the date your certificate was issued");
      else {
        const dbs = { issueDate: input.dbsIssueDate, onUpdateService: input.dbsOnUpdateService, consent: !!input.dbsConsentToStatusCheck };
        errors.findings(checkDbsCurrency(dbs, today));
      }
      break;
    }
    case "referees": {
      const count = CHAPERONE_RULES["CHAPLIC-REFEREES"].count;
      for (let i = 0; i < count; i++) {
        const r = input.referees[i];
        const n = i + 1;
        if (!clean(r?.name)) errors.add(`referee${n}Name`, `Enter the name of referee ${n}`);
        if (!clean(r?.email)) errors.add(`referee${n}Email`, `Enter the email address of referee ${n}`);
        else if (!EMAIL.test(r.email.trim())) errors.add(`referee${n}Email`, "Enter an email address in the correct format, like name@example.com");
        if (!clean(r?.relationship)) errors.add(`referee${n}Relationship`, `Enter how referee ${n} knows you`);
      }
      break;
    }
    case "training": {
      changes.trainingDate = input.trainingDate;
      changes.trainingProvider = clean(input.trainingProvider);
      if (!changes.trainingProvider) errors.add("trainingProvider", "Enter who gave the training");
      if (!ISO_DATE.test(input.trainingDate)) errors.add("trainingDate", "Enter the date you completed the training");
      else if (input.trainingDate > today) errors.add("trainingDate", "The date you completed the training must be today or in the past");
      const prepared = await prepare(errors, input.certificate, UPLOAD_POLICIES.document, "certificate");
      if (prepared) upload = { column: "trainingUploadId", purpose: "chaperone-training-certificate", prepared };
      break;
    }
    case "declarations": {
      changes.hasConvictions = input.hasConvictions;
      changes.convictionDetails = input.hasConvictions ? clean(input.convictionDetails) : null;
      changes.hasOtherCouncilDecisions = input.hasOtherCouncilDecisions;
      changes.otherCouncilDetails = input.hasOtherCouncilDecisions ? clean(input.otherCouncilDetails) : null;
      changes.declarationConfirmed = input.declarationConfirmed;
      if (input.hasConvictions && !changes.convictionDetails) errors.add("convictionDetails", "Give details of your convictions or cautions");
      if (input.hasOtherCouncilDecisions && !changes.otherCouncilDetails) errors.add("otherCouncilDetails", "Give details of the other councils' decisions");
      if (!input.declarationConfirmed) errors.add("declarationConfirmed", "Confirm the information you have given is true");
      break;
    }
  }

  return db.transaction(async (tx) => {
    const application = await ownApplication(tx, actor, { applicationId, lock: true });
    if (!isEditable(application.status)) throw RuleError.field("", "Your application has been sent to the council, so you cannot change it now");

    // Answers checked against what is stored.
    let refereeBefore: RefereeInput[] | null = null;
    switch (input.section) {
      case "address": {
        if (!changes.postcode || !POSTCODE.test(changes.postcode)) break;
        const matched = await findAuthorityForPostcode(tx, changes.postcode);
        let authorityId = matched?.id ?? null;
        if (!authorityId && input.authorityId && UUID.test(input.authorityId)) {
          const [chosen] = await tx.select({ id: authorities.id }).from(authorities).where(eq(authorities.id, input.authorityId));
          authorityId = chosen?.id ?? null;
        }
        if (!authorityId) errors.add("authorityId", "Select the council you live in");
        else if (application.reference && application.authorityId && authorityId !== application.authorityId) {
          errors.add("postcode", "Your application is with another council. Contact them to tell them you have moved");
        }
        changes.authorityId = authorityId;
        break;
      }
      case "photo":
        if (!upload && !application.photoUploadId && !errors.map.photo) errors.add("photo", "Select a photograph");
        break;
      case "identity":
        if (!upload && application.identityUploadIds.length === 0 && !errors.map.scan) errors.add("scan", "Select a scan or photo of one of your identity documents");
        break;
      case "referees": {
        const applicant = await applicantOf(tx, application);
        errors.findings(checkReferees(input.referees, applicant.email));
        refereeBefore = (await refereesOf(tx, application.id)).map(({ name, email, relationship }) => ({ name, email, relationship }));
        break;
      }
    }
    errors.throwIfAny();

    if (upload) {
      const stored = await insertUpload(tx, actor, upload.prepared, upload.purpose);
      if (upload.column === "identityUploadIds") changes.identityUploadIds = [stored.id];
      else changes[upload.column] = stored.id;
    }
    if (input.section === "referees") await saveReferees(tx, application.id, input.referees);
    if (Object.keys(changes).length || input.section === "referees") {
      await tx
        .update(chaperoneApplications)
        .set({ ...changes, updatedAt: new Date() })
        .where(eq(chaperoneApplications.id, application.id));
    }
    await recordAudit(tx, actor, {
      action: "chaperone-application.section-saved",
      recordType: "chaperone-application",
      recordId: application.id,
      before: { section: input.section, ...(refereeBefore ? { referees: refereeBefore } : pick(application, Object.keys(changes))) },
      after: { section: input.section, ...(input.section === "referees" ? { referees: tidyReferees(input.referees) } : changes) },
    });
    return { applicationId: application.id, section: input.section as SectionSlug };
  });
}

function pick(application: ChaperoneApplication, keys: string[]) {
  return Object.fromEntries(keys.map((k) => [k, application[k as keyof ChaperoneApplication]]));
}

function tidyReferees(referees: RefereeInput[]) {
  return referees.slice(0, CHAPERONE_RULES["CHAPLIC-REFEREES"].count).map((r) => ({
    name: clean(r.name) ?? "",
    email: r.email.trim().toLowerCase(),
    relationship: clean(r.relationship) ?? "",
  }));
}

/** Referees by position. A referee whose email changes is a new person: any link sent or reference given is cleared. */
async function saveReferees(tx: Db, applicationId: string, input: RefereeInput[]) {
  const existing = await refereesOf(tx, applicationId);
  const referees = tidyReferees(input);
  for (const [i, referee] of referees.entries()) {
    const position = i + 1;
    const current = existing.find((r) => r.position === position);
    if (!current) {
      await tx.insert(chaperoneReferees).values({ applicationId, position, ...referee });
    } else if (current.email === referee.email) {
      await tx.update(chaperoneReferees).set({ name: referee.name, relationship: referee.relationship }).where(eq(chaperoneReferees.id, current.id));
    } else {
      await tx
        .update(chaperoneReferees)
        .set({
          ...referee,
          tokenHash: null,
          tokenExpiresAt: null,
          requestedAt: null,
          submittedAt: null,
          response: null,
          judgement: null,
          judgedBy: null,
          judgedAt: null,
        })
        .where(eq(chaperoneReferees.id, current.id));
    }
  }
}
