import { expect, test, expectAccessible, readLatestEmail, strongPassword, successBanner, uniqueEmail } from "./support";

test.use({ javaScriptEnabled: false });

test("registration works without JavaScript, with errors rendered by the server", async ({ page }) => {
  await page.goto("/register");
  await expectAccessible(page);

  // Nothing filled in: the server answers with the error summary.
  await page.getByRole("button", { name: "Create account" }).click();
  const summary = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "There is a problem" }) });
  await expect(summary).toBeVisible();
  await expect(page).toHaveTitle(/^Error: /);
  const links = summary.getByRole("link");
  expect(await links.count()).toBeGreaterThanOrEqual(3);
  for (const link of await links.all()) {
    const href = await link.getAttribute("href");
    expect(href, `error link "${await link.textContent()}"`).toMatch(/^#.+/);
    // each error links to a field on the page
    await expect(page.locator(`[id="${href!.slice(1)}"]`), `target of ${href}`).toHaveCount(1);
  }
  await expect(summary.getByRole("link", { name: /full name/i })).toBeVisible();
  await expectAccessible(page);

  // A badly formed email: the error names it and what was typed is kept.
  const name = "Jamie No-Script";
  const password = strongPassword();
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Email address").fill("jamie-at-example");
  await page.getByLabel("Create a password").fill(password);
  await page.getByLabel("Confirm your password").fill(password);
  await page.getByLabel("Applying for a child of mine").check();
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(summary).toBeVisible();
  await expect(page).toHaveTitle(/^Error: /);
  await expect(summary.getByRole("link", { name: /email address/i })).toBeVisible();
  await expect(page.getByLabel("Full name")).toHaveValue(name);
  await expect(page.getByLabel("Email address")).toHaveValue("jamie-at-example");
  await expectAccessible(page);

  // Corrected: the account is created.
  const email = uniqueEmail("nojs");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Create a password").fill(password);
  await page.getByLabel("Confirm your password").fill(password);
  await page.getByLabel("Applying for a child of mine").check();
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
  await expect(page).not.toHaveTitle(/^Error: /);
  await expectAccessible(page);

  // Confirming is a plain form post, so it works without JavaScript too.
  const link = await readLatestEmail(page, email, "Confirm your email address");
  await page.goto(link);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Confirm email address" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(successBanner(page)).toBeVisible();
  await expectAccessible(page);
});
