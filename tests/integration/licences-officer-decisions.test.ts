import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { performanceDays } from "#db/schema/children";
import { issuedDocuments } from "#db/schema/documents";
import { performanceApplications, scheduleDays, schoolConsultations } from "#db/schema/licences";
import { uploads } from "#db/schema/uploads";
import { createChaperoneApproval } from "#db/factories-licences";
import { demoPhoto } from "~/domain/documents/demoPhoto";
import { downloadDocument } from "~/domain/documents/downloadDocument";
import { ForbiddenError, NotFoundError } from "~/domain/errors";
import {
  assignLicenceApplication,
  getLicenceApplication,
  getLicenceInformationRequest,
  grantPerformanceLicence,
  refusePerformanceLicence,
  replyToLicenceInformation,
  requestLicenceInformation,
  revokePerformanceLicence,
} from "~/domain/licences-officer.server";
import { LICENCE_STANDARD_CONDITIONS } from "~/domain/licences/rules";
import {
  actorFor,
  auditFor,
  createAuthority,
  createChild,
  createOrganisation,
  createPerformanceApplication,
  createProduction,
  createSchool,
  createUsedShare,
  createUser,
  outboxFor,
} from "../factories";
import { useTestDatabase } from "../setup/db";
import { ruleErrors } from "../setup/routes";

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest lifecycle helper, not a React hook
const db = useTestDatabase();
const BASE = "http://portal.test";
/** A fixed clock: Monday 1 February 2027, 10:00 in London. */
const NOW = new Date("2027-02-01T10:00:00Z");
const ALL = LICENCE_STANDARD_CONDITIONS.map((c) => c.id);

/**
 * Footlights (a producer) puts on "Spring showcase" at a venue in `host`; Amelia lives in Northmere, so
 * Northmere decides her submitted application: two evening performances, with her parent as chaperone.
 */
async function world({ host = "north" as "north" | "east" } = {}) {
  const north = await createAuthority(db(), { code: "NMC", name: "Northmere Council" });
  const east = await createAuthority(db(), { code: "EBC", name: "Eastbrook City Council" });
  const school = await createSchool(db(), { authorityId: north.id, name: "Northmere Primary School" });
  const company = await createOrganisation(db(), { kind: "producer", name: "Footlights Productions Ltd" });
  const producerUser = await createUser(db(), { name: "Pete Producer", memberships: [{ role: "producer", organisationId: company.id }] });
  const producer = actorFor(producerUser, [{ role: "producer", organisationId: company.id }]);
  const rival = await createOrganisation(db(), { kind: "producer", name: "Rival Theatre Ltd" });
  const rivalProducer = actorFor(await createUser(db(), { name: "Rita Rival" }), [{ role: "producer", organisationId: rival.id }]);
  const parentUser = await createUser(db(), { name: "Priya Parent", memberships: [{ role: "parent" }] });
  const officerUser = await createUser(db(), { name: "Olive Officer", memberships: [{ role: "officer", authorityId: north.id }] });
  const officerN = actorFor(officerUser, [{ role: "officer", authorityId: north.id }]);
  const otherOfficerN = actorFor(await createUser(db(), { name: "Nell Officer" }), [{ role: "officer", authorityId: north.id }]);
  const eastOfficerUser = await createUser(db(), { name: "Omar Officer", memberships: [{ role: "officer", authorityId: east.id }] });
  const officerE = actorFor(eastOfficerUser, [{ role: "officer", authorityId: east.id }]);
  const child = await createChild(db(), {
    parentUserId: parentUser.id,
    homeAuthorityId: north.id,
    firstName: "Amelia",
    lastName: "Example",
    dateOfBirth: "2015-03-14",
    schoolId: school.id,
  });
  const production = await createProduction(db(), {
    organisationId: company.id,
    hostAuthorityId: host === "north" ? north.id : east.id,
    createdByUserId: producerUser.id,
    title: "Spring showcase",
    kind: "amateur",
    venueName: "Northmere Playhouse",
    venuePostcode: "NM1 1AA",
  });
  const share = await createUsedShare(db(), { childId: child.id, productionId: production.id, parentUserId: parentUser.id, usedByUserId: producerUser.id });
  const photoImage = demoPhoto("amelia");
  const bytes = Buffer.from(photoImage.bytes);
  const [photo] = await db()
    .insert(uploads)
    .values({ ownerUserId: parentUser.id, purpose: "child-photo", filename: "amelia.png", contentType: "image/png", size: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex"), bytes })
    .returning();
  const application = await createPerformanceApplication(
    db(),
    {
      productionId: production.id,
      organisationId: company.id,
      childId: child.id,
      shareId: share.id,
      authorityId: north.id,
      status: "submitted",
      reference: "NMC-PA-2027-000001",
      submittedAt: new Date("2027-01-20T09:00:00Z"),
      paid: true,
      paymentDetails: "£40 a performance, paid into a trust account",
      schoolId: school.id,
      hasHealthConditions: false,
      hasOtherCouncilDecisions: false,
      photoUploadId: photo.id,
      photoTakenOn: "2026-12-01",
      consentName: "Priya Parent",
      producerPartCompletedAt: new Date("2027-01-19T09:00:00Z"),
      parentPartCompletedAt: new Date("2027-01-18T09:00:00Z"),
    },
    [
      { date: "2027-03-06", chaperone: "parent" },
      { date: "2027-03-07", chaperone: "parent", arrive: "13:00", depart: "16:30", performing: [{ start: "14:00", end: "15:30" }], breaks: [] },
    ],
  );
  return {
    north,
    east,
    school,
    company,
    producerUser,
    producer,
    rivalProducer,
    parentUser,
    officerUser,
    officerN,
    otherOfficerN,
    eastOfficerUser,
    officerE,
    child,
    production,
    application,
    id: application.id,
  };
}

type World = Awaited<ReturnType<typeof world>>;

const grant = (w: World, overrides: Partial<Parameters<typeof grantPerformanceLicence>[3]> = {}) =>
  grantPerformanceLicence(db(), w.officerN, w.id, { standardConditions: ALL, customConditions: "", ...overrides }, BASE, NOW);

const statusOf = async (id: string) => (await db().select().from(performanceApplications).where(eq(performanceApplications.id, id)))[0];

async function consultSchool(w: World, answer: Partial<typeof schoolConsultations.$inferInsert> = {}) {
  const [row] = await db()
    .insert(schoolConsultations)
    .values({
      applicationId: w.id,
      schoolId: w.school.id,
      email: "head@northmere-primary.example",
      tokenHash: createHash("sha256").update(`${w.id}-${Math.random()}`).digest("hex"),
      expiresAt: new Date("2027-02-20T00:00:00Z"),
      dueOn: "2027-01-27",
      ...answer,
    })
    .returning();
  return row;
}

/** Saturday ends at 23:30 (after the latest time for the child's age); Sunday starts late enough for the 16-hour break after night work. */
async function lateEvening(w: World) {
  await db()
    .update(scheduleDays)
    .set({ arrive: "20:00", depart: "23:30", performing: [{ start: "21:00", end: "22:30" }], breaks: [] })
    .where(and(eq(scheduleDays.applicationId, w.id), eq(scheduleDays.date, "2027-03-06")));
  await db()
    .update(scheduleDays)
    .set({ arrive: "16:00", depart: "19:30", performing: [{ start: "17:00", end: "18:30" }] })
    .where(and(eq(scheduleDays.applicationId, w.id), eq(scheduleDays.date, "2027-03-07")));
}

describe("grantPerformanceLicence", () => {
  it("issues the signed licence to the organisation with the conditions and the schedule, adds the days to the child's record, audits and emails", async () => {
    const w = await world();
    const result = await grant(w, { standardConditions: ["chaperone", "records"], customConditions: "No performances after 21:00.\n\n  Tuition as arranged.  " });
    expect(result.reference).toMatch(/^NMC-PL-2027-\d{6}$/);
    const conditions = [
      "The child is supervised at all times by the named parent or approved chaperone.",
      "Daily records of attendance, hours, breaks, tuition and payments are kept for 6 months and shown to the council on request.",
      "No performances after 21:00.",
      "Tuition as arranged.",
    ];
    expect(await statusOf(w.id)).toMatchObject({ status: "granted", documentId: result.documentId, conditions, decidedAt: NOW, decidedByUserId: w.officerUser.id });

    const [doc] = await db().select().from(issuedDocuments).where(eq(issuedDocuments.id, result.documentId));
    expect(doc).toMatchObject({
      kind: "performance-licence",
      authorityId: w.north.id,
      organisationId: w.company.id,
      holderName: "Footlights Productions Ltd",
      holderEmail: w.producerUser.email,
      parentUserId: w.parentUser.id,
      childName: "Amelia Example",
      validFrom: "2027-03-06",
      validTo: "2027-03-07",
      status: "valid",
    });
    expect(doc.pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const content = doc.content as {
      conditions: string[];
      details: { label: string; value: string }[];
      schedule: { head: string[]; rows: string[][] };
      child: { name: string; dateOfBirth: string; photo?: { type: string } };
    };
    expect(content.conditions).toEqual(conditions);
    expect(content.child).toMatchObject({ name: "Amelia Example", dateOfBirth: "2015-03-14", photo: { type: "png" } });
    expect(content.details).toEqual(
      expect.arrayContaining([
        { label: "Production", value: "Spring showcase (Amateur production)" },
        { label: "Venue", value: "Northmere Playhouse, NM1 1AA (Northmere Council)" },
        { label: "Performance days", value: "2 days: Sat 6 March 2027, Sun 7 March 2027" },
        { label: "Payment", value: "£40 a performance, paid into a trust account" },
        { label: "Chaperones", value: "The child's parent" },
        { label: "Education", value: "No school days missed" },
        { label: "Application", value: "NMC-PA-2027-000001" },
      ]),
    );
    expect(content.schedule.rows).toEqual([
      ["Sat 6 March 2027", "17:30–21:00", "19:00–20:30", "Meal 18:00–18:45", "The child's parent"],
      ["Sun 7 March 2027", "13:00–16:30", "14:00–15:30", "None", "The child's parent"],
    ]);

    const days = await db().select().from(performanceDays).where(eq(performanceDays.childId, w.child.id));
    expect(days.map((d) => [d.date, d.basis, d.productionId, d.productionTitle, d.organiserName, d.authorityId]).sort()).toEqual([
      ["2027-03-06", "licence", w.production.id, "Spring showcase", "Footlights Productions Ltd", w.north.id],
      ["2027-03-07", "licence", w.production.id, "Spring showcase", "Footlights Productions Ltd", w.north.id],
    ]);

    const events = await auditFor(db(), "performance-application", w.id);
    expect(events.map((e) => e.action)).toEqual(["licence.granted"]);
    expect(events[0].after).toMatchObject({ status: "granted", licence: result.reference, conditions, nightWorkPermitted: false, objectionAnswer: null });

    const [toProducer] = await outboxFor(db(), w.producerUser.email);
    expect(toProducer).toMatchObject({ template: "licence-granted" });
    expect(toProducer.props).toMatchObject({ audience: "producer", reference: result.reference, url: `${BASE}/documents/${result.reference}.pdf`, conditions });
    expect((await outboxFor(db(), w.parentUser.email)).map((m) => [m.template, (m.props as { audience: string }).audience])).toEqual([["licence-granted", "parent"]]);
    // the host is the home authority, and the school was never asked: nobody else hears
    expect(await outboxFor(db(), w.eastOfficerUser.email)).toEqual([]);

    // It cannot be granted twice.
    expect(await ruleErrors(grant(w))).toEqual({ "": ["This application's status is granted: it cannot be granted now"] });
  });

  it("sends copies to the school that was asked and to the officers of another council hosting the performances; the licensed days are in the host's area", async () => {
    const w = await world({ host: "east" });
    await consultSchool(w, { response: "consent", respondedByName: "Hana Head", respondedAt: new Date("2027-01-25T09:00:00Z") });
    const { reference } = await grant(w);
    const [toSchool] = await outboxFor(db(), "head@northmere-primary.example");
    expect(toSchool.template).toBe("licence-granted");
    expect(toSchool.props).toMatchObject({ name: "Hana Head", audience: "school", reference, objectionAnswer: null });
    const [toHost] = await outboxFor(db(), w.eastOfficerUser.email);
    expect(toHost.props).toMatchObject({ name: "Omar Officer", audience: "host-authority", reference });
    const days = await db().select().from(performanceDays).where(eq(performanceDays.childId, w.child.id));
    expect(days.map((d) => d.authorityId)).toEqual([w.east.id, w.east.id]);
    // Both copies can be opened: by the host council's officer and by the child's school, not by another school.
    expect((await downloadDocument(db(), w.officerE, reference)).filename).toBe(`${reference}.pdf`);
    const head = actorFor(await createUser(db(), { name: "Hana Head" }), [{ role: "school", authorityId: w.north.id, schoolId: w.school.id }]);
    expect((await downloadDocument(db(), head, reference)).pdf.length).toBeGreaterThan(1000);
    const otherSchool = await createSchool(db(), { authorityId: w.north.id, name: "St Anne's Primary School" });
    const stranger = actorFor(await createUser(db(), { name: "Sid Stranger" }), [{ role: "school", authorityId: w.north.id, schoolId: otherSchool.id }]);
    expect(await downloadDocument(db(), stranger, reference).catch((e) => e)).toBeInstanceOf(ForbiddenError);
  });

  it("needs an answer to the school's objection, and records it in the decision and the school's copy", async () => {
    const w = await world();
    await consultSchool(w, { response: "object", grounds: ["education"], reasons: "Amelia has missed a lot of school this term.", respondedAt: new Date("2027-01-25T09:00:00Z") });
    expect(await ruleErrors(grant(w))).toEqual({ objectionAnswer: ["Enter your answer to the school's objection"] });
    expect(await ruleErrors(grant(w, { objectionAnswer: "   " }))).toEqual({ objectionAnswer: ["Enter your answer to the school's objection"] });
    expect((await statusOf(w.id)).status).toBe("submitted");
    expect(await db().select().from(issuedDocuments)).toEqual([]);
    expect(await db().select().from(performanceDays)).toEqual([]);

    const answer = "Both days are at the weekend, so no school is missed.";
    await grant(w, { objectionAnswer: `  ${answer} ` });
    expect(await statusOf(w.id)).toMatchObject({ status: "granted", decisionReason: answer });
    const [event] = await auditFor(db(), "performance-application", w.id);
    expect(event.after).toMatchObject({ objectionAnswer: answer });
    const [toSchool] = await outboxFor(db(), "head@northmere-primary.example");
    expect(toSchool.props).toMatchObject({ audience: "school", objectionAnswer: answer, name: "Head teacher" });
  });

  it("licenses night work the producer asked for only with the officer's express permission, printed as a condition", async () => {
    const w = await world();
    await db().update(performanceApplications).set({ nightWorkReasons: "The finale ends at 23:15." }).where(eq(performanceApplications.id, w.id));
    await lateEvening(w);
    const page = await getLicenceApplication(db(), w.officerN, w.id, "2027-02-01");
    expect(page.producerPart.needsNightPermission).toBe(true);
    expect(page.producerPart.findings.map((f) => [f.rule, f.needsPermission])).toEqual([["HOURS-NIGHT", true]]);

    expect(await ruleErrors(grant(w))).toEqual({ permitNightWork: ["Select “Permit the night work” to license the night work in the schedule, or refuse the application"] });
    const { documentId } = await grant(w, { standardConditions: ["chaperone"], permitNightWork: true });
    const [doc] = await db().select().from(issuedDocuments).where(eq(issuedDocuments.id, documentId));
    expect((doc.content as { conditions: string[] }).conditions).toEqual([
      "The child is supervised at all times by the named parent or approved chaperone.",
      "Night work as in the schedule is permitted on Sat 6 March 2027, followed by a break of at least 16 hours.",
    ]);
    const [event] = await auditFor(db(), "performance-application", w.id);
    expect(event.after).toMatchObject({ nightWorkPermitted: true });
  });

  it("won't license a schedule that breaks an hours rule, or a chaperone who is not approved on the day", async () => {
    const w = await world();
    // no night work asked for: leaving at 23:30 breaks HOURS-LATEST outright
    await lateEvening(w);
    const expired = await createChaperoneApproval(db(), { authorityId: w.north.id, holderName: "Charlie Chaperone", validFrom: "2024-01-01", validTo: "2027-03-06" });
    await db()
      .update(scheduleDays)
      .set({ chaperone: "chaperone", chaperoneDocumentId: expired.id })
      .where(and(eq(scheduleDays.applicationId, w.id), eq(scheduleDays.date, "2027-03-07")));
    const errors = await ruleErrors(grant(w, { permitNightWork: true }));
    expect(errors[""]).toEqual([
      "On Sat 6 March 2027 the child leaves at 23:30; the latest time for ages 9 and over is 23:00 (HOURS-LATEST)",
      "Charlie Chaperone's approval NMC-CL-2026-000001 runs from Mon 1 January 2024 to Sat 6 March 2027, so it does not cover Sun 7 March 2027 (CHAP-VALID)",
    ]);
    expect((await statusOf(w.id)).status).toBe("submitted");
  });

  it("needs at least one condition, and only known standard ones", async () => {
    const w = await world();
    expect(await ruleErrors(grant(w, { standardConditions: [] }))).toEqual({ standardConditions: ["Select or enter at least one condition"] });
    expect(await ruleErrors(grant(w, { standardConditions: ["made-up"] }))).toEqual({ standardConditions: ["Select conditions from the list"] });
    await grant(w, { standardConditions: [], customConditions: "Only at the Northmere Playhouse." });
    expect((await statusOf(w.id)).conditions).toEqual(["Only at the Northmere Playhouse."]);
  });

  it("is not found by another council's officer, a producer, or for a draft", async () => {
    const w = await world();
    await expect(grant({ ...w, officerN: w.officerE })).rejects.toBeInstanceOf(NotFoundError);
    await expect(grantPerformanceLicence(db(), w.producer, w.id, { standardConditions: ALL }, BASE, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await db().update(performanceApplications).set({ status: "draft" }).where(eq(performanceApplications.id, w.id));
    await expect(grant(w)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getLicenceApplication(db(), w.officerN, w.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await auditFor(db(), "performance-application", w.id)).toEqual([]);
  });
});

describe("requestLicenceInformation and the producer's reply", () => {
  it("asks the producer (who replies online) and tells the parent; the reply sends it back for review", async () => {
    const w = await world();
    expect(await ruleErrors(requestLicenceInformation(db(), w.officerN, w.id, "  ", BASE, NOW))).toEqual({ message: ["Enter what you need to know"] });
    const message = "Who will tutor Amelia, and for how many hours?";
    const result = await requestLicenceInformation(db(), w.officerN, w.id, message, BASE, NOW);
    expect(result.status).toBe("information-requested");
    expect(await statusOf(w.id)).toMatchObject({ status: "information-requested", informationRequested: message, informationReply: null });
    const [toProducer] = await outboxFor(db(), w.producerUser.email);
    expect(toProducer.props).toMatchObject({ audience: "producer", message, url: `${BASE}/producer/applications/${w.id}/information` });
    const [toParent] = await outboxFor(db(), w.parentUser.email);
    expect(toParent.props).toMatchObject({ audience: "parent", message, url: `${BASE}/children/${w.child.id}/applications/${w.id}` });

    // It can't be granted while waiting, but can be refused.
    expect(await ruleErrors(grant(w))).toEqual({ "": ["This application's status is more information needed: it cannot be granted now"] });

    // The producer sees the question; another organisation's producer doesn't.
    await expect(getLicenceInformationRequest(db(), w.rivalProducer, w.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(replyToLicenceInformation(db(), w.rivalProducer, w.id, "Hello")).rejects.toBeInstanceOf(NotFoundError);
    expect(await getLicenceInformationRequest(db(), w.producer, w.id)).toMatchObject({ waiting: true, requested: message, childName: "Amelia Example", reference: "NMC-PA-2027-000001" });
    expect(await ruleErrors(replyToLicenceInformation(db(), w.producer, w.id, ""))).toEqual({ reply: ["Enter your reply"] });
    const reply = "Tess Tutor, 3 hours each school day.";
    expect(await replyToLicenceInformation(db(), w.producer, w.id, reply)).toEqual({ status: "under-review" });
    expect(await statusOf(w.id)).toMatchObject({ status: "under-review", informationRequested: message, informationReply: reply });
    expect(await ruleErrors(replyToLicenceInformation(db(), w.producer, w.id, "Again"))).toEqual({
      "": ["The council is not waiting for more information about this application"],
    });
    const page = await getLicenceApplication(db(), w.officerN, w.id, "2027-02-01");
    expect(page.information).toEqual({ requested: message, reply });
    expect((await auditFor(db(), "performance-application", w.id)).map((e) => e.action)).toEqual(["licence.information-requested", "licence.information-returned"]);
    await grant(w);
    expect((await statusOf(w.id)).status).toBe("granted");
  });

  it("is not found by another council's officer", async () => {
    const w = await world();
    await expect(requestLicenceInformation(db(), w.officerE, w.id, "Anything?", BASE, NOW)).rejects.toBeInstanceOf(NotFoundError);
    expect((await statusOf(w.id)).status).toBe("submitted");
  });
});

describe("refusePerformanceLicence", () => {
  it("needs written reasons, and emails them with the right of appeal to the producer and the parent", async () => {
    const w = await world();
    expect(await ruleErrors(refusePerformanceLicence(db(), w.officerN, w.id, "", BASE, NOW))).toEqual({
      reasons: ["Enter the reasons for refusing, which are sent to the producer and the parent"],
    });
    const reasons = "Amelia would miss six school days in a row with no tutor.";
    await refusePerformanceLicence(db(), w.officerN, w.id, reasons, BASE, NOW);
    expect(await statusOf(w.id)).toMatchObject({ status: "refused", decisionReason: reasons, decidedAt: NOW, documentId: null });
    const [toProducer] = await outboxFor(db(), w.producerUser.email);
    expect(toProducer).toMatchObject({ template: "licence-refused", props: expect.objectContaining({ reasons, audience: "producer" }) });
    const [toParent] = await outboxFor(db(), w.parentUser.email);
    expect(toParent).toMatchObject({ template: "licence-refused", props: expect.objectContaining({ reasons, audience: "parent" }) });
    const [event] = await auditFor(db(), "performance-application", w.id);
    expect(event).toMatchObject({ action: "licence.refused", after: { status: "refused", reason: reasons } });
    expect(await db().select().from(performanceDays)).toEqual([]);
    await expect(refusePerformanceLicence(db(), w.officerE, w.id, reasons, BASE, NOW)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("revokePerformanceLicence", () => {
  it("revokes only a granted licence, with a reason: the register says revoked and the holder and parent are emailed", async () => {
    const w = await world();
    expect(await ruleErrors(revokePerformanceLicence(db(), w.officerN, w.id, "Broken conditions", BASE, NOW))).toEqual({
      "": ["This application's status is submitted: it cannot be revoked now"],
    });
    const { reference } = await grant(w);
    expect(await ruleErrors(revokePerformanceLicence(db(), w.officerN, w.id, " ", BASE, NOW))).toEqual({
      reason: ["Enter the reason for revoking, which is sent to the producer and the parent"],
    });
    await expect(revokePerformanceLicence(db(), w.officerE, w.id, "No", BASE, NOW)).rejects.toBeInstanceOf(NotFoundError);
    const reason = "Amelia was kept at the venue after 23:00 on 6 March.";
    const result = await revokePerformanceLicence(db(), w.officerN, w.id, reason, BASE, NOW);
    expect(result).toMatchObject({ status: "revoked", reference });
    expect(await statusOf(w.id)).toMatchObject({ status: "revoked", decisionReason: reason });
    const [doc] = await db().select().from(issuedDocuments).where(eq(issuedDocuments.reference, reference));
    expect(doc).toMatchObject({ status: "revoked", statusReason: reason });
    expect((await outboxFor(db(), w.producerUser.email)).map((m) => m.template)).toEqual(["licence-granted", "document-status-changed"]);
    expect((await outboxFor(db(), w.parentUser.email)).map((m) => m.template)).toEqual(["licence-granted", "document-status-changed"]);
    expect((await auditFor(db(), "performance-application", w.id)).map((e) => e.action)).toEqual(["licence.granted", "licence.revoked"]);
  });
});

describe("assignLicenceApplication", () => {
  it("assigns the application to the officer, lets another take it over, and only the assignee let it go", async () => {
    const w = await world();
    await assignLicenceApplication(db(), w.officerN, w.id, true, NOW);
    expect((await statusOf(w.id)).assignedOfficerUserId).toBe(w.officerUser.id);
    expect(await ruleErrors(assignLicenceApplication(db(), w.officerN, w.id, true, NOW))).toEqual({ "": ["This application is already assigned to you"] });
    expect(await ruleErrors(assignLicenceApplication(db(), w.otherOfficerN, w.id, false, NOW))).toEqual({ "": ["This application is not assigned to you"] });
    await assignLicenceApplication(db(), w.otherOfficerN, w.id, true, NOW);
    expect((await statusOf(w.id)).assignedOfficerUserId).toBe(w.otherOfficerN.userId);
    await assignLicenceApplication(db(), w.otherOfficerN, w.id, false, NOW);
    expect((await statusOf(w.id)).assignedOfficerUserId).toBeNull();
    const events = await auditFor(db(), "performance-application", w.id);
    expect(events.map((e) => [e.action, (e.after as { assignedTo: string | null }).assignedTo])).toEqual([
      ["licence.assigned", "Olive Officer"],
      ["licence.assigned", "Nell Officer"],
      ["licence.unassigned", null],
    ]);
    await expect(assignLicenceApplication(db(), w.officerE, w.id, true, NOW)).rejects.toBeInstanceOf(NotFoundError);
    expect((await statusOf(w.id)).status).toBe("submitted");
  });
});
