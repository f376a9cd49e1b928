import { describe, expect, it } from "vitest";
import { raiseConcern } from "~/domain/safeguarding/raiseConcern";
import { action as caseAction, loader as caseLoader } from "~/routes/lado.cases.$reference";
import { loader as deskLoader } from "~/routes/lado._index";
import { action as concernAction } from "~/routes/report-a-concern.details";
import { loader as receivedLoader } from "~/routes/report-a-concern.received";
import { useTestDatabase } from "../setup/db";
import { routeContext, run, signedIn, TOKEN } from "../setup/routes";
import { BASE, ladoWorld, NOW, publicConcern } from "./lado-helpers";

// biome-ignore lint/correctness/useHookAtTopLevel: a vitest lifecycle helper, not a React hook
const db = useTestDatabase();
const context = routeContext(BASE);

function post(path: string, fields: Record<string, string | string[]>, cookie?: string) {
  const form = new FormData();
  form.set("csrf", TOKEN);
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) form.append(name, v);
  return new Request(`http://localhost${path}`, { method: "POST", body: form, headers: cookie ? { Cookie: cookie } : {} });
}
const get = (path: string, cookie?: string) => new Request(`http://localhost${path}`, { headers: cookie ? { Cookie: cookie } : {} });

describe("the public concern form", () => {
  it("answers bad input with GOV.UK errors by field, keeping what was typed, and a good report with the reference", async () => {
    const w = await ladoWorld(db());
    const fields = {
      reporterName: "Rita Reporter",
      reporterEmail: "rita@example.com",
      reporterRelationship: "Box office",
      subjectName: "Sam Stagehand",
      subjectRole: "production-staff",
      whatHappened: "",
      happenedOnDay: "1",
      happenedOnMonth: "1",
      happenedOnYear: "2099",
      actionTaken: "z".repeat(10_000),
      authorityId: w.nmc.id,
    };
    const bad = await run(concernAction({ request: post("/report-a-concern/details", fields), context, params: {} }));
    expect(bad.status).toBe(400);
    const reply = await bad.json();
    expect(reply.error).toEqual({
      whatHappened: ["Enter what happened"],
      happenedOnDay: ["The date it happened must be today or in the past"],
      actionTaken: ["What has been done must be 5000 characters or fewer"],
    });
    expect(reply.initialValue).toMatchObject({ reporterName: "Rita Reporter", subjectName: "Sam Stagehand", happenedOnYear: "2099" });

    const notADate = await run(concernAction({ request: post("/report-a-concern/details", { ...fields, happenedOnMonth: "13" }), context, params: {} }));
    expect((await notADate.json()).error.happenedOnDay).toEqual(["The date it happened must be a real date"]);

    const good = await run(
      concernAction({ request: post("/report-a-concern/details", { ...fields, whatHappened: "Shouted at a child", happenedOnYear: "2026", happenedOnMonth: "12", actionTaken: "" }), context, params: {} }),
    );
    expect(good.status).toBe(302);
    const location = good.headers.get("Location") ?? "";
    expect(location).toMatch(/^\/report-a-concern\/received\?reference=CON-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const page = await run(receivedLoader({ request: get(location), context, params: {} }));
    expect(await page.json()).toEqual({ reference: location.split("=")[1] });
    expect((await run(receivedLoader({ request: get("/report-a-concern/received?reference=<script>"), context, params: {} }))).status).toBe(404);
  });
});

describe("the LADO's case page", () => {
  it("opens only for the council's LADO, and saves the decision", async () => {
    const w = await ladoWorld(db());
    const { reference } = await raiseConcern(db(), w.public, publicConcern(w), BASE, { now: NOW });
    const path = `/lado/cases/${reference}`;
    const [lado, officer, otherLado] = await Promise.all([signedIn({ id: w.lado.userId ?? "" }), signedIn({ id: w.officer.userId ?? "" }), signedIn({ id: w.otherLado.userId ?? "" })]);
    expect((await run(caseLoader({ request: get(path, officer), context, params: { reference } }))).status).toBe(404);
    expect((await run(caseLoader({ request: get(path, otherLado), context, params: { reference } }))).status).toBe(404);
    expect((await run(caseLoader({ request: get(path), context, params: { reference } }))).status).toBe(302);
    expect((await run(deskLoader({ request: get("/lado", officer), context, params: {} }))).status).toBe(403);
    const opened = await run(caseLoader({ request: get(path, lado), context, params: { reference } }));
    expect(opened.status).toBe(200);
    expect((await opened.json()).case.concern.whatHappened).toContain("grab her arm");

    const denied = await run(caseAction({ request: post(path, { intent: "triage", decision: "refer", categories: ["harm"], reason: "x" }, officer), context, params: { reference } }));
    expect(denied.status).toBe(404);
    const missing = await run(caseAction({ request: post(path, { intent: "triage", decision: "refer" }, lado), context, params: { reference } }));
    expect(missing.status).toBe(400);
    expect((await missing.json()).error).toEqual({ categories: ["Select how the threshold is met"], reason: ["Enter why"] });
    const saved = await run(caseAction({ request: post(path, { intent: "triage", decision: "refer", categories: ["harm", "unsuitable"], reason: "Witnessed" }, lado), context, params: { reference } }));
    expect(saved.headers.get("Location")).toBe(`${path}?done=referred`);
    const bad = await run(
      caseAction({ request: post(path, { intent: "outcome", outcome: "unfounded", outcomeOnDay: "31", outcomeOnMonth: "2", outcomeOnYear: "2026" }, lado), context, params: { reference } }),
    );
    expect((await bad.json()).error).toEqual({ outcomeOnDay: ["The date of the outcome must be a real date"] });
  });
});
