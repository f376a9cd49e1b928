import { errorSummary, fillDate } from "./chaperone-steps";
import { expect, expectAccessible, loginAs, signOut, successBanner, test } from "./support";

test("an approved chaperone reports a change late, and a Northmere officer sees it flagged and marks it dealt with", async ({ page }) => {
  await loginAs(page, "chaperone");
  await page.goto("/chaperone");
  await expect(page.getByRole("heading", { name: "Renew your approval" })).toBeVisible();
  await page.getByRole("link", { name: "Report a change" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Report a change" })).toBeVisible();
  await expectAccessible(page);

  // Nothing answered, then a date in the future: GOV.UK errors, nothing typed lost.
  await page.getByRole("button", { name: "Send to the council" }).click();
  await expect(errorSummary(page).getByRole("link", { name: "Select what has changed" })).toBeVisible();
  await expect(errorSummary(page).getByRole("link", { name: "Enter details of the change" })).toBeVisible();
  await expectAccessible(page);
  const nextYear = new Date().getFullYear() + 1;
  await page.getByLabel("Arrest, conviction or caution").check();
  await page.getByLabel("Give details of the change").fill("Cautioned for a public order offence at a football match");
  await fillDate(page, { day: "1", month: "1", year: String(nextYear) });
  await page.getByRole("button", { name: "Send to the council" }).click();
  await expect(errorSummary(page).getByRole("link", { name: "The date it happened must be today or in the past" })).toBeVisible();
  await expect(page.getByLabel("Give details of the change")).toHaveValue("Cautioned for a public order offence at a football match");

  // Ten days ago: accepted, but late.
  const tenDaysAgo = new Date(Date.now() - 10 * 86_400_000);
  await fillDate(page, { day: String(tenDaysAgo.getUTCDate()), month: String(tenDaysAgo.getUTCMonth() + 1), year: String(tenDaysAgo.getUTCFullYear()) });
  await page.getByRole("button", { name: "Send to the council" }).click();
  await expect(successBanner(page)).toContainText("We have told the council about your change");
  await expectAccessible(page);
  await signOut(page);

  await loginAs(page, "officer");
  await page.goto("/officer/chaperones");
  const row = page.getByRole("row", { name: /Charlie Chaperone/ }).filter({ hasText: "Arrest, conviction or caution" }).last();
  await expect(row).toContainText("Late");
  await expectAccessible(page);
  await row.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: "Change reported: arrest, conviction or caution" })).toBeVisible();
  await expect(page.getByText("More than 7 days after it happened")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Mark as dealt with" }).click();
  await expect(successBanner(page)).toContainText("You have marked this change as dealt with");
  await expect(page.getByRole("button", { name: "Mark as dealt with" })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("link", { name: "approval’s page" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /NMC-CL-/ })).toBeVisible();
});
