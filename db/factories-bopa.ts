/** Factories for body of persons approvals: applications, and granted ones with their approval in the register. */
import { createHash, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { formatBopaReference } from "../app/domain/bopa/submitBopaApplication";
import { formatReference } from "../app/domain/documents/kinds";
import { nextSequence } from "../app/domain/documents/nextSequence";
import { initials } from "../app/domain/documents/states";
import type { Db } from "../app/server/db.server";
import { createUser } from "./factories";
import { authorities, organisations } from "./schema/authorities";
import { bopaApplications } from "./schema/bopa";
import { type DocumentStatus, issuedDocuments } from "./schema/documents";
import { uploads } from "./schema/uploads";

/** The smallest file every PDF reader opens: one empty page. */
export function minimalPdf(title = "Document") {
  const body = `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n% ${title}\ntrailer<</Root 1 0 R>>\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

/** A PDF upload owned by `ownerUserId`, stored for `purpose`. */
export async function createPdfUpload(db: Db, ownerUserId: string, purpose: string, filename = "document.pdf") {
  const bytes = minimalPdf(filename);
  const [row] = await db
    .insert(uploads)
    .values({ ownerUserId, purpose, filename, contentType: "application/pdf", size: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex"), bytes })
    .returning();
  return row;
}

export type BopaApplicationOverrides = Partial<typeof bopaApplications.$inferInsert> & {
  organisationId: string;
  hostAuthorityId: string;
  /** For a granted (or revoked) application: the approval's dates and register status (default the period, valid). */
  approval?: { validFrom?: string; validTo?: string; status?: DocumentStatus };
};

/**
 * A complete application from a producer of the organisation (a new one unless `submittedByUserId` is given),
 * numbered from the same counter as submission. With `status: "granted"` (or "revoked") an approval is put in the
 * register too (an unsigned placeholder PDF: enough for lookups, not for download checks).
 */
export async function createBopaApplication(db: Db, overrides: BopaApplicationOverrides) {
  const { approval, ...columns } = overrides;
  const submittedByUserId =
    columns.submittedByUserId ?? (await createUser(db, { name: "Pat Producer", memberships: [{ role: "producer", organisationId: columns.organisationId }] })).id;
  const [host] = await db.select().from(authorities).where(eq(authorities.id, columns.hostAuthorityId));
  const submittedAt = columns.submittedAt ?? new Date();
  const year = submittedAt.getFullYear();
  const reference = columns.reference ?? formatBopaReference(host.code, year, await nextSequence(db, host.id, "bopa-application", year));
  const policy = await createPdfUpload(db, submittedByUserId, "bopa-child-protection-policy", "child-protection-policy.pdf");
  const risk = await createPdfUpload(db, submittedByUserId, "bopa-risk-assessment", "risk-assessment.pdf");
  const status = columns.status ?? "submitted";
  const periodFrom = columns.periodFrom ?? "2027-03-01";
  const periodTo = columns.periodTo ?? "2027-08-31";

  let documentId = columns.documentId ?? null;
  if (!documentId && (status === "granted" || status === "revoked")) {
    const [organisation] = await db.select().from(organisations).where(eq(organisations.id, columns.organisationId));
    const sequence = await nextSequence(db, host.id, "bopa-approval", year);
    const pdf = minimalPdf("approval");
    const [doc] = await db
      .insert(issuedDocuments)
      .values({
        authorityId: host.id,
        kind: "bopa-approval",
        reference: formatReference(host.code, "bopa-approval", year, sequence),
        year,
        sequence,
        holderName: organisation.name,
        holderInitials: initials(organisation.name),
        organisationId: organisation.id,
        validFrom: approval?.validFrom ?? periodFrom,
        validTo: approval?.validTo ?? periodTo,
        status: approval?.status ?? (status === "revoked" ? "revoked" : "valid"),
        sha256: createHash("sha256").update(randomUUID()).digest("hex"),
        pdf,
        signerFingerprint: "test",
        specimen: true,
        issuedByName: "Test Officer",
        issuedByRole: "Licensing officer",
        issuedAt: submittedAt,
        content: {},
      })
      .returning({ id: issuedDocuments.id });
    documentId = doc.id;
  }

  const [application] = await db
    .insert(bopaApplications)
    .values({
      performances: "Youth theatre summer season",
      venues: "Northmere Playhouse, 1 Market Street, Northmere NM1 1AA",
      childrenCount: 30,
      youngestAge: 8,
      oldestAge: 15,
      safeguardingLeadName: "Sam Safeguard",
      safeguardingLeadEmail: "safeguarding@example.com",
      safeguardingLeadPhone: "01632 960 001",
      chaperoneArrangements: "Two council-approved chaperones for every 20 children.",
      noPaymentConfirmed: true,
      late: false,
      policyUploadId: policy.id,
      riskAssessmentUploadId: risk.id,
      ...columns,
      reference,
      status,
      periodFrom,
      periodTo,
      submittedByUserId,
      submittedAt,
      documentId,
      decidedAt: columns.decidedAt ?? (status === "submitted" ? null : submittedAt),
    })
    .returning();
  return application;
}
