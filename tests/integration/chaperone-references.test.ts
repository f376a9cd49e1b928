import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { chaperoneApplications, chaperoneReferees } from "#db/schema/chaperones";
import { outbox } from "#db/schema/notifications";
import { publicActor } from "~/domain/actor";
import { getReferenceRequest } from "~/domain/chaperones/getReferenceRequest";
import { submitChaperoneApplication } from "~/domain/chaperones/submitChaperoneApplication";
import { submitReference } from "~/domain/chaperones/submitReference";
import { LinkExpiredError, RuleError } from "~/domain/errors";
import { auditFor, outboxUrl, tokenFromUrl } from "../factories";
import { useTestDatabase } from "../setup/db";
import { BASE, completeApplication, createChaperone, setUpCouncil } from "./chaperone-helpers";

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest lifecycle helper, not a React hook
const db = useTestDatabase();
const TODAY = "2026-11-23";
const NOW = new Date("2026-11-23T10:00:00Z");
const referee = publicActor("198.51.100.20");
const answers = { yearsKnown: "6 years", capacity: "I managed her at the theatre", hasConcerns: false, suitable: true, comments: "Reliable and kind" };

/** A submitted application and the two referees' tokens, taken from their emails. */
async function submitted() {
  await setUpCouncil(db());
  const { actor } = await createChaperone(db());
  const applicationId = await completeApplication(db(), actor, TODAY);
  await submitChaperoneApplication(db(), actor, BASE, { now: NOW });
  const messages = await db().select().from(outbox).where(eq(outbox.template, "chaperone-reference-request"));
  const token = (email: string) => tokenFromUrl(outboxUrl(messages.find((m) => m.to === email)!));
  return { applicationId, rita: token("rita@example.com"), ravi: token("ravi@example.com") };
}

async function failure(work: Promise<unknown>) {
  return work.then(
    () => null,
    (e) => e,
  );
}

describe("a referee's link", () => {
  it("shows who the reference is for, and stores the answers once, audited on the application", async () => {
    const { applicationId, rita } = await submitted();
    expect(await getReferenceRequest(db(), rita, NOW)).toMatchObject({
      state: "open",
      refereeName: "Rita Referee",
      applicantName: "Casey Chaperone",
      relationship: "Former manager",
      authorityName: "Northmere Council",
    });
    const later = new Date(NOW.getTime() + 86400_000);
    await submitReference(db(), referee, rita, { ...answers, concerns: "ignored when there are none" }, { now: later });
    const [row] = await db().select().from(chaperoneReferees).where(eq(chaperoneReferees.email, "rita@example.com"));
    expect(row.response).toEqual({ ...answers, concerns: "" });
    expect(row.submittedAt).toEqual(later);
    const [audit] = (await auditFor(db(), "chaperone-application", applicationId)).filter((e) => e.action === "chaperone-reference.submitted");
    expect(audit).toMatchObject({ actorUserId: null, actorLabel: "Referee Rita Referee", ip: "198.51.100.20", after: { position: 1, suitable: true, hasConcerns: false } });

    // used up
    expect(await getReferenceRequest(db(), rita, later)).toEqual({ state: "used" });
    const again = await failure(submitReference(db(), referee, rita, answers, { now: later }));
    expect(again).toBeInstanceOf(LinkExpiredError);
    expect(again.reason).toBe("used");
  });

  it("stores concerns with their details, and asks for details and answers that are missing", async () => {
    const { ravi } = await submitted();
    const missing = await failure(submitReference(db(), referee, ravi, { yearsKnown: " ", capacity: "", hasConcerns: true, concerns: "", suitable: false }, { now: NOW }));
    expect(missing).toBeInstanceOf(RuleError);
    expect((missing as RuleError).fieldErrors).toEqual({
      yearsKnown: ["Enter how long you have known them"],
      capacity: ["Enter how you know them"],
      concerns: ["Give details of your concerns"],
    });
    expect(await getReferenceRequest(db(), ravi, NOW)).toMatchObject({ state: "open" });
    await submitReference(db(), referee, ravi, { ...answers, hasConcerns: true, concerns: "Often late", suitable: false }, { now: NOW });
    const [row] = await db().select().from(chaperoneReferees).where(eq(chaperoneReferees.email, "ravi@example.com"));
    expect(row.response).toMatchObject({ hasConcerns: true, concerns: "Often late", suitable: false, comments: "Reliable and kind" });
  });

  it("has expired after 14 days", async () => {
    const { rita } = await submitted();
    const justBefore = new Date(NOW.getTime() + 14 * 86400_000 - 1000);
    const after = new Date(NOW.getTime() + 14 * 86400_000);
    expect(await getReferenceRequest(db(), rita, justBefore)).toMatchObject({ state: "open" });
    expect(await getReferenceRequest(db(), rita, after)).toEqual({ state: "expired" });
    const error = await failure(submitReference(db(), referee, rita, answers, { now: after }));
    expect(error).toBeInstanceOf(LinkExpiredError);
    expect(error.reason).toBe("expired");
    const [row] = await db().select().from(chaperoneReferees).where(eq(chaperoneReferees.email, "rita@example.com"));
    expect(row.response).toBeNull();
  });

  it("is refused when made up, or once the application is withdrawn", async () => {
    const { applicationId, rita } = await submitted();
    expect(await getReferenceRequest(db(), "x".repeat(43), NOW)).toEqual({ state: "expired" });
    expect(await getReferenceRequest(db(), "short", NOW)).toEqual({ state: "expired" });
    expect(await failure(submitReference(db(), referee, "x".repeat(43), answers, { now: NOW }))).toBeInstanceOf(LinkExpiredError);
    await db().update(chaperoneApplications).set({ status: "withdrawn" }).where(eq(chaperoneApplications.id, applicationId));
    expect(await getReferenceRequest(db(), rita, NOW)).toEqual({ state: "expired" });
    expect(await failure(submitReference(db(), referee, rita, answers, { now: NOW }))).toBeInstanceOf(LinkExpiredError);
  });
});
