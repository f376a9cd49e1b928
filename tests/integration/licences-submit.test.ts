import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { authoritySettings } from "#db/schema/chaperones";
import { performanceApplications, schoolConsultations } from "#db/schema/licences";
import { addDays, londonDate } from "~/domain/calendar/dates";
import { NotFoundError } from "~/domain/errors";
import { hashToken } from "~/domain/identity/tokens";
import { getLicenceSubmission, submitLicenceApplication } from "~/domain/licences/submitLicenceApplication";
import { action as submitAction, loader as submitLoader } from "~/routes/producer.applications.$applicationId.submit";
import { loader as submittedLoader } from "~/routes/producer.applications.$applicationId_.submitted";
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
  outboxUrl,
  tokenFromUrl,
} from "../factories";
import { createPdfUpload } from "#db/factories-bopa";
import { useTestDatabase } from "../setup/db";
import { routeContext, ruleErrors, run, signedIn, TOKEN } from "../setup/routes";

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest lifecycle helper, not a React hook
const db = useTestDatabase();
const BASE = "http://portal.test";
/** A fixed clock: Monday 23 November 2026, 10:00 in London. */
const NOW = new Date("2026-11-23T10:00:00Z");
const TODAY = "2026-11-23";

type Day = { date: string; schoolDay?: boolean; chaperone?: "parent" | "chaperone" | null };

/** A Northmere school with a contact, and a production whose cast child has a draft application with both parts complete. */
async function world() {
  const northmere = await createAuthority(db(), { code: "NMC", name: "Northmere Council" });
  const school = await createSchool(db(), { authorityId: northmere.id, name: "Northmere Primary School" });
  const head = await createUser(db(), { name: "Sam School", memberships: [{ role: "school", authorityId: northmere.id, schoolId: school.id }] });
  const parentUser = await createUser(db(), { name: "Priya Parent", memberships: [{ role: "parent" }] });
  const child = await createChild(db(), { parentUserId: parentUser.id, homeAuthorityId: northmere.id, firstName: "Amelia", lastName: "Example", schoolId: school.id });
  const organisation = await createOrganisation(db(), { kind: "producer", name: "Footlights Productions Ltd" });
  const producerUser = await createUser(db(), { name: "Pete Producer", memberships: [{ role: "producer", organisationId: organisation.id }] });
  const producer = actorFor(producerUser, [{ role: "producer", organisationId: organisation.id }]);
  const production = await createProduction(db(), { organisationId: organisation.id, hostAuthorityId: northmere.id, createdByUserId: producerUser.id, title: "Spring showcase" });
  await createUsedShare(db(), { childId: child.id, productionId: production.id, parentUserId: parentUser.id });
  const otherOrganisation = await createOrganisation(db(), { kind: "producer" });
  const otherProducer = actorFor(await createUser(db(), { name: "Other Producer" }), [{ role: "producer", organisationId: otherOrganisation.id }]);

  const contract = await createPdfUpload(db(), producerUser.id, "licence-contract", "contract.pdf");
  /** A draft application for the child (or another child) with the given schedule, both parts complete unless told. */
  async function application(days: Day[], overrides: Partial<typeof performanceApplications.$inferInsert> = {}, forChild = child) {
    return createPerformanceApplication(
      db(),
      {
        productionId: production.id,
        organisationId: organisation.id,
        childId: forChild.id,
        authorityId: northmere.id,
        schoolId: school.id,
        // A producer's part that is complete in fact: unpaid, a tutor for any school day, the contract.
        paid: false,
        tutorName: "Tess Tutor",
        tutorHoursPerDay: 3,
        pupilsPerTutor: 4,
        contractUploadId: contract.id,
        producerPartCompletedAt: NOW,
        parentPartCompletedAt: NOW,
        ...overrides,
      },
      days.map((d) => ({ chaperone: "parent" as const, ...d })),
    );
  }
  return { northmere, school, head, parentUser, child, organisation, producerUser, producer, production, otherProducer, application };
}

const row = async (id: string) => (await db().select().from(performanceApplications).where(eq(performanceApplications.id, id)))[0];
const consultations = (applicationId: string) => db().select().from(schoolConsultations).where(eq(schoolConsultations.applicationId, applicationId));

describe("submitLicenceApplication", () => {
  it("refuses while either part is incomplete, listing what is missing", async () => {
    const w = await world();
    const a = await w.application([{ date: "2027-03-01" }], { producerPartCompletedAt: null, parentPartCompletedAt: null });
    expect(await ruleErrors(submitLicenceApplication(db(), w.producer, a.id, BASE, NOW))).toEqual({
      producerPart: ["Complete your part of the application: the schedule, payment, education and chaperones"],
      parentPart: ["Amelia's parent has not completed their part of the application yet"],
    });
    await db().update(performanceApplications).set({ producerPartCompletedAt: NOW }).where(eq(performanceApplications.id, a.id));
    expect(Object.keys(await ruleErrors(submitLicenceApplication(db(), w.producer, a.id, BASE, NOW)))).toEqual(["parentPart"]);

    const summary = await getLicenceSubmission(db(), w.producer, a.id, NOW);
    expect(summary).toMatchObject({ canSubmit: false, producerPartComplete: true, parentPartComplete: false, missing: ["Amelia's parent has not completed their part of the application yet"] });
    expect(await row(a.id)).toMatchObject({ status: "draft", reference: null, submittedAt: null });
    expect(await auditFor(db(), "performance-application", a.id)).toEqual([]);
  });

  it("numbers it {CODE}-PA-{year}-{6 digits}, audits it and emails the producer and the parent", async () => {
    const w = await world();
    const a = await w.application([{ date: "2027-03-01" }, { date: "2027-03-06" }]);
    const summary = await getLicenceSubmission(db(), w.producer, a.id, NOW);
    expect(summary).toMatchObject({ canSubmit: true, childName: "Amelia Example", firstDay: "2027-03-01", lastDay: "2027-03-06", dayCount: 2, schoolDaysMissed: 0, lateIfSentToday: false });

    const result = await submitLicenceApplication(db(), w.producer, a.id, BASE, NOW);
    expect(result).toMatchObject({ reference: "NMC-PA-2026-000001", late: false, status: "submitted", consultationId: null });
    expect(await row(a.id)).toMatchObject({ status: "submitted", reference: "NMC-PA-2026-000001", late: false, submittedAt: NOW });

    const [toProducer] = await outboxFor(db(), w.producerUser.email);
    const [toParent] = await outboxFor(db(), w.parentUser.email);
    expect(toProducer).toMatchObject({ template: "licence-submitted", props: { to: "producer", reference: "NMC-PA-2026-000001", url: `${BASE}/producer/applications/${a.id}` } });
    expect(toParent).toMatchObject({
      template: "licence-submitted",
      props: { to: "parent", name: "Priya Parent", authorityName: "Northmere Council", url: `${BASE}/children/${w.child.id}/applications/${a.id}` },
    });
    expect(result.outboxIds).toEqual([toProducer.id, toParent.id]);
    const [audit] = await auditFor(db(), "performance-application", a.id);
    expect(audit).toMatchObject({ action: "performance-application.submitted", actorUserId: w.producerUser.id, before: { status: "draft" } });
    expect(audit.after).toMatchObject({ status: "submitted", reference: "NMC-PA-2026-000001", late: false });

    // the next one counts on; sending the first again changes nothing and answers with its reference (decision 028)
    const otherChild = await createChild(db(), { parentUserId: w.parentUser.id, homeAuthorityId: w.northmere.id });
    const b = await w.application([{ date: "2027-03-01" }], {}, otherChild);
    expect((await submitLicenceApplication(db(), w.producer, b.id, BASE, NOW)).reference).toBe("NMC-PA-2026-000002");
    expect(await submitLicenceApplication(db(), w.producer, a.id, BASE, NOW)).toMatchObject({ reference: "NMC-PA-2026-000001", outboxIds: [], alreadySubmitted: true });
    expect(await auditFor(db(), "performance-application", a.id)).toHaveLength(1);
  });

  it("flags it late when the first day is 20 days away, not when it is 21 (PERF-APP-21)", async () => {
    const w = await world();
    const late = await w.application([{ date: addDays(TODAY, 30) }, { date: addDays(TODAY, 20) }]);
    expect((await getLicenceSubmission(db(), w.producer, late.id, NOW)).lateIfSentToday).toBe(true);
    expect((await submitLicenceApplication(db(), w.producer, late.id, BASE, NOW)).late).toBe(true);
    expect((await row(late.id)).late).toBe(true);
    const [mail] = await outboxFor(db(), w.parentUser.email);
    expect(mail.props).toMatchObject({ late: true, firstDay: addDays(TODAY, 20), lateDays: 21 });

    const otherChild = await createChild(db(), { parentUserId: w.parentUser.id, homeAuthorityId: w.northmere.id });
    const onTime = await w.application([{ date: addDays(TODAY, 21) }], {}, otherChild);
    expect((await submitLicenceApplication(db(), w.producer, onTime.id, BASE, NOW)).late).toBe(false);
  });

  it("is not found for another organisation's producer or the parent", async () => {
    const w = await world();
    const a = await w.application([{ date: "2027-03-01" }]);
    const parent = actorFor(w.parentUser, [{ role: "parent" }]);
    for (const actor of [w.otherProducer, parent]) {
      await expect(submitLicenceApplication(db(), actor, a.id, BASE, NOW)).rejects.toBeInstanceOf(NotFoundError);
      await expect(getLicenceSubmission(db(), actor, a.id, NOW)).rejects.toBeInstanceOf(NotFoundError);
    }
    expect((await row(a.id)).status).toBe("draft");
  });
});

describe("consultSchool, at submission", () => {
  it("asks the school when a school day is missed: a hashed 14-day link, due in 5 working days, and the application waits for it", async () => {
    const w = await world();
    const a = await w.application([{ date: "2027-03-01", schoolDay: true }, { date: "2027-03-06" }]);
    const result = await submitLicenceApplication(db(), w.producer, a.id, BASE, NOW);
    expect(result.status).toBe("awaiting-school");
    expect((await row(a.id)).status).toBe("awaiting-school");

    const [consultation] = await consultations(a.id);
    // Monday 23 November + 5 working days: the weekend skipped, Monday 30 November
    expect(consultation).toMatchObject({ id: result.consultationId, schoolId: w.school.id, email: w.head.email, dueOn: "2026-11-30", response: null });
    expect(consultation.expiresAt).toEqual(new Date(NOW.getTime() + 14 * 86_400_000));

    const [mail] = await outboxFor(db(), w.head.email);
    expect(mail).toMatchObject({ template: "school-consultation-request" });
    expect(mail.props).toMatchObject({ name: "Sam School", schoolName: "Northmere Primary School", childName: "Amelia Example", reference: "NMC-PA-2026-000001", dueOn: "2026-11-30", schoolDaysMissed: ["2027-03-01"] });
    const url = outboxUrl(mail);
    expect(url).toMatch(new RegExp(`^${BASE}/school-consultations/[A-Za-z0-9_-]{43}$`));
    expect(consultation.tokenHash).toBe(hashToken(tokenFromUrl(url)));
    expect(consultation.tokenHash).not.toContain(tokenFromUrl(url));
    expect(result.outboxIds).toContain(mail.id);

    const audit = await auditFor(db(), "performance-application", a.id);
    expect(audit.map((e) => e.action)).toEqual(["performance-application.submitted", "performance-application.school-consulted"]);
    expect(audit[1]).toMatchObject({ before: { status: "submitted" }, after: { status: "awaiting-school", reason: "school-days-missed", dueOn: "2026-11-30", sentTo: w.head.email } });
    expect((await getLicenceSubmission(db(), w.producer, a.id, NOW)).schoolAnswerDueOn).toBe("2026-11-30");
  });

  it("does not ask the school when no school day is missed, unless the authority always asks", async () => {
    const w = await world();
    const a = await w.application([{ date: "2027-03-06" }]);
    expect((await submitLicenceApplication(db(), w.producer, a.id, BASE, NOW)).status).toBe("submitted");
    expect(await consultations(a.id)).toEqual([]);
    expect(await outboxFor(db(), w.head.email)).toEqual([]);

    await db().insert(authoritySettings).values({ authorityId: w.northmere.id, consultSchoolAlways: true, schoolResponseWorkingDays: 3 });
    const otherChild = await createChild(db(), { parentUserId: w.parentUser.id, homeAuthorityId: w.northmere.id });
    const b = await w.application([{ date: "2027-03-06" }], {}, otherChild);
    expect((await submitLicenceApplication(db(), w.producer, b.id, BASE, NOW)).status).toBe("awaiting-school");
    // 3 working days from Monday 23 November, as the authority set
    expect(await consultations(b.id)).toMatchObject([{ dueOn: "2026-11-26" }]);
    expect((await outboxFor(db(), w.head.email))[0].props).toMatchObject({ schoolDaysMissed: [], workingDays: 3 });
    const audit = await auditFor(db(), "performance-application", b.id);
    expect(audit[1].after).toMatchObject({ reason: "authority-setting" });
  });

  it("counts working days past bank holidays: Easter 2027", async () => {
    const w = await world();
    const a = await w.application([{ date: "2027-04-30", schoolDay: true }]);
    // Wednesday 24 March 2027: Thu 25, (Good Friday, the weekend, Easter Monday), Tue 30, Wed 31, Thu 1, Fri 2 April
    await submitLicenceApplication(db(), w.producer, a.id, BASE, new Date("2027-03-24T10:00:00Z"));
    expect(await consultations(a.id)).toMatchObject([{ dueOn: "2027-04-02" }]);
  });

  it("asks the school the parent gave, not the profile's", async () => {
    const w = await world();
    const other = await createSchool(db(), { authorityId: w.northmere.id, name: "Northmere Academy" });
    const contact = await createUser(db(), { name: "Ana Academy", memberships: [{ role: "school", authorityId: w.northmere.id, schoolId: other.id }] });
    const a = await w.application([{ date: "2027-03-01", schoolDay: true }], { schoolId: other.id });
    await submitLicenceApplication(db(), w.producer, a.id, BASE, NOW);
    expect(await consultations(a.id)).toMatchObject([{ schoolId: other.id, email: contact.email }]);
    expect(await outboxFor(db(), w.head.email)).toEqual([]);
  });

  it("does not consult a school with no contact on the service, and says so in the audit", async () => {
    const w = await world();
    const a = await w.application([{ date: "2027-03-01", schoolDay: true }], { schoolId: null, schoolName: "Hill Top School" });
    const result = await submitLicenceApplication(db(), w.producer, a.id, BASE, NOW);
    expect(result).toMatchObject({ status: "submitted", consultationId: null });
    expect(await consultations(a.id)).toEqual([]);
    const audit = await auditFor(db(), "performance-application", a.id);
    expect(audit.map((e) => e.action)).toEqual(["performance-application.submitted", "performance-application.school-not-consulted"]);
    expect(audit[1].after).toMatchObject({ reason: "school-days-missed", schoolId: null, schoolName: "Hill Top School" });
  });

  it("writes to the school office's email the council holds when no one from the school has an account", async () => {
    const w = await world();
    const office = await createSchool(db(), { authorityId: w.northmere.id, name: "Hill Top School", email: "office@hilltop.example" });
    const a = await w.application([{ date: "2027-03-01", schoolDay: true }], { schoolId: office.id });
    const result = await submitLicenceApplication(db(), w.producer, a.id, BASE, NOW);
    expect(result).toMatchObject({ status: "awaiting-school" });
    expect(await consultations(a.id)).toEqual([expect.objectContaining({ schoolId: office.id, email: "office@hilltop.example" })]);
    const [request] = await outboxFor(db(), "office@hilltop.example");
    expect(request).toMatchObject({ template: "school-consultation-request", props: expect.objectContaining({ name: "Head teacher", schoolName: "Hill Top School" }) });
  });
});

describe("the producer's part, checked again at submission", () => {
  it("refuses when a day no longer has a chaperone, though the part was stamped complete", async () => {
    const w = await world();
    const a = await w.application([{ date: "2027-03-01", chaperone: null }]);
    expect(await ruleErrors(submitLicenceApplication(db(), w.producer, a.id, BASE, NOW))).toEqual({
      producerPart: ["Your part of the application has changed since it was completed: check the schedule, chaperones and education again"],
    });
    expect(await row(a.id)).toMatchObject({ status: "draft", reference: null });
  });
});

describe("the producer's submit and confirmation pages", () => {
  const context = routeContext(BASE);
  const get = (path: string, cookie: string) => new Request(`http://localhost${path}`, { headers: { Cookie: cookie } });
  const post = (path: string, cookie: string) => {
    const form = new FormData();
    form.set("csrf", TOKEN);
    return new Request(`http://localhost${path}`, { method: "POST", body: form, headers: { Cookie: cookie } });
  };

  it("explains what is missing, sends a complete application and shows its reference; another organisation gets 404", async () => {
    const w = await world();
    const cookie = await signedIn(w.producerUser);
    const first = addDays(londonDate(), 60);
    const waiting = await w.application([{ date: first }], { parentPartCompletedAt: null });
    const path = `/producer/applications/${waiting.id}/submit`;
    const params = { applicationId: waiting.id };

    const refused = await run(submitAction({ request: post(path, cookie), context, params }));
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ problems: [{ href: "#what-is-missing", text: "Amelia's parent has not completed their part of the application yet" }] });
    // the confirmation page sends an unsent application back to the submit page
    const early = await run(submittedLoader({ request: get(`/producer/applications/${waiting.id}/submitted`, cookie), context, params }));
    expect(early.headers.get("Location")).toBe(path);

    await db().update(performanceApplications).set({ parentPartCompletedAt: new Date() }).where(eq(performanceApplications.id, waiting.id));
    const page = await run(submitLoader({ request: get(path, cookie), context, params }));
    expect((await page.json()).s).toMatchObject({ canSubmit: true, childName: "Amelia Example" });
    const sent = await run(submitAction({ request: post(path, cookie), context, params }));
    expect(sent.status).toBe(302);
    expect(sent.headers.get("Location")).toBe(`/producer/applications/${waiting.id}/submitted`);
    const confirmation = await run(submittedLoader({ request: get(`/producer/applications/${waiting.id}/submitted`, cookie), context, params }));
    expect(await confirmation.json()).toMatchObject({ reference: expect.stringMatching(/^NMC-PA-\d{4}-000001$/), late: false, childName: "Amelia Example" });

    const stranger = await createUser(db(), { name: "Other Producer", memberships: [{ role: "producer", organisationId: (await createOrganisation(db(), { kind: "producer" })).id }] });
    const theirs = await run(submitLoader({ request: get(path, await signedIn(stranger)), context, params }));
    expect(theirs.status).toBe(404);
  });
});
