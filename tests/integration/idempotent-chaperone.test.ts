/**
 * Decision 028: starting and sending a chaperone application are safe to repeat. Two identical requests at once (a
 * double-click, a network retry) or one replayed later (back, then send again) make one application, one set of
 * emails and one audit row, and every answer leads to the same page. With DATABASE_URL set the two requests
 * really race on separate connections; on PGlite they run one after the other.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { chaperoneApplications } from "#db/schema/chaperones";
import { outbox } from "#db/schema/notifications";
import { londonDate } from "~/domain/calendar/dates";
import { saveApplicationSection } from "~/domain/chaperones/saveApplicationSection";
import { startChaperoneApplication } from "~/domain/chaperones/startChaperoneApplication";
import { submitChaperoneApplication } from "~/domain/chaperones/submitChaperoneApplication";
import { action as startAction } from "~/routes/chaperone._index";
import { action as checkAction } from "~/routes/chaperone.application.check";
import { loader as submittedLoader } from "~/routes/chaperone.application.submitted";
import { auditFor } from "../factories";
import { useTestDatabase } from "../setup/db";
import { routeContext, run, signedIn, TOKEN } from "../setup/routes";
import { BASE, completeAnswers, completeApplication, createChaperone, setUpCouncil } from "./chaperone-helpers";

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest lifecycle helper, not a React hook
const db = useTestDatabase();
const context = routeContext(BASE);

const post = (path: string, cookie: string, fields: Record<string, string> = {}) => {
  const form = new FormData();
  form.set("csrf", TOKEN);
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return new Request(`http://localhost${path}`, { method: "POST", body: form, headers: { Cookie: cookie } });
};
const get = (path: string, cookie: string) => new Request(`http://localhost${path}`, { headers: { Cookie: cookie } });

const applicationsOf = (userId: string) => db().select().from(chaperoneApplications).where(eq(chaperoneApplications.applicantUserId, userId));
const actions = async (recordId: string) => (await auditFor(db(), "chaperone-application", recordId)).map((e) => e.action);

describe("starting a chaperone application twice", () => {
  it("at once through the verb: one draft, one audit row, the same id for both", async () => {
    await setUpCouncil(db());
    const { user, actor } = await createChaperone(db());
    const [a, b] = await Promise.all([startChaperoneApplication(db(), actor), startChaperoneApplication(db(), actor)]);
    expect(a.applicationId).toBe(b.applicationId);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(await applicationsOf(user.id)).toHaveLength(1);
    expect(await actions(a.applicationId)).toEqual(["chaperone-application.started"]);
  });

  it("at once and replayed through the page: both answers go to the task list, one draft", async () => {
    await setUpCouncil(db());
    const { user } = await createChaperone(db());
    const cookie = await signedIn(user);
    const answers = await Promise.all([run(startAction({ request: post("/chaperone", cookie), context, params: {} })), run(startAction({ request: post("/chaperone", cookie), context, params: {} }))]);
    const replayed = await run(startAction({ request: post("/chaperone", cookie), context, params: {} }));
    for (const answer of [...answers, replayed]) {
      expect(answer.status).toBe(302);
      expect(answer.headers.get("Location")).toBe("/chaperone/application");
    }
    const rows = await applicationsOf(user.id);
    expect(rows).toHaveLength(1);
    expect(await actions(rows[0].id)).toEqual(["chaperone-application.started"]);
  });

  it("the database refuses a second open application for the same person, whatever code path tries", async () => {
    await setUpCouncil(db());
    const { user, actor } = await createChaperone(db());
    await startChaperoneApplication(db(), actor);
    await expect(db().insert(chaperoneApplications).values({ applicantUserId: user.id })).rejects.toThrow();
    // A decided application doesn't count: once refused, they may apply again.
    await db().update(chaperoneApplications).set({ status: "refused" }).where(eq(chaperoneApplications.applicantUserId, user.id));
    const again = await startChaperoneApplication(db(), actor);
    expect(again.created).toBe(true);
    expect(await applicationsOf(user.id)).toHaveLength(2);
  });
});

describe("sending a chaperone application twice", () => {
  it("at once through the verb: one reference, one set of emails, one audit row", async () => {
    await setUpCouncil(db());
    const { actor } = await createChaperone(db());
    const today = londonDate();
    const applicationId = await completeApplication(db(), actor, today);
    const [a, b] = await Promise.all([
      submitChaperoneApplication(db(), actor, BASE, { applicationId }),
      submitChaperoneApplication(db(), actor, BASE, { applicationId }),
    ]);
    expect(a.reference).toBe(`NMC-CA-${today.slice(0, 4)}-000001`);
    expect(b.reference).toBe(a.reference);
    expect([a.alreadySubmitted, b.alreadySubmitted].sort()).toEqual([false, true]);
    expect([...a.outboxIds, ...b.outboxIds]).toHaveLength(3);
    expect(await db().select().from(outbox)).toHaveLength(3);
    expect((await actions(applicationId)).filter((action) => action === "chaperone-application.submitted")).toHaveLength(1);
  });

  it("double-clicked and replayed through the page: every answer is the same confirmation, sent once", async () => {
    await setUpCouncil(db());
    const { user, actor } = await createChaperone(db());
    const applicationId = await completeApplication(db(), actor, londonDate());
    const cookie = await signedIn(user);
    const send = () => run(checkAction({ request: post("/chaperone/application/check", cookie, { applicationId }), context, params: {} }));

    const clicks = await Promise.all([send(), send()]);
    const confirmation = await run(submittedLoader({ request: get("/chaperone/application/submitted", cookie), context, params: {} }));
    expect(confirmation.status).toBe(200);
    const { reference } = await confirmation.json();
    expect(reference).toMatch(/^NMC-CA-\d{4}-000001$/);

    // Back to the check page and "Accept and send" again, after the confirmation was seen.
    const replayed = await send();
    for (const answer of [...clicks, replayed]) {
      expect(answer.status).toBe(302);
      expect(answer.headers.get("Location")).toBe("/chaperone/application/submitted");
    }
    const again = await run(submittedLoader({ request: get("/chaperone/application/submitted", cookie), context, params: {} }));
    expect((await again.json()).reference).toBe(reference);

    const rows = await applicationsOf(user.id);
    expect(rows).toMatchObject([{ id: applicationId, status: "submitted", reference }]);
    const messages = await db().select().from(outbox);
    expect(messages.map((m) => m.template).sort()).toEqual(["chaperone-application-submitted", "chaperone-reference-request", "chaperone-reference-request"]);
    expect(await actions(applicationId)).toHaveLength(1 + 8 + 1); // started, 8 sections saved, submitted once
    expect((await actions(applicationId)).at(-1)).toBe("chaperone-application.submitted");
  });

  it("a replay names its application: it never sends a newer draft, and another person's id is not found", async () => {
    await setUpCouncil(db());
    const { user, actor } = await createChaperone(db());
    const first = await completeApplication(db(), actor, londonDate());
    await submitChaperoneApplication(db(), actor, BASE, { applicationId: first });
    // The council refuses it; they start again and fill in every section, but haven't sent it yet.
    await db().update(chaperoneApplications).set({ status: "refused" }).where(eq(chaperoneApplications.id, first));
    const second = await completeApplication(db(), actor, londonDate());
    const cookie = await signedIn(user);

    // The old "Accept and send" replayed: the first was sent long ago, so nothing is sent.
    const replayed = await run(checkAction({ request: post("/chaperone/application/check", cookie, { applicationId: first }), context, params: {} }));
    expect(replayed.headers.get("Location")).toBe("/chaperone/application/submitted");
    const [draft] = await db().select().from(chaperoneApplications).where(eq(chaperoneApplications.id, second));
    expect(draft).toMatchObject({ status: "draft", reference: null });
    expect(await db().select().from(outbox)).toHaveLength(3);

    const other = await createChaperone(db(), { name: "Other Chaperone" });
    const otherCookie = await signedIn(other.user);
    const theirs = await run(checkAction({ request: post("/chaperone/application/check", otherCookie, { applicationId: second }), context, params: {} }));
    expect(theirs.status).toBe(404);
  });

  it("still refuses an incomplete application, with the sections to finish", async () => {
    await setUpCouncil(db());
    const { user, actor } = await createChaperone(db());
    const { applicationId } = await startChaperoneApplication(db(), actor);
    const [details] = await completeAnswers(londonDate());
    await saveApplicationSection(db(), actor, details);
    const cookie = await signedIn(user);
    const answers = await Promise.all(
      [1, 2].map(() => run(checkAction({ request: post("/chaperone/application/check", cookie, { applicationId }), context, params: {} }))),
    );
    for (const answer of answers) {
      expect(answer.status).toBe(400);
      expect((await answer.json()).problems).toContainEqual({ href: "/chaperone/application/photo?from=check", text: "Upload a photograph of yourself" });
    }
    expect(await db().select().from(outbox)).toEqual([]);
  });
});
