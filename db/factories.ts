/**
 * Factories: consistent rows with sensible defaults, for tests and the demo seed.
 * Each takes the database and overrides, and returns the inserted row.
 */
import { createHash, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { demoPhoto } from "../app/domain/documents/demoPhoto";
import { nextSequence } from "../app/domain/documents/nextSequence";
import { hashPassword } from "../app/domain/identity/passwords";
import type { Db } from "../app/server/db.server";
import { authorities, type OrganisationKind, organisations, schools } from "./schema/authorities";
import { memberships, type Role, users } from "./schema/identity";
import { chaperoneApplications, chaperoneReferees } from "./schema/chaperones";
import { childShares, children, performanceDays, productionVenues, productions } from "./schema/children";
import { performanceApplications, scheduleDays } from "./schema/licences";
import { uploads } from "./schema/uploads";

let sequence = 0;
const next = () => ++sequence;

export async function createAuthority(db: Db, overrides: Partial<typeof authorities.$inferInsert> = {}) {
  const n = next();
  const [row] = await db
    .insert(authorities)
    .values({ code: `A${n}${randomUUID().slice(0, 4).toUpperCase()}`, name: `Authority ${n} Council`, postcodeDistricts: [], ...overrides })
    .returning();
  return row;
}

export async function createSchool(db: Db, overrides: Partial<typeof schools.$inferInsert> & { authorityId: string }) {
  const n = next();
  const [row] = await db.insert(schools).values({ name: `School ${n}`, ...overrides }).returning();
  return row;
}

export async function createOrganisation(db: Db, overrides: Partial<typeof organisations.$inferInsert> & { kind: OrganisationKind }) {
  const n = next();
  const [row] = await db.insert(organisations).values({ name: `Organisation ${n} Ltd`, ...overrides }).returning();
  return row;
}

export type MembershipSpec = { role: Role; authorityId?: string | null; organisationId?: string | null; schoolId?: string | null };

const hashes = new Map<string, Promise<string>>();
/** Hashing is deliberately slow, so factories reuse one hash per password. */
const hashOnce = (password: string) => {
  if (!hashes.has(password)) hashes.set(password, hashPassword(password));
  return hashes.get(password)!;
};

export async function createUser(
  db: Db,
  overrides: { email?: string; name?: string; password?: string; confirmed?: boolean; memberships?: MembershipSpec[] } = {},
) {
  const n = next();
  const password = overrides.password ?? "correct horse battery";
  const [user] = await db
    .insert(users)
    .values({
      email: (overrides.email ?? `person${n}-${randomUUID().slice(0, 8)}@example.com`).toLowerCase(),
      name: overrides.name ?? `Person ${n}`,
      passwordHash: await hashOnce(password),
      emailConfirmedAt: overrides.confirmed === false ? null : new Date(),
    })
    .returning();
  for (const m of overrides.memberships ?? []) {
    await db.insert(memberships).values({ userId: user.id, ...m });
  }
  return { ...user, password };
}

const isoDaysAgo = (days: number, from = new Date()) => new Date(from.getTime() - days * 86_400_000).toISOString().slice(0, 10);

export type ChaperoneApplicationOverrides = Partial<typeof chaperoneApplications.$inferInsert> & {
  authorityId: string;
  /** The applicant's account; a new chaperone account when left out. */
  applicant?: { id: string; email: string; name: string };
  /** Whether both referees have answered (default true). */
  refereesResponded?: boolean;
  referees?: Partial<typeof chaperoneReferees.$inferInsert>[];
};

/**
 * A complete, submitted chaperone application (every section answered, a photograph, two referees who have
 * answered), numbered from the same counter as submission (`document_sequences`, kind "chaperone-application").
 * Override any column, e.g. `{ status: "checks-in-progress", checks: {...} }`.
 */
export async function createChaperoneApplication(db: Db, overrides: ChaperoneApplicationOverrides) {
  const n = next();
  const { applicant: givenApplicant, refereesResponded = true, referees: refereeOverrides = [], ...columns } = overrides;
  const firstName = columns.firstName ?? givenApplicant?.name.split(" ")[0] ?? "Chris";
  const lastName = columns.lastName ?? givenApplicant?.name.split(" ").slice(1).join(" ") ?? `Applicant${n}`;
  const applicant = givenApplicant ?? (await createUser(db, { name: `${firstName} ${lastName}`, memberships: [{ role: "chaperone" }] }));
  const submittedAt = columns.submittedAt ?? new Date();
  const photoImage = demoPhoto(`${firstName} ${lastName}`);
  const bytes = Buffer.from(photoImage.bytes);
  const [photo] = await db
    .insert(uploads)
    .values({
      ownerUserId: applicant.id,
      purpose: "chaperone-photo",
      filename: "photo.png",
      contentType: "image/png",
      size: bytes.length,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      bytes,
    })
    .returning();
  // A scan of one identity document (the photograph stands in for it).
  const [identityScan] = await db
    .insert(uploads)
    .values({ ownerUserId: applicant.id, purpose: "chaperone-identity", filename: "passport.png", contentType: "image/png", size: photo.size, sha256: photo.sha256, bytes })
    .returning({ id: uploads.id });
  let reference = columns.reference;
  if (reference === undefined && columns.status !== "draft") {
    const [authority] = await db.select().from(authorities).where(eq(authorities.id, columns.authorityId));
    const year = submittedAt.getFullYear();
    const sequence = await nextSequence(db, authority.id, "chaperone-application", year);
    reference = `${authority.code}-CA-${year}-${String(sequence).padStart(6, "0")}`;
  }
  const [application] = await db
    .insert(chaperoneApplications)
    .values({
      applicantUserId: applicant.id,
      status: "submitted",
      firstName,
      lastName,
      dateOfBirth: "1985-06-15",
      phone: "07700 900123",
      addressLine1: `${n} Station Road`,
      town: "Northmere",
      postcode: "NM1 2AB",
      photoUploadId: photo.id,
      identityDocumentTypes: ["passport", "driving-licence", "bank-statement"],
      identityUploadIds: [identityScan.id],
      dbsCertificateNumber: "001234567890",
      dbsIssueDate: isoDaysAgo(30, submittedAt),
      dbsOnUpdateService: true,
      dbsConsentToStatusCheck: true,
      trainingDate: isoDaysAgo(60, submittedAt),
      trainingProvider: "Northmere Council chaperone training",
      hasConvictions: false,
      hasOtherCouncilDecisions: false,
      declarationConfirmed: true,
      submittedAt,
      ...columns,
      reference: reference ?? null,
    })
    .returning();
  const referees = [];
  for (const [i, base] of [
    { name: "Rita Referee", relationship: "Former manager", yearsKnown: "6", capacity: "Line manager at a youth theatre" },
    { name: "Rob Referee", relationship: "Neighbour", yearsKnown: "12", capacity: "Neighbour and family friend" },
  ].entries()) {
    const { yearsKnown, capacity, ...referee } = base;
    const [row] = await db
      .insert(chaperoneReferees)
      .values({
        applicationId: application.id,
        position: i + 1,
        ...referee,
        email: `referee${i + 1}-${n}-${randomUUID().slice(0, 6)}@example.com`,
        requestedAt: submittedAt,
        ...(refereesResponded
          ? {
              submittedAt,
              response: { yearsKnown, capacity, suitable: true, concerns: "", comments: `I would trust ${firstName} with my own children.` },
            }
          : {}),
        ...refereeOverrides[i],
      })
      .returning();
    referees.push(row);
  }
  return { application, applicant, referees, photo };
}

/** A child's profile owned by a parent, living in `homeAuthorityId`. */
export async function createChild(db: Db, overrides: Partial<typeof children.$inferInsert> & { parentUserId: string; homeAuthorityId: string }) {
  const n = next();
  const [row] = await db
    .insert(children)
    .values({ firstName: `Child${n}`, lastName: "Example", dateOfBirth: "2015-05-01", addressLine1: `${n} High Street`, town: "Northmere", postcode: "NM1 1AA", ...overrides })
    .returning();
  return row;
}

/** A production of an organisation, hosted in `hostAuthorityId`: unpaid, not broadcast, by default. */
export async function createProduction(
  db: Db,
  overrides: Partial<typeof productions.$inferInsert> & { organisationId: string; hostAuthorityId: string; createdByUserId: string },
) {
  const n = next();
  const [row] = await db
    .insert(productions)
    .values({
      title: `Production ${n}`,
      kind: "theatre",
      paid: false,
      broadcast: false,
      venueName: "Town Hall",
      venuePostcode: "NM1 1AA",
      firstDate: "2027-03-01",
      lastDate: "2027-03-31",
      ...overrides,
    })
    .returning();
  return row;
}

/** Another venue of a production, in `hostAuthorityId`'s area. */
export async function createProductionVenue(db: Db, overrides: Partial<typeof productionVenues.$inferInsert> & { productionId: string; hostAuthorityId: string }) {
  const n = next();
  const [row] = await db
    .insert(productionVenues)
    .values({ name: `Venue ${n}`, postcode: "EB1 1AA", ...overrides })
    .returning();
  return row;
}

/** A share of a child already used by a production (the child is in its cast). */
export async function createUsedShare(db: Db, input: { childId: string; productionId: string; parentUserId: string; usedByUserId?: string }) {
  const [row] = await db
    .insert(childShares)
    .values({
      childId: input.childId,
      productionId: input.productionId,
      createdByUserId: input.parentUserId,
      usedByUserId: input.usedByUserId ?? null,
      usedAt: new Date(),
      codeHash: createHash("sha256").update(randomUUID()).digest("hex"),
      codeHint: "XYZ",
      expiresAt: new Date(Date.now() + 14 * 24 * 3600 * 1000),
    })
    .returning();
  return row;
}

/** Days already on a child's record (from earlier performances). */
export async function createPerformanceDays(db: Db, childId: string, dates: string[], overrides: Partial<typeof performanceDays.$inferInsert> = {}) {
  if (!dates.length) return [];
  return db
    .insert(performanceDays)
    .values(dates.map((date) => ({ childId, date, basis: "four-day-rule" as const, productionTitle: "Earlier show", organiserName: "Another company", ...overrides })))
    .returning();
}

/** A performance licence application for a cast child, with schedule days (an ordinary evening performance each) if given. */
export async function createPerformanceApplication(
  db: Db,
  overrides: Partial<typeof performanceApplications.$inferInsert> & { productionId: string; organisationId: string; childId: string; authorityId: string },
  days: (Partial<typeof scheduleDays.$inferInsert> & { date: string })[] = [],
) {
  const [application] = await db.insert(performanceApplications).values(overrides).returning();
  if (days.length) {
    await db.insert(scheduleDays).values(
      days.map((d) => ({
        arrive: "17:30",
        depart: "21:00",
        performing: [{ start: "19:00", end: "20:30" }],
        breaks: [{ start: "18:00", end: "18:45", kind: "meal" as const }],
        ...d,
        applicationId: application.id,
      })),
    );
  }
  return application;
}
