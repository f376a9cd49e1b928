import { expect, expectAccessible, loginAs, test } from "./support";

/**
 * The grant-together page for the demo's "The Snow Queen": it lists Amelia's application ready to grant, and asking to
 * grant none is a GOV.UK error with nothing lost (with and without JavaScript). The grants themselves are covered by
 * tests/integration/licences-grant-production.test.ts, so this journey leaves the demo application undecided.
 */
test("an officer opens a production's grant-together page and is told to choose an application", async ({ page, browser }) => {
  await loginAs(page, "officer");
  await page.goto("/officer/licences");
  await page.getByRole("table", { name: "Waiting for a decision" }).getByRole("row", { name: /The Snow Queen/ }).getByRole("link").click();
  await page.getByRole("link", { name: "Grant the licences for The Snow Queen together" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Grant licences for The Snow Queen" })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "Amelia Example" })).toBeChecked();
  await expectAccessible(page);

  for (const context of [page.context(), await browser.newContext({ javaScriptEnabled: false })]) {
    const p = context === page.context() ? page : await context.newPage();
    if (p !== page) {
      await loginAs(p, "officer");
      await p.goto(page.url());
    }
    await p.getByRole("checkbox", { name: "Amelia Example" }).uncheck();
    await p.getByLabel("Other conditions (optional)").fill("Amelia leaves with her parent only.");
    await p.getByRole("button", { name: "Grant and issue the licences" }).click();
    await expect(p.getByRole("alert")).toContainText("Select the applications to grant");
    await expect(p.getByLabel("Other conditions (optional)")).toHaveValue("Amelia leaves with her parent only.");
    await expect(p).toHaveTitle(/^Error: /);
    await expectAccessible(p);
  }
});
