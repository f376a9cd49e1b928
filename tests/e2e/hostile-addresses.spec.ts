import { expect, test } from "./support";

/** An address with a NUL, a control or a non-Latin-1 character is not found: never a 500, whatever the method. */
test("hostile addresses are not found, for GET and POST", async ({ page }) => {
  for (const path of ["/children/%00/applications/x/consent", "/permits/join/%C4%80", "/verify/%0D%0ASet-Cookie:x=1", "/officer/licences/%E2%80%AE", "/report-a-concern/%ZZ"]) {
    const got = await page.request.get(path);
    expect(got.status(), path).toBe(404);
    const posted = await page.request.post(path, { form: { name: "x" } });
    expect(posted.status(), path).toBe(404);
  }
  // ordinary addresses are untouched
  expect((await page.request.get("/report-a-concern")).status()).toBe(200);
});
