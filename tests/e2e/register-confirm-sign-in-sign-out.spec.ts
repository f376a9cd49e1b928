import { expect, test, expectAccessible, readLatestEmail, signIn, signOutButton, strongPassword, successBanner, uniqueEmail } from "./support";

test("a parent registers, confirms their email, signs in and signs out", async ({ page }) => {
  const name = "Rowan Registers";
  const email = uniqueEmail("register");
  const password = strongPassword();

  await page.goto("/register");
  await expect(page.getByRole("heading", { level: 1, name: "Create an account" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Create a password").fill(password);
  await page.getByLabel("Confirm your password").fill(password);
  await page.getByLabel("Applying for a child of mine").check();
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(email);
  await expectAccessible(page);

  const link = await readLatestEmail(page, email, "Confirm your email address");
  await expectAccessible(page);
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Confirm your email address" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Confirm email address" }).click();

  await expect(page).toHaveURL(/\/sign-in/);
  await expect(successBanner(page)).toContainText("Your email address is confirmed");
  await expectAccessible(page);
  await signIn(page, email, password);

  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(name);
  await expectAccessible(page);

  await signOutButton(page).click();
  await expect(page.getByRole("heading", { level: 1, name: "You have signed out" })).toBeVisible();
  await expectAccessible(page);

  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await expectAccessible(page);
});
