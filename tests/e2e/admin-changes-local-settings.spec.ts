import { expect, expectAccessible, loginAs, successBanner, test } from "./support";

test("an administrator changes how long chaperone approvals last", async ({ page }) => {
  await loginAs(page, "eastbrookAdmin");
  await page.goto("/admin");
  await page.getByRole("link", { name: "Local settings" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Local settings" })).toBeVisible();
  await expect(page.getByLabel("3 years")).toBeChecked();
  await expectAccessible(page);
  await page.getByLabel("2 years").check();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(successBanner(page)).toContainText("Your local settings have been saved");
  await page.getByRole("link", { name: "Local settings" }).click();
  await expect(page.getByLabel("2 years")).toBeChecked();
  await expectAccessible(page);
});
