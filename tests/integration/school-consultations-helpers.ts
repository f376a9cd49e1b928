/** A council, a school with a head teacher's account, a child's application waiting for the school, and its emailed link. */
import { createSchoolConsultation } from "#db/factories-school";
import type { Db } from "~/server/db.server";
import {
  actorFor,
  createAuthority,
  createChild,
  createOrganisation,
  createPerformanceApplication,
  createProduction,
  createSchool,
  createUser,
} from "../factories";

export const BASE = "http://portal.test";
/** A fixed clock: Friday 13 November 2026, 10:00 in London; the answer is due 5 working days later, Friday 20 November. */
export const NOW = new Date("2026-11-13T10:00:00Z");
export const DUE = "2026-11-20";

export async function schoolWorld(db: Db, { now = NOW }: { now?: Date } = {}) {
  const northmere = await createAuthority(db, { code: "NMC", name: "Northmere Council" });
  const eastbrook = await createAuthority(db, { code: "EBC", name: "Eastbrook City Council" });
  const school = await createSchool(db, { authorityId: northmere.id, name: "Northmere Primary School" });
  const otherSchool = await createSchool(db, { authorityId: northmere.id, name: "St Anne's Primary School" });
  const parent = await createUser(db, { name: "Priya Parent", email: "priya@example.com" });
  const company = await createOrganisation(db, { kind: "producer", name: "Footlights Productions Ltd" });
  const producer = await createUser(db, { name: "Pete Producer", memberships: [{ role: "producer", organisationId: company.id }] });
  const child = await createChild(db, {
    parentUserId: parent.id,
    homeAuthorityId: northmere.id,
    firstName: "Oliver",
    lastName: "Example",
    dateOfBirth: "2017-06-02",
    addressLine1: "12 Market Street",
    town: "Northmere",
    postcode: "NM1 2AB",
    schoolId: school.id,
  });
  const production = (title: string) =>
    createProduction(db, { organisationId: company.id, hostAuthorityId: northmere.id, createdByUserId: producer.id, title, venueName: "Northmere Playhouse" });
  const cinderella = await production("Cinderella");
  const application = await createPerformanceApplication(
    db,
    {
      productionId: cinderella.id,
      organisationId: company.id,
      childId: child.id,
      authorityId: northmere.id,
      schoolId: school.id,
      reference: "NMC-PA-2026-000007",
      status: "awaiting-school",
      paid: true,
      paymentDetails: "£40 a day into a trust account",
      hasHealthConditions: true,
      healthDetails: "Asthma: carries an inhaler",
      otherCouncilDetails: "Refused by Southmere in May",
      consentName: "Priya Parent",
      submittedAt: now,
    },
    [
      { date: "2026-12-01", arrive: "12:30", depart: "21:00", schoolDay: true },
      { date: "2026-12-02", arrive: "12:45", depart: "21:00", schoolDay: true },
      { date: "2026-12-05", arrive: "13:00", depart: "20:30", schoolDay: false },
    ],
  );
  const officer = await createUser(db, { name: "Olive Officer", email: "olive@northmere.example", memberships: [{ role: "officer", authorityId: northmere.id }] });
  const officer2 = await createUser(db, { name: "Oscar Officer", email: "oscar@northmere.example", memberships: [{ role: "officer", authorityId: northmere.id }] });
  const lado = await createUser(db, { name: "Lee LADO", email: "lee@northmere.example", memberships: [{ role: "lado", authorityId: northmere.id }] });
  const eastbrookOfficer = await createUser(db, { name: "Omar Officer", email: "omar@eastbrook.example", memberships: [{ role: "officer", authorityId: eastbrook.id }] });
  const headUser = await createUser(db, {
    name: "Hannah Head",
    email: "head@northmere-primary.example",
    memberships: [{ role: "school", authorityId: northmere.id, schoolId: school.id }],
  });
  const otherHeadUser = await createUser(db, {
    name: "Sid Saint",
    email: "head@st-annes.example",
    memberships: [{ role: "school", authorityId: northmere.id, schoolId: otherSchool.id }],
  });
  const { consultation, token } = await createSchoolConsultation(db, { applicationId: application.id, schoolId: school.id, email: headUser.email }, { now });
  return {
    northmere,
    eastbrook,
    school,
    otherSchool,
    parent,
    company,
    producer,
    child,
    production,
    application,
    officer,
    officer2,
    lado,
    eastbrookOfficer,
    headUser,
    head: actorFor(headUser, [{ role: "school", authorityId: northmere.id, schoolId: school.id }]),
    otherHead: actorFor(otherHeadUser, [{ role: "school", authorityId: northmere.id, schoolId: otherSchool.id }]),
    consultation,
    token,
  };
}

export type SchoolWorld = Awaited<ReturnType<typeof schoolWorld>>;

/** Another application of the same child, for another production, waiting for a school (by default the child's). */
export async function anotherConsultation(
  db: Db,
  w: SchoolWorld,
  title: string,
  { now = NOW, schoolId = w.school.id, dueOn }: { now?: Date; schoolId?: string; dueOn?: string } = {},
) {
  const production = await w.production(title);
  const application = await createPerformanceApplication(db, {
    productionId: production.id,
    organisationId: w.company.id,
    childId: w.child.id,
    authorityId: w.northmere.id,
    status: "awaiting-school",
  });
  const made = await createSchoolConsultation(db, { applicationId: application.id, schoolId, ...(dueOn ? { dueOn } : {}) }, { now });
  return { application, ...made };
}
