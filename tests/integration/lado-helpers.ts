import { createChaperoneApproval } from "#db/factories-licences";
import type { Db } from "~/server/db.server";
import { changeDocumentStatus } from "~/domain/documents/changeDocumentStatus";
import type { ConcernInput } from "~/domain/safeguarding/raiseConcern";
import {
  actorFor,
  createAuthority,
  createChild,
  createOrganisation,
  createPerformanceApplication,
  createProduction,
  createUser,
} from "../factories";

export const BASE = "http://portal.test";
/** Monday 7 December 2026, 10:00 in London. */
export const NOW = new Date("2026-12-07T10:00:00Z");

/**
 * Northmere and Eastbrook, each with an officer and a LADO; a Northmere chaperone booked on a production in which a
 * parent's child is cast (one application with a day to come, one whose days are past), and a producer.
 */
export async function ladoWorld(db: Db) {
  const nmc = await createAuthority(db, { code: "NMC", name: "Northmere Council" });
  const ebc = await createAuthority(db, { code: "EBC", name: "Eastbrook City Council" });
  const officerUser = await createUser(db, { name: "Olive Officer", memberships: [{ role: "officer", authorityId: nmc.id }] });
  const ladoUser = await createUser(db, { name: "Lara LADO", memberships: [{ role: "lado", authorityId: nmc.id }] });
  const otherLadoUser = await createUser(db, { name: "Leo LADO", memberships: [{ role: "lado", authorityId: ebc.id }] });
  const parentUser = await createUser(db, { name: "Pat Parent" });
  const company = await createOrganisation(db, { name: "Northmere Players", kind: "producer" });
  const producerUser = await createUser(db, { name: "Priya Producer", memberships: [{ role: "producer", organisationId: company.id }] });
  const child = await createChild(db, { parentUserId: parentUser.id, homeAuthorityId: nmc.id, firstName: "Amelia" });
  const pastChild = await createChild(db, { parentUserId: parentUser.id, homeAuthorityId: nmc.id, firstName: "Oliver" });
  const production = await createProduction(db, { organisationId: company.id, hostAuthorityId: nmc.id, createdByUserId: producerUser.id, title: "Snow Queen" });
  const licence = await createChaperoneApproval(db, { authorityId: nmc.id, holderName: "Casey Chaperone" });
  const application = await createPerformanceApplication(
    db,
    { productionId: production.id, organisationId: company.id, childId: child.id, authorityId: nmc.id, status: "submitted", reference: "NMC-PA-2026-000101" },
    [{ date: "2026-12-20", chaperone: "chaperone", chaperoneDocumentId: licence.id }],
  );
  const pastApplication = await createPerformanceApplication(
    db,
    { productionId: production.id, organisationId: company.id, childId: pastChild.id, authorityId: nmc.id, status: "granted", reference: "NMC-PA-2026-000102" },
    [{ date: "2026-11-20", chaperone: "chaperone", chaperoneDocumentId: licence.id }],
  );
  return {
    nmc,
    ebc,
    company,
    licence,
    application,
    pastApplication,
    ladoUser,
    officerUser,
    parentUser,
    officer: actorFor(officerUser, [{ role: "officer", authorityId: nmc.id }]),
    lado: actorFor(ladoUser, [{ role: "lado", authorityId: nmc.id }]),
    otherLado: actorFor(otherLadoUser, [{ role: "lado", authorityId: ebc.id }]),
    parent: actorFor(parentUser, [{ role: "parent" }]),
    producer: actorFor(producerUser, [{ role: "producer", organisationId: company.id }]),
    public: actorFor(null),
  };
}

export type LadoWorld = Awaited<ReturnType<typeof ladoWorld>>;

/** A complete concern from a member of the public about someone else. */
export function publicConcern(w: { nmc: { id: string } }, overrides: Partial<ConcernInput> = {}): ConcernInput {
  return {
    authorityId: w.nmc.id,
    reporterName: "Rita Reporter",
    reporterEmail: "rita@example.com",
    reporterPhone: "01234 567890",
    reporterRelationship: "I work in the theatre's box office",
    subjectName: "Sam Stagehand",
    subjectRole: "production-staff",
    subjectOrganisationName: "Northmere Players",
    childName: "Amelia",
    productionName: "Snow Queen",
    whatHappened: "I saw him shout at a child and grab her arm backstage.",
    happenedOn: "2026-12-05",
    actionTaken: "Told the company manager.",
    ...overrides,
  };
}

/** An officer suspends a licence for their own reasons (not a LADO hold). */
export async function suspendByOfficer(db: Db, w: LadoWorld) {
  await changeDocumentStatus(db, w.officer, w.licence.reference, "suspend", "Lapsed DBS", BASE, { notifyHolder: false });
}
