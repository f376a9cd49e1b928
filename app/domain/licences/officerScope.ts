import { and, desc, eq, inArray } from "drizzle-orm";
import { authorities, organisations } from "#db/schema/authorities";
import { children, productions } from "#db/schema/children";
import { memberships, users } from "#db/schema/identity";
import { schoolConsultations } from "#db/schema/licences";
import type { Db } from "~/server/db.server";
import type { Actor } from "../actor";
import { NotFoundError } from "../errors";
import { applicationForOfficer } from "./access";

/** The record type of a performance licence application in the audit trail. */
export const LICENCE_RECORD = "performance-application";

/** Longest message, reply, reasons or answer an officer or producer may type. */
export const LICENCE_TEXT_MAX = 2000;

/**
 * A submitted (or later) application routed to one of the officer's authorities: the only way the officer
 * verbs load one. Drafts are the producer's and parent's business, so they are "not found" here too.
 */
export async function submittedForOfficer(db: Db, actor: Actor, applicationId: string, options: { lock?: boolean } = {}) {
  const application = await applicationForOfficer(db, actor, applicationId, options);
  if (application.status === "draft") throw new NotFoundError("Application");
  return application;
}

type Application = { childId: string; productionId: string; organisationId: string; authorityId: string };

/**
 * Who an application concerns and who hears about it: the child and their parent, the production (and its
 * host authority), the organisation and the producer who set the production up, and the deciding council.
 */
export async function applicationParties(db: Db, application: Application) {
  const [[child], [production], [organisation], [authority]] = await Promise.all([
    db
      .select({
        firstName: children.firstName,
        lastName: children.lastName,
        dateOfBirth: children.dateOfBirth,
        photoUploadId: children.photoUploadId,
        birthCertificateUploadId: children.birthCertificateUploadId,
        parentUserId: children.parentUserId,
        parentEmail: users.email,
        parentName: users.name,
      })
      .from(children)
      .innerJoin(users, eq(users.id, children.parentUserId))
      .where(eq(children.id, application.childId)),
    db
      .select({
        id: productions.id,
        title: productions.title,
        kind: productions.kind,
        venueName: productions.venueName,
        venuePostcode: productions.venuePostcode,
        hostAuthorityId: productions.hostAuthorityId,
        hostName: authorities.name,
        producerEmail: users.email,
        producerName: users.name,
      })
      .from(productions)
      .innerJoin(authorities, eq(authorities.id, productions.hostAuthorityId))
      .innerJoin(users, eq(users.id, productions.createdByUserId))
      .where(eq(productions.id, application.productionId)),
    db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, application.organisationId)),
    db.select({ name: authorities.name }).from(authorities).where(eq(authorities.id, application.authorityId)),
  ]);
  return {
    child: { ...child, name: `${child.firstName} ${child.lastName}` },
    production,
    organisationName: organisation.name,
    authorityName: authority.name,
  };
}

export type ApplicationParties = Awaited<ReturnType<typeof applicationParties>>;

/** The application's latest school consultation, if the school was asked. */
export async function latestConsultation(db: Db, applicationId: string) {
  const [row] = await db
    .select()
    .from(schoolConsultations)
    .where(eq(schoolConsultations.applicationId, applicationId))
    .orderBy(desc(schoolConsultations.createdAt))
    .limit(1);
  return row ?? null;
}

/**
 * The officers of the host authorities (where the licensed days' venues are) other than the home authority, who
 * receive a copy of a licence granted by another council. Each officer once.
 */
export async function hostAuthorityOfficers(db: Db, hostAuthorityIds: string[], homeAuthorityId: string) {
  const ids = hostAuthorityIds.filter((id) => id !== homeAuthorityId);
  if (!ids.length) return [];
  return db
    .selectDistinct({ email: users.email, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(inArray(memberships.authorityId, ids), eq(memberships.role, "officer")))
    .orderBy(users.email);
}
