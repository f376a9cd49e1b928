import { expect, test, expectAccessible, loginAs, readLatestEmail, signOut, strongPassword, successBanner, uniqueEmail } from "./support";

test("an administrator invites a licensing officer, who accepts and lands on the officer pages", async ({ page }) => {
  const name = "Ivy Invited";
  const email = uniqueEmail("invited");

  await loginAs(page, "admin");
  await expectAccessible(page);
  await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Administration" }).click();
  await expect(page).toHaveURL(/\/admin/);
  await expectAccessible(page);

  await page.getByRole("link", { name: "Invite a member of staff" }).click();
  await expectAccessible(page);

  // Nothing filled in: errors.
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("heading", { name: "There is a problem" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("radio", { name: "Licensing officer" }).check();
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(successBanner(page)).toBeVisible();
  await expectAccessible(page);

  await signOut(page);

  const link = await readLatestEmail(page, email, /You have been invited/);
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Accept your invitation" })).toBeVisible();
  await expectAccessible(page);

  const password = strongPassword();
  await page.getByLabel("Create a password").fill(password);
  await page.getByLabel("Confirm your password").fill(password);
  await page.getByRole("button", { name: "Accept invitation" }).click();

  await expect(page.getByRole("heading", { level: 1, name: /Licensing/ })).toBeVisible();
  await expect(page).toHaveURL(/\/officer/);
  await expect(page.getByRole("button", { name: /^Sign out/ })).toBeVisible();
  await expect(page.getByText(`Signed in as ${name}`)).toBeVisible();
  await expectAccessible(page);
});
