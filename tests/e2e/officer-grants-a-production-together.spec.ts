import { expect, expectAccessible, loginAs, successBanner, test } from "./support";

/**
 * The demo's "Annie" has a cast of three waiting at Northmere (db/seed-demo.ts; no other journey touches it). The
 * officer opens the grant-together page from one child's application; granting none is a GOV.UK error with nothing
 * lost, with and without JavaScript; then two of the three are granted together and the third stays to decide.
 */
test("an officer grants two of a production's three licences together", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await loginAs(page, "officer");
  await page.goto("/officer/licences");
  await page.getByRole("table", { name: "Waiting for a decision" }).getByRole("row", { name: /Grace Ahmed/ }).getByRole("link").click();
  await page.getByRole("link", { name: "Grant the licences for Annie together" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Grant licences for Annie" })).toBeVisible();
  for (const child of ["Grace Ahmed", "Leo Brown", "Maya Clarke"]) await expect(page.getByRole("checkbox", { name: child })).toBeChecked();
  await expectAccessible(page);
  const grantPage = page.url();

  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await loginAs(plain, "officer");
  for (const p of [plain, page]) {
    await p.goto(grantPage);
    for (const child of ["Grace Ahmed", "Leo Brown", "Maya Clarke"]) await p.getByRole("checkbox", { name: child }).uncheck();
    await p.getByLabel("Other conditions (optional)").fill("The cast leave with a parent only.");
    await p.getByRole("button", { name: "Grant and issue the licences" }).click();
    await expect(p.getByRole("alert")).toContainText("Select the applications to grant");
    await expect(p.getByLabel("Other conditions (optional)")).toHaveValue("The cast leave with a parent only.");
    await expect(p).toHaveTitle(/^Error: /);
    await expectAccessible(p);
  }
  await noScript.close();

  await page.goto(grantPage);
  await page.getByRole("checkbox", { name: "Maya Clarke" }).uncheck();
  await page.getByRole("button", { name: "Grant and issue the licences" }).click();
  await expect(successBanner(page)).toContainText("2 licences have been granted and issued, and copies have been emailed.");
  await expect(page.getByRole("checkbox", { name: "Maya Clarke" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Grace Ahmed" })).toHaveCount(0);
  await expectAccessible(page);
});
