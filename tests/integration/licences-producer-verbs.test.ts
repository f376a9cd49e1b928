import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { childShares } from "#db/schema/children";
import { issuedDocuments } from "#db/schema/documents";
import { performanceApplications, scheduleDays } from "#db/schema/licences";
import { createChaperoneApproval, createTermDates2026 } from "#db/factories-licences";
import { ForbiddenError, NotFoundError } from "~/domain/errors";
import { copySchedule } from "~/domain/licences/copySchedule";
import { getProducerApplication } from "~/domain/licences/getProducerApplication";
import { listProductionApplications } from "~/domain/licences/listProductionApplications";
import { removeScheduleDay } from "~/domain/licences/removeScheduleDay";
import { saveDayChaperone } from "~/domain/licences/saveDayChaperone";
import { saveNightWorkReasons } from "~/domain/licences/saveNightWorkReasons";
import { saveProducerContract } from "~/domain/licences/saveProducerContract";
import { saveProducerEducation } from "~/domain/licences/saveProducerEducation";
import { saveProducerPayment } from "~/domain/licences/saveProducerPayment";
import { saveScheduleDay } from "~/domain/licences/saveScheduleDay";
import { startLicenceApplications } from "~/domain/licences/startLicenceApplications";
import { addTermDate } from "~/domain/terms/addTermDate";
import { listTermDates } from "~/domain/terms/listTermDates";
import { removeTermDate } from "~/domain/terms/removeTermDate";
import { minimalPdf } from "#db/factories-bopa";
import {
  actorFor,
  auditFor,
  createAuthority,
  createChild,
  createOrganisation,
  createPerformanceApplication,
  createProduction,
  createUsedShare,
  createUser,
  outboxFor,
} from "../factories";
import { useTestDatabase } from "../setup/db";
import { ruleErrors, ruleMessages } from "../setup/routes";

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest lifecycle helper, not a React hook
const db = useTestDatabase();
const BASE = "http://portal.test";
const NOW = new Date("2027-01-10T10:00:00Z");

/** Footlights' spring showcase in Northmere (March 2027): Amelia lives in Northmere, Ben in Eastbrook. */
async function world() {
  const north = await createAuthority(db(), { code: "NMC", name: "Northmere Council" });
  const east = await createAuthority(db(), { code: "EBC", name: "Eastbrook City Council" });
  const org = await createOrganisation(db(), { kind: "producer", name: "Footlights Productions Ltd" });
  const rivalOrg = await createOrganisation(db(), { kind: "producer", name: "Rival Shows Ltd" });
  const producerUser = await createUser(db(), { name: "Pete Producer" });
  const producer = actorFor(producerUser, [{ role: "producer", organisationId: org.id }]);
  const rival = actorFor(await createUser(db(), { name: "Rita Rival" }), [{ role: "producer", organisationId: rivalOrg.id }]);
  const parent = await createUser(db(), { name: "Priya Parent", email: "priya@example.com" });
  const show = await createProduction(db(), {
    organisationId: org.id,
    hostAuthorityId: north.id,
    createdByUserId: producerUser.id,
    title: "Spring showcase",
    firstDate: "2027-03-01",
    lastDate: "2027-03-31",
    paid: false,
  });
  const amelia = await createChild(db(), { parentUserId: parent.id, homeAuthorityId: north.id, firstName: "Amelia", lastName: "Example", dateOfBirth: "2015-03-14" });
  const ben = await createChild(db(), { parentUserId: parent.id, homeAuthorityId: east.id, firstName: "Ben", lastName: "Example", dateOfBirth: "2016-06-01" });
  await createUsedShare(db(), { childId: amelia.id, productionId: show.id, parentUserId: parent.id });
  await createUsedShare(db(), { childId: ben.id, productionId: show.id, parentUserId: parent.id });
  return { north, east, org, producer, rival, parent, show, amelia, ben };
}

type World = Awaited<ReturnType<typeof world>>;

async function started(w: World) {
  await startLicenceApplications(db(), w.producer, w.show.id, BASE);
  const rows = await db().select().from(performanceApplications).where(eq(performanceApplications.productionId, w.show.id));
  return { amelia: rows.find((r) => r.childId === w.amelia.id)!, ben: rows.find((r) => r.childId === w.ben.id)! };
}

/** An ordinary Saturday evening show for a 9+ child: within every hours rule. */
const eveningShow = (date = "2027-03-13") => ({
  date,
  kind: "performance",
  arrive: "17:30",
  depart: "21:30",
  performing: [{ start: "19:00", end: "20:30" }],
  breaks: [
    { start: "18:00", end: "18:45", kind: "meal" },
    { start: "20:45", end: "21:00", kind: "rest" },
  ],
});

describe("startLicenceApplications", () => {
  it("fans out one draft per cast child to each child's home council, asks each parent, and is idempotent", async () => {
    const w = await world();
    const first = await startLicenceApplications(db(), w.producer, w.show.id, BASE);
    expect(first.created).toHaveLength(2);
    const { amelia, ben } = await started(w);
    expect(amelia).toMatchObject({ status: "draft", authorityId: w.north.id, organisationId: w.org.id });
    expect(ben).toMatchObject({ status: "draft", authorityId: w.east.id, organisationId: w.org.id });
    expect(amelia.shareId).toBeTruthy();
    expect(ben.shareId).not.toBe(amelia.shareId);
    const mails = await outboxFor(db(), "priya@example.com");
    expect(mails.map((m) => m.template)).toEqual(["licence-producer-started", "licence-producer-started"]);
    expect(mails.map((m) => (m.props as { authorityName: string }).authorityName).sort()).toEqual(["Eastbrook City Council", "Northmere Council"]);
    expect((await auditFor(db(), "performance-application")).filter((e) => e.action === "licence.started")).toHaveLength(2);

    expect((await startLicenceApplications(db(), w.producer, w.show.id, BASE)).created).toEqual([]);
    const cara = await createChild(db(), { parentUserId: w.parent.id, homeAuthorityId: w.east.id, firstName: "Cara" });
    await createUsedShare(db(), { childId: cara.id, productionId: w.show.id, parentUserId: w.parent.id });
    const again = await startLicenceApplications(db(), w.producer, w.show.id, BASE);
    expect(again.created).toMatchObject([{ childId: cara.id, authorityId: w.east.id }]);
    expect(await db().select().from(performanceApplications)).toHaveLength(3);
    const list = await listProductionApplications(db(), w.producer, w.show.id);
    expect(list.map((a) => [a.status, a.producerPart, a.parentPartCompleted])).toEqual([
      ["draft", "Not started", false],
      ["draft", "Not started", false],
      ["draft", "Not started", false],
    ]);
  });

  it("is not found for another organisation's producer", async () => {
    const w = await world();
    await expect(startLicenceApplications(db(), w.rival, w.show.id, BASE)).rejects.toBeInstanceOf(NotFoundError);
    expect(await db().select().from(performanceApplications)).toHaveLength(0);
  });
});

describe("the schedule", () => {
  it("checks each day as typed: the production's dates, times, periods within the day, break kinds and one day per date", async () => {
    const w = await world();
    const { amelia } = await started(w);
    const save = (over: object, dayId: string | null = null) => saveScheduleDay(db(), w.producer, amelia.id, dayId, { ...eveningShow(), ...over }, NOW);
    expect(await ruleErrors(save({ date: "2027-04-01" }))).toEqual({
      dateDay: ["The date must be between Mon 1 March 2027 and Wed 31 March 2027, the production's dates"],
    });
    expect(await ruleErrors(save({ arrive: "", depart: "25:00" }))).toMatchObject({
      arrive: ["Enter the time the child arrives"],
      depart: ["Enter the time the child leaves on the 24-hour clock, like 21:00"],
    });
    expect(await ruleErrors(save({ arrive: "21:00", depart: "17:00" }))).toMatchObject({ depart: ["The time the child leaves must be after the time they arrive"] });
    expect(await ruleErrors(save({ performing: [{ start: "16:00", end: "17:00" }] }))).toEqual({
      performing0Start: ["Performing or rehearsing period 1 must be within the time the child is at the venue (17:30 to 21:30)"],
    });
    expect(await ruleErrors(save({ performing: [{ start: "", end: "" }] }))).toEqual({ performing0Start: ["Enter when the child performs or rehearses"] });
    expect(await ruleErrors(save({ breaks: [{ start: "18:00", end: "18:45", kind: "" }] }))).toEqual({
      break0Kind: ["Select whether break 1 is a meal break or a rest break"],
    });
    expect(await ruleErrors(save({ kind: "party" }))).toEqual({ kind: ["Select whether the child is performing or rehearsing"] });

    // Loosely typed times are kept in HH:MM; blank rows are left out.
    const { dayId } = await save({ arrive: "1730", depart: "21.30", breaks: [...eveningShow().breaks, { start: "", end: "", kind: "" }] });
    const [day] = await db().select().from(scheduleDays).where(eq(scheduleDays.id, dayId));
    expect(day).toMatchObject({ date: "2027-03-13", arrive: "17:30", depart: "21:30", schoolDay: false });
    expect(day.breaks).toHaveLength(2);
    expect(await ruleErrors(save({}))).toEqual({ dateDay: ["You have already added Sat 13 March 2027: change that day instead"] });
    // Changing the day itself keeps its date.
    await save({ depart: "21:15" }, dayId);
    expect((await auditFor(db(), "performance-application", amelia.id)).map((e) => e.action)).toEqual(
      expect.arrayContaining(["licence.schedule-day-added", "licence.schedule-day-changed"]),
    );
  });

  it("runs the hours rules over all the days on every save, with rule, limit and actual, and a picture of each day", async () => {
    const w = await world();
    const { amelia } = await started(w);
    const { dayId } = await saveScheduleDay(db(), w.producer, amelia.id, null, { ...eveningShow(), arrive: "08:00", depart: "19:00", performing: [{ start: "11:00", end: "12:30" }], breaks: [{ start: "12:30", end: "13:15", kind: "meal" }] }, NOW);
    let view = await getProducerApplication(db(), w.producer, amelia.id, { timelines: true });
    expect(view.days[0].findings).toEqual(
      expect.arrayContaining([expect.objectContaining({ rule: "HOURS-AT-PLACE", date: "2027-03-13", limit: "9 h 30 min", actual: "11 h" })]),
    );
    expect(view.days[0].timeline).toMatch(/^<svg[\s\S]*role="img"/);
    expect(view.sections.schedule).toBe("In progress");

    // The next day is checked with the days around it (HOURS-OVERNIGHT).
    await saveScheduleDay(db(), w.producer, amelia.id, null, { ...eveningShow("2027-03-14"), arrive: "06:30", depart: "09:00", performing: [{ start: "07:00", end: "08:00" }], breaks: [] }, NOW);
    view = await getProducerApplication(db(), w.producer, amelia.id);
    expect(view.days[1].findings.map((f) => f.rule)).toEqual(expect.arrayContaining(["HOURS-OVERNIGHT", "HOURS-NIGHT"]));

    await removeScheduleDay(db(), w.producer, amelia.id, view.days[1].id, NOW);
    await saveScheduleDay(db(), w.producer, amelia.id, dayId, eveningShow(), NOW);
    view = await getProducerApplication(db(), w.producer, amelia.id);
    expect(view.days.map((d) => d.findings)).toEqual([[]]);
    expect(view.sections.schedule).toBe("Completed");
  });

  it("lets night work stand for the council to decide once the producer gives reasons; other breaches block the section", async () => {
    const w = await world();
    const { amelia } = await started(w);
    await saveScheduleDay(db(), w.producer, amelia.id, null, { ...eveningShow(), arrive: "18:00", depart: "23:30", performing: [{ start: "21:30", end: "23:00" }] }, NOW);
    let view = await getProducerApplication(db(), w.producer, amelia.id);
    expect(view.nightWork).toEqual([expect.objectContaining({ rule: "HOURS-NIGHT", needsPermission: true, limit: "23:00", actual: "23:30" })]);
    expect(view.blockingFindings).toBe(0);
    expect(view.sections.schedule).toBe("In progress");
    expect(await ruleMessages(saveNightWorkReasons(db(), w.producer, amelia.id, "  "))).toEqual(["Enter why the child needs to work at these times"]);
    await saveNightWorkReasons(db(), w.producer, amelia.id, "The show's finale is the late-night fireworks scene.", NOW);
    view = await getProducerApplication(db(), w.producer, amelia.id);
    expect(view.sections.schedule).toBe("Completed");
  });

  it("copies a schedule to the group (drafts of the same production only), counting school days per child's council and keeping chaperones on the same dates", async () => {
    const w = await world();
    await createTermDates2026(db(), w.east.id);
    const { amelia, ben } = await started(w);
    await saveScheduleDay(db(), w.producer, amelia.id, null, eveningShow("2027-03-13"), NOW);
    await saveScheduleDay(db(), w.producer, amelia.id, null, eveningShow("2027-03-03"), NOW);
    await saveNightWorkReasons(db(), w.producer, amelia.id, "Late finale", NOW);
    // Ben already has the 3rd with his parent looking after him, and a day that is not in Amelia's schedule.
    await saveScheduleDay(db(), w.producer, ben.id, null, eveningShow("2027-03-03"), NOW);
    await saveScheduleDay(db(), w.producer, ben.id, null, eveningShow("2027-03-20"), NOW);
    const [benDay] = await db().select().from(scheduleDays).where(and(eq(scheduleDays.date, "2027-03-03"), eq(scheduleDays.applicationId, ben.id)));
    await saveDayChaperone(db(), w.producer, ben.id, benDay.id, { who: "parent", reference: "", isTutor: false, allDays: false }, NOW);

    expect(await ruleMessages(copySchedule(db(), w.producer, amelia.id, []))).toEqual(["Select the children to copy the schedule to"]);
    expect(await copySchedule(db(), w.producer, amelia.id, [ben.id], NOW)).toEqual({ copied: 1 });
    const days = await db().select().from(scheduleDays).where(eq(scheduleDays.applicationId, ben.id)).orderBy(scheduleDays.date);
    expect(days.map((d) => [d.date, d.schoolDay, d.chaperone])).toEqual([
      ["2027-03-03", true, "parent"],
      ["2027-03-13", false, null],
    ]);
    const [benNow] = await db().select().from(performanceApplications).where(eq(performanceApplications.id, ben.id));
    expect(benNow.nightWorkReasons).toBe("Late finale");
    // Amelia's council has no term dates yet, so the same Wednesday is not a school day for her.
    expect((await getProducerApplication(db(), w.producer, amelia.id)).schoolDaysMissed).toBe(0);
    expect((await auditFor(db(), "performance-application", ben.id)).map((e) => e.action)).toContain("licence.schedule-copied");

    await db().update(performanceApplications).set({ status: "submitted" }).where(eq(performanceApplications.id, ben.id));
    expect(await ruleMessages(copySchedule(db(), w.producer, amelia.id, [ben.id]))).toEqual(["Select children whose applications have not been sent yet"]);
    const other = await createProduction(db(), { organisationId: w.org.id, hostAuthorityId: w.north.id, createdByUserId: w.producer.userId! });
    const elsewhere = await createPerformanceApplication(db(), { productionId: other.id, organisationId: w.org.id, childId: w.ben.id, authorityId: w.east.id });
    expect(await ruleMessages(copySchedule(db(), w.producer, amelia.id, [elsewhere.id]))).toEqual(["Select children whose applications have not been sent yet"]);
  });
});

describe("school days and education (EDU-TUTOR)", () => {
  it("counts weekdays in the home council's terms as school days missed, and then needs a tutor within the limits", async () => {
    const w = await world();
    await createTermDates2026(db(), w.north.id);
    const { amelia } = await started(w);
    // Wed 3 March is in spring term 2; Sat 13 March is a weekend; Fri 26 March 2027 is Good Friday, after the term.
    for (const date of ["2027-03-03", "2027-03-13", "2027-03-26"]) await saveScheduleDay(db(), w.producer, amelia.id, null, eveningShow(date), NOW);
    let view = await getProducerApplication(db(), w.producer, amelia.id);
    expect(view.days.map((d) => [d.date, d.schoolDay])).toEqual([
      ["2027-03-03", true],
      ["2027-03-13", false],
      ["2027-03-26", false],
    ]);
    expect(view.schoolDaysMissed).toBe(1);
    expect(view.sections.education).toBe("Not started");

    const save = (over: object) =>
      saveProducerEducation(db(), w.producer, amelia.id, { tutorName: "Tess Tutor", tutorHoursPerDay: 3, pupilsPerTutor: 4, similarStandard: false, ...over }, NOW);
    expect(await ruleErrors(save({ tutorName: " ", tutorHoursPerDay: 2 }))).toEqual({
      tutorName: ["Enter the tutor's name"],
      tutorHoursPerDay: ["The child must be taught for at least 3 hours for each school day missed (EDU-TUTOR); you entered 2"],
    });
    expect(await ruleErrors(save({ pupilsPerTutor: 8 }))).toEqual({
      pupilsPerTutor: ["A tutor may teach at most 6 pupils at once, or 12 of a similar standard (EDU-TUTOR); you entered 8"],
    });
    expect(await ruleErrors(save({ pupilsPerTutor: 13, similarStandard: true }))).toEqual({
      pupilsPerTutor: ["A tutor may teach at most 12 pupils of a similar standard at once (EDU-TUTOR); you entered 13"],
    });
    await save({ pupilsPerTutor: 8, similarStandard: true });
    view = await getProducerApplication(db(), w.producer, amelia.id);
    expect(view.sections.education).toBe("Completed");
    expect(view.application.similarStandard).toBe(true);
  });

  it("lets a council's admin keep its term dates (no overlaps, audited), and no one else", async () => {
    const w = await world();
    const admin = actorFor(await createUser(db()), [{ role: "admin", authorityId: w.north.id }]);
    const eastAdmin = actorFor(await createUser(db()), [{ role: "admin", authorityId: w.east.id }]);
    const term = await addTermDate(db(), admin, w.north.id, { name: "Spring term 2", startDate: "2027-02-22", endDate: "2027-03-25" });
    expect(await ruleErrors(addTermDate(db(), admin, w.north.id, { name: "Easter club", startDate: "2027-03-20", endDate: "2027-04-02" }))).toEqual({
      startDay: ["The term overlaps Spring term 2 (Mon 22 February 2027 to Thu 25 March 2027)"],
    });
    expect(await ruleErrors(addTermDate(db(), admin, w.north.id, { name: "", startDate: "2027-05-02", endDate: "2027-04-02" }))).toEqual({
      name: ["Enter the name of the term"],
      endDay: ["The last day must be the same as or after the first day"],
    });
    await expect(addTermDate(db(), w.producer, w.north.id, { name: "X", startDate: "2027-05-01", endDate: "2027-05-02" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listTermDates(db(), eastAdmin, w.north.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(removeTermDate(db(), eastAdmin, w.east.id, term.id)).rejects.toBeInstanceOf(NotFoundError);
    await removeTermDate(db(), admin, w.north.id, term.id);
    expect(await listTermDates(db(), admin, w.north.id)).toEqual([]);
    expect((await auditFor(db(), "authority", w.north.id)).map((e) => e.action)).toEqual(["authority.term-added", "authority.term-removed"]);
  });
});

describe("chaperones", () => {
  it("refuses a chaperone whose approval is unknown, suspended or ended on the date (CHAP-VALID), naming the date", async () => {
    const w = await world();
    const { amelia } = await started(w);
    const { dayId } = await saveScheduleDay(db(), w.producer, amelia.id, null, eveningShow(), NOW);
    const choose = (reference: string) => saveDayChaperone(db(), w.producer, amelia.id, dayId, { who: "chaperone", reference, isTutor: false, allDays: false }, NOW);
    expect(await ruleErrors(choose("NMC-CL-2026-999999"))).toEqual({ reference: ["No chaperone approval has the reference NMC-CL-2026-999999. Check it with the chaperone"] });
    const suspended = await createChaperoneApproval(db(), { authorityId: w.north.id, holderName: "Sue Spended", status: "suspended" });
    expect(await ruleErrors(choose(suspended.reference))).toEqual({
      reference: [`Sue Spended's approval ${suspended.reference} is suspended, so they cannot be the chaperone on Sat 13 March 2027 (CHAP-VALID)`],
    });
    const expired = await createChaperoneApproval(db(), { authorityId: w.east.id, holderName: "Ed Expired", validFrom: "2024-01-01", validTo: "2027-02-28" });
    expect(await ruleErrors(choose(expired.reference.toLowerCase()))).toEqual({
      reference: [`Ed Expired's approval ${expired.reference} runs from Mon 1 January 2024 to Sun 28 February 2027, so it does not cover Sat 13 March 2027 (CHAP-VALID)`],
    });
    const valid = await createChaperoneApproval(db(), { authorityId: w.east.id, holderName: "Charlie Chaperone" });
    await choose(valid.reference);
    let view = await getProducerApplication(db(), w.producer, amelia.id);
    expect(view.days[0].chaperone).toMatchObject({ who: "chaperone", reference: valid.reference, problems: [] });
    expect(view.sections.chaperones).toBe("Completed");
    // Suspended later: the day's check fails again.
    await db().update(issuedDocuments).set({ status: "suspended" });
    view = await getProducerApplication(db(), w.producer, amelia.id);
    expect(view.days[0].chaperone.problems).toEqual([expect.stringContaining("is suspended, so they cannot be the chaperone on Sat 13 March 2027 (CHAP-VALID)")]);
    expect(view.sections.chaperones).toBe("In progress");
  });

  it("counts children across the production's applications on the date: the 13th is refused, or the 4th when the chaperone is also a tutor (CHAP-RATIO)", async () => {
    const w = await world();
    const { amelia } = await started(w);
    const approval = await createChaperoneApproval(db(), { authorityId: w.north.id, holderName: "Charlie Chaperone" });
    const tutorApproval = await createChaperoneApproval(db(), { authorityId: w.north.id, holderName: "Tina Tutor" });
    const others = async (n: number, over: object) => {
      for (let i = 0; i < n; i++) {
        const child = await createChild(db(), { parentUserId: w.parent.id, homeAuthorityId: w.north.id });
        await createUsedShare(db(), { childId: child.id, productionId: w.show.id, parentUserId: w.parent.id });
        await createPerformanceApplication(db(), { productionId: w.show.id, organisationId: w.org.id, childId: child.id, authorityId: w.north.id }, [
          { date: "2027-03-13", chaperone: "chaperone", ...over },
        ]);
      }
    };
    await others(12, { chaperoneDocumentId: approval.id });
    await others(3, { chaperoneDocumentId: tutorApproval.id, chaperoneIsTutor: true });
    const { dayId } = await saveScheduleDay(db(), w.producer, amelia.id, null, eveningShow(), NOW);
    const { dayId: sunday } = await saveScheduleDay(db(), w.producer, amelia.id, null, { ...eveningShow("2027-03-14"), arrive: "12:00", depart: "16:00", performing: [{ start: "14:00", end: "15:00" }], breaks: [{ start: "12:30", end: "13:15", kind: "meal" }, { start: "15:15", end: "15:30", kind: "rest" }] }, NOW);
    const choose = (reference: string, over: object = {}) =>
      saveDayChaperone(db(), w.producer, amelia.id, dayId, { who: "chaperone", reference, isTutor: false, allDays: false, ...over }, NOW);

    expect(await ruleMessages(choose(approval.reference))).toEqual([
      "On Sat 13 March 2027 Charlie Chaperone would look after 13 children in this production; the limit is 12 (CHAP-RATIO)",
    ]);
    expect(await ruleMessages(choose(tutorApproval.reference))).toEqual([
      "On Sat 13 March 2027 Tina Tutor would look after 4 children in this production; the limit is 3 when the chaperone is also a tutor (CHAP-RATIO)",
    ]);
    // On the Sunday Tina has no one else: as Amelia's tutor too, for every day, she is refused only for the Saturday.
    expect(await ruleMessages(choose(tutorApproval.reference, { isTutor: true, allDays: true }))).toEqual([
      "On Sat 13 March 2027 Tina Tutor would look after 4 children in this production; the limit is 3 when the chaperone is also a tutor (CHAP-RATIO)",
    ]);
    await saveDayChaperone(db(), w.producer, amelia.id, sunday, { who: "chaperone", reference: tutorApproval.reference, isTutor: true, allDays: false }, NOW);
    // A withdrawn application no longer counts.
    const [someone] = await db().select().from(scheduleDays).where(eq(scheduleDays.chaperoneDocumentId, approval.id));
    await db().update(performanceApplications).set({ status: "withdrawn" }).where(eq(performanceApplications.id, someone.applicationId));
    await choose(approval.reference);
    const view = await getProducerApplication(db(), w.producer, amelia.id);
    expect(view.days.map((d) => [d.date, d.chaperone.label, d.chaperone.problems])).toEqual([
      ["2027-03-13", `Charlie Chaperone (${approval.reference})`, []],
      ["2027-03-14", `Tina Tutor (${tutorApproval.reference})`, []],
    ]);
  });
});

describe("the producer's part", () => {
  it("is complete when every section is, and cleared by a later change that leaves a section incomplete; every change audited", async () => {
    const w = await world();
    const { amelia } = await started(w);
    const completedAt = async () => (await db().select().from(performanceApplications).where(eq(performanceApplications.id, amelia.id)))[0].producerPartCompletedAt;
    const { dayId } = await saveScheduleDay(db(), w.producer, amelia.id, null, eveningShow(), NOW);
    expect(await ruleMessages(saveProducerPayment(db(), w.producer, amelia.id, { paid: true, details: "" }))).toEqual(["Enter how much the child is paid and how"]);
    await saveProducerPayment(db(), w.producer, amelia.id, { paid: false, details: "" }, NOW);
    await saveDayChaperone(db(), w.producer, amelia.id, dayId, { who: "parent", reference: "", isTutor: false, allDays: true }, NOW);
    expect(await ruleErrors(saveProducerContract(db(), w.producer, amelia.id, null))).toEqual({ contract: ["Select the child's contract"] });
    expect(await ruleErrors(saveProducerContract(db(), w.producer, amelia.id, { bytes: Buffer.from("MZ not a pdf"), filename: "contract.pdf" }))).toEqual({
      contract: ["The selected file must be a JPG, PNG or PDF"],
    });
    expect(await completedAt()).toBeNull();
    await saveProducerContract(db(), w.producer, amelia.id, { bytes: minimalPdf("contract"), filename: "contract.pdf" }, NOW);
    expect(await completedAt()).toEqual(NOW);
    const view = await getProducerApplication(db(), w.producer, amelia.id);
    expect(view.sections).toEqual({ schedule: "Completed", payment: "Completed", education: null, chaperones: "Completed", contract: "Completed" });
    expect(view.contract?.filename).toBe("contract.pdf");
    expect((await listProductionApplications(db(), w.producer, w.show.id)).find((a) => a.id === amelia.id)?.producerPart).toBe("Completed");

    // A second day without a chaperone: not complete any more.
    await saveScheduleDay(db(), w.producer, amelia.id, null, eveningShow("2027-03-20"), new Date("2027-01-11T10:00:00Z"));
    expect(await completedAt()).toBeNull();
    expect((await listProductionApplications(db(), w.producer, w.show.id)).find((a) => a.id === amelia.id)?.producerPart).toBe("In progress");
    const later = new Date("2027-01-12T10:00:00Z");
    await saveDayChaperone(db(), w.producer, amelia.id, dayId, { who: "parent", reference: "", isTutor: false, allDays: true }, later);
    expect(await completedAt()).toEqual(later);

    const actions = (await auditFor(db(), "performance-application", amelia.id)).map((e) => e.action);
    expect(actions).toEqual([
      "licence.started",
      "licence.schedule-day-added",
      "licence.payment-saved",
      "licence.chaperone-chosen",
      "licence.contract-uploaded",
      "licence.schedule-day-added",
      "licence.chaperone-chosen",
    ]);
  });

  it("cannot be changed once sent, and is not found for another organisation or once the parent removes the share", async () => {
    const w = await world();
    const { amelia, ben } = await started(w);
    const { dayId } = await saveScheduleDay(db(), w.producer, amelia.id, null, eveningShow(), NOW);
    // Each call starts only when it is awaited: a rejection nobody is waiting for yet would be unhandled.
    for (const work of [
      () => getProducerApplication(db(), w.rival, amelia.id),
      () => saveScheduleDay(db(), w.rival, amelia.id, null, eveningShow("2027-03-20")),
      () => removeScheduleDay(db(), w.rival, amelia.id, dayId),
      () => saveProducerPayment(db(), w.rival, amelia.id, { paid: false, details: "" }),
      () => saveDayChaperone(db(), w.rival, amelia.id, dayId, { who: "parent", reference: "", isTutor: false, allDays: false }),
      () => copySchedule(db(), w.rival, amelia.id, [ben.id]),
      () => getProducerApplication(db(), w.producer, "not-a-uuid"),
      () => removeScheduleDay(db(), w.producer, ben.id, dayId),
    ]) {
      await expect(work()).rejects.toBeInstanceOf(NotFoundError);
    }
    await db().update(performanceApplications).set({ status: "submitted" }).where(eq(performanceApplications.id, amelia.id));
    expect(await ruleMessages(saveProducerPayment(db(), w.producer, amelia.id, { paid: false, details: "" }))).toEqual([
      "This application has been submitted, so its answers can no longer be changed",
    ]);
    expect((await getProducerApplication(db(), w.producer, amelia.id)).application.editable).toBe(false);

    await db().update(childShares).set({ revokedAt: new Date() }).where(eq(childShares.childId, w.ben.id));
    await expect(getProducerApplication(db(), w.producer, ben.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});
