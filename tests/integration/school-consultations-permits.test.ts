import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createEmploymentPermit } from "#db/factories-employment";
import { employmentPermits } from "#db/schema/employment";
import { schoolConsultations } from "#db/schema/licences";
import { publicActor } from "~/domain/actor";
import { consultSchoolAboutPermit } from "~/domain/employment/consultSchoolAboutPermit";
import { answerConsultation } from "~/domain/schools/answerConsultation";
import { getConsultationByToken } from "~/domain/schools/getConsultationByToken";
import { listSchoolConsultations } from "~/domain/schools/listSchoolConsultations";
import { sendConsultationReminders } from "~/domain/schools/sendConsultationReminders";
import { actorFor, auditFor, createChild, createSchool, outboxFor, tokenFromUrl } from "../factories";
import { useTestDatabase } from "../setup/db";
import { ruleErrors } from "../setup/routes";
import { BASE, NOW, schoolWorld } from "./school-consultations-helpers";

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest lifecycle helper, not a React hook
const db = useTestDatabase();
const viaLink = publicActor("198.51.100.20");

/** Noah (14), at the world's school, with a submitted paper-round permit in Northmere; the school is told. */
async function permitWorld() {
  const w = await schoolWorld(db());
  const noah = await createChild(db(), { parentUserId: w.parent.id, homeAuthorityId: w.northmere.id, firstName: "Noah", lastName: "Example", dateOfBirth: "2012-05-02", schoolId: w.school.id });
  const permit = await createEmploymentPermit(db(), {
    authorityId: w.northmere.id,
    childId: noah.id,
    parentUserId: w.parent.id,
    schoolId: w.school.id,
    status: "submitted",
    reference: "NMC-PE-2026-000001",
    submittedAt: NOW,
  });
  const told = await db().transaction((tx) => consultSchoolAboutPermit(tx, actorFor(w.parent, [{ role: "parent" }]), permit, "Noah Example", BASE, NOW));
  const [mail] = await outboxFor(db(), w.headUser.email).then((rows) => rows.filter((r) => r.template === "school-permit-notice"));
  return { ...w, noah, permit, told, mail, token: tokenFromUrl(String((mail.props as { url: string }).url)) };
}

describe("the school told about an employment permit (EMPLOY-*, SCHOOL-*)", () => {
  it("writes to the school's contact with a link, due in 5 working days, audited; the permit does not wait", async () => {
    const w = await permitWorld();
    expect(w.mail.props).toMatchObject({ schoolName: "Northmere Primary School", childName: "Noah Example", reference: "NMC-PE-2026-000001", dueOn: "2026-11-20" });
    const [row] = await db().select().from(schoolConsultations).where(eq(schoolConsultations.permitId, w.permit.id));
    expect(row).toMatchObject({ applicationId: null, schoolId: w.school.id, dueOn: "2026-11-20" });
    const [permit] = await db().select().from(employmentPermits).where(eq(employmentPermits.id, w.permit.id));
    expect(permit.status).toBe("submitted");
    expect((await auditFor(db(), "employment-permit", w.permit.id)).map((e) => e.action)).toEqual(["employment-permit.school-told"]);
  });

  it("shows the school the child, the employer, the job and the hours, and nothing from the parent's part", async () => {
    const w = await permitWorld();
    const page = await getConsultationByToken(db(), w.token, NOW);
    expect(page).toMatchObject({
      state: "open",
      view: {
        kind: "permit",
        reference: "NMC-PE-2026-000001",
        schoolName: "Northmere Primary School",
        child: { name: "Noah Example", dateOfBirth: "2012-05-02" },
        job: { employer: "Corner Newsagents Ltd", occupation: "Delivering newspapers or leaflets", startDate: "2026-12-01" },
      },
    });
    const text = JSON.stringify(page);
    for (const secret of ["Priya Parent", "priya@example.com", "Market Street"]) expect(text).not.toContain(secret);
  });

  it("takes a concern about attendance, health or welfare once, emails the officers a link to the permit, and lists it on the school's desk", async () => {
    const w = await permitWorld();
    const answer = (input: object) => answerConsultation(db(), viaLink, { token: w.token }, input, BASE, NOW);
    expect(await ruleErrors(answer({ response: "object", name: "Hannah Head" }))).toEqual({
      grounds: ["Select what the school's concern is about"],
      reasons: ["Enter the school's concern"],
    });
    const result = await answer({ response: "object", grounds: ["education"], reasons: "Noah's attendance is 82% this term.", name: "Hannah Head" });
    expect(result).toMatchObject({ recordId: w.permit.id, status: "submitted" });
    const [mail] = await outboxFor(db(), w.officer.email);
    expect(mail).toMatchObject({
      template: "school-objected",
      props: expect.objectContaining({ about: "permit", reference: "NMC-PE-2026-000001", url: `${BASE}/officer/permits/${w.permit.id}` }),
    });
    expect((await auditFor(db(), "employment-permit", w.permit.id)).map((e) => e.action)).toEqual(["employment-permit.school-told", "school-consultation.answered"]);
    const desk = await listSchoolConsultations(db(), w.head, NOW);
    expect(desk.done).toEqual([
      expect.objectContaining({ kind: "permit", childName: "Noah Example", about: "Work permit: delivering newspapers or leaflets (Corner Newsagents Ltd)", schoolDaysMissed: null, response: "object" }),
    ]);
  });

  it("is closed once the permit is decided, and reminds an unanswered school once", async () => {
    const w = await permitWorld();
    const reminded = await sendConsultationReminders(db(), BASE, new Date("2026-11-18T08:00:00Z"));
    expect(reminded.outboxIds).toHaveLength(2); // the world's licence consultation and the permit's
    expect(await sendConsultationReminders(db(), BASE, new Date("2026-11-18T09:00:00Z"))).toEqual({ outboxIds: [] });
    await db().update(employmentPermits).set({ status: "granted" }).where(eq(employmentPermits.id, w.permit.id));
    const [row] = await db().select().from(schoolConsultations).where(eq(schoolConsultations.permitId, w.permit.id));
    const { getSchoolConsultation } = await import("~/domain/schools/getSchoolConsultation");
    expect(await getSchoolConsultation(db(), w.head, row.id, NOW)).toEqual({ state: "closed" });
  });

  it("tells no one when the council holds no contact for the school, and says so in the audit", async () => {
    const w = await schoolWorld(db());
    const quiet = await createSchool(db(), { authorityId: w.northmere.id, name: "Hill Top School" });
    const noah = await createChild(db(), { parentUserId: w.parent.id, homeAuthorityId: w.northmere.id, firstName: "Noah", lastName: "Example", dateOfBirth: "2012-05-02" });
    const permit = await createEmploymentPermit(db(), { authorityId: w.northmere.id, childId: noah.id, parentUserId: w.parent.id, schoolId: quiet.id, status: "submitted" });
    const told = await db().transaction((tx) => consultSchoolAboutPermit(tx, actorFor(w.parent, [{ role: "parent" }]), permit, "Noah Example", BASE, NOW));
    expect(told).toEqual({ consultationId: null, outboxIds: [] });
    expect((await auditFor(db(), "employment-permit", permit.id)).map((e) => e.action)).toEqual(["employment-permit.school-not-told"]);
  });
});
