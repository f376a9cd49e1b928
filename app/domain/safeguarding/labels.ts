import type { ConcernStatus, HoldKind, SubjectRole } from "#db/schema/safeguarding";
import type { Outcome } from "./rules";

export const SUBJECT_ROLE_LABELS: Record<SubjectRole, string> = {
  chaperone: "Chaperone",
  tutor: "Tutor",
  "production-staff": "Works on a production (cast, crew or staff)",
  employer: "Employer or works for one",
  other: "Something else",
};

export const CONCERN_STATUS_LABELS: Record<ConcernStatus, string> = {
  new: "New",
  referred: "Referred",
  "no-further-action": "Threshold not met",
};

export const OUTCOME_LABELS: Record<Outcome, string> = {
  substantiated: "Substantiated",
  false: "False",
  malicious: "Malicious",
  unsubstantiated: "Unsubstantiated",
  unfounded: "Unfounded",
};

export const OUTCOME_HINTS: Record<Outcome, string> = {
  substantiated: "There is enough evidence to prove the allegation. Holds stay; the licensing officer is asked to revoke",
  false: "There is enough evidence to disprove it. Holds are lifted and it leaves the person's licensing record",
  malicious: "There is enough evidence to disprove it and show a deliberate act to deceive. Holds are lifted and it leaves the licensing record",
  unsubstantiated: "There is not enough evidence to prove or disprove it. Holds are lifted",
  unfounded: "There is no evidence or proper basis for it. Holds are lifted",
};

export const HOLD_KIND_LABELS: Record<HoldKind, string> = {
  "chaperone-licence": "Chaperone licence (suspended)",
  "performance-application": "Performance licence application",
  "bopa-application": "BOPA application",
};

/** All an officer is told about a hold. */
export const HOLD_LABEL = "On hold – contact the LADO";

/** A concern's reference, as newConcernReference makes them. */
export const CONCERN_REFERENCE_PATTERN = /^CON-[2346789A-Z]{4}-[2346789A-Z]{4}$/;
