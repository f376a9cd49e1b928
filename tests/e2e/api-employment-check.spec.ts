import { expect, test } from "./support";

test("the employment-check API answers over HTTP without cookies; overlapping shifts are a 400", async ({ playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL });
  const shift = { date: "2026-06-14", start: "09:00", end: "11:30", dayType: "sunday" };
  const body = { child: { dateOfBirth: "2012-03-10" }, occupation: "newspaper-delivery", shifts: [shift] };
  const checked = await api.post("/api/v1/employment-checks", { data: body });
  expect(checked.status()).toBe(200);
  expect(await checked.json()).toEqual({
    ok: false,
    findings: [expect.objectContaining({ rule: "EMPLOY-SUNDAY", date: "2026-06-14", limit: "2 h", actual: "2 h 30 min" })],
  });

  const bad = await api.post("/api/v1/employment-checks", { data: { ...body, shifts: [shift, { ...shift, start: "10:00", end: "10:30" }] } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).errors).toEqual([expect.objectContaining({ path: "shifts.1.start" })]);

  expect((await api.get("/api/v1/employment-checks")).status()).toBe(405);
  await api.dispose();
});
