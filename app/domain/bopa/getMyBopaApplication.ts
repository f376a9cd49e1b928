import { eq } from "drizzle-orm";
import { authorities, organisations } from "#db/schema/authorities";
import { issuedDocuments } from "#db/schema/documents";
import { uploads } from "#db/schema/uploads";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { applicationForProducer } from "./access";
import { BOPA_STATUS_LABELS } from "./states";

/** One of the producer's organisations' applications, with the council's decision. Another organisation's is "not found". */
export async function getMyBopaApplication(db: Db, actor: Actor, applicationId: string) {
  const a = await applicationForProducer(db, actor, applicationId);
  const [[host], [organisation], [policy], [riskAssessment]] = await Promise.all([
    db.select({ name: authorities.name }).from(authorities).where(eq(authorities.id, a.hostAuthorityId)),
    db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, a.organisationId)),
    db.select({ filename: uploads.filename }).from(uploads).where(eq(uploads.id, a.policyUploadId)),
    db.select({ filename: uploads.filename }).from(uploads).where(eq(uploads.id, a.riskAssessmentUploadId)),
  ]);
  const [approval] = a.documentId
    ? await db
        .select({ reference: issuedDocuments.reference, validFrom: issuedDocuments.validFrom, validTo: issuedDocuments.validTo, status: issuedDocuments.status })
        .from(issuedDocuments)
        .where(eq(issuedDocuments.id, a.documentId))
    : [];
  return {
    id: a.id,
    reference: a.reference,
    status: a.status,
    statusLabel: BOPA_STATUS_LABELS[a.status],
    late: a.late,
    submittedAt: a.submittedAt.toISOString(),
    decidedAt: a.decidedAt?.toISOString() ?? null,
    organisationName: organisation.name,
    hostName: host.name,
    performances: a.performances,
    periodFrom: a.periodFrom,
    periodTo: a.periodTo,
    venues: a.venues,
    childrenCount: a.childrenCount,
    youngestAge: a.youngestAge,
    oldestAge: a.oldestAge,
    safeguardingLead: { name: a.safeguardingLeadName, email: a.safeguardingLeadEmail, phone: a.safeguardingLeadPhone },
    policyFilename: policy?.filename ?? "Uploaded",
    riskAssessmentFilename: riskAssessment?.filename ?? "Uploaded",
    chaperoneArrangements: a.chaperoneArrangements,
    conditions: a.conditions ?? [],
    decisionReason: a.decisionReason,
    approval: approval ?? null,
  };
}

export type MyBopaApplication = Awaited<ReturnType<typeof getMyBopaApplication>>;
