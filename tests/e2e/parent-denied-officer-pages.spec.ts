import { expect, test, expectAccessible, loginAs, signOut } from "./support";

test("a parent may not see the officer pages, and a visitor is sent to sign in", async ({ page }) => {
  await loginAs(page, "parent");

  const response = await page.goto("/officer");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1, name: "You do not have permission to see this page" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Licensing" })).toHaveCount(0);
  await expectAccessible(page);

  await signOut(page);
  await page.goto("/officer");
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await expectAccessible(page);
});
