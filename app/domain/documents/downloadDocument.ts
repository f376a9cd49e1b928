import { eq } from "drizzle-orm";
import { children, productions } from "#db/schema/children";
import { issuedDocuments } from "#db/schema/documents";
import { performanceApplications, scheduleDays } from "#db/schema/licences";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { ForbiddenError, NotFoundError } from "../errors";
import { can } from "../identity/capabilities";
import { dayHostAuthorities, listVenues } from "../productions/venues";

/**
 * The signed PDF, for its holder, the child's parent, members of the producer/employer, and officers of the issuing
 * authority; a performance licence's copies also go to the child's school and the officers where the performances are.
 */
export async function downloadDocument(db: Db, actor: Actor, reference: string) {
  const [doc] = await db
    .select({
      id: issuedDocuments.id,
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
    (!!actor.userId &&
    (doc.holderUserId === actor.userId ||
      doc.parentUserId === actor.userId ||
      (!!doc.organisationId && actor.memberships.some((m) => m.organisationId === doc.organisationId)) ||
      can(actor, "document:download-any", { authorityId: doc.authorityId }))) ||
    (await holdsLicenceCopy(db, actor, doc.id));
  if (!allowed) throw new ForbiddenError("Only the holder, the child's parent, the producer or employer and the council's officers can download this document");
  return { filename: `${doc.reference}.pdf`, pdf: doc.pdf };
}

/**
 * PERF-APP: the child's school and the officers of each host authority (where the licensed days' venues are)
 * receive a copy of a granted performance licence.
 */
async function holdsLicenceCopy(db: Db, actor: Actor, documentId: string) {
  if (!actor.userId) return false;
  const [licence] = await db
    .select({
      applicationId: performanceApplications.id,
      schoolId: performanceApplications.schoolId,
      schoolName: performanceApplications.schoolName,
      profileSchoolId: children.schoolId,
      production: { id: productions.id, venueName: productions.venueName, venuePostcode: productions.venuePostcode, hostAuthorityId: productions.hostAuthorityId },
    })
    .from(performanceApplications)
    .innerJoin(productions, eq(productions.id, performanceApplications.productionId))
    .innerJoin(children, eq(children.id, performanceApplications.childId))
    .where(eq(performanceApplications.documentId, documentId));
  if (!licence) return false;
  // The school the parent gave, else (as when the school was asked) the one on the child's profile.
  const schoolId = licence.schoolId ?? (licence.schoolName ? null : licence.profileSchoolId);
  if (schoolId && can(actor, "school:use", { schoolId })) return true;
  const [venues, days] = await Promise.all([
    listVenues(db, licence.production),
    db.select({ venueId: scheduleDays.venueId }).from(scheduleDays).where(eq(scheduleDays.applicationId, licence.applicationId)),
  ]);
  return dayHostAuthorities(venues, days).some((authorityId) => can(actor, "document:download-any", { authorityId }));
}
