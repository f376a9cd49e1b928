import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { chaperoneApplications } from "#db/schema/chaperones";
import { outbox } from "#db/schema/notifications";
import { publicActor } from "~/domain/actor";
import { getChaperoneApplication } from "~/domain/chaperones/getChaperoneApplication";
import { getMyChaperoneApplication } from "~/domain/chaperones/getMyChaperoneApplication";
import { getMyChaperoneApproval } from "~/domain/chaperones/getMyChaperoneApproval";
import { grantChaperoneLicence } from "~/domain/chaperones/grantChaperoneLicence";
import { judgeReference } from "~/domain/chaperones/judgeReference";
import { listChaperoneQueue } from "~/domain/chaperones/listChaperoneQueue";
import { recordChaperoneCheck } from "~/domain/chaperones/recordChaperoneCheck";
import { saveApplicationSection } from "~/domain/chaperones/saveApplicationSection";
import { startChaperoneApplication } from "~/domain/chaperones/startChaperoneApplication";
import { startChaperoneRenewal } from "~/domain/chaperones/startChaperoneRenewal";
import { submitChaperoneApplication } from "~/domain/chaperones/submitChaperoneApplication";
import { submitReference } from "~/domain/chaperones/submitReference";
import { RuleError } from "~/domain/errors";
import { actorFor, auditFor, createUser, outboxUrl, tokenFromUrl } from "../factories";
import { useTestDatabase } from "../setup/db";
import { BASE, completeApplication, createChaperone, setUpCouncil } from "./chaperone-helpers";

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest lifecycle helper, not a React hook
const db = useTestDatabase();
const referee = publicActor("198.51.100.20");
const answers = { yearsKnown: "6 years", capacity: "Former manager", hasConcerns: false, suitable: true, comments: "Reliable" };

/** Takes an application from submitted to granted: both referees answer by link, the officer records every check. */
async function decide(officer: ReturnType<typeof actorFor>, applicationId: string, refereeEmails: string[], now: Date, startDate?: string) {
  const messages = await db().select().from(outbox).where(eq(outbox.template, "chaperone-reference-request"));
  for (const email of refereeEmails) {
    const message = messages.find((m) => m.to === email)!;
    await submitReference(db(), referee, tokenFromUrl(outboxUrl(message)), answers, { now });
  }
  await recordChaperoneCheck(db(), officer, applicationId, { check: "identity", outcome: "seen" }, now);
  await recordChaperoneCheck(db(), officer, applicationId, { check: "dbs", outcome: "clear" }, now);
  await recordChaperoneCheck(db(), officer, applicationId, { check: "interview", outcome: "passed", date: now.toISOString().slice(0, 10) }, now);
  await recordChaperoneCheck(db(), officer, applicationId, { check: "training", outcome: "confirmed" }, now);
  const view = await getChaperoneApplication(db(), officer, applicationId, now.toISOString().slice(0, 10));
  for (const r of view.referees) await judgeReference(db(), officer, applicationId, r.id, "satisfactory", now);
  return grantChaperoneLicence(db(), officer, applicationId, startDate ? { startDate } : {}, BASE, now);
}

async function approvedChaperone() {
  const { northmere } = await setUpCouncil(db());
  const officer = actorFor(await createUser(db(), { name: "Olive Officer" }), [{ role: "officer", authorityId: northmere.id }]);
  const chaperone = await createChaperone(db());
  const first = new Date("2026-11-23T10:00:00Z");
  const applicationId = await completeApplication(db(), chaperone.actor, "2026-11-23");
  await saveApplicationSection(
    db(),
    chaperone.actor,
    { section: "declarations", hasConvictions: true, convictionDetails: "Speeding, 2010", hasOtherCouncilDecisions: false, declarationConfirmed: true },
    { today: "2026-11-23" },
  );
  await submitChaperoneApplication(db(), chaperone.actor, BASE, { now: first });
  const licence = await decide(officer, applicationId, ["rita@example.com", "ravi@example.com"], first, "2026-11-23");
  return { northmere, officer, ...chaperone, applicationId, licence };
}

describe("startChaperoneRenewal", () => {
  it("opens 6 months before the approval ends, pre-fills every answer but the DBS certificate and referees, and the new approval starts the day after the old one ends", async () => {
    const w = await approvedChaperone();
    expect(w.licence).toMatchObject({ validFrom: "2026-11-23", validTo: "2029-11-22" });

    // Too early: the approval is shown with the date renewal opens.
    const early = new Date("2029-05-01T10:00:00Z");
    expect(await getMyChaperoneApproval(db(), w.actor, "2029-05-01")).toMatchObject({
      reference: w.licence.reference,
      validTo: "2029-11-22",
      renewalOpensOn: "2029-05-22",
      renewalStartsOn: "2029-11-23",
      canRenew: false,
    });
    await expect(startChaperoneRenewal(db(), w.actor, { now: early })).rejects.toBeInstanceOf(RuleError);

    const now = new Date("2029-09-01T10:00:00Z");
    const today = "2029-09-01";
    const started = await startChaperoneRenewal(db(), w.actor, { now });
    expect(started).toMatchObject({ created: true, status: "draft" });
    expect(await startChaperoneRenewal(db(), w.actor, { now })).toMatchObject({ applicationId: started.applicationId, created: false });
    // starting an ordinary application now carries on with the renewal
    expect((await startChaperoneApplication(db(), w.actor)).applicationId).toBe(started.applicationId);

    const [previous] = await db().select().from(chaperoneApplications).where(eq(chaperoneApplications.id, w.applicationId));
    const [renewal] = await db().select().from(chaperoneApplications).where(eq(chaperoneApplications.id, started.applicationId));
    expect(renewal).toMatchObject({
      renewsDocumentId: w.licence.documentId,
      authorityId: w.northmere.id,
      firstName: "Casey",
      lastName: "Chaperone",
      dateOfBirth: "1990-05-17",
      phone: "07700 900982",
      addressLine1: "1 High Street",
      town: "Northmere",
      postcode: previous.postcode,
      photoUploadId: previous.photoUploadId,
      identityUploadIds: previous.identityUploadIds,
      identityDocumentTypes: ["passport", "utility-bill", "bank-statement"],
      trainingDate: previous.trainingDate,
      trainingProvider: "Northmere Council chaperone training",
      hasConvictions: true,
      convictionDetails: "Speeding, 2010",
      hasOtherCouncilDecisions: false,
      declarationConfirmed: null,
      dbsCertificateNumber: null,
      dbsIssueDate: null,
      dbsOnUpdateService: null,
      dbsConsentToStatusCheck: null,
      reference: null,
    });
    const mine = await getMyChaperoneApplication(db(), w.actor, { today });
    expect(mine).toMatchObject({ renewal: true, status: "draft", referees: [] });
    expect(mine?.statuses).toEqual({
      "personal-details": "Completed",
      address: "Completed",
      photo: "Completed",
      identity: "Completed",
      dbs: "Not yet started",
      referees: "Not yet started",
      training: "Completed",
      declarations: "In progress",
      check: "Cannot start yet",
    });
    const [audit] = await auditFor(db(), "chaperone-application", started.applicationId);
    expect(audit).toMatchObject({ action: "chaperone-application.renewal-started", after: { renews: w.licence.reference, startsOn: "2029-11-23" } });

    // The chaperone gives a DBS certificate and two referees, confirms the declaration afresh, and sends it; the officer sees a renewal.
    await saveApplicationSection(
      db(),
      w.actor,
      { section: "declarations", hasConvictions: true, convictionDetails: "Speeding, 2010", hasOtherCouncilDecisions: false, declarationConfirmed: true },
      { today },
    );
    await saveApplicationSection(db(), w.actor, { section: "dbs", dbsCertificateNumber: "0098 7654 3210", dbsIssueDate: "2029-08-01", dbsOnUpdateService: false }, { today });
    await saveApplicationSection(
      db(),
      w.actor,
      {
        section: "referees",
        referees: [
          { name: "Nina Newref", email: "nina@example.com", relationship: "Colleague" },
          { name: "Ned Newref", email: "ned@example.com", relationship: "Friend" },
        ],
      },
      { today },
    );
    await submitChaperoneApplication(db(), w.actor, BASE, { now });
    const queue = await listChaperoneQueue(db(), w.officer, today);
    expect(queue.applications.map((a) => [a.id, a.renewal])).toEqual([[started.applicationId, true]]);

    // Granted with the default start date: the day after the current approval ends, for the authority's 3 years.
    const granted = await decide(w.officer, started.applicationId, ["nina@example.com", "ned@example.com"], new Date("2029-09-10T10:00:00Z"));
    expect(granted).toMatchObject({ validFrom: "2029-11-23", validTo: "2032-11-22" });
    expect(granted.reference).not.toBe(w.licence.reference);
  });

  it("is refused to a chaperone without a valid approval", async () => {
    await setUpCouncil(db());
    const { actor } = await createChaperone(db());
    expect(await getMyChaperoneApproval(db(), actor)).toBeNull();
    await expect(startChaperoneRenewal(db(), actor)).rejects.toBeInstanceOf(RuleError);
  });
});
