import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { authorities } from "#db/schema/authorities";
import { bopaApplications } from "#db/schema/bopa";
import { chaperoneApplications } from "#db/schema/chaperones";
import { exemptPerformances } from "#db/schema/children";
import { employmentPermits } from "#db/schema/employment";
import { performanceApplications, scheduleDays } from "#db/schema/licences";
import { issuedDocuments } from "#db/schema/documents";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/recordAudit";
import { ForbiddenError, NotFoundError } from "../errors";
import { can, ROLE_LABELS } from "../identity/capabilities";
import type { DocumentContent, Image } from "./content";
import { DOCUMENT_KINDS, type DocumentKind, formatReference } from "./kinds";
import { nextSequence } from "./nextSequence";
import { renderDocument } from "./render";
import { signingIdentity, signPdf } from "./signing";
import { londonDate } from "../calendar/dates";
import { assertTransition, initials } from "./states";

export type IssueInput = Omit<DocumentContent, "reference" | "verifyUrl" | "specimen" | "authority" | "issuedBy" | "issuedAt"> & {
  authorityId: string;
  holderUserId?: string | null;
  holderEmail?: string | null;
  parentUserId?: string | null;
  organisationId?: string | null;
  /** A re-issue (variation): the document this one replaces. */
  supersedesId?: string | null;
};

type StoredImage = { base64: string; type: Image["type"] };
const storeImage = (image?: Image): StoredImage | undefined => (image ? { base64: Buffer.from(image.bytes).toString("base64"), type: image.type } : undefined);
const loadImage = (image?: StoredImage): Image | undefined => (image ? { bytes: Buffer.from(image.base64, "base64"), type: image.type } : undefined);

/** What was printed, as JSON (images base64), kept in the register so a variation can re-issue it. */
function storable(input: IssueInput) {
  const { child, holderPhoto, ...rest } = input;
  return {
    ...rest,
    child: child ? { name: child.name, dateOfBirth: child.dateOfBirth, photo: storeImage(child.photo) } : undefined,
    holderPhoto: storeImage(holderPhoto),
  };
}

export type StoredContent = ReturnType<typeof storable>;

/** The issue input a stored document was made from (for a variation). */
export function inputFromStored(stored: StoredContent): IssueInput {
  const { child, holderPhoto, ...rest } = stored;
  return {
    ...rest,
    child: child ? { name: child.name, dateOfBirth: child.dateOfBirth, photo: loadImage(child.photo) } : undefined,
    holderPhoto: loadImage(holderPhoto),
  };
}

/**
 * `automatic`: the service issues the document itself after a rule check (an exemption record): the calling verb
 * has decided the actor may trigger it, and the document names the check, not a person, as its issuer.
 */
export type IssueOptions = { automatic?: { name: string; role: string } };

/**
 * Issues a signed document: takes the next reference for the authority, kind and year, renders it, signs it
 * with the authority's certificate, and stores and registers it — all in one transaction, so a failure leaves
 * no gap in the numbering.
 */
export async function issueDocument(db: Db, actor: Actor, input: IssueInput, baseUrl: string, now = new Date(), options: IssueOptions = {}) {
  if (!options.automatic && !can(actor, "document:issue", { authorityId: input.authorityId })) throw new ForbiddenError();
  const [authority] = await db.select().from(authorities).where(eq(authorities.id, input.authorityId));
  if (!authority) throw new NotFoundError("Authority");
  const identity = await signingIdentity(authority);
  const year = Number(londonDate(now).slice(0, 4));
  const kind: DocumentKind = input.kind;
  const role = actor.memberships.find((m) => m.role === "officer" && m.authorityId === authority.id)?.role ?? "officer";

  const issuer = options.automatic ?? { name: actor.name, role: ROLE_LABELS[role] };

  return db.transaction(async (tx) => {
    const lastValue = await nextSequence(tx, authority.id, kind, year);
    const reference = formatReference(authority.code, kind, year, lastValue);
    const content: DocumentContent = {
      ...input,
      reference,
      verifyUrl: `${baseUrl}/verify/${reference}`,
      specimen: identity.specimen,
      authority: { name: authority.name, code: authority.code },
      issuedBy: issuer,
      issuedAt: now.toISOString(),
    };
    const pdf = await signPdf(await renderDocument(content), identity, {
      reason: `${DOCUMENT_KINDS[kind].title} ${reference}`,
      location: authority.name,
      contactInfo: `${baseUrl}/verify/${reference}`,
    });
    const sha256 = createHash("sha256").update(pdf).digest("hex");

    let supersedes: { id: string; reference: string } | undefined;
    if (input.supersedesId) {
      const [old] = await tx
        .select()
        .from(issuedDocuments)
        .where(and(eq(issuedDocuments.id, input.supersedesId), eq(issuedDocuments.authorityId, authority.id)))
        .for("update");
      if (!old) throw new NotFoundError("Document");
      assertTransition(old.status, "supersede");
      supersedes = { id: old.id, reference: old.reference };
    }

    const [doc] = await tx
      .insert(issuedDocuments)
      .values({
        authorityId: authority.id,
        kind,
        reference,
        year,
        sequence: lastValue,
        holderName: input.holder.name,
        holderInitials: initials(input.holder.name),
        holderUserId: input.holderUserId ?? null,
        holderEmail: input.holderEmail ?? null,
        parentUserId: input.parentUserId ?? null,
        organisationId: input.organisationId ?? null,
        childName: input.child?.name ?? null,
        validFrom: input.validFrom,
        validTo: input.validTo,
        sha256,
        pdf,
        signerFingerprint: identity.fingerprint,
        specimen: identity.specimen,
        issuedByUserId: actor.userId,
        issuedByName: issuer.name,
        issuedByRole: issuer.role,
        issuedAt: now,
        supersedesId: supersedes?.id ?? null,
        content: storable({ ...input, supersedesId: undefined }),
      })
      .returning({ id: issuedDocuments.id, reference: issuedDocuments.reference });

    await recordAudit(tx, actor, {
      action: "document.issued",
      recordType: "document",
      recordId: doc.id,
      after: { reference, kind, holder: input.holder.name, validFrom: input.validFrom, validTo: input.validTo, sha256, supersedes: supersedes?.reference },
    });
    if (supersedes) {
      await tx
        .update(issuedDocuments)
        .set({ status: "superseded", supersededById: doc.id, statusReason: `Replaced by ${reference}`, statusChangedAt: now })
        .where(eq(issuedDocuments.id, supersedes.id));
      // The records that point at a document follow it to its replacement.
      await tx.update(bopaApplications).set({ documentId: doc.id }).where(eq(bopaApplications.documentId, supersedes.id));
      await tx.update(chaperoneApplications).set({ licenceDocumentId: doc.id }).where(eq(chaperoneApplications.licenceDocumentId, supersedes.id));
      await tx.update(exemptPerformances).set({ documentId: doc.id }).where(eq(exemptPerformances.documentId, supersedes.id));
      await tx.update(employmentPermits).set({ documentId: doc.id }).where(eq(employmentPermits.documentId, supersedes.id));
      await tx.update(performanceApplications).set({ documentId: doc.id }).where(eq(performanceApplications.documentId, supersedes.id));
      await tx.update(scheduleDays).set({ chaperoneDocumentId: doc.id }).where(eq(scheduleDays.chaperoneDocumentId, supersedes.id));
      await recordAudit(tx, actor, {
        action: "document.superseded",
        recordType: "document",
        recordId: supersedes.id,
        after: { status: "superseded", supersededBy: reference },
      });
    }
    return { id: doc.id, reference, sha256, pdf };
  });
}
