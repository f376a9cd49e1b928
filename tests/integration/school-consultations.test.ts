import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { performanceApplications, schoolConsultations } from "#db/schema/licences";
import { outbox } from "#db/schema/notifications";
import { publicActor } from "~/domain/actor";
import { ForbiddenError, LinkExpiredError, NotFoundError } from "~/domain/errors";
import { answerConsultation } from "~/domain/schools/answerConsultation";
import { getConsultationByToken } from "~/domain/schools/getConsultationByToken";
import { getSchoolConsultation } from "~/domain/schools/getSchoolConsultation";
import { listSchoolConsultations } from "~/domain/schools/listSchoolConsultations";
import { sendConsultationReminders } from "~/domain/schools/sendConsultationReminders";
import { actorFor, auditFor, createPerformanceApplication, createUser, outboxFor, tokenFromUrl } from "../factories";
import { useTestDatabase } from "../setup/db";
import { ruleErrors } from "../setup/routes";
import { anotherConsultation, BASE, DUE, NOW, type SchoolWorld, schoolWorld } from "./school-consultations-helpers";

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest lifecycle helper, not a React hook
const db = useTestDatabase();
const viaLink = publicActor("198.51.100.20");
const at = (iso: string, time = "10:00:00") => new Date(`${iso}T${time}Z`);
const consent = { response: "consent", name: "Hannah Head" };
const objection = { response: "object", grounds: ["education", "welfare"], reasons: "Oliver has missed 9 days this term already.", name: "Hannah Head" };

async function failure(work: Promise<unknown>) {
  return work.then(
    () => null,
    (e) => e,
  );
}

async function statusOf(w: SchoolWorld) {
  const [row] = await db().select({ status: performanceApplications.status }).from(performanceApplications).where(eq(performanceApplications.id, w.application.id));
  return row.status;
}

/** Other applications of the same child, granted or refused, with school days this school year and last. */
async function earlierApplications(w: SchoolWorld) {
  const app = async (title: string, status: "granted" | "refused", days: { date: string; schoolDay: boolean }[]) =>
    createPerformanceApplication(
      db(),
      { productionId: (await w.production(title)).id, organisationId: w.company.id, childId: w.child.id, authorityId: w.northmere.id, status },
      days,
    );
  await app("Autumn panto", "granted", [
    { date: "2026-10-05", schoolDay: true },
    { date: "2026-10-06", schoolDay: true },
    { date: "2026-10-10", schoolDay: false },
  ]);
  await app("Summer show", "granted", [{ date: "2026-06-15", schoolDay: true }]); // last school year
  await app("Advert", "refused", [{ date: "2026-10-20", schoolDay: true }]);
}

describe("the school's emailed link", () => {
  it("shows only what the school needs: the child, the days and times, school days missed and this year's licensed absences", async () => {
    const w = await schoolWorld(db());
    await earlierApplications(w);
    const page = await getConsultationByToken(db(), w.token, at("2026-11-17"));
    expect(page).toEqual({
      state: "open",
      view: {
        kind: "performance",
        consultationId: w.consultation.id,
        reference: "NMC-PA-2026-000007",
        authorityName: "Northmere Council",
        schoolName: "Northmere Primary School",
        child: { name: "Oliver Example", dateOfBirth: "2017-06-02" },
        production: { title: "Cinderella", organisationName: "Footlights Productions Ltd", venueName: "Northmere Playhouse" },
        days: [
          { date: "2026-12-01", kind: "performance", arrive: "12:30", depart: "21:00", schoolDay: true },
          { date: "2026-12-02", kind: "performance", arrive: "12:45", depart: "21:00", schoolDay: true },
          { date: "2026-12-05", kind: "performance", arrive: "13:00", depart: "20:30", schoolDay: false },
        ],
        schoolDaysMissed: ["2026-12-01", "2026-12-02"],
        licensedAbsences: { since: "2026-09-01", count: 2, dates: ["2026-10-05", "2026-10-06"] },
        dueOn: DUE,
        timeLeft: "3 working days left",
        clock: { label: "Due in 3 working days", overdue: false },
      },
    });
    // Nothing else from the parent's or producer's part.
    const text = JSON.stringify(page);
    for (const secret of ["Market Street", "NM1 2AB", "Asthma", "inhaler", "Southmere", "trust account", "priya@example.com", "Priya", w.parent.id, w.child.id]) {
      expect(text).not.toContain(secret);
    }
  });

  it("says overdue after the due date, and has expired after 14 days", async () => {
    const w = await schoolWorld(db());
    expect(await getConsultationByToken(db(), w.token, at("2026-11-24"))).toMatchObject({
      state: "open",
      view: { timeLeft: "Overdue", clock: { label: "Overdue by 2 working days", overdue: true } },
    });
    const expiry = new Date(NOW.getTime() + 14 * 86_400_000);
    expect(await getConsultationByToken(db(), w.token, new Date(expiry.getTime() - 1000))).toMatchObject({ state: "open" });
    expect(await getConsultationByToken(db(), w.token, expiry)).toEqual({ state: "expired" });
    const error = await failure(answerConsultation(db(), viaLink, { token: w.token }, consent, BASE, expiry));
    expect(error).toBeInstanceOf(LinkExpiredError);
    expect(error.reason).toBe("expired");
    expect(await statusOf(w)).toBe("awaiting-school");
  });

  it("treats a made-up token as expired", async () => {
    await schoolWorld(db());
    expect(await getConsultationByToken(db(), "x".repeat(43), NOW)).toEqual({ state: "expired" });
    expect(await getConsultationByToken(db(), "short", NOW)).toEqual({ state: "expired" });
    expect(await failure(answerConsultation(db(), viaLink, { token: "x".repeat(43) }, consent, BASE, NOW))).toBeInstanceOf(LinkExpiredError);
  });

  it("asks for grounds and reasons with an objection, and always for the name and the answer", async () => {
    const w = await schoolWorld(db());
    const answer = (input: object) => answerConsultation(db(), viaLink, { token: w.token }, input, BASE, NOW);
    expect(await ruleErrors(answer({ name: " " }))).toEqual({
      response: ["Select whether you consent to the absence"],
      name: ["Enter the name of the head teacher or the person they have authorised"],
    });
    expect(await ruleErrors(answer({ response: "object", grounds: ["sport"], reasons: "  ", name: "Hannah Head" }))).toEqual({
      grounds: ["Select the grounds for your objection"],
      reasons: ["Enter your reasons for objecting"],
    });
    expect(await ruleErrors(answer({ ...objection, reasons: "x".repeat(5001) }))).toEqual({ reasons: ["Your reasons must be 5000 characters or fewer"] });
    const [row] = await db().select().from(schoolConsultations).where(eq(schoolConsultations.id, w.consultation.id));
    expect(row.respondedAt).toBeNull();
    expect(await statusOf(w)).toBe("awaiting-school");
  });

  it("records a consent once, audited, moves the application on for review and emails no one", async () => {
    const w = await schoolWorld(db());
    const later = at("2026-11-16");
    // Grounds and reasons sent with a consent are not kept.
    const result = await answerConsultation(db(), viaLink, { token: w.token }, { ...consent, grounds: ["health"], reasons: "ignored" }, BASE, later);
    expect(result).toEqual({ recordId: w.application.id, status: "under-review", outboxIds: [] });
    const [row] = await db().select().from(schoolConsultations).where(eq(schoolConsultations.id, w.consultation.id));
    expect(row).toMatchObject({ response: "consent", grounds: null, reasons: null, respondedByName: "Hannah Head", respondedAt: later });
    expect(await statusOf(w)).toBe("under-review");
    const audit = (await auditFor(db(), "performance-application", w.application.id)).filter((e) => e.action === "school-consultation.answered");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorUserId: null,
      actorLabel: "Hannah Head (Northmere Primary School)",
      ip: "198.51.100.20",
      before: { status: "awaiting-school" },
      after: { status: "under-review", consultationId: w.consultation.id, response: "consent", grounds: null },
    });
    expect(await db().select().from(outbox)).toEqual([]);

    // Answered once: the link now says when and by whom, and nothing else.
    expect(await getConsultationByToken(db(), w.token, later)).toEqual({ state: "answered", answeredAt: later.toISOString(), answeredBy: "Hannah Head", details: null });
    const again = await failure(answerConsultation(db(), viaLink, { token: w.token }, objection, BASE, later));
    expect(again).toBeInstanceOf(LinkExpiredError);
    expect(again.reason).toBe("used");
    const twice = await failure(answerConsultation(db(), w.head, { consultationId: w.consultation.id }, objection, BASE, later));
    expect(twice).toBeInstanceOf(LinkExpiredError);
    // Still answered after the link would have expired.
    expect(await getConsultationByToken(db(), w.token, at("2027-01-01"))).toMatchObject({ state: "answered" });
  });

  it("sends an objection to each officer of the deciding council, with a link to the application", async () => {
    const w = await schoolWorld(db());
    const { outboxIds } = await answerConsultation(db(), viaLink, { token: w.token }, objection, BASE, NOW);
    expect(outboxIds).toHaveLength(2);
    const [row] = await db().select().from(schoolConsultations).where(eq(schoolConsultations.id, w.consultation.id));
    expect(row).toMatchObject({ response: "object", grounds: ["education", "welfare"], reasons: "Oliver has missed 9 days this term already." });
    expect(await statusOf(w)).toBe("under-review");
    for (const officer of [w.officer, w.officer2]) {
      const [mail] = await outboxFor(db(), officer.email);
      expect(mail.template).toBe("school-objected");
      expect(mail.props).toEqual({
        name: officer.name,
        about: "performance",
        reference: "NMC-PA-2026-000007",
        childName: "Oliver Example",
        schoolName: "Northmere Primary School",
        grounds: ["Education", "Welfare"],
        respondedByName: "Hannah Head",
        url: `${BASE}/officer/licences/${w.application.id}`,
      });
    }
    // Not the LADO, nor another council's officer.
    expect(await outboxFor(db(), w.lado.email)).toEqual([]);
    expect(await outboxFor(db(), w.eastbrookOfficer.email)).toEqual([]);
  });

  it("is no longer answered once the application is withdrawn or decided; an answer while more information is asked for keeps the status", async () => {
    const w = await schoolWorld(db());
    await db().update(performanceApplications).set({ status: "information-requested" }).where(eq(performanceApplications.id, w.application.id));
    await answerConsultation(db(), viaLink, { token: w.token }, consent, BASE, NOW);
    expect(await statusOf(w)).toBe("information-requested");

    const other = await anotherConsultation(db(), w, "Panto");
    await db().update(performanceApplications).set({ status: "withdrawn" }).where(eq(performanceApplications.id, other.application.id));
    expect(await getConsultationByToken(db(), other.token, NOW)).toEqual({ state: "closed" });
    const error = await failure(answerConsultation(db(), viaLink, { token: other.token }, consent, BASE, NOW));
    expect(error).toBeInstanceOf(LinkExpiredError);
    const [row] = await db().select().from(schoolConsultations).where(eq(schoolConsultations.id, other.consultation.id));
    expect(row.respondedAt).toBeNull();
  });
});

describe("the school's account", () => {
  it("lists its own school's consultations only: waiting first, soonest due, then answered", async () => {
    const w = await schoolWorld(db());
    // A second application, due sooner, one answered, and one for another school.
    const soon = await anotherConsultation(db(), w, "Panto", { now: at("2026-11-05"), dueOn: "2026-11-12" });
    const answered = await anotherConsultation(db(), w, "Advert");
    await answerConsultation(db(), w.head, { consultationId: answered.consultation.id }, objection, BASE, at("2026-11-16"));
    const other = await anotherConsultation(db(), w, "Choir", { schoolId: w.otherSchool.id });

    const desk = await listSchoolConsultations(db(), w.head, at("2026-11-17"));
    expect(desk.schools).toEqual([{ id: w.school.id, name: "Northmere Primary School" }]);
    expect(desk.waiting.map((c) => [c.id, c.dueOn, c.clock.label, c.schoolDaysMissed])).toEqual([
      [soon.consultation.id, "2026-11-12", "Overdue by 3 working days", 0],
      [w.consultation.id, DUE, "Due in 3 working days", 2],
    ]);
    expect(desk.waiting[1]).toMatchObject({ childName: "Oliver Example", about: "Cinderella", reference: "NMC-PA-2026-000007", state: "waiting" });
    expect(desk.done).toEqual([expect.objectContaining({ id: answered.consultation.id, state: "answered", response: "object", clock: { label: "Answered on 16 November 2026", overdue: false } })]);

    const otherDesk = await listSchoolConsultations(db(), w.otherHead, NOW);
    expect(otherDesk.waiting.map((c) => c.id)).toEqual([other.consultation.id]);
    expect(otherDesk.done).toEqual([]);
  });

  it("shows and answers the same page as the link, even after the link expired; another school's user gets not found", async () => {
    const w = await schoolWorld(db());
    const page = await getSchoolConsultation(db(), w.head, w.consultation.id, at("2026-11-17"));
    expect(page).toEqual(await getConsultationByToken(db(), w.token, at("2026-11-17")));

    expect(await failure(getSchoolConsultation(db(), w.otherHead, w.consultation.id, NOW))).toBeInstanceOf(NotFoundError);
    expect(await failure(getSchoolConsultation(db(), w.head, "not-a-uuid", NOW))).toBeInstanceOf(NotFoundError);
    expect(await failure(answerConsultation(db(), w.otherHead, { consultationId: w.consultation.id }, consent, BASE, NOW))).toBeInstanceOf(NotFoundError);
    const officer = actorFor(w.officer, [{ role: "officer", authorityId: w.northmere.id }]);
    expect(await failure(getSchoolConsultation(db(), officer, w.consultation.id, NOW))).toBeInstanceOf(NotFoundError);
    expect(await failure(listSchoolConsultations(db(), officer, NOW))).toBeInstanceOf(ForbiddenError);

    const late = at("2026-12-10");
    await answerConsultation(db(), w.head, { consultationId: w.consultation.id }, objection, BASE, late);
    expect(await statusOf(w)).toBe("under-review");
    const [audit] = (await auditFor(db(), "performance-application", w.application.id)).filter((e) => e.action === "school-consultation.answered");
    expect(audit).toMatchObject({ actorUserId: w.headUser.id, after: { response: "object", respondedByName: "Hannah Head" } });
    expect(await getSchoolConsultation(db(), w.head, w.consultation.id, late)).toMatchObject({
      state: "answered",
      answeredBy: "Hannah Head",
      details: {
        answer: { response: "object", grounds: ["education", "welfare"], reasons: objection.reasons, respondedByName: "Hannah Head", respondedAt: late.toISOString() },
        view: { child: { name: "Oliver Example" }, clock: { label: "Answered on 10 December 2026" } },
      },
    });
  });
});

describe("sendConsultationReminders (daily job, fixed clock)", () => {
  const sentTo = async (email: string) => (await outboxFor(db(), email)).filter((m) => m.template === "school-consultation-reminder");

  it("emails an unanswered school once, 2 working days before the answer is due, with a new link", async () => {
    const w = await schoolWorld(db());
    // Fri 13 → Tue 17 November: 3 or more working days left.
    for (const day of ["2026-11-13", "2026-11-14", "2026-11-15", "2026-11-16", "2026-11-17"]) await sendConsultationReminders(db(), BASE, at(day, "08:00:00"));
    expect(await sentTo(w.headUser.email)).toEqual([]);
    // Wed 18 November: Thursday and Friday left.
    for (const day of ["2026-11-18", "2026-11-18", "2026-11-19", "2026-11-20", "2026-11-23"]) await sendConsultationReminders(db(), BASE, at(day, "08:00:00"));
    const mails = await sentTo(w.headUser.email);
    expect(mails).toHaveLength(1);
    expect(mails[0].props).toMatchObject({ name: "Northmere Primary School", childName: "Oliver Example", reference: "NMC-PA-2026-000007", dueOn: DUE, authorityName: "Northmere Council" });
    const [row] = await db().select().from(schoolConsultations).where(eq(schoolConsultations.id, w.consultation.id));
    expect(row.remindedAt).toEqual(at("2026-11-18", "08:00:00"));
    const audit = (await auditFor(db(), "performance-application", w.application.id)).filter((e) => e.action === "school-consultation.reminder-sent");
    expect(audit).toEqual([expect.objectContaining({ actorUserId: null, actorLabel: "system", after: { consultationId: w.consultation.id, dueOn: DUE } })]);

    // The new link replaces the first one.
    const url = (mails[0].props as { url: string }).url;
    expect(url).toMatch(new RegExp(`^${BASE}/school-consultations/[A-Za-z0-9_-]{43}$`));
    expect(await getConsultationByToken(db(), tokenFromUrl(url), at("2026-11-18"))).toMatchObject({ state: "open" });
    expect(await getConsultationByToken(db(), w.token, at("2026-11-18"))).toEqual({ state: "expired" });
  });

  it("does not remind a school that has answered, nor about a withdrawn application", async () => {
    const w = await schoolWorld(db());
    await answerConsultation(db(), viaLink, { token: w.token }, consent, BASE, NOW);
    const other = await anotherConsultation(db(), w, "Panto");
    await db().update(performanceApplications).set({ status: "withdrawn" }).where(eq(performanceApplications.id, other.application.id));
    await sendConsultationReminders(db(), BASE, at("2026-11-18", "08:00:00"));
    expect(await db().select().from(outbox).where(eq(outbox.template, "school-consultation-reminder"))).toEqual([]);
  });

  it("counts working days across a bank holiday", async () => {
    const w = await schoolWorld(db(), { now: at("2026-12-18") });
    // Asked on Fri 18 December, due Tue 29 December (25 and 28 December are bank holidays): Wed 23 December is 2 working days before.
    const [row] = await db().select({ dueOn: schoolConsultations.dueOn }).from(schoolConsultations).where(eq(schoolConsultations.id, w.consultation.id));
    expect(row.dueOn).toBe("2026-12-29");
    await sendConsultationReminders(db(), BASE, at("2026-12-22", "08:00:00"));
    expect(await sentTo(w.headUser.email)).toEqual([]);
    await sendConsultationReminders(db(), BASE, at("2026-12-23", "08:00:00"));
    expect(await sentTo(w.headUser.email)).toHaveLength(1);
  });
});

it("a user with no school membership has no school desk", async () => {
  const user = await createUser(db());
  expect(await failure(listSchoolConsultations(db(), actorFor(user, [{ role: "parent" }]), NOW))).toBeInstanceOf(ForbiddenError);
});
