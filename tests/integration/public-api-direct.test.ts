import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpServer } from "../../scripts/http";

const valid = {
  child: { dateOfBirth: "2015-03-14" },
  performance: { dates: ["2026-10-10"], paid: false, absenceFromSchool: false, broadcast: false, organiserHoldsBopa: false, arrangedBySchool: false },
  previousPerformanceDates: ["2026-06-01"],
};

describe("the public APIs answered directly by the HTTP server", () => {
  const app = express();
  app.all("*", (_req, res) => void res.status(418).send("the app"));
  const server = createHttpServer(app, true);
  let base = "";
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const post = (path: string, body: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { method: "POST", body, headers: { "Content-Type": "application/json", ...headers } });

  it("answers as the route does, with the API's headers", async () => {
    const ok = await post("/api/v1/exemption-checks", JSON.stringify(valid));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ licenceRequired: false, basis: "four-day-rule" });
    expect(ok.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(ok.headers.get("cache-control")).toBe("no-store");
    expect(ok.headers.get("x-content-type-options")).toBe("nosniff");
    expect(ok.headers.get("strict-transport-security")).toContain("max-age=");
    expect(ok.headers.get("set-cookie")).toBeNull();

    const day = { date: "2026-03-14", arrive: "17:30", depart: "21:00", performing: [{ start: "19:00", end: "20:30" }], breaks: [{ start: "18:00", end: "18:45", kind: "meal" }] };
    const schedule = await post("/api/v1/schedule-checks", JSON.stringify({ child: valid.child, nightWorkPermitted: false, days: [day] }));
    expect(await schedule.json()).toEqual({ ok: true, findings: [] });
    const shift = { date: "2026-06-08", start: "07:00", end: "08:15", dayType: "school" };
    const employment = await post("/api/v1/employment-checks", JSON.stringify({ child: { dateOfBirth: "2012-03-10" }, occupation: "newspaper-delivery", shifts: [shift] }));
    expect(employment.status).toBe(200);
    expect(await employment.json()).toMatchObject({ ok: expect.any(Boolean), findings: expect.any(Array) });
  });

  it("answers bad input with a 400 and its errors, never a 500", async () => {
    const notJson = await post("/api/v1/exemption-checks", "{");
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({ errors: [{ path: "", message: "The request body must be JSON" }] });
    const wrong = await post("/api/v1/exemption-checks", JSON.stringify({ ...valid, child: { dateOfBirth: "14/03/2015" } }));
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).errors[0].path).toBe("child.dateOfBirth");
    const huge = await post("/api/v1/exemption-checks", JSON.stringify({ ...valid, padding: "x".repeat(300 * 1024) }));
    expect(huge.status).toBe(400);
    expect(await huge.json()).toEqual({ errors: [{ path: "", message: "The request body is too large" }] });
  });

  it("leaves everything else to the app: other methods, addresses and query strings", async () => {
    expect((await fetch(`${base}/api/v1/exemption-checks`)).status).toBe(418);
    expect((await post("/api/v1/exemption-checks?x=1", JSON.stringify(valid))).status).toBe(418);
    expect((await post("/api/v1/unknown", "{}")).status).toBe(418);
    expect((await fetch(`${base}/`)).status).toBe(418);
  });
});
