import { addDays } from "../app/domain/calendar/dates";
import { demoPhoto } from "../app/domain/documents/demoPhoto";
import { issueDocument } from "../app/domain/documents/issueDocument";
import type { Actor } from "../app/domain/actor";
import type { Db } from "../app/server/db.server";
import { eq } from "drizzle-orm";
import {
  createAuthority,
  createChaperoneApplication,
  createChild,
  createOrganisation,
  createPerformanceApplication,
  createPerformanceDays,
  createProduction,
  createSchool,
  createUsedShare,
  createUser,
} from "./factories";
import { nextSequence } from "../app/domain/documents/nextSequence";
import { formatPerformanceApplicationReference, PERFORMANCE_APPLICATION_SEQUENCE_KIND } from "../app/domain/licences/submitLicenceApplication";
import { createBopaApplication } from "./factories-bopa";
import { createProductionCast, createTermDates2026 } from "./factories-licences";
import { createDemoSchoolConsultation, demoCinderellaDays } from "./factories-school";
import { seedDemoPermits } from "./seed-employment";
import { seedDemoBooking } from "./seed-safeguarding";
import { issuedDocuments } from "./schema/documents";
import type { Role } from "./schema/identity";

export const DEMO_PASSWORD = "demo-password-2026";

export const DEMO_ACCOUNTS: { role: Role; email: string; name: string }[] = [
  { role: "parent", email: "parent@demo.example", name: "Priya Parent" },
  { role: "producer", email: "producer@demo.example", name: "Pete Producer" },
  { role: "employer", email: "employer@demo.example", name: "Erin Employer" },
  { role: "chaperone", email: "chaperone@demo.example", name: "Charlie Chaperone" },
  { role: "school", email: "school@demo.example", name: "Sam School" },
  { role: "officer", email: "officer@demo.example", name: "Olive Officer" },
  { role: "lado", email: "lado@demo.example", name: "Lee LADO" },
  { role: "admin", email: "admin@demo.example", name: "Ada Admin" },
];

/** Two neighbouring councils, their schools, a production company, an employer, one account per role, and one signed document of each kind. */
export async function seedDemo(db: Db, baseUrl: string) {
  const northmere = await createAuthority(db, {
    code: "NMC",
    name: "Northmere Council",
    postcodeDistricts: ["NM1", "NM2", "NM3", "NM4", "NM5"],
  });
  const eastbrook = await createAuthority(db, {
    code: "EBC",
    name: "Eastbrook City Council",
    postcodeDistricts: ["EB1", "EB2", "EB3", "EB4"],
  });
  const northmereSchools = [];
  for (const [name, urn, postcode] of [
    ["Northmere Primary School", "900001", "NM1 2AB"],
    ["St Anne's Church of England Primary School", "900002", "NM2 4CD"],
    ["Northmere Academy", "900003", "NM3 6EF"],
  ]) {
    northmereSchools.push(await createSchool(db, { authorityId: northmere.id, name, urn, postcode }));
  }
  // Eastbrook's schools have no accounts yet: the council holds each office's email address.
  const eastbrookSchools = [];
  for (const [name, urn, postcode, email] of [
    ["Eastbrook Junior School", "900101", "EB1 1AA", "office@eastbrook-junior.example"],
    ["Riverside High School", "900102", "EB2 3BB", "office@riverside-high.example"],
    ["Eastbrook Performing Arts College", "900103", "EB3 5CC", "office@eastbrook-arts.example"],
  ]) {
    eastbrookSchools.push(await createSchool(db, { authorityId: eastbrook.id, name, urn, postcode, email }));
  }
  const company = await createOrganisation(db, { kind: "producer", name: "Footlights Productions Ltd" });
  const employer = await createOrganisation(db, { kind: "employer", name: "Corner Newsagents Ltd" });

  const scope: Record<Role, object> = {
    parent: {},
    chaperone: {},
    producer: { organisationId: company.id },
    employer: { organisationId: employer.id },
    school: { authorityId: northmere.id, schoolId: northmereSchools[0].id },
    officer: { authorityId: northmere.id },
    lado: { authorityId: northmere.id },
    admin: { authorityId: northmere.id },
  };
  const demoUsers = {} as Record<Role, { id: string; name: string; email: string }>;
  for (const account of DEMO_ACCOUNTS) {
    demoUsers[account.role] = await createUser(db, { ...account, password: DEMO_PASSWORD, memberships: [{ role: account.role, ...scope[account.role] }] });
  }
  // A colleague at each organisation, and an officer and admin at the neighbouring council.
  await createUser(db, { email: "producer2@demo.example", name: "Pat Stage-Manager", password: DEMO_PASSWORD, memberships: [{ role: "producer", organisationId: company.id }] });
  await createUser(db, { email: "employer2@demo.example", name: "Eddie Shift-Lead", password: DEMO_PASSWORD, memberships: [{ role: "employer", organisationId: employer.id }] });
  await createUser(db, { email: "officer@eastbrook.example", name: "Omar Officer", password: DEMO_PASSWORD, memberships: [{ role: "officer", authorityId: eastbrook.id }] });
  await createUser(db, { email: "admin@eastbrook.example", name: "Alex Admin", password: DEMO_PASSWORD, memberships: [{ role: "admin", authorityId: eastbrook.id }] });
  await createUser(db, { email: "lado@eastbrook.example", name: "Lena LADO", password: DEMO_PASSWORD, memberships: [{ role: "lado", authorityId: eastbrook.id }] });
  // A family in Eastbrook, so one production's cast can span two councils.
  const eastbrookParent = await createUser(db, { email: "parent@eastbrook.example", name: "Esther Parent", password: DEMO_PASSWORD, memberships: [{ role: "parent" }] });
  await createChild(db, {
    parentUserId: eastbrookParent.id,
    homeAuthorityId: eastbrook.id,
    firstName: "Ruby",
    lastName: "Brook",
    dateOfBirth: "2014-07-21",
    addressLine1: "3 Mill Lane",
    town: "Eastbrook",
    postcode: "EB1 4DE",
    schoolId: eastbrookSchools[0].id,
  });
  const officer: Actor = {
    userId: demoUsers.officer.id,
    name: demoUsers.officer.name,
    ip: null,
    memberships: [{ id: "seed", role: "officer", authorityId: northmere.id, organisationId: null, schoolId: null }],
  };
  const documents = await seedDemoDocuments(db, officer, baseUrl, { authorityId: northmere.id, company, employer, users: demoUsers });
  // A second chaperone whose application waits in the Northmere officer's queue, both references in.
  const candidate = await createUser(db, { email: "chaperone2@demo.example", name: "Casey Candidate", password: DEMO_PASSWORD, memberships: [{ role: "chaperone" }] });
  await createChaperoneApplication(db, { authorityId: northmere.id, applicant: candidate, submittedAt: new Date(Date.now() - 3 * 86_400_000) });
  await createTermDates2026(db, northmere.id);
  await createTermDates2026(db, eastbrook.id);
  await seedDemoChildren(db, { northmere, company, parent: demoUsers.parent, producer: demoUsers.producer, school: northmereSchools[0] });
  await seedDemoPermits(db, { authority: northmere, employerOrganisationId: employer.id, schoolId: northmereSchools[2].id, password: DEMO_PASSWORD });
  await seedDemoBooking(db, officer, baseUrl, { authorityId: northmere.id, company, parent: demoUsers.parent, producer: demoUsers.producer, password: DEMO_PASSWORD });
  return { northmere, eastbrook, company, employer, documents };
}

/**
 * The demo parent's two children and Footlights' productions: Amelia is in the spring showcase's cast; Oliver
 * is not shared with anyone yet and has 3 performance days on record (so a 4th is exempt and a 5th is not).
 * Footlights' BOPA from Northmere (the seeded approval) is in the register as a granted application.
 * Performance licence applications wait at Northmere: Oliver's for Cinderella, for the school's answer (by the link
 * with DEMO_SCHOOL_TOKEN); Amelia's for The Snow Queen, for an officer; and Annie's cast of three, to grant together.
 */
async function seedDemoChildren(
  db: Db,
  d: { northmere: { id: string; code: string }; company: { id: string }; parent: { id: string }; producer: { id: string }; school: { id: string } },
) {
  const home = { parentUserId: d.parent.id, homeAuthorityId: d.northmere.id, addressLine1: "12 Market Street", town: "Northmere", postcode: "NM1 2AB", schoolId: d.school.id };
  const amelia = await createChild(db, { ...home, firstName: "Amelia", lastName: "Example", dateOfBirth: "2015-03-14" });
  const oliver = await createChild(db, { ...home, firstName: "Oliver", lastName: "Example", dateOfBirth: "2017-06-02" });
  // Old enough for a part-time job (14): the demo employment permit is his.
  await createChild(db, { ...home, firstName: "Noah", lastName: "Example", dateOfBirth: "2012-05-02" });
  const venue = { organisationId: d.company.id, hostAuthorityId: d.northmere.id, createdByUserId: d.producer.id, venueName: "Northmere Playhouse", venuePostcode: "NM1 1AA" };
  const showcase = await createProduction(db, { ...venue, title: "Spring showcase", kind: "amateur", firstDate: "2027-03-01", lastDate: "2027-03-31" });
  const cinderellaFrom = demoCinderellaDays().tuesday;
  const cinderella = await createProduction(db, { ...venue, title: "Cinderella", kind: "theatre", paid: true, firstDate: cinderellaFrom, lastDate: addDays(cinderellaFrom, 40) });
  const snowQueen = await createProduction(db, { ...venue, title: "The Snow Queen", kind: "theatre", paid: true, firstDate: "2027-04-03", lastDate: "2027-04-04" });
  await createUsedShare(db, { childId: amelia.id, productionId: showcase.id, parentUserId: d.parent.id, usedByUserId: d.producer.id });
  await createPerformanceDays(db, amelia.id, ["2026-10-10"], { productionTitle: "Autumn charity concert", organiserName: "Footlights Productions Ltd", authorityId: d.northmere.id });
  await createPerformanceDays(db, oliver.id, ["2026-11-07", "2026-12-12", "2027-02-06"], {
    basis: "reported-by-parent",
    productionTitle: "Northmere Youth Choir concerts",
    organiserName: "Northmere Youth Choir",
    recordedByUserId: d.parent.id,
  });
  await createDemoSchoolConsultation(db, {
    authorityId: d.northmere.id,
    organisationId: d.company.id,
    productionId: cinderella.id,
    childId: oliver.id,
    schoolId: d.school.id,
    schoolEmail: "school@demo.example",
    reference: "NMC-PA-2026-000900",
  });
  const now = new Date();
  const share = await createUsedShare(db, { childId: amelia.id, productionId: snowQueen.id, parentUserId: d.parent.id, usedByUserId: d.producer.id });
  const year = now.getFullYear();
  const sequence = await nextSequence(db, d.northmere.id, PERFORMANCE_APPLICATION_SEQUENCE_KIND, year);
  await createPerformanceApplication(
    db,
    {
      authorityId: d.northmere.id,
      organisationId: d.company.id,
      productionId: snowQueen.id,
      childId: amelia.id,
      shareId: share.id,
      reference: formatPerformanceApplicationReference(d.northmere.code, year, sequence),
      status: "submitted",
      paid: true,
      paymentDetails: "£60 for the two performances, paid into a trust account",
      schoolId: d.school.id,
      hasHealthConditions: false,
      hasOtherCouncilDecisions: false,
      photoTakenOn: "2026-10-01",
      consentName: "Priya Parent",
      producerPartCompletedAt: now,
      parentPartCompletedAt: now,
      submittedAt: now,
    },
    [
      { date: "2027-04-03", chaperone: "parent" },
      { date: "2027-04-04", chaperone: "parent" },
    ],
  );
  // A cast of three, ready to grant together (/officer/productions/{id}/grant).
  await createProductionCast(db, {
    authorityId: d.northmere.id,
    organisationId: d.company.id,
    producerUserId: d.producer.id,
    size: 3,
    title: "Annie",
    dates: ["2027-05-08", "2027-05-09"],
    names: [
      ["Grace", "Ahmed"],
      ["Leo", "Brown"],
      ["Maya", "Clarke"],
    ],
    nextReference: async () => formatPerformanceApplicationReference(d.northmere.code, year, await nextSequence(db, d.northmere.id, PERFORMANCE_APPLICATION_SEQUENCE_KIND, year)),
    submittedAt: now,
  });
  const [approval] = await db.select().from(issuedDocuments).where(eq(issuedDocuments.kind, "bopa-approval"));
  await createBopaApplication(db, {
    organisationId: d.company.id,
    hostAuthorityId: d.northmere.id,
    submittedByUserId: d.producer.id,
    status: "granted",
    documentId: approval.id,
    periodFrom: approval.validFrom,
    periodTo: approval.validTo,
    submittedAt: new Date("2026-09-01T09:00:00Z"),
    performances: "Footlights Youth Theatre spring showcase and summer concert",
    safeguardingLeadName: "Pete Producer",
    conditions: (approval.content as { conditions: string[] }).conditions,
  });
}

/** One document of each kind, issued by the Northmere demo officer, so they can be opened, downloaded and verified at once. */
async function seedDemoDocuments(
  db: Db,
  officer: Actor,
  baseUrl: string,
  d: {
    authorityId: string;
    company: { id: string; name: string };
    employer: { id: string; name: string };
    users: Record<Role, { id: string; name: string; email: string }>;
  },
) {
  const amelia = { name: "Amelia Example", dateOfBirth: "2015-03-14", photo: demoPhoto("amelia") };
  const producer = { holder: { name: d.company.name, description: "Licence holder (producer)" }, organisationId: d.company.id, holderEmail: d.users.producer.email };
  const issued = [];
  issued.push(
    await issueDocument(
      db,
      officer,
      {
        kind: "performance-licence",
        authorityId: d.authorityId,
        ...producer,
        child: amelia,
        parentUserId: d.users.parent.id,
        validFrom: "2026-12-01",
        validTo: "2027-01-10",
        details: [
          { label: "Production", value: "Cinderella (pantomime)" },
          { label: "Venue", value: "Northmere Playhouse, 1 Market Street, Northmere NM1 1AA (Northmere Council)" },
          { label: "Performance days", value: "Up to 28 days between 1 December 2026 and 10 January 2027" },
          { label: "Payment", value: "£40 a performance, paid into a trust account" },
          { label: "Chaperone", value: "Charlie Chaperone (approved by Northmere Council)" },
          { label: "Education", value: "No school absence: performances are after school and in the holidays" },
        ],
        conditions: [
          "The child must be supervised at all times by the named chaperone, who may look after no more than 12 children.",
          "The hours and breaks in the schedule must be kept. The child may not perform after 22:00.",
          "Records of the child's attendance, hours and payments must be kept and shown to the council on request.",
          "The council must be told at once of any change of venue, chaperone or dates.",
        ],
        schedule: {
          caption: "Schedule (first week)",
          head: ["Date", "At the venue", "Performing", "Breaks"],
          rows: [
            ["Tue 1 Dec", "17:30–21:15", "19:00–20:10", "Meal 18:15–18:45"],
            ["Wed 2 Dec", "17:30–21:15", "19:00–20:10", "Meal 18:15–18:45"],
            ["Thu 3 Dec", "17:30–21:15", "19:00–20:10", "Meal 18:15–18:45"],
            ["Sat 5 Dec", "12:30–17:00", "14:00–15:10", "Meal 13:00–13:30, rest 15:15–15:45"],
            ["Sun 6 Dec", "12:30–17:00", "14:00–15:10", "Meal 13:00–13:30, rest 15:15–15:45"],
          ],
        },
      },
      baseUrl,
    ),
  );
  issued.push(
    await issueDocument(
      db,
      officer,
      {
        kind: "employment-permit",
        authorityId: d.authorityId,
        holder: { name: d.employer.name, description: "Employer" },
        organisationId: d.employer.id,
        holderEmail: d.users.employer.email,
        child: { name: "Noah Example", dateOfBirth: "2012-05-02", photo: demoPhoto("noah") },
        parentUserId: d.users.parent.id,
        validFrom: "2026-11-01",
        validTo: "2027-10-31",
        details: [
          { label: "Employer", value: d.employer.name },
          { label: "Workplace", value: "Corner Newsagents, 12 High Street, Northmere NM2 3CD" },
          { label: "Job", value: "Delivering newspapers (light work)" },
          { label: "Supervisor", value: "Erin Employer" },
        ],
        conditions: ["Work only within the hours below.", "No work during school hours.", "A break of at least 1 hour after 4 hours' work."],
        schedule: {
          caption: "Hours",
          head: ["Days", "Term time", "School holidays"],
          rows: [
            ["Monday to Friday", "07:00–08:00", "07:00–09:00"],
            ["Saturday", "08:00–12:00", "08:00–12:00"],
            ["Sunday", "08:00–10:00", "08:00–10:00"],
          ],
        },
      },
      baseUrl,
    ),
  );
  issued.push(
    await issueDocument(
      db,
      officer,
      {
        kind: "chaperone-licence",
        authorityId: d.authorityId,
        holder: { name: d.users.chaperone.name, description: "Approved chaperone" },
        holderUserId: d.users.chaperone.id,
        holderEmail: d.users.chaperone.email,
        holderPhoto: demoPhoto("charlie"),
        validFrom: "2026-09-01",
        validTo: "2029-08-31",
        details: [
          { label: "Address", value: "Northmere (full address held by the council)" },
          { label: "Restrictions", value: "None" },
          { label: "Checks", value: "Enhanced DBS checked; two references; interview; safeguarding training" },
        ],
        conditions: [
          "Look after no more than 12 children at a time.",
          "Carry this approval and photo card when acting as a chaperone.",
          "Tell the council at once of any change of address or any caution or conviction.",
        ],
      },
      baseUrl,
    ),
  );
  issued.push(
    await issueDocument(
      db,
      officer,
      {
        kind: "bopa-approval",
        authorityId: d.authorityId,
        ...producer,
        validFrom: "2026-10-01",
        validTo: "2027-09-30",
        details: [
          { label: "Performances", value: "Footlights Youth Theatre spring showcase and summer concert" },
          { label: "Venues", value: "Northmere Playhouse, 1 Market Street, Northmere NM1 1AA" },
          { label: "Safeguarding lead", value: "Pete Producer" },
        ],
        conditions: [
          "No payment is made to any child or to anyone for a child, beyond expenses.",
          "Children are supervised by chaperones approved by a council.",
          "The child protection policy is reviewed every 12 months.",
          "A risk assessment is made for each venue, and a health declaration held for each child.",
          "The council is told of each performance and the children taking part, and may inspect.",
        ],
      },
      baseUrl,
    ),
  );
  issued.push(
    await issueDocument(
      db,
      officer,
      {
        kind: "exemption-record",
        authorityId: d.authorityId,
        ...producer,
        child: amelia,
        parentUserId: d.users.parent.id,
        validFrom: "2026-10-10",
        validTo: "2026-10-10",
        details: [
          { label: "Performance", value: "Autumn charity concert, Northmere Town Hall" },
          { label: "Basis", value: "Four-day rule (EXEMPT-4DAY): unpaid, no absence from school, not broadcast" },
          { label: "Days counted", value: "2 performance days in the 6 months before 10 October 2026 (14 June, 20 June)" },
        ],
        conditions: ["The hours and breaks rules for performances still apply."],
      },
      baseUrl,
    ),
  );
  return issued.map((doc) => doc.reference);
}
