/** The world the permit application tests share: Corner Newsagents wants Noah (14) for a paper round in Northmere. */
import { eq } from "drizzle-orm";
import { paperRound } from "#db/factories-employment";
import { employmentPermits } from "#db/schema/employment";
import type { Actor } from "~/domain/actor";
import { saveEmployerPart } from "~/domain/employment/saveEmployerPart";
import type { Db } from "~/server/db.server";
import { actorFor, createAuthority, createChild, createOrganisation, createSchool, createUser } from "../factories";

export const BASE = "http://portal.test";
/** A fixed clock: Monday 7 December 2026, 10:00 in London. */
export const NOW = new Date("2026-12-07T10:00:00Z");

export async function applyWorld(db: Db) {
  const north = await createAuthority(db, { code: "NMC", name: "Northmere Council", postcodeDistricts: ["NM1", "NM2"] });
  const east = await createAuthority(db, { code: "EBC", name: "Eastbrook City Council", postcodeDistricts: ["EB1"] });
  const school = await createSchool(db, { authorityId: north.id, name: "Northmere Primary School" });
  const shop = await createOrganisation(db, { kind: "employer", name: "Corner Newsagents Ltd" });
  const employerUser = await createUser(db, { name: "Erin Employer", email: "erin@corner.example", memberships: [{ role: "employer", organisationId: shop.id }] });
  const colleagueUser = await createUser(db, { name: "Eddie Shift-Lead", email: "eddie@corner.example", memberships: [{ role: "employer", organisationId: shop.id }] });
  const employer = actorFor(employerUser, [{ role: "employer", organisationId: shop.id }]);
  const rival = await createOrganisation(db, { kind: "employer", name: "Rival Stores Ltd" });
  const rivalUser = await createUser(db, { name: "Rex Rival", memberships: [{ role: "employer", organisationId: rival.id }] });
  const rivalEmployer = actorFor(rivalUser, [{ role: "employer", organisationId: rival.id }]);
  const parentUser = await createUser(db, { name: "Priya Parent", email: "priya@example.com", memberships: [{ role: "parent" }] });
  const parent = actorFor(parentUser, [{ role: "parent" }]);
  const otherParentUser = await createUser(db, { name: "Olly Other", memberships: [{ role: "parent" }] });
  const otherParent = actorFor(otherParentUser, [{ role: "parent" }]);
  const child = await createChild(db, {
    parentUserId: parentUser.id,
    homeAuthorityId: north.id,
    firstName: "Noah",
    lastName: "Example",
    dateOfBirth: "2012-05-02",
    schoolId: school.id,
  });
  return { north, east, school, shop, employerUser, colleagueUser, employer, rival, rivalUser, rivalEmployer, parentUser, parent, otherParentUser, otherParent, child };
}

export type ApplyWorld = Awaited<ReturnType<typeof applyWorld>>;

/** Saves every section of the employer's part: a paper round starting `startDate` (unless told otherwise). */
export async function completeEmployerPart(db: Db, actor: Actor, permitId: string, overrides: { occupation?: string; startDate?: string } = {}) {
  const { term, holiday } = paperRound();
  await saveEmployerPart(db, actor, permitId, { section: "business", businessName: "Corner Newsagents Ltd", workplaceAddress: "12 High Street, Northmere", workplacePostcode: "nm2 3cd" }, { now: NOW });
  await saveEmployerPart(
    db,
    actor,
    permitId,
    {
      section: "job",
      occupation: overrides.occupation ?? "newspaper-delivery",
      jobDescription: "Delivering newspapers on a round of about 40 houses",
      startDate: overrides.startDate ?? "2027-01-04",
    },
    { now: NOW },
  );
  await saveEmployerPart(db, actor, permitId, { section: "hours", week: "term", pattern: term }, { now: NOW });
  await saveEmployerPart(db, actor, permitId, { section: "hours", week: "holiday", pattern: holiday }, { now: NOW });
  return saveEmployerPart(db, actor, permitId, { section: "supervision", supervisorName: "Erin Employer", riskAssessmentConfirmed: true }, { now: NOW });
}

export async function permitRow(db: Db, id: string) {
  const [row] = await db.select().from(employmentPermits).where(eq(employmentPermits.id, id));
  return row;
}
