/**
 * Decision 028: a producer starting a production's licence applications, and sending one, is safe to repeat. Two
 * identical requests at once (a double-click, a network retry) or one replayed later make one application per child,
 * one reference, one set of emails, one audit row and one school consultation, and every answer leads to the same
 * page. With DATABASE_URL set the two requests really race on separate connections; on PGlite they run in turn.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { outbox } from "#db/schema/notifications";
import { performanceApplications, schoolConsultations } from "#db/schema/licences";
import { createPdfUpload } from "#db/factories-bopa";
import { addDays, londonDate } from "~/domain/calendar/dates";
import { startLicenceApplications } from "~/domain/licences/startLicenceApplications";
import { submitLicenceApplication } from "~/domain/licences/submitLicenceApplication";
import { action as submitAction } from "~/routes/producer.applications.$applicationId.submit";
import { loader as submittedLoader } from "~/routes/producer.applications.$applicationId_.submitted";
import { action as startAction } from "~/routes/producer.productions.$productionId._index";
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
} from "../factories";
import { useTestDatabase } from "../setup/db";
import { routeContext, run, signedIn, TOKEN } from "../setup/routes";

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest lifecycle helper, not a React hook
const db = useTestDatabase();
const BASE = "http://portal.test";
const context = routeContext(BASE);
const NOW = new Date("2026-11-23T10:00:00Z");

const post = (path: string, cookie: string) => {
  const form = new FormData();
  form.set("csrf", TOKEN);
  return new Request(`http://localhost${path}`, { method: "POST", body: form, headers: { Cookie: cookie } });
};
const get = (path: string, cookie: string) => new Request(`http://localhost${path}`, { headers: { Cookie: cookie } });

/** Footlights' show in Northmere with two children in the cast (Amelia in Northmere, Ben in Eastbrook), and a school. */
async function world() {
  const northmere = await createAuthority(db(), { code: "NMC", name: "Northmere Council" });
  const eastbrook = await createAuthority(db(), { code: "EBC", name: "Eastbrook City Council" });
  const school = await createSchool(db(), { authorityId: northmere.id, name: "Northmere Primary School" });
  const head = await createUser(db(), { name: "Sam School", memberships: [{ role: "school", authorityId: northmere.id, schoolId: school.id }] });
  const parent = await createUser(db(), { name: "Priya Parent", email: "priya@example.com", memberships: [{ role: "parent" }] });
  const organisation = await createOrganisation(db(), { kind: "producer", name: "Footlights Productions Ltd" });
  const producerUser = await createUser(db(), { name: "Pete Producer", memberships: [{ role: "producer", organisationId: organisation.id }] });
  const producer = actorFor(producerUser, [{ role: "producer", organisationId: organisation.id }]);
  const production = await createProduction(db(), { organisationId: organisation.id, hostAuthorityId: northmere.id, createdByUserId: producerUser.id, title: "Spring showcase" });
  const amelia = await createChild(db(), { parentUserId: parent.id, homeAuthorityId: northmere.id, firstName: "Amelia", lastName: "Example", schoolId: school.id });
  const ben = await createChild(db(), { parentUserId: parent.id, homeAuthorityId: eastbrook.id, firstName: "Ben", lastName: "Example" });
  await createUsedShare(db(), { childId: amelia.id, productionId: production.id, parentUserId: parent.id });
  await createUsedShare(db(), { childId: ben.id, productionId: production.id, parentUserId: parent.id });
  const contract = await createPdfUpload(db(), producerUser.id, "licence-contract", "contract.pdf");
  /** Amelia's draft with both parts complete: unpaid, a tutor for any school day, the contract. */
  const ready = (days: { date: string; schoolDay?: boolean }[]) =>
    createPerformanceApplication(
      db(),
      {
        productionId: production.id,
        organisationId: organisation.id,
        childId: amelia.id,
        authorityId: northmere.id,
        schoolId: school.id,
        paid: false,
        tutorName: "Tess Tutor",
        tutorHoursPerDay: 3,
        pupilsPerTutor: 4,
        contractUploadId: contract.id,
        producerPartCompletedAt: NOW,
        parentPartCompletedAt: NOW,
      },
      days.map((d) => ({ chaperone: "parent" as const, ...d })),
    );
  return { head, parent, producerUser, producer, production, amelia, ben, ready };
}

const applicationsOf = (productionId: string) => db().select().from(performanceApplications).where(eq(performanceApplications.productionId, productionId));
const started = async () => (await auditFor(db(), "performance-application")).filter((e) => e.action === "licence.started");

describe("starting a production's licence applications twice", () => {
  it("at once through the verb: one draft per child, one audit row and one email each", async () => {
    const w = await world();
    const [a, b] = await Promise.all([
      startLicenceApplications(db(), w.producer, w.production.id, BASE),
      startLicenceApplications(db(), w.producer, w.production.id, BASE),
    ]);
    expect([a.created.length, b.created.length].sort()).toEqual([0, 2]);
    expect(await applicationsOf(w.production.id)).toHaveLength(2);
    expect(await started()).toHaveLength(2);
    expect((await db().select().from(outbox)).map((m) => m.template)).toEqual(["licence-producer-started", "licence-producer-started"]);
  });

  it("double-clicked and replayed through the page: every answer goes back to the production", async () => {
    const w = await world();
    const cookie = await signedIn(w.producerUser);
    const path = `/producer/productions/${w.production.id}`;
    const params = { productionId: w.production.id };
    const clicks = await Promise.all([run(startAction({ request: post(path, cookie), context, params })), run(startAction({ request: post(path, cookie), context, params }))]);
    const replayed = await run(startAction({ request: post(path, cookie), context, params }));
    for (const answer of [...clicks, replayed]) {
      expect(answer.status).toBe(302);
      expect(answer.headers.get("Location")).toBe(`${path}?started=1`);
    }
    expect((await applicationsOf(w.production.id)).map((a) => a.childId).sort()).toEqual([w.amelia.id, w.ben.id].sort());
    expect(await started()).toHaveLength(2);
    expect(await db().select().from(outbox)).toHaveLength(2);
  });
});

describe("sending a licence application twice", () => {
  it("at once through the verb: one reference, one audit row, one set of emails, one school consultation", async () => {
    const w = await world();
    const a = await w.ready([{ date: "2027-03-01", schoolDay: true }, { date: "2027-03-06" }]);
    const [first, second] = await Promise.all([
      submitLicenceApplication(db(), w.producer, a.id, BASE, NOW),
      submitLicenceApplication(db(), w.producer, a.id, BASE, NOW),
    ]);
    expect(first.reference).toBe("NMC-PA-2026-000001");
    expect(second.reference).toBe(first.reference);
    expect([first.alreadySubmitted, second.alreadySubmitted].sort()).toEqual([false, true]);
    const consultations = await db().select().from(schoolConsultations).where(eq(schoolConsultations.applicationId, a.id));
    expect(consultations).toHaveLength(1);
    // Both answers describe the same application, consultation included.
    for (const answer of [first, second]) expect(answer).toMatchObject({ status: "awaiting-school", consultationId: consultations[0].id });
    expect((await db().select().from(outbox)).map((m) => m.template).sort()).toEqual(["licence-submitted", "licence-submitted", "school-consultation-request"]);
    const submitted = (await auditFor(db(), "performance-application", a.id)).filter((e) => e.action === "performance-application.submitted");
    expect(submitted).toHaveLength(1);
  });

  it("double-clicked and replayed through the page: every answer is the same confirmation, sent once", async () => {
    const w = await world();
    const a = await w.ready([{ date: addDays(londonDate(), 60) }]);
    const cookie = await signedIn(w.producerUser);
    const path = `/producer/applications/${a.id}/submit`;
    const params = { applicationId: a.id };
    const clicks = await Promise.all([run(submitAction({ request: post(path, cookie), context, params })), run(submitAction({ request: post(path, cookie), context, params }))]);
    const replayed = await run(submitAction({ request: post(path, cookie), context, params }));
    for (const answer of [...clicks, replayed]) {
      expect(answer.status).toBe(302);
      expect(answer.headers.get("Location")).toBe(`/producer/applications/${a.id}/submitted`);
    }
    const confirmation = await run(submittedLoader({ request: get(`/producer/applications/${a.id}/submitted`, cookie), context, params }));
    expect(await confirmation.json()).toMatchObject({ reference: expect.stringMatching(/^NMC-PA-\d{4}-000001$/) });
    const [row] = await applicationsOf(w.production.id);
    expect(row).toMatchObject({ status: "submitted", reference: expect.stringMatching(/^NMC-PA-\d{4}-000001$/) });
    expect((await db().select().from(outbox)).map((m) => m.to).sort()).toEqual([w.parent.email, w.producerUser.email].sort());
    expect((await auditFor(db(), "performance-application", a.id)).map((e) => e.action)).toEqual(["performance-application.submitted"]);
  });
});
