import { expect, test } from "./support";

test("the schedule-check API answers over HTTP without cookies, and an end before its start is a 400", async ({ playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL });
  const day = {
    date: "2026-03-14",
    arrive: "09:00",
    depart: "18:31",
    performing: [{ start: "10:00", end: "12:00" }],
    breaks: [
      { start: "12:15", end: "13:00", kind: "meal" },
      { start: "13:15", end: "13:30", kind: "rest" },
      { start: "16:45", end: "17:00", kind: "rest" },
    ],
  };
  const body = { child: { dateOfBirth: "2015-01-01" }, nightWorkPermitted: false, days: [day] };
  const checked = await api.post("/api/v1/schedule-checks", { data: body });
  expect(checked.status()).toBe(200);
  expect(await checked.json()).toEqual({
    ok: false,
    findings: [expect.objectContaining({ rule: "HOURS-AT-PLACE", date: "2026-03-14", limit: "9 h 30 min", actual: "9 h 31 min" })],
  });

  const bad = await api.post("/api/v1/schedule-checks", { data: { ...body, days: [{ ...day, performing: [{ start: "12:00", end: "10:00" }] }] } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).errors).toEqual([expect.objectContaining({ path: "days.0.performing.0.end" })]);

  expect((await api.get("/api/v1/schedule-checks")).status()).toBe(405);
  await api.dispose();
});
