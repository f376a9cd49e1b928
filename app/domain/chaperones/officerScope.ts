import { and, eq, inArray, ne } from "drizzle-orm";
import { type ChaperoneApplicationStatus, chaperoneApplications } from "#db/schema/chaperones";
import { issuedDocuments } from "#db/schema/documents";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { NotFoundError, RuleError } from "../errors";
import { getAuthoritySettings } from "../settings/getAuthoritySettings";
import { authorityScope } from "../identity/capabilities";
import { addDays } from "./rules";
import { APPLICATION_STATUS_LABELS } from "./states";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A submitted application of one of the officer's authorities — the only way the officer verbs load one.
 * Drafts, other authorities' applications and malformed ids are all "not found". `lock` takes a row lock
 * (inside a transaction) so two officers acting at once are serialised.
 */
export async function applicationForOfficer(db: Db, actor: Actor, applicationId: string, { lock = false } = {}) {
  const scope = authorityScope(actor, "chaperone-application:decide");
  if (!scope.length || !UUID.test(applicationId)) throw new NotFoundError("Application");
  const query = db
    .select()
    .from(chaperoneApplications)
    .where(and(eq(chaperoneApplications.id, applicationId), inArray(chaperoneApplications.authorityId, scope), ne(chaperoneApplications.status, "draft")));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw new NotFoundError("Application");
  return row;
}

/** Statuses in which checks may still be recorded and references judged. */
export const OPEN_STATUSES = ["submitted", "checks-in-progress", "information-requested"] as const satisfies ChaperoneApplicationStatus[];

export function assertOpen(status: ChaperoneApplicationStatus) {
  if (!(OPEN_STATUSES as readonly string[]).includes(status)) {
    throw RuleError.field("", `This application’s status is ${APPLICATION_STATUS_LABELS[status].toLowerCase()}: nothing more can be recorded on it`);
  }
}

export const applicantName = (a: { firstName: string | null; lastName: string | null }) => [a.firstName, a.lastName].filter(Boolean).join(" ") || "Name not given";

/** The authority's licence length in years (its local setting, else the CHAPLIC-VALIDITY default). */
export async function licenceYears(db: Db, authorityId: string) {
  return (await getAuthoritySettings(db, authorityId)).chaperoneLicenceYears;
}

/** Today, or for a renewal of a licence still running, the day after it ends (the new one starts when the old one ends). */
export async function defaultStartDate(db: Db, application: { renewsDocumentId: string | null }, today: string) {
  if (!application.renewsDocumentId) return today;
  const [old] = await db.select({ validTo: issuedDocuments.validTo }).from(issuedDocuments).where(eq(issuedDocuments.id, application.renewsDocumentId));
  return old && old.validTo >= today ? addDays(old.validTo, 1) : today;
}
