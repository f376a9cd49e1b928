/**
 * Demo employment permits waiting for the officer: the Shah family (not the demo parent's, so the application
 * journeys with Noah start clean). Leo (14) has two jobs at Corner Newsagents, both applications submitted to the
 * council where the work happens: a paper round starting next week, and Saturday shop work he started three weeks
 * ago (late: EMPLOY-7DAYS).
 */
import { createHash } from "node:crypto";
import { addDays, londonDate } from "../app/domain/calendar/dates";
import { demoPhoto } from "../app/domain/documents/demoPhoto";
import { nextSequence } from "../app/domain/documents/nextSequence";
import { emptyPattern } from "../app/domain/employment/pattern";
import { formatPermitApplicationReference, PERMIT_APPLICATION_SEQUENCE_KIND } from "../app/domain/employment/permitRules";
import type { Db } from "../app/server/db.server";
import { createEmploymentPermit } from "./factories-employment";
import { createChild, createUser } from "./factories";
import { uploads } from "./schema/uploads";

const DEMO_PERMIT_PARENT = { email: "parent2@demo.example", name: "Sunita Shah" };

export async function seedDemoPermits(
  db: Db,
  d: { authority: { id: string; code: string }; employerOrganisationId: string; schoolId: string; password: string; now?: Date },
) {
  const now = d.now ?? new Date();
  const today = londonDate(now);
  const parent = await createUser(db, { ...DEMO_PERMIT_PARENT, password: d.password, memberships: [{ role: "parent" }] });
  const image = demoPhoto("leo");
  const bytes = Buffer.from(image.bytes);
  const [photo] = await db
    .insert(uploads)
    .values({ ownerUserId: parent.id, purpose: "child-photo", filename: "leo.png", contentType: "image/png", size: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex"), bytes })
    .returning();
  const leo = await createChild(db, {
    parentUserId: parent.id,
    homeAuthorityId: d.authority.id,
    firstName: "Leo",
    lastName: "Shah",
    dateOfBirth: "2012-02-10",
    addressLine1: "8 Orchard Close",
    town: "Northmere",
    postcode: "NM3 7GH",
    schoolId: d.schoolId,
    photoUploadId: photo.id,
    photoTakenOn: addDays(today, -60),
  });
  const year = Number(today.slice(0, 4));
  const reference = async () => formatPermitApplicationReference(d.authority.code, year, await nextSequence(db, d.authority.id, PERMIT_APPLICATION_SEQUENCE_KIND, year));
  const common = {
    authorityId: d.authority.id,
    organisationId: d.employerOrganisationId,
    childId: leo.id,
    parentUserId: parent.id,
    schoolId: d.schoolId,
    status: "submitted" as const,
    consentName: DEMO_PERMIT_PARENT.name,
  };
  const paperRound = await createEmploymentPermit(db, {
    ...common,
    reference: await reference(),
    startDate: addDays(today, 7),
    submittedAt: new Date(now.getTime() - 2 * 86_400_000),
  });
  const saturdays = emptyPattern();
  saturdays.sat = [{ start: "09:00", end: "13:00" }];
  const holidays = emptyPattern();
  for (const day of ["mon", "wed", "fri"] as const) holidays[day] = [{ start: "09:00", end: "12:00" }];
  holidays.sat = saturdays.sat;
  const shopWork = await createEmploymentPermit(db, {
    ...common,
    reference: await reference(),
    occupation: "shop-work",
    jobDescription: "Stacking shelves and tidying the stock room",
    startDate: addDays(today, -21),
    termPattern: saturdays,
    holidayPattern: holidays,
    late: true,
    submittedAt: now,
  });
  return { parent, child: leo, permits: { paperRound, shopWork } };
}
