import { expect, test, expectAccessible, readLatestEmail, registerConfirmedUser, signIn, strongPassword, successBanner } from "./support";

test("a user who has forgotten their password resets it from an emailed link, which then expires", async ({ page }) => {
  const user = await registerConfirmedUser(page, { name: "Frankie Forgets" });

  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgotten your password?" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Reset your password" })).toBeVisible();
  await expectAccessible(page);

  // An empty form is an error state too.
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("heading", { name: "There is a problem" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Email address").fill(user.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
  await expectAccessible(page);

  const link = await readLatestEmail(page, user.email, "Reset your password");
  await page.goto(link);
  await expect(page.getByLabel("New password", { exact: true })).toBeVisible();
  await expectAccessible(page);

  // Mismatched passwords are refused.
  const newPassword = strongPassword();
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("Confirm new password").fill(`${newPassword}x`);
  await page.getByRole("button", { name: "Reset password" }).click();
  await expect(page.getByRole("heading", { name: "There is a problem" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("Confirm new password").fill(newPassword);
  await page.getByRole("button", { name: "Reset password" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(successBanner(page)).toBeVisible();
  await expectAccessible(page);

  // The old password no longer works; the new one does.
  await signIn(page, user.email, user.password);
  await expect(page.getByRole("heading", { name: "There is a problem" })).toBeVisible();
  await expectAccessible(page);
  await signIn(page, user.email, newPassword);
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(user.name);

  // The link has been used: opening it again says it has expired.
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "This link has expired" })).toBeVisible();
  await expectAccessible(page);
});
