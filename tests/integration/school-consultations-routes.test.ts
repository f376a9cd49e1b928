import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { performanceApplications, schoolConsultations } from "#db/schema/licences";
import { action as linkAction, loader as linkLoader } from "~/routes/school-consultations.$token";
import { loader as deskLoader } from "~/routes/school._index";
import { loader as layoutLoader } from "~/routes/school";
import { action as accountAction, loader as accountLoader } from "~/routes/school.consultations.$consultationId";
import { outboxFor } from "../factories";
import { useTestDatabase } from "../setup/db";
import { routeContext, run, signedIn, TOKEN } from "../setup/routes";
import { schoolWorld } from "./school-consultations-helpers";

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest lifecycle helper, not a React hook
const db = useTestDatabase();
const context = routeContext();

function post(path: string, fields: [string, string][], cookie?: string) {
  const body = new URLSearchParams([["csrf", TOKEN], ...fields]);
  return new Request(`http://localhost${path}`, {
    method: "POST",
    body,
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
  });
}

const get = (path: string, cookie?: string) => new Request(`http://localhost${path}`, { headers: cookie ? { Cookie: cookie } : {} });

/** A school whose link was sent just now (the routes run on the real clock). */
const world = () => schoolWorld(db(), { now: new Date() });

async function consultationRow(id: string) {
  const [row] = await db().select().from(schoolConsultations).where(eq(schoolConsultations.id, id));
  return row;
}

describe("/school-consultations/$token (no sign-in)", () => {
  it("shows the application, or 410 for a made-up or expired link", async () => {
    const w = await world();
    const open = await run(linkLoader({ request: get(`/school-consultations/${w.token}`), context, params: { token: w.token } }));
    expect(open.status).toBe(200);
    expect(await open.json()).toMatchObject({ state: "open", view: { child: { name: "Oliver Example" } } });

    const made = await run(linkLoader({ request: get("/school-consultations/x"), context, params: { token: "x".repeat(43) } }));
    expect(made.status).toBe(410);
    expect(await made.json()).toEqual({ state: "expired" });

    await db().update(schoolConsultations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(schoolConsultations.id, w.consultation.id));
    const expired = await run(linkLoader({ request: get(`/school-consultations/${w.token}`), context, params: { token: w.token } }));
    expect(expired.status).toBe(410);
  });

  it("answers mistakes with GOV.UK errors keeping what was typed, then records the objection once and emails the officers", async () => {
    const w = await world();
    const path = `/school-consultations/${w.token}`;
    const answer = (fields: [string, string][]) => run(linkAction({ request: post(path, fields), context, params: { token: w.token } }));

    const empty = await answer([]);
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({
      status: "error",
      error: { response: ["Select whether you consent to the absence"], name: ["Enter the name of the head teacher or the person they have authorised"] },
    });

    const noReasons = await answer([
      ["response", "object"],
      ["name", "Hannah Head"],
    ]);
    expect(noReasons.status).toBe(400);
    const reply = await noReasons.json();
    expect(reply.error).toEqual({ grounds: ["Select the grounds for your objection"], reasons: ["Enter your reasons for objecting"] });
    expect(reply.initialValue).toMatchObject({ response: "object", name: "Hannah Head" });
    expect((await consultationRow(w.consultation.id)).respondedAt).toBeNull();

    // One ground ticked (a single value, not a list).
    const sent = await answer([
      ["response", "object"],
      ["grounds", "health"],
      ["reasons", "He is recovering from an operation."],
      ["name", "Hannah Head"],
    ]);
    expect(sent.status).toBe(302);
    expect(sent.headers.get("Location")).toBe("/school-consultations/thank-you");
    expect(await consultationRow(w.consultation.id)).toMatchObject({ response: "object", grounds: ["health"], respondedByName: "Hannah Head" });
    expect((await outboxFor(db(), w.officer.email)).map((m) => m.template)).toEqual(["school-objected"]);

    // Answered: the link says so (200), and a second answer goes back to it.
    const page = await run(linkLoader({ request: get(path), context, params: { token: w.token } }));
    expect(page.status).toBe(200);
    expect(await page.json()).toMatchObject({ state: "answered", answeredBy: "Hannah Head", details: null });
    const again = await answer([
      ["response", "consent"],
      ["name", "Someone Else"],
    ]);
    expect(again.status).toBe(302);
    expect(again.headers.get("Location")).toBe(path);
    expect(await consultationRow(w.consultation.id)).toMatchObject({ response: "object", respondedByName: "Hannah Head" });
  });
});

describe("/school (the school's account)", () => {
  it("needs the school role", async () => {
    const w = await world();
    const anonymous = await run(layoutLoader({ request: get("/school"), context, params: {} }));
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/sign-in\?redirectTo=%2Fschool/);
    const parent = await signedIn(w.parent);
    expect((await run(layoutLoader({ request: get("/school", parent), context, params: {} }))).status).toBe(403);
    expect((await run(deskLoader({ request: get("/school", parent), context, params: {} }))).status).toBe(403);
    const officer = await signedIn(w.officer);
    expect((await run(accountLoader({ request: get("/school", officer), context, params: { consultationId: w.consultation.id } }))).status).toBe(403);
  });

  it("lists the school's consultations, and answers one from the account; another school's user gets 404", async () => {
    const w = await world();
    const head = await signedIn(w.headUser);
    const desk = await run(deskLoader({ request: get("/school", head), context, params: {} }));
    expect(desk.status).toBe(200);
    expect(await desk.json()).toMatchObject({ waiting: [{ id: w.consultation.id, childName: "Oliver Example" }], done: [] });

    const path = `/school/consultations/${w.consultation.id}`;
    const params = { consultationId: w.consultation.id };
    const other = await signedIn({ id: w.otherHead.userId! });
    expect((await run(accountLoader({ request: get(path, other), context, params }))).status).toBe(404);
    expect(
      (
        await run(
          accountAction({
            request: post(path, [
              ["response", "consent"],
              ["name", "Sid Saint"],
            ], other),
            context,
            params,
          }),
        )
      ).status,
    ).toBe(404);
    expect((await run(accountLoader({ request: get("/school/consultations/nope", head), context, params: { consultationId: "nope" } }))).status).toBe(404);

    const page = await run(accountLoader({ request: get(path, head), context, params }));
    expect(page.status).toBe(200);
    expect(await page.json()).toMatchObject({ state: "open", view: { consultationId: w.consultation.id } });

    const missingName = await run(accountAction({ request: post(path, [["response", "consent"]], head), context, params }));
    expect(missingName.status).toBe(400);
    const done = await run(
      accountAction({
        request: post(path, [
          ["response", "consent"],
          ["name", "Hannah Head"],
        ], head),
        context,
        params,
      }),
    );
    expect(done.status).toBe(302);
    expect(done.headers.get("Location")).toBe("/school?answered=1");
    const [application] = await db().select().from(performanceApplications).where(eq(performanceApplications.id, w.application.id));
    expect(application.status).toBe("under-review");
    expect(await run(accountLoader({ request: get(path, head), context, params })).then((r) => r.json())).toMatchObject({
      state: "answered",
      details: { answer: { response: "consent", respondedByName: "Hannah Head" } },
    });
  });
});
