/** The world the officer-side permit tests share: Noah works a paper round in Northmere. */
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { employmentPermits } from "#db/schema/employment";
import { uploads } from "#db/schema/uploads";
import { createEmploymentPermit } from "#db/factories-employment";
import { demoPhoto } from "~/domain/documents/demoPhoto";
import type { Db } from "~/server/db.server";
import { actorFor, createAuthority, createChild, createOrganisation, createSchool, createUser } from "../factories";

export const BASE = "http://portal.test";
/** A fixed clock: Tuesday 1 December 2026, 10:00 in London. */
export const NOW = new Date("2026-12-01T10:00:00Z");
export const TODAY = "2026-12-01";
/** Noah (born 2 May 2012) leaves school on the last Friday of June 2028. */
export const NOAH_LEAVES = "2028-06-30";

export async function permitWorld(db: Db) {
  const north = await createAuthority(db, { code: "NMC", name: "Northmere Council" });
  const east = await createAuthority(db, { code: "EBC", name: "Eastbrook City Council" });
  const school = await createSchool(db, { authorityId: north.id, name: "Northmere Academy" });
  const shop = await createOrganisation(db, { kind: "employer", name: "Corner Newsagents Ltd" });
  const employerUser = await createUser(db, { name: "Erin Employer", memberships: [{ role: "employer", organisationId: shop.id }] });
  const employer = actorFor(employerUser, [{ role: "employer", organisationId: shop.id }]);
  const rival = await createOrganisation(db, { kind: "employer", name: "Rival Stores Ltd" });
  const rivalUser = await createUser(db, { name: "Rex Rival", memberships: [{ role: "employer", organisationId: rival.id }] });
  const rivalEmployer = actorFor(rivalUser, [{ role: "employer", organisationId: rival.id }]);
  const parentUser = await createUser(db, { name: "Priya Parent", memberships: [{ role: "parent" }] });
  const parent = actorFor(parentUser, [{ role: "parent" }]);
  const officerUser = await createUser(db, { name: "Olive Officer", memberships: [{ role: "officer", authorityId: north.id }] });
  const officerN = actorFor(officerUser, [{ role: "officer", authorityId: north.id }]);
  const eastOfficerUser = await createUser(db, { name: "Omar Officer", memberships: [{ role: "officer", authorityId: east.id }] });
  const officerE = actorFor(eastOfficerUser, [{ role: "officer", authorityId: east.id }]);

  const image = demoPhoto("noah");
  const bytes = Buffer.from(image.bytes);
  const [photo] = await db
    .insert(uploads)
    .values({ ownerUserId: parentUser.id, purpose: "child-photo", filename: "noah.png", contentType: "image/png", size: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex"), bytes })
    .returning();
  const child = await createChild(db, {
    parentUserId: parentUser.id,
    homeAuthorityId: north.id,
    firstName: "Noah",
    lastName: "Example",
    dateOfBirth: "2012-05-02",
    schoolId: school.id,
    photoUploadId: photo.id,
  });
  let n = 0;
  /** A submitted paper round for Noah at Corner Newsagents, starting on the fixed day; override anything. */
  const permit = (overrides: Omit<Partial<typeof employmentPermits.$inferInsert>, "authorityId" | "childId" | "parentUserId"> & { authorityId?: string } = {}) =>
    createEmploymentPermit(db, {
      authorityId: north.id,
      childId: child.id,
      parentUserId: parentUser.id,
      organisationId: shop.id,
      status: "submitted",
      reference: `NMC-PE-2026-${String(++n).padStart(6, "0")}`,
      schoolId: school.id,
      startDate: TODAY,
      submittedAt: new Date("2026-11-25T09:00:00Z"),
      ...overrides,
    });
  return { north, east, school, shop, employerUser, employer, rival, rivalUser, rivalEmployer, parentUser, parent, officerUser, officerN, eastOfficerUser, officerE, child, photo, permit };
}

export type PermitWorld = Awaited<ReturnType<typeof permitWorld>>;

export async function permitRow(db: Db, id: string) {
  const [row] = await db.select().from(employmentPermits).where(eq(employmentPermits.id, id));
  return row;
}
