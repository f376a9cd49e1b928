import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { paperRound } from "#db/factories-employment";
import { employmentPermits } from "#db/schema/employment";
import { confirmParentPermitPart } from "~/domain/employment/confirmParentPermitPart";
import { describePermitInvitation } from "~/domain/employment/describePermitInvitation";
import { getPermitApplication } from "~/domain/employment/getPermitApplication";
import { invitePermitParty } from "~/domain/employment/invitePermitParty";
import { joinPermitByLink } from "~/domain/employment/joinPermitByLink";
import { listEmployerPermits } from "~/domain/employment/listEmployerPermits";
import { listParentPermits } from "~/domain/employment/listParentPermits";
import { emptyPattern } from "~/domain/employment/pattern";
import { saveEmployerPart } from "~/domain/employment/saveEmployerPart";
import { saveParentPermitPart } from "~/domain/employment/saveParentPermitPart";
import { startPermitApplication } from "~/domain/employment/startPermitApplication";
import { submitPermitApplication } from "~/domain/employment/submitPermitApplication";
import { ForbiddenError, LinkExpiredError, NotFoundError } from "~/domain/errors";
import { hashToken } from "~/domain/identity/tokens";
import { actorFor, auditFor, createOrganisation, createUser, outboxFor, outboxUrl, tokenFromUrl } from "../factories";
import { useTestDatabase } from "../setup/db";
import { ruleErrors, ruleMessages } from "../setup/routes";
import { type ApplyWorld, applyWorld, BASE, completeEmployerPart, NOW, permitRow } from "./permits-apply-helpers";

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest lifecycle helper, not a React hook
const db = useTestDatabase();
const DAY = 24 * 60 * 60 * 1000;

/** The employer starts, fills in their part and asks the parent; returns the permit id and the emailed token. */
async function employerStarted(w: ApplyWorld, overrides: { occupation?: string; startDate?: string } = {}) {
  const { permitId } = await startPermitApplication(db(), w.employer, { as: "employer" }, NOW);
  await completeEmployerPart(db(), w.employer, permitId, overrides);
  await invitePermitParty(db(), w.employer, permitId, { as: "employer", email: "Priya@Example.com" }, BASE, NOW);
  const mail = (await outboxFor(db(), "priya@example.com")).at(-1)!;
  return { permitId, token: tokenFromUrl(outboxUrl(mail)) };
}

/** …and the parent joins for Noah and completes and confirms their part. */
async function bothPartsDone(w: ApplyWorld, overrides: { occupation?: string; startDate?: string } = {}) {
  const { permitId, token } = await employerStarted(w, overrides);
  await joinPermitByLink(db(), w.parent, token, { childId: w.child.id }, NOW);
  await saveParentPermitPart(db(), w.parent, permitId, { section: "health", hasHealthConditions: false }, NOW);
  await saveParentPermitPart(db(), w.parent, permitId, { section: "consent", consentName: "Priya Parent" }, NOW);
  await confirmParentPermitPart(db(), w.parent, permitId, BASE, NOW);
  return permitId;
}

describe("startPermitApplication", () => {
  it("starts a draft for the employer's only organisation, named after it, and audits it", async () => {
    const w = await applyWorld(db());
    const { permitId } = await startPermitApplication(db(), w.employer, { as: "employer" }, NOW);
    expect(await permitRow(db(), permitId)).toMatchObject({ status: "draft", startedBy: "employer", organisationId: w.shop.id, businessName: "Corner Newsagents Ltd", childId: null });
    const [audit] = await auditFor(db(), "employment-permit", permitId);
    expect(audit).toMatchObject({ action: "employment-permit.started", actorUserId: w.employerUser.id, after: { status: "draft", startedBy: "employer" } });
  });

  it("asks an employer of two businesses which one, and refuses someone else's", async () => {
    const w = await applyWorld(db());
    const both = actorFor(w.employerUser, [
      { role: "employer", organisationId: w.shop.id },
      { role: "employer", organisationId: (await createOrganisation(db(), { kind: "employer" })).id },
    ]);
    expect(await ruleErrors(startPermitApplication(db(), both, { as: "employer" }, NOW))).toEqual({ organisationId: ["Select the business the child will work for"] });
    expect(await ruleErrors(startPermitApplication(db(), both, { as: "employer", organisationId: w.rival.id }, NOW))).toHaveProperty("organisationId");
    const { permitId } = await startPermitApplication(db(), both, { as: "employer", organisationId: w.shop.id }, NOW);
    expect((await permitRow(db(), permitId)).organisationId).toBe(w.shop.id);
    await expect(startPermitApplication(db(), w.parent, { as: "employer" }, NOW)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("starts one for a parent's own child only", async () => {
    const w = await applyWorld(db());
    const { permitId, childId } = await startPermitApplication(db(), w.parent, { as: "parent", childId: w.child.id }, NOW);
    expect(childId).toBe(w.child.id);
    expect(await permitRow(db(), permitId)).toMatchObject({ startedBy: "parent", parentUserId: w.parentUser.id, childId: w.child.id, organisationId: null });
    await expect(startPermitApplication(db(), w.otherParent, { as: "parent", childId: w.child.id }, NOW)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("saveEmployerPart", () => {
  it("routes the application to the council of the workplace postcode, and says when the postcode is not covered", async () => {
    const w = await applyWorld(db());
    const { permitId } = await startPermitApplication(db(), w.employer, { as: "employer" }, NOW);
    const business = { section: "business" as const, businessName: "Corner Newsagents", workplaceAddress: "12 High Street", workplacePostcode: "zz9 9zz" };
    expect(await ruleErrors(saveEmployerPart(db(), w.employer, permitId, business, { now: NOW }))).toEqual({
      workplacePostcode: ["This service does not cover that postcode yet: check it, or apply to the council where the work happens"],
    });
    expect(await ruleErrors(saveEmployerPart(db(), w.employer, permitId, { ...business, businessName: " ", workplacePostcode: "NM2" }, { now: NOW }))).toEqual({
      businessName: ["Enter the name of the business"],
      workplacePostcode: ["Enter a full UK postcode, like NM2 3CD"],
    });
    await saveEmployerPart(db(), w.employer, permitId, { ...business, workplacePostcode: "nm23cd" }, { now: NOW });
    expect(await permitRow(db(), permitId)).toMatchObject({ authorityId: w.north.id, workplacePostcode: "NM2 3CD", businessName: "Corner Newsagents" });
    await saveEmployerPart(db(), w.employer, permitId, { ...business, workplacePostcode: "EB1 2AB" }, { now: NOW });
    expect((await permitRow(db(), permitId)).authorityId).toBe(w.east.id);
    const audits = await auditFor(db(), "employment-permit", permitId);
    expect(audits.at(-1)).toMatchObject({ action: "employment-permit.employer-part-saved", after: { section: "business", authorityId: w.east.id } });
  });

  it("is not found for another employer, and refuses bad jobs and hours with GOV.UK messages", async () => {
    const w = await applyWorld(db());
    const { permitId } = await startPermitApplication(db(), w.employer, { as: "employer" }, NOW);
    const job = { section: "job" as const, occupation: "circus-acrobat", jobDescription: "", startDate: "2027-02-30" };
    await expect(saveEmployerPart(db(), w.rivalEmployer, permitId, { ...job, occupation: "shop-work" }, { now: NOW })).rejects.toBeInstanceOf(NotFoundError);
    await expect(saveEmployerPart(db(), w.parent, permitId, { ...job, occupation: "shop-work" }, { now: NOW })).rejects.toBeInstanceOf(NotFoundError);
    expect(await ruleErrors(saveEmployerPart(db(), w.employer, permitId, job, { now: NOW }))).toEqual({
      occupation: ["Select the kind of work the child will do"],
      jobDescription: ["Describe what the child will do"],
      startDateDay: ["Enter the date the child starts, or started, work as a real date"],
    });
    const term = emptyPattern();
    term.mon = [
      { start: "07:00", end: "08:00" },
      { start: "07:30", end: "09:00" },
    ];
    term.tue = [{ start: "18:00", end: "17:00" }];
    expect(await ruleErrors(saveEmployerPart(db(), w.employer, permitId, { section: "hours", week: "term", pattern: term }, { now: NOW }))).toEqual({
      "mon-2-start": ["Monday's shifts overlap: the second shift must start after the first one ends"],
      "tue-1-end": ["Tuesday's first shift must end after it starts"],
    });
    term.wed = [
      { start: "07:00", end: "07:30" },
      { start: "16:00", end: "17:00" },
      { start: "17:30", end: "18:00" },
    ];
    expect(await ruleMessages(saveEmployerPart(db(), w.employer, permitId, { section: "hours", week: "term", pattern: term }, { now: NOW }))).toEqual([
      "Enter at most 2 shifts on Wednesday",
    ]);
    expect(await permitRow(db(), permitId)).toMatchObject({ occupation: null, termPattern: null });
  });

  it("returns the rules' findings as the hours are saved, checked for a child of 14 until the child is known", async () => {
    const w = await applyWorld(db());
    const { permitId } = await startPermitApplication(db(), w.employer, { as: "employer" }, NOW);
    await saveEmployerPart(db(), w.employer, permitId, { section: "job", occupation: "shop-work", jobDescription: "Stacking shelves", startDate: "2027-01-04" }, { now: NOW });
    const holiday = emptyPattern();
    holiday.sun = [{ start: "09:00", end: "12:00" }];
    const { findings } = await saveEmployerPart(db(), w.employer, permitId, { section: "hours", week: "holiday", pattern: holiday }, { now: NOW });
    expect(findings).toEqual([expect.objectContaining({ rule: "EMPLOY-SUNDAY", pattern: "holiday", limit: "2 h", actual: "3 h" })]);
    const view = await getPermitApplication(db(), w.employer, permitId, "employer", { now: NOW });
    expect(view).toMatchObject({ checkedForStandIn: true, canSubmit: false });
    expect(view.employer.sections.find((s) => s.slug === "hours")?.status).toBe("In progress");

    // a prohibited occupation is found before any hours are given
    const { permitId: kitchen } = await startPermitApplication(db(), w.employer, { as: "employer" }, NOW);
    const saved = await saveEmployerPart(db(), w.employer, kitchen, { section: "job", occupation: "commercial-kitchen", jobDescription: "Washing up", startDate: "2027-01-04" }, { now: NOW });
    expect(saved.findings.map((f) => f.rule)).toEqual(["EMPLOY-PROHIBITED"]);
  });

  it("completes the employer's part once every section is saved, and not before", async () => {
    const w = await applyWorld(db());
    const { permitId } = await startPermitApplication(db(), w.employer, { as: "employer" }, NOW);
    await saveEmployerPart(db(), w.employer, permitId, { section: "business", businessName: "Corner Newsagents Ltd", workplaceAddress: "12 High Street", workplacePostcode: "NM2 3CD" }, { now: NOW });
    expect(await ruleErrors(saveEmployerPart(db(), w.employer, permitId, { section: "supervision", supervisorName: "Erin", riskAssessmentConfirmed: false }, { now: NOW }))).toEqual({
      riskAssessmentConfirmed: ["Confirm you have done a risk assessment for the child's work"],
    });
    expect((await permitRow(db(), permitId)).employerPartCompletedAt).toBeNull();
    const last = await completeEmployerPart(db(), w.employer, permitId);
    expect(last).toMatchObject({ employerPartComplete: true, findings: [] });
    expect((await permitRow(db(), permitId)).employerPartCompletedAt).toEqual(NOW);
  });
});

describe("inviting the other side and joining by the emailed link", () => {
  it("emails the parent a 14-day link, keeps only its hash, and audits it", async () => {
    const w = await applyWorld(db());
    const { permitId } = await startPermitApplication(db(), w.employer, { as: "employer" }, NOW);
    expect(await ruleErrors(invitePermitParty(db(), w.employer, permitId, { as: "employer", email: "not an email" }, BASE, NOW))).toEqual({
      email: ["Enter an email address in the correct format, like name@example.com"],
    });
    await expect(invitePermitParty(db(), w.rivalEmployer, permitId, { as: "employer", email: "a@b.example" }, BASE, NOW)).rejects.toBeInstanceOf(NotFoundError);
    const result = await invitePermitParty(db(), w.employer, permitId, { as: "employer", email: "Priya@Example.com" }, BASE, NOW);
    const [mail] = await outboxFor(db(), "priya@example.com");
    expect(result.outboxIds).toEqual([mail.id]);
    expect(mail).toMatchObject({ template: "permit-invitation", props: { to: "parent", name: "parent or carer", invitedBy: "Erin Employer", businessName: "Corner Newsagents Ltd" } });
    const url = outboxUrl(mail);
    expect(url).toMatch(new RegExp(`^${BASE}/permits/join/[A-Za-z0-9_-]{43}$`));
    const row = await permitRow(db(), permitId);
    expect(row).toMatchObject({ inviteEmail: "priya@example.com", inviteTokenHash: hashToken(tokenFromUrl(url)), inviteExpiresAt: new Date(NOW.getTime() + 14 * DAY) });
    const [, audit] = await auditFor(db(), "employment-permit", permitId);
    expect(audit).toMatchObject({ action: "employment-permit.parent-invited", after: { email: "priya@example.com" } });
    expect(JSON.stringify(audit.after)).not.toContain(tokenFromUrl(url));
  });

  it("lets the parent join for one of their own children; then the link stops working", async () => {
    const w = await applyWorld(db());
    const { permitId, token } = await employerStarted(w);
    expect(await describePermitInvitation(db(), token, NOW)).toMatchObject({ state: "open", invites: "parent", businessName: "Corner Newsagents Ltd", job: "Delivering newspapers or leaflets" });
    await expect(joinPermitByLink(db(), w.rivalEmployer, token, {}, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await ruleErrors(joinPermitByLink(db(), w.otherParent, token, { childId: w.child.id }, NOW))).toEqual({ childId: ["Select the child who will do the job"] });

    const joined = await joinPermitByLink(db(), w.parent, token, { childId: w.child.id }, NOW);
    expect(joined).toEqual({ permitId, joinedAs: "parent", childId: w.child.id });
    expect(await permitRow(db(), permitId)).toMatchObject({ parentUserId: w.parentUser.id, childId: w.child.id, inviteTokenHash: null, inviteExpiresAt: null });
    expect((await auditFor(db(), "employment-permit", permitId)).at(-1)).toMatchObject({ action: "employment-permit.parent-joined", actorUserId: w.parentUser.id });
    expect(await describePermitInvitation(db(), token, NOW)).toEqual({ state: "expired" });
    await expect(joinPermitByLink(db(), w.parent, token, { childId: w.child.id }, NOW)).rejects.toBeInstanceOf(LinkExpiredError);
    // now the employer sees the child, with the hours checked for Noah himself
    expect(await getPermitApplication(db(), w.employer, permitId, "employer", { now: NOW })).toMatchObject({ checkedForStandIn: false, child: { name: "Noah Example", ageOnStart: 14 } });
    await expect(invitePermitParty(db(), w.employer, permitId, { as: "employer", email: "x@y.example" }, BASE, NOW)).rejects.toThrow("already joined");
  });

  it("refuses a link after 14 days, and only the newest link works", async () => {
    const w = await applyWorld(db());
    const { permitId, token } = await employerStarted(w);
    const later = new Date(NOW.getTime() + 14 * DAY);
    expect(await describePermitInvitation(db(), token, later)).toEqual({ state: "expired" });
    await expect(joinPermitByLink(db(), w.parent, token, { childId: w.child.id }, later)).rejects.toBeInstanceOf(LinkExpiredError);
    await invitePermitParty(db(), w.employer, permitId, { as: "employer", email: "priya@example.com" }, BASE, NOW);
    expect(await describePermitInvitation(db(), token, NOW)).toEqual({ state: "expired" });
    expect(await describePermitInvitation(db(), "made-up", NOW)).toEqual({ state: "expired" });
  });

  it("lets a parent who started ask the employer, who joins with their organisation and fills in their part", async () => {
    const w = await applyWorld(db());
    const { permitId } = await startPermitApplication(db(), w.parent, { as: "parent", childId: w.child.id }, NOW);
    await expect(invitePermitParty(db(), w.otherParent, permitId, { as: "parent", email: "erin@corner.example" }, BASE, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await invitePermitParty(db(), w.parent, permitId, { as: "parent", email: "erin@corner.example" }, BASE, NOW);
    const [mail] = await outboxFor(db(), "erin@corner.example");
    expect(mail).toMatchObject({ template: "permit-invitation", props: { to: "employer", childName: "Noah Example", invitedBy: "Priya Parent" } });
    const token = tokenFromUrl(outboxUrl(mail));
    expect(await describePermitInvitation(db(), token, NOW)).toMatchObject({ invites: "employer", childFirstName: "Noah", parentName: "Priya Parent" });
    await expect(joinPermitByLink(db(), w.parent, token, {}, NOW)).rejects.toBeInstanceOf(ForbiddenError);

    expect(await joinPermitByLink(db(), w.employer, token, {}, NOW)).toMatchObject({ joinedAs: "employer", childId: w.child.id });
    expect(await permitRow(db(), permitId)).toMatchObject({ organisationId: w.shop.id, businessName: "Corner Newsagents Ltd", inviteTokenHash: null });
    await completeEmployerPart(db(), w.employer, permitId);
    expect((await getPermitApplication(db(), w.employer, permitId, "employer", { now: NOW })).employer.complete).toBe(true);
    await expect(getPermitApplication(db(), w.rivalEmployer, permitId, "employer")).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("the parent's part", () => {
  it("saves the health declaration and consent, then confirms and tells the employer's people", async () => {
    const w = await applyWorld(db());
    const { permitId, token } = await employerStarted(w);
    await joinPermitByLink(db(), w.parent, token, { childId: w.child.id }, NOW);
    expect(await ruleErrors(saveParentPermitPart(db(), w.parent, permitId, { section: "health", hasHealthConditions: true, healthDetails: " " }, NOW))).toEqual({
      healthDetails: ["Give details of the child's health conditions or disabilities"],
    });
    await expect(saveParentPermitPart(db(), w.otherParent, permitId, { section: "consent", consentName: "Olly" }, NOW)).rejects.toBeInstanceOf(NotFoundError);
    expect(await ruleErrors(confirmParentPermitPart(db(), w.parent, permitId, BASE, NOW))).toEqual({ health: ["Answer the health question"], consent: ["Give your consent"] });

    await saveParentPermitPart(db(), w.parent, permitId, { section: "health", hasHealthConditions: true, healthDetails: "Mild asthma: carries an inhaler" }, NOW);
    await saveParentPermitPart(db(), w.parent, permitId, { section: "consent", consentName: "Priya Parent" }, NOW);
    const result = await confirmParentPermitPart(db(), w.parent, permitId, BASE, NOW);
    expect(await permitRow(db(), permitId)).toMatchObject({ hasHealthConditions: true, consentName: "Priya Parent", parentPartCompletedAt: NOW });
    const mails = [...(await outboxFor(db(), "erin@corner.example")), ...(await outboxFor(db(), "eddie@corner.example"))];
    expect(mails.map((m) => m.template)).toEqual(["permit-parent-part-complete", "permit-parent-part-complete"]);
    expect(mails[0].props).toMatchObject({ childName: "Noah Example", employerPartComplete: true, url: `${BASE}/employer/permits/${permitId}/submit` });
    expect(result.outboxIds).toHaveLength(2);
    const audits = await auditFor(db(), "employment-permit", permitId);
    expect(audits.at(-1)).toMatchObject({ action: "employment-permit.parent-part-completed", actorUserId: w.parentUser.id });
    // health details stay out of the history
    expect(JSON.stringify(audits.map((a) => a.after))).not.toContain("asthma");

    // the employer learns that health was declared, not what
    const forEmployer = await getPermitApplication(db(), w.employer, permitId, "employer", { now: NOW });
    expect(forEmployer.parent).toMatchObject({ hasHealthConditions: true, healthDetails: null });
    const forParent = await getPermitApplication(db(), w.parent, permitId, "parent", { now: NOW });
    expect(forParent.parent.healthDetails).toBe("Mild asthma: carries an inhaler");

    // any change re-opens the part
    await saveParentPermitPart(db(), w.parent, permitId, { section: "consent", consentName: "Priya A. Parent" }, NOW);
    expect((await permitRow(db(), permitId)).parentPartCompletedAt).toBeNull();
  });
});

describe("submitPermitApplication", () => {
  it("refuses while either part is incomplete, saying what is missing", async () => {
    const w = await applyWorld(db());
    const { permitId } = await startPermitApplication(db(), w.employer, { as: "employer" }, NOW);
    expect(await ruleErrors(submitPermitApplication(db(), w.employer, permitId, "employer", BASE, { now: NOW }))).toEqual({
      employerPart: ["Complete your part of the application"],
      parentPart: ["The child's parent has not joined the application yet: ask them to fill in their part"],
    });
    expect((await permitRow(db(), permitId)).status).toBe("draft");
    expect((await auditFor(db(), "employment-permit", permitId)).map((a) => a.action)).toEqual(["employment-permit.started"]);
  });

  it("numbers it {CODE}-PE-{year}-{6 digits} for the council where the work happens, records the school, audits it and emails both sides", async () => {
    const w = await applyWorld(db());
    const permitId = await bothPartsDone(w);
    expect(await getPermitApplication(db(), w.employer, permitId, "employer", { now: NOW })).toMatchObject({ canSubmit: true, lateIfSubmittedToday: false, problems: {} });
    await expect(submitPermitApplication(db(), w.rivalEmployer, permitId, "employer", BASE, { now: NOW })).rejects.toBeInstanceOf(NotFoundError);

    const result = await submitPermitApplication(db(), w.employer, permitId, "employer", BASE, { now: NOW });
    expect(result).toMatchObject({ reference: "NMC-PE-2026-000001", late: false, childId: w.child.id });
    expect(await permitRow(db(), permitId)).toMatchObject({
      status: "submitted",
      reference: "NMC-PE-2026-000001",
      late: false,
      schoolId: w.school.id,
      submittedAt: NOW,
      authorityId: w.north.id,
    });
    const toEmployer = await outboxFor(db(), "erin@corner.example");
    const toParent = await outboxFor(db(), "priya@example.com");
    expect(toEmployer.at(-1)).toMatchObject({ template: "permit-submitted", props: { to: "employer", reference: "NMC-PE-2026-000001", url: `${BASE}/employer/permits/${permitId}` } });
    expect(toParent.at(-1)).toMatchObject({
      template: "permit-submitted",
      props: { to: "parent", name: "Priya Parent", authorityName: "Northmere Council", url: `${BASE}/children/${w.child.id}/permits/${permitId}` },
    });
    expect(result.outboxIds).toHaveLength(3);
    const events = await auditFor(db(), "employment-permit", permitId);
    // the world's school has no contact the council knows of, so it is not told (see school-consultations-permits.test.ts)
    expect(events.slice(-2).map((e) => e.action)).toEqual(["employment-permit.submitted", "employment-permit.school-not-told"]);
    const audit = events.at(-2)!;
    expect(audit).toMatchObject({ action: "employment-permit.submitted", actorUserId: w.employerUser.id, before: { status: "draft" } });
    expect(audit.after).toMatchObject({ status: "submitted", reference: "NMC-PE-2026-000001", late: false, schoolId: w.school.id });

    // no more changes, and no second submission
    await expect(submitPermitApplication(db(), w.employer, permitId, "employer", BASE, { now: NOW })).rejects.toThrow("it cannot be submitted now");
    await expect(saveParentPermitPart(db(), w.parent, permitId, { section: "consent", consentName: "X" }, NOW)).rejects.toThrow("can no longer be changed");
    // the next one counts on, and the parent may send it too
    const second = await bothPartsDone(w);
    expect((await submitPermitApplication(db(), w.parent, second, "parent", BASE, { now: NOW })).reference).toBe("NMC-PE-2026-000002");
  });

  it("flags it late when sent more than 7 days after the start date (EMPLOY-7DAYS), not on the 7th day", async () => {
    const w = await applyWorld(db());
    const onTime = await bothPartsDone(w, { startDate: "2026-11-30" });
    expect((await getPermitApplication(db(), w.employer, onTime, "employer", { now: NOW })).lateIfSubmittedToday).toBe(false);
    expect((await submitPermitApplication(db(), w.employer, onTime, "employer", BASE, { now: NOW })).late).toBe(false);
    const late = await bothPartsDone(w, { startDate: "2026-11-29" });
    expect((await getPermitApplication(db(), w.employer, late, "employer", { now: NOW })).lateIfSubmittedToday).toBe(true);
    expect((await submitPermitApplication(db(), w.employer, late, "employer", BASE, { now: NOW })).late).toBe(true);
    expect((await permitRow(db(), late)).late).toBe(true);
    expect((await outboxFor(db(), "priya@example.com")).at(-1)?.props).toMatchObject({ late: true, lateDays: 7, startDate: "2026-11-29" });
    const audit = (await auditFor(db(), "employment-permit", late)).find((e) => e.action === "employment-permit.submitted")!;
    expect((audit.after as { summary: string }).summary).toContain("8 days after the start date");
  });

  it("refuses a prohibited occupation, and hours that break the rules for the child's age", async () => {
    const w = await applyWorld(db());
    const kitchen = await bothPartsDone(w, { occupation: "commercial-kitchen" });
    expect(await ruleErrors(submitPermitApplication(db(), w.employer, kitchen, "employer", BASE, { now: NOW }))).toEqual({
      rules: ["The job or its hours break the employment rules: change them before you send the application"],
    });
    const view = await getPermitApplication(db(), w.parent, kitchen, "parent", { now: NOW });
    expect(view.findings.map((f) => f.rule)).toEqual(["EMPLOY-PROHIBITED"]);
    expect(view.problems.rules).toEqual(["The job or its hours break the employment rules: the employer must change them before the application can be sent"]);

    // 2 h 30 min on a school day
    const long = await bothPartsDone(w);
    const { term } = paperRound();
    term.wed = [{ start: "16:00", end: "18:30" }];
    await saveEmployerPart(db(), w.employer, long, { section: "hours", week: "term", pattern: term }, { now: NOW });
    expect(Object.keys(await ruleErrors(submitPermitApplication(db(), w.employer, long, "employer", BASE, { now: NOW })))).toEqual(["rules"]);
    expect((await getPermitApplication(db(), w.employer, long, "employer", { now: NOW })).findings).toEqual([
      expect.objectContaining({ rule: "EMPLOY-SCHOOLDAY", limit: "2 h", actual: "2 h 30 min", pattern: "term" }),
    ]);
    expect((await permitRow(db(), long)).status).toBe("draft");
  });

  it("uses the 2026 Act's limits from the date they are switched on", async () => {
    const w = await applyWorld(db());
    const permitId = await bothPartsDone(w);
    const { holiday } = paperRound();
    holiday.sat = [{ start: "15:30", end: "19:30" }];
    await saveEmployerPart(db(), w.employer, permitId, { section: "hours", week: "holiday", pattern: holiday }, { now: NOW });
    expect(Object.keys(await ruleErrors(submitPermitApplication(db(), w.employer, permitId, "employer", BASE, { now: NOW })))).toEqual(["rules"]);
    const result = await submitPermitApplication(db(), w.employer, permitId, "employer", BASE, { now: NOW, rules: { cwsa2026From: "2026-09-01" } });
    expect(result.reference).toBe("NMC-PE-2026-000001");
  });
});

describe("dashboards", () => {
  it("lists an employer's permits for their organisation only, and a parent's for their own children", async () => {
    const w = await applyWorld(db());
    const submitted = await bothPartsDone(w);
    await submitPermitApplication(db(), w.employer, submitted, "employer", BASE, { now: NOW });
    await db().update(employmentPermits).set({ endsOn: "2028-06-30" }).where(eq(employmentPermits.id, submitted));
    const { permitId: draft } = await startPermitApplication(db(), w.employer, { as: "employer" }, NOW);
    await startPermitApplication(db(), w.rivalEmployer, { as: "employer" }, NOW);

    const mine = await listEmployerPermits(db(), w.employer);
    expect(mine.map((p) => p.id).sort()).toEqual([submitted, draft].sort());
    expect(mine.find((p) => p.id === submitted)).toMatchObject({
      childName: "Noah Example",
      job: "Delivering newspapers or leaflets",
      status: "submitted",
      statusLabel: "Submitted",
      reference: "NMC-PE-2026-000001",
      endsOn: "2028-06-30",
      nextStep: null,
    });
    expect(mine.find((p) => p.id === draft)).toMatchObject({ childName: null, status: "draft", nextStep: "Ask the parent" });
    expect(await listEmployerPermits(db(), w.parent)).toEqual([]);

    expect(await listParentPermits(db(), w.parent, { childId: w.child.id })).toEqual([
      expect.objectContaining({ id: submitted, childName: "Noah Example", businessName: "Corner Newsagents Ltd", reference: "NMC-PE-2026-000001" }),
    ]);
    expect(await listParentPermits(db(), w.otherParent)).toEqual([]);
    // a parent with the employer role sees only what their own memberships allow
    const both = await createUser(db(), { memberships: [{ role: "parent" }] });
    expect(await listEmployerPermits(db(), actorFor(both, [{ role: "parent" }]))).toEqual([]);
  });
});
