import { describe, expect, it } from "vitest";
import { addDays } from "~/domain/calendar/dates";
import { action, loader } from "~/routes/api.v1.schedule-checks";

const context = { csrfToken: "", cspNonce: "n", ip: "127.0.0.1", baseUrl: "http://localhost" };
const post = (body: string, method = "POST") =>
  action({ request: new Request("http://localhost/api/v1/schedule-checks", { method, body, headers: { "Content-Type": "application/json" } }), context, params: {} });

const goodDay = {
  date: "2026-03-14",
  arrive: "09:00",
  depart: "18:30",
  performing: [
    { start: "10:00", end: "12:00" },
    { start: "14:00", end: "16:30" },
  ],
  breaks: [
    { start: "12:15", end: "13:00", kind: "meal" },
    { start: "13:15", end: "13:30", kind: "rest" },
    { start: "16:45", end: "17:00", kind: "rest" },
  ],
};
const valid = { child: { dateOfBirth: "2015-01-01" }, nightWorkPermitted: false, days: [goodDay] };
const withDay = (over: Record<string, unknown>) => JSON.stringify({ ...valid, days: [{ ...goodDay, ...over }] });

describe("POST /api/v1/schedule-checks (DESIGN.md contract)", () => {
  it("answers ok with no findings for a day within the rules", async () => {
    const res = await post(JSON.stringify(valid));
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(["findings", "ok"]);
    expect(body).toEqual({ ok: true, findings: [] });
  });

  it("names the rule, date, limit and actual value of each finding", async () => {
    const body = await (await post(withDay({ depart: "18:31" }))).json();
    expect(body).toEqual({
      ok: false,
      findings: [
        {
          rule: "HOURS-AT-PLACE",
          date: "2026-03-14",
          limit: "9 h 30 min",
          actual: "9 h 31 min",
          message: "On Sat 14 March 2026 the child is at the venue for 9 h 31 min; the limit for ages 9 and over is 9 h 30 min.",
        },
      ],
    });
  });

  it("marks night work asked for as needing permission, and the schedule stays ok", async () => {
    const early = { date: "2026-03-14", arrive: "06:30", depart: "09:00" };
    const res = await post(JSON.stringify({ ...valid, nightWorkPermitted: true, days: [early] }));
    const body = await res.json();
    expect(body).toEqual({ ok: true, findings: [expect.objectContaining({ rule: "HOURS-NIGHT", date: "2026-03-14", needsPermission: true })] });
    const refused = await (await post(JSON.stringify({ ...valid, days: [early] }))).json();
    expect(refused).toEqual({ ok: false, findings: [expect.objectContaining({ rule: "HOURS-EARLIEST" })] });
    expect(refused.findings[0].needsPermission).toBeUndefined();
  });

  it("defaults missing performing and breaks to none", async () => {
    const body = await (await post(JSON.stringify({ ...valid, days: [{ date: "2026-03-14", arrive: "10:00", depart: "12:00" }] }))).json();
    expect(body).toEqual({ ok: true, findings: [] });
  });

  it.each([
    ["not JSON", "{nope", ""],
    ["an array body", "[]", ""],
    ["a missing child", JSON.stringify({ ...valid, child: undefined }), "child"],
    ["a bad date of birth", JSON.stringify({ ...valid, child: { dateOfBirth: "14/03/2015" } }), "child.dateOfBirth"],
    ["a missing nightWorkPermitted", JSON.stringify({ ...valid, nightWorkPermitted: undefined }), "nightWorkPermitted"],
    ["a string for nightWorkPermitted", JSON.stringify({ ...valid, nightWorkPermitted: "no" }), "nightWorkPermitted"],
    ["no days", JSON.stringify({ ...valid, days: [] }), "days"],
    ["days not a list", JSON.stringify({ ...valid, days: "2026-03-14" }), "days"],
    ["367 days", JSON.stringify({ ...valid, days: Array.from({ length: 367 }, (_, i) => ({ ...goodDay, date: addDays("2026-01-01", i) })) }), "days"],
    ["a day that is not an object", JSON.stringify({ ...valid, days: [42] }), "days.0"],
    ["a date that does not exist", withDay({ date: "2026-02-30" }), "days.0.date"],
    ["a date that cannot be turned into text", withDay({ date: { toString: null } }), "days.0.date"],
    ["a day before the child's birth", withDay({ date: "2014-12-31" }), "days.0.date"],
    ["the same date twice", JSON.stringify({ ...valid, days: [goodDay, { ...goodDay }] }), "days.1.date"],
    ["a missing arrival time", withDay({ arrive: undefined }), "days.0.arrive"],
    ["a time without a leading zero", withDay({ arrive: "9:00" }), "days.0.arrive"],
    ["24:00", withDay({ depart: "24:00" }), "days.0.depart"],
    ["a number for a time", withDay({ depart: 1830 }), "days.0.depart"],
    ["departure before arrival", withDay({ arrive: "18:30", depart: "09:00", performing: [], breaks: [] }), "days.0.depart"],
    ["departure equal to arrival", withDay({ arrive: "09:00", depart: "09:00", performing: [], breaks: [] }), "days.0.depart"],
    ["performing that ends before it starts", withDay({ performing: [{ start: "12:00", end: "11:00" }] }), "days.0.performing.0.end"],
    ["performing before arrival", withDay({ performing: [{ start: "08:00", end: "10:00" }] }), "days.0.performing.0.start"],
    ["performing after departure", withDay({ performing: [{ start: "18:00", end: "19:00" }] }), "days.0.performing.0.end"],
    ["performing not a list", withDay({ performing: { start: "10:00", end: "11:00" } }), "days.0.performing"],
    ["a break that ends before it starts", withDay({ breaks: [{ start: "13:00", end: "12:15", kind: "meal" }] }), "days.0.breaks.0.end"],
    ["a break of an unknown kind", withDay({ breaks: [{ start: "12:15", end: "13:00", kind: "nap" }] }), "days.0.breaks.0.kind"],
    ["a break without a start", withDay({ breaks: [{ end: "13:00", kind: "meal" }] }), "days.0.breaks.0.start"],
  ])("answers 400 with errors by path for %s", async (_name, body, path) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    const json = (await res.json()) as { errors: { path: string; message: string }[] };
    expect(json.errors.map((e) => e.path)).toContain(path);
    for (const e of json.errors) expect(e.message).toMatch(/^[A-Z]/);
  });

  it("reports every error at once, each against its own field", async () => {
    const res = await post(withDay({ arrive: "9:00", performing: [{ start: "12:00", end: "11:00" }], breaks: [{ start: "12:15", end: "13:00", kind: "nap" }] }));
    const { errors } = (await res.json()) as { errors: { path: string; message: string }[] };
    expect(errors).toEqual([
      { path: "days.0.arrive", message: "Enter the arrival time as HH:MM, from 00:00 to 23:59" },
      { path: "days.0.performing.0.end", message: "The end of each performing period must be after its start" },
      { path: "days.0.breaks.0.kind", message: 'Say whether each break is a "meal" or "rest" break' },
    ]);
  });

  it("answers 400 for an oversized body and 405 for other methods", async () => {
    expect((await post(" ".repeat(600 * 1024))).status).toBe(400);
    const put = await post(JSON.stringify(valid), "PUT");
    expect(put.status).toBe(405);
    expect(put.headers.get("Allow")).toBe("POST");
    expect(loader().status).toBe(405);
  });
});
