import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { chaperoneApplications, chaperoneReferees } from "#db/schema/chaperones";
import { outbox } from "#db/schema/notifications";
import { getMyChaperoneApplication } from "~/domain/chaperones/getMyChaperoneApplication";
import { addMonths } from "~/domain/chaperones/rules";
import { saveApplicationSection } from "~/domain/chaperones/saveApplicationSection";
import { sectionStatuses } from "~/domain/chaperones/sections";
import { startChaperoneApplication } from "~/domain/chaperones/startChaperoneApplication";
import { submitChaperoneApplication } from "~/domain/chaperones/submitChaperoneApplication";
import { ForbiddenError, NotFoundError, } from "~/domain/errors";
import { hashToken } from "~/domain/identity/tokens";
import { actorFor, auditFor, createUser, outboxUrl, tokenFromUrl } from "../factories";
import { useTestDatabase } from "../setup/db";
import { ruleErrors } from "../setup/routes";
import { BASE, completeAnswers, completeApplication, createChaperone, setUpCouncil } from "./chaperone-helpers";

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest lifecycle helper, not a React hook
const db = useTestDatabase();
const TODAY = "2026-11-23";
const NOW = new Date("2026-11-23T10:00:00Z");

describe("startChaperoneApplication", () => {
  it("starts one draft per applicant and returns it again, audited once", async () => {
    await setUpCouncil(db());
    const { actor } = await createChaperone(db());
    const first = await startChaperoneApplication(db(), actor);
    const again = await startChaperoneApplication(db(), actor);
    expect(first).toMatchObject({ created: true, status: "draft" });
    expect(again).toEqual({ applicationId: first.applicationId, created: false, status: "draft" });
    expect((await auditFor(db(), "chaperone-application", first.applicationId)).map((e) => e.action)).toEqual(["chaperone-application.started"]);
  });

  it("refuses someone who is not a chaperone", async () => {
    const parent = await createUser(db(), { memberships: [{ role: "parent" }] });
    await expect(startChaperoneApplication(db(), actorFor(parent, [{ role: "parent" }]))).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("saveApplicationSection", () => {
  it("refuses an applicant under 18 on the application date, and accepts one who is 18 that day", async () => {
    await setUpCouncil(db());
    const { actor } = await createChaperone(db());
    await startChaperoneApplication(db(), actor);
    const details = { section: "personal-details" as const, firstName: "Young", lastName: "Person", dateOfBirth: "2008-11-24", phone: "07700 900982" };
    expect(await ruleErrors(saveApplicationSection(db(), actor, details, { today: TODAY }))).toEqual({
      dateOfBirthDay: ["You must be 18 or over to be a chaperone"],
    });
    await saveApplicationSection(db(), actor, { ...details, dateOfBirth: "2008-11-23" }, { today: TODAY });
    const mine = await getMyChaperoneApplication(db(), actor, { today: TODAY });
    expect(mine?.answers).toMatchObject({ firstName: "Young", dateOfBirth: "2008-11-23" });
    expect(mine?.statuses["personal-details"]).toBe("Completed");
  });

  it("refuses a DBS number of 11 digits", async () => {
    await setUpCouncil(db());
    const { actor } = await createChaperone(db());
    await startChaperoneApplication(db(), actor);
    const errors = await ruleErrors(
      saveApplicationSection(db(), actor, { section: "dbs", dbsCertificateNumber: "00123456789", dbsIssueDate: "2026-10-01", dbsOnUpdateService: false }, { today: TODAY }),
    );
    expect(errors).toEqual({ dbsCertificateNumber: ["DBS certificate number must be 12 digits"] });
  });

  it("refuses a DBS certificate older than 3 months unless it is on the Update Service with consent", async () => {
    await setUpCouncil(db());
    const { actor } = await createChaperone(db());
    const { applicationId } = await startChaperoneApplication(db(), actor);
    const dbs = { section: "dbs" as const, dbsCertificateNumber: "001234567890", dbsIssueDate: "2026-08-22", dbsOnUpdateService: false };
    expect(await ruleErrors(saveApplicationSection(db(), actor, dbs, { today: TODAY }))).toEqual({
      dbsIssueDateDay: ["Your DBS certificate must have been issued in the last 3 months, unless it is on the DBS Update Service"],
    });
    expect(await ruleErrors(saveApplicationSection(db(), actor, { ...dbs, dbsOnUpdateService: true }, { today: TODAY }))).toEqual({
      dbsConsentToStatusCheck: ["Give consent for the council to check your DBS certificate on the Update Service"],
    });
    // Exactly 3 months old is still recent; nothing was saved by the refused attempts.
    const [before] = await db().select().from(chaperoneApplications).where(eq(chaperoneApplications.id, applicationId));
    expect(before.dbsCertificateNumber).toBeNull();
    await saveApplicationSection(db(), actor, { ...dbs, dbsIssueDate: "2026-08-23" }, { today: TODAY });
    await saveApplicationSection(db(), actor, { ...dbs, dbsOnUpdateService: true, dbsConsentToStatusCheck: true }, { today: TODAY });
    const [after] = await db().select().from(chaperoneApplications).where(eq(chaperoneApplications.id, applicationId));
    expect(after).toMatchObject({ dbsIssueDate: "2026-08-22", dbsOnUpdateService: true, dbsConsentToStatusCheck: true });
  });

  it("refuses the same referee twice, and the applicant as their own referee", async () => {
    await setUpCouncil(db());
    const { actor, user } = await createChaperone(db());
    await startChaperoneApplication(db(), actor);
    const rita = { name: "Rita Referee", email: "rita@example.com", relationship: "Manager" };
    expect(await ruleErrors(saveApplicationSection(db(), actor, { section: "referees", referees: [rita, { ...rita, email: " RITA@example.com" }] }, { today: TODAY }))).toEqual({
      referee2Email: ["Your 2 referees must have different email addresses"],
    });
    expect(await ruleErrors(saveApplicationSection(db(), actor, { section: "referees", referees: [rita, { ...rita, email: user.email }] }, { today: TODAY }))).toEqual({
      referee2Email: ["A referee cannot be you"],
    });
    expect(await db().select().from(chaperoneReferees)).toEqual([]);
  });

  it("finds the council from the postcode, or asks which council when no district matches", async () => {
    const { northmere, eastbrook } = await setUpCouncil(db());
    const { actor } = await createChaperone(db());
    const { applicationId } = await startChaperoneApplication(db(), actor);
    const address = { section: "address" as const, addressLine1: "1 High Street", town: "Northmere", postcode: "nm1 2ab" };
    await saveApplicationSection(db(), actor, address, { today: TODAY });
    let [row] = await db().select().from(chaperoneApplications).where(eq(chaperoneApplications.id, applicationId));
    expect(row).toMatchObject({ postcode: "NM1 2AB", authorityId: northmere.id });

    const elsewhere = { ...address, postcode: "ZZ9 9ZZ" };
    expect(await ruleErrors(saveApplicationSection(db(), actor, elsewhere, { today: TODAY }))).toEqual({ authorityId: ["Select the council you live in"] });
    expect(await ruleErrors(saveApplicationSection(db(), actor, { ...address, postcode: "not a postcode" }, { today: TODAY }))).toEqual({
      postcode: ["Enter a full UK postcode, like NM1 2AB"],
    });
    await saveApplicationSection(db(), actor, { ...elsewhere, authorityId: eastbrook.id }, { today: TODAY });
    [row] = await db().select().from(chaperoneApplications).where(eq(chaperoneApplications.id, applicationId));
    expect(row).toMatchObject({ postcode: "ZZ9 9ZZ", authorityId: eastbrook.id });
  });

  it("moves each section from not started to completed, and saves each change with an audit row", async () => {
    await setUpCouncil(db());
    const { actor } = await createChaperone(db());
    const { applicationId } = await startChaperoneApplication(db(), actor);
    const empty = await getMyChaperoneApplication(db(), actor, { today: TODAY });
    expect(Object.values(empty!.statuses)).toEqual([...Array(8).fill("Not yet started"), "Cannot start yet"]);

    const answers = await completeAnswers(TODAY);
    for (const input of answers) await saveApplicationSection(db(), actor, input, { today: TODAY });
    const full = await getMyChaperoneApplication(db(), actor, { today: TODAY });
    expect(full!.statuses).toEqual({
      "personal-details": "Completed",
      address: "Completed",
      photo: "Completed",
      identity: "Completed",
      dbs: "Completed",
      referees: "Completed",
      training: "Completed",
      declarations: "Completed",
      check: "Not yet started",
    });
    expect(full!.photo).toMatchObject({ filename: "me.png", contentType: "image/png" });
    expect(full!.identityScan).toMatchObject({ filename: "passport.png" });
    // A DBS certificate that was recent when saved ages out while the draft waits.
    expect(sectionStatuses({ ...full!.answers, photoUploadId: "x", identityUploadIds: ["x"], referees: full!.referees, applicantEmail: "c@example.com" }, addMonths(TODAY, 3)).dbs).toBe(
      "In progress",
    );
    const actions = (await auditFor(db(), "chaperone-application", applicationId)).map((e) => e.action);
    expect(actions).toEqual(["chaperone-application.started", ...Array(8).fill("chaperone-application.section-saved")]);
    expect((await auditFor(db(), "upload")).map((e) => e.action)).toEqual(["upload.stored", "upload.stored"]);
  });

  it("keeps a referee's link and answer when only their name changes, and clears them when the email changes", async () => {
    await setUpCouncil(db());
    const { actor } = await createChaperone(db());
    await startChaperoneApplication(db(), actor);
    const rita = { name: "Rita Referee", email: "rita@example.com", relationship: "Manager" };
    const ravi = { name: "Ravi Referee", email: "ravi@example.com", relationship: "Neighbour" };
    await saveApplicationSection(db(), actor, { section: "referees", referees: [rita, ravi] }, { today: TODAY });
    await db().update(chaperoneReferees).set({ tokenHash: "h1", submittedAt: NOW }).where(eq(chaperoneReferees.position, 1));
    await db().update(chaperoneReferees).set({ tokenHash: "h2", submittedAt: NOW }).where(eq(chaperoneReferees.position, 2));
    await saveApplicationSection(db(), actor, { section: "referees", referees: [{ ...rita, name: "Rita Reference" }, { ...ravi, email: "other@example.com" }] }, { today: TODAY });
    const rows = await db().select().from(chaperoneReferees).orderBy(chaperoneReferees.position);
    expect(rows.map((r) => [r.name, r.email, r.tokenHash, !!r.submittedAt])).toEqual([
      ["Rita Reference", "rita@example.com", "h1", true],
      ["Ravi Referee", "other@example.com", null, false],
    ]);
  });
});

describe("submitChaperoneApplication", () => {
  it("requires every section to be complete", async () => {
    await setUpCouncil(db());
    const { actor } = await createChaperone(db());
    await startChaperoneApplication(db(), actor);
    const [details] = await completeAnswers(TODAY);
    await saveApplicationSection(db(), actor, details, { today: TODAY });
    const errors = await ruleErrors(submitChaperoneApplication(db(), actor, BASE, { now: NOW }));
    expect(Object.keys(errors)).toEqual(["address", "photo", "identity", "dbs", "referees", "training", "declarations"]);
    expect(errors.photo).toEqual(["Upload a photograph of yourself"]);
    expect(await db().select().from(outbox)).toEqual([]);
  });

  it("gives a reference, emails each referee a 14-day link and the applicant a confirmation, all audited", async () => {
    await setUpCouncil(db());
    const { actor, user } = await createChaperone(db());
    const applicationId = await completeApplication(db(), actor, TODAY);
    const { reference, outboxIds } = await submitChaperoneApplication(db(), actor, BASE, { now: NOW });
    expect(reference).toBe("NMC-CA-2026-000001");
    expect(outboxIds).toHaveLength(3);

    const [row] = await db().select().from(chaperoneApplications).where(eq(chaperoneApplications.id, applicationId));
    expect(row).toMatchObject({ status: "submitted", reference, submittedAt: NOW });

    const messages = await db().select().from(outbox);
    const toReferee = messages.filter((m) => m.template === "chaperone-reference-request");
    expect(toReferee.map((m) => m.to).sort()).toEqual(["ravi@example.com", "rita@example.com"]);
    const referees = await db().select().from(chaperoneReferees);
    for (const message of toReferee) {
      const url = outboxUrl(message);
      expect(url).toMatch(new RegExp(`^${BASE}/chaperone-references/[A-Za-z0-9_-]{43}$`));
      expect(message.props).toMatchObject({ applicantName: "Casey Chaperone", authorityName: "Northmere Council", expiresInDays: 14, expiresOn: "7 December 2026" });
      const referee = referees.find((r) => r.email === message.to)!;
      // only the hash of the token is stored
      expect(referee.tokenHash).toBe(hashToken(tokenFromUrl(url)));
      expect(referee.tokenExpiresAt).toEqual(new Date(NOW.getTime() + 14 * 86400_000));
    }
    const confirmation = messages.find((m) => m.template === "chaperone-application-submitted")!;
    expect(confirmation).toMatchObject({ to: user.email, props: { reference, name: "Casey Chaperone", url: `${BASE}/chaperone` } });

    const submitted = (await auditFor(db(), "chaperone-application", applicationId)).at(-1)!;
    expect(submitted).toMatchObject({ action: "chaperone-application.submitted", before: { status: "draft" }, after: { status: "submitted", reference } });

    // A second applicant gets the next number; the first can't change or resend theirs.
    const other = await createChaperone(db(), { name: "Other Chaperone" });
    await completeApplication(db(), other.actor, TODAY);
    expect((await submitChaperoneApplication(db(), other.actor, BASE, { now: NOW })).reference).toBe("NMC-CA-2026-000002");
    // Sending it again (a replay) changes nothing and answers with the same reference (decision 028).
    expect(await submitChaperoneApplication(db(), actor, BASE, { now: NOW })).toEqual({ applicationId, reference, outboxIds: [], alreadySubmitted: true });
    expect(await db().select().from(outbox)).toHaveLength(6);
    const [details] = await completeAnswers(TODAY);
    expect(await ruleErrors(saveApplicationSection(db(), actor, details, { today: TODAY }))).toEqual({
      "": ["Your application has been sent to the council, so you cannot change it now"],
    });
  });

  it("checks the rules again on the day it is sent", async () => {
    await setUpCouncil(db());
    const { actor } = await createChaperone(db());
    await completeApplication(db(), actor, TODAY);
    const later = new Date("2027-02-15T10:00:00Z");
    expect(await ruleErrors(submitChaperoneApplication(db(), actor, BASE, { now: later }))).toEqual({
      dbs: ["Your DBS certificate must have been issued in the last 3 months, unless it is on the DBS Update Service"],
    });
  });
});

describe("another chaperone", () => {
  it("can neither read nor change someone else's application", async () => {
    await setUpCouncil(db());
    const owner = await createChaperone(db());
    const other = await createChaperone(db(), { name: "Nosy Chaperone" });
    const applicationId = await completeApplication(db(), owner.actor, TODAY);
    await expect(getMyChaperoneApplication(db(), other.actor, { applicationId })).rejects.toBeInstanceOf(NotFoundError);
    expect(await getMyChaperoneApplication(db(), other.actor)).toBeNull();
    const [details] = await completeAnswers(TODAY);
    await expect(saveApplicationSection(db(), other.actor, details, { applicationId, today: TODAY })).rejects.toBeInstanceOf(NotFoundError);
    await expect(submitChaperoneApplication(db(), other.actor, BASE, { applicationId, now: NOW })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getMyChaperoneApplication(db(), other.actor, { applicationId: "not-a-uuid" })).rejects.toBeInstanceOf(NotFoundError);
    // and their own first save starts nothing of the owner's
    await expect(saveApplicationSection(db(), other.actor, details, { today: TODAY })).rejects.toBeInstanceOf(NotFoundError);
    const mine = await getMyChaperoneApplication(db(), owner.actor, { applicationId });
    expect(mine?.answers.firstName).toBe("Casey");
  });
});
