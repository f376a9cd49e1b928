import { afterEach, describe, expect, it } from "vitest";
import { action, loader } from "~/routes/api.v1.employment-checks";
import { resetEnvCache } from "~/server/env.server";

const context = { csrfToken: "", cspNonce: "n", ip: "127.0.0.1", baseUrl: "http://localhost" };
const post = (body: string, method = "POST") =>
  action({ request: new Request("http://localhost/api/v1/employment-checks", { method, body, headers: { "Content-Type": "application/json" } }), context, params: {} });

// Sat 13 June 2026; the child is 14.
const shift = { date: "2026-06-13", start: "09:00", end: "12:00", dayType: "saturday" };
const valid = { child: { dateOfBirth: "2012-03-10" }, occupation: "newspaper-delivery", shifts: [shift] };
const withShift = (over: Record<string, unknown>) => JSON.stringify({ ...valid, shifts: [{ ...shift, ...over }] });

afterEach(() => {
  delete process.env.CWSA_2026_EMPLOYMENT_FROM;
  resetEnvCache();
});

describe("POST /api/v1/employment-checks (DESIGN.md contract)", () => {
  it("answers ok with no findings for work within the rules", async () => {
    const res = await post(JSON.stringify(valid));
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    expect(await res.json()).toEqual({ ok: true, findings: [] });
  });

  it("names the rule, date, limit and actual value of each finding", async () => {
    const body = await (await post(JSON.stringify({ ...valid, occupation: "commercial-kitchen", shifts: [{ ...shift, end: "19:15", start: "17:00" }] }))).json();
    expect(body).toEqual({
      ok: false,
      findings: [
        { rule: "EMPLOY-PROHIBITED", date: "2026-06-13", actual: "commercial-kitchen", message: "No child may be employed in this work (commercial kitchen), at any age" },
        { rule: "EMPLOY-LATEST", date: "2026-06-13", limit: "19:00", actual: "19:15", message: "On Sat 13 June 2026 work ends at 19:15, after 19:00" },
      ],
    });
  });

  it("applies the 2026 Act from the date CWSA_2026_EMPLOYMENT_FROM sets", async () => {
    const evening = withShift({ start: "17:00", end: "20:00" });
    expect((await (await post(evening)).json()).ok).toBe(false);
    process.env.CWSA_2026_EMPLOYMENT_FROM = "2026-06-01";
    resetEnvCache();
    expect(await (await post(evening)).json()).toEqual({ ok: true, findings: [] });
  });

  it.each([
    ["not JSON", "{nope", ""],
    ["a missing child", JSON.stringify({ ...valid, child: undefined }), "child"],
    ["a bad date of birth", JSON.stringify({ ...valid, child: { dateOfBirth: "10/03/2012" } }), "child.dateOfBirth"],
    ["an unknown occupation code", JSON.stringify({ ...valid, occupation: "chimney-sweep" }), "occupation"],
    ["no shifts", JSON.stringify({ ...valid, shifts: [] }), "shifts"],
    ["shifts not a list", JSON.stringify({ ...valid, shifts: shift }), "shifts"],
    ["a date that does not exist", withShift({ date: "2026-02-30" }), "shifts.0.date"],
    ["an end before the start", withShift({ start: "12:00", end: "09:00" }), "shifts.0.end"],
    ["an end equal to the start", withShift({ start: "09:00", end: "09:00" }), "shifts.0.end"],
    ["a time without a leading zero", withShift({ start: "9:00" }), "shifts.0.start"],
    ["an unknown day type", withShift({ dayType: "weekend" }), "shifts.0.dayType"],
    ["a day type named like a property of every object", withShift({ dayType: "__proto__" }), "shifts.0.dayType"],
    ["a day type that cannot be turned into text", withShift({ dayType: { toString: null } }), "shifts.0.dayType"],
    ["a date that cannot be turned into text", withShift({ date: { toString: null } }), "shifts.0.date"],
    ["a saturday shift on a Monday", withShift({ date: "2026-06-08" }), "shifts.0.dayType"],
    ["a school shift on a Sunday", withShift({ date: "2026-06-14", dayType: "school" }), "shifts.0.dayType"],
    ["a shift before the child's birth", withShift({ date: "2011-06-11" }), "shifts.0.date"],
    [
      "overlapping shifts",
      JSON.stringify({ ...valid, shifts: [shift, { ...shift, start: "11:00", end: "13:00" }] }),
      "shifts.1.start",
    ],
    [
      "two day types on one date",
      JSON.stringify({ ...valid, shifts: [{ ...shift, date: "2026-06-08", dayType: "school", start: "07:00", end: "08:00" }, { ...shift, date: "2026-06-08", dayType: "holiday", start: "16:00", end: "17:00" }] }),
      "shifts.1.dayType",
    ],
  ])("answers 400 with errors by path for %s", async (_name, body, path) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    const json = (await res.json()) as { errors: { path: string; message: string }[] };
    expect(json.errors.map((e) => e.path)).toContain(path);
    for (const e of json.errors) expect(e.message).toMatch(/^[A-Z"]/);
  });

  it("answers 400 for an oversized body and 405 for other methods", async () => {
    expect((await post(" ".repeat(300 * 1024))).status).toBe(400);
    const put = await post(JSON.stringify(valid), "PUT");
    expect(put.status).toBe(405);
    expect(loader().status).toBe(405);
  });
});
