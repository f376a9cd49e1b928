import { expect, test, expectAccessible, loginAs, signOut } from "./support";

test("an officer cannot open a school that belongs to another council", async ({ page }) => {
  await loginAs(page, "officer");
  await page.goto("/officer");
  await expectAccessible(page);
  const school = page.getByRole("main").getByRole("link", { name: "Northmere Primary School" });
  await expect(school).toBeVisible();
  await school.click();
  await expect(page).toHaveURL(/\/officer\/schools\/[^/?#]+$/);
  await expect(page.getByRole("heading", { level: 1, name: /Northmere Primary School/ })).toBeVisible();
  await expectAccessible(page);
  const schoolPath = new URL(page.url()).pathname;

  await signOut(page);
  await loginAs(page, "eastbrookOfficer");

  const response = await page.goto(schoolPath);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expect(page.getByText("Northmere Primary School")).toHaveCount(0);
  await expectAccessible(page);

  await page.goto("/officer");
  await expect(page.getByRole("main")).toBeVisible();
  await expect(page.getByRole("main").getByText("Eastbrook Junior School")).toBeVisible();
  await expect(page.getByRole("main").getByText(/Northmere/)).toHaveCount(0);
  await expectAccessible(page);
});
