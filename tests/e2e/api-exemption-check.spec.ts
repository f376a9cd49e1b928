import { expect, test } from "./support";

test("the exemption-check API answers over HTTP without cookies, and bad input is a 400", async ({ playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL });
  const body = {
    child: { dateOfBirth: "2015-03-14" },
    performance: { dates: ["2026-10-10"], paid: false, absenceFromSchool: false, broadcast: false, organiserHoldsBopa: false, arrangedBySchool: false },
    previousPerformanceDates: ["2026-06-01"],
  };
  const ok = await api.post("/api/v1/exemption-checks", { data: body });
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toMatchObject({ licenceRequired: false, basis: "four-day-rule" });

  const bad = await api.post("/api/v1/exemption-checks", { data: { ...body, child: { dateOfBirth: "14/03/2015" } } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).errors).toEqual([expect.objectContaining({ path: "child.dateOfBirth" })]);
  await api.dispose();
});
