import { eq } from "drizzle-orm";
import { issuedDocuments } from "#db/schema/documents";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { ForbiddenError, NotFoundError } from "../errors";
import { can } from "../identity/capabilities";

/** The signed PDF, for its holder, the child's parent, members of the producer/employer, and officers of the issuing authority. */
export async function downloadDocument(db: Db, actor: Actor, reference: string) {
  const [doc] = await db
    .select({
      reference: issuedDocuments.reference,
      pdf: issuedDocuments.pdf,
      authorityId: issuedDocuments.authorityId,
      holderUserId: issuedDocuments.holderUserId,
      parentUserId: issuedDocuments.parentUserId,
      organisationId: issuedDocuments.organisationId,
    })
    .from(issuedDocuments)
    .where(eq(issuedDocuments.reference, reference.toUpperCase()));
  if (!doc) throw new NotFoundError("Document");
  const allowed =
    !!actor.userId &&
    (doc.holderUserId === actor.userId ||
      doc.parentUserId === actor.userId ||
      (!!doc.organisationId && actor.memberships.some((m) => m.organisationId === doc.organisationId)) ||
      can(actor, "document:download-any", { authorityId: doc.authorityId }));
  if (!allowed) throw new ForbiddenError("Only the holder, the child's parent, the producer or employer and the council's officers can download this document");
  return { filename: `${doc.reference}.pdf`, pdf: doc.pdf };
}
