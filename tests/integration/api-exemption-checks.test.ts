import { describe, expect, it } from "vitest";
import { action, loader } from "~/routes/api.v1.exemption-checks";

const context = { csrfToken: "", cspNonce: "n", ip: "127.0.0.1", baseUrl: "http://localhost" };
const post = (body: string, method = "POST") =>
  action({ request: new Request("http://localhost/api/v1/exemption-checks", { method, body, headers: { "Content-Type": "application/json" } }), context, params: {} });

const valid = {
  child: { dateOfBirth: "2015-03-14" },
  performance: { dates: ["2026-10-10"], paid: false, absenceFromSchool: false, broadcast: false, organiserHoldsBopa: false, arrangedBySchool: false },
  previousPerformanceDates: ["2026-06-01", "2026-07-01", "2026-08-01", "2026-10-10"],
};

describe("POST /api/v1/exemption-checks (DESIGN.md contract)", () => {
  it("answers licenceRequired, basis and reasons", async () => {
    const res = await post(JSON.stringify(valid));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { reasons: unknown[] } & Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(["basis", "licenceRequired", "reasons"]);
    expect(body).toMatchObject({ licenceRequired: false, basis: "four-day-rule" });
    expect(body.reasons[0]).toMatchObject({ rule: "EXEMPT-4DAY", counted: ["2026-06-01", "2026-07-01", "2026-08-01"] });
  });

  it("says a licence is needed, with the rule, when the day would be the 5th", async () => {
    const body = await (await post(JSON.stringify({ ...valid, previousPerformanceDates: ["2026-05-01", ...valid.previousPerformanceDates] }))).json();
    expect(body).toMatchObject({ licenceRequired: true, basis: null, reasons: [{ rule: "EXEMPT-4DAY", date: "2026-10-10" }] });
  });

  it("defaults previousPerformanceDates to none", async () => {
    const { previousPerformanceDates: _ignored, ...rest } = valid;
    expect((await post(JSON.stringify(rest))).status).toBe(200);
  });

  it.each([
    ["not JSON", "{nope", ""],
    ["a missing child", JSON.stringify({ ...valid, child: undefined }), "child"],
    ["a string for paid", JSON.stringify({ ...valid, performance: { ...valid.performance, paid: "no" } }), "performance.paid"],
    ["no dates", JSON.stringify({ ...valid, performance: { ...valid.performance, dates: [] } }), "performance.dates"],
    ["a bad date", JSON.stringify({ ...valid, performance: { ...valid.performance, dates: ["2026-13-01"] } }), "performance.dates.0"],
    ["a date before birth", JSON.stringify({ ...valid, performance: { ...valid.performance, dates: ["2010-01-01"] } }), "performance.dates.0"],
    ["an array body", "[]", ""],
  ])("answers 400 with errors by path for %s", async (_name, body, path) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    const json = (await res.json()) as { errors: { path: string; message: string }[] };
    expect(json.errors.length).toBeGreaterThan(0);
    expect(json.errors.map((e) => e.path)).toContain(path);
    for (const e of json.errors) expect(typeof e.message).toBe("string");
  });

  it("answers 400 for an oversized body and 405 for GET", async () => {
    expect((await post(" ".repeat(300 * 1024))).status).toBe(400);
    expect(loader().status).toBe(405);
  });
});
