import { expect, expectAccessible, loginAs, successBanner, test } from "./support";

test("an administrator changes how long chaperone approvals last and the four-day rule and BOPA settings", async ({ page }) => {
  await loginAs(page, "eastbrookAdmin");
  await page.goto("/admin");
  await page.getByRole("link", { name: "Local settings" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Local settings" })).toBeVisible();
  const absence = page.getByRole("group", { name: "Can a child miss school and still perform under the four-day rule?" });
  const broadcast = page.getByRole("group", { name: "Can a four-day-rule performance be filmed or recorded for broadcast?" });
  const bopa = page.getByRole("group", { name: "Longest period a body of persons approval (BOPA) can cover" });
  await expect(page.getByLabel("3 years")).toBeChecked();
  await expect(absence.getByLabel("No")).toBeChecked();
  await expect(broadcast.getByLabel("No")).toBeChecked();
  await expect(bopa.getByLabel("12 months")).toBeChecked();
  await expectAccessible(page);

  await page.getByLabel("2 years").check();
  await absence.getByLabel("Yes").check();
  await bopa.getByLabel("6 months").check();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(successBanner(page)).toContainText("Your local settings have been saved");

  await page.getByRole("link", { name: "Local settings" }).click();
  await expect(page.getByLabel("2 years")).toBeChecked();
  await expect(absence.getByLabel("Yes")).toBeChecked();
  await expect(broadcast.getByLabel("No")).toBeChecked();
  await expect(bopa.getByLabel("6 months")).toBeChecked();
  await expectAccessible(page);
});
