import type { Page } from "@playwright/test";
import { expect, expectAccessible, loginAs, successBanner, test } from "./support";

// Demo data: Amelia Example (the demo parent's child, Northmere) is in Footlights' "Spring showcase" cast,
// unpaid, 1–31 March 2027. Saturday 27 March is used so other journeys on the same show keep to their own days.
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n", "latin1");

async function fillPeriod(page: Page, group: string, start: string, end: string) {
  const fieldset = page.getByRole("group", { name: group, exact: true });
  await fieldset.getByLabel("Start").fill(start);
  await fieldset.getByLabel("End").fill(end);
}

test("a producer starts licence applications, fixes a day that breaks the hours rules and completes their part", async ({ page }) => {
  test.setTimeout(180_000);
  await loginAs(page, "producer");
  await page.goto("/producer");
  await page.getByRole("link", { name: "Spring showcase" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Spring showcase" })).toBeVisible();
  await expectAccessible(page);

  // Another journey may already have started them: the button is there only while a child has none.
  const start = page.getByRole("button", { name: "Start licence applications" });
  if (await start.isVisible()) {
    await start.click();
    await expect(successBanner(page)).toContainText("Licence applications have been started");
    await expectAccessible(page);
  }
  const row = page.getByRole("row", { name: /Amelia Example/ });
  await expect(row).toContainText("Northmere Council");
  await expect(row).toContainText("Not submitted");
  await row.getByRole("link", { name: "Amelia Example" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Amelia Example's licence application" })).toBeVisible();
  await expectAccessible(page);

  // A day at the venue for 11 hours: over the limit for a child of 12.
  await page.getByRole("link", { name: "Schedule" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Schedule" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Add a day" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add a day" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Save day" }).click();
  await expect(page.getByRole("alert")).toContainText("Enter the date");
  await expectAccessible(page);
  const date = page.getByRole("group", { name: "Date", exact: true });
  await date.getByLabel("Day").fill("27");
  await date.getByLabel("Month").fill("3");
  await date.getByLabel("Year").fill("2027");
  await page.getByLabel("Performing (with any rehearsal that day)").check();
  await page.getByLabel("Time Amelia arrives").fill("08:00");
  await page.getByLabel("Time Amelia leaves").fill("19:00");
  await fillPeriod(page, "Period 1", "11:00", "12:30");
  await fillPeriod(page, "Break 1", "12:30", "13:15");
  await page.getByRole("group", { name: "Break 1", exact: true }).getByLabel("Meal break").check();
  // With JavaScript on, the day's rules are checked as it is typed.
  const live = page.getByTestId("live-hours-check");
  await expect(live).toContainText("This day does not meet the hours rules yet");
  await expect(live).toContainText("HOURS-AT-PLACE");
  await page.getByRole("button", { name: "Save day" }).click();

  await expect(successBanner(page)).toContainText("Sat 27 March 2027 has been saved");
  const card = page.locator(".govuk-summary-card", { hasText: "Sat 27 March 2027" });
  await expect(card.getByRole("row", { name: /HOURS-AT-PLACE/ })).toContainText("9 h 30 min");
  await expect(card.getByRole("row", { name: /HOURS-AT-PLACE/ })).toContainText("11 h");
  await expect(page.getByText("1 day breaks the hours rules")).toBeVisible();
  await expect(card.getByRole("img").first()).toBeVisible();
  await expect(page.getByText("School days missed: 0")).toBeVisible();
  await expectAccessible(page);

  // The evening instead, with a rest break added through "Add another break".
  await card.getByRole("link", { name: "Change Sat 27 March 2027" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Change Sat 27 March 2027" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Time Amelia arrives").fill("17:30");
  await page.getByLabel("Time Amelia leaves").fill("21:30");
  await fillPeriod(page, "Period 1", "19:00", "20:30");
  await fillPeriod(page, "Break 1", "18:00", "18:45");
  await page.getByRole("button", { name: "Add another break" }).click();
  await expect(page.getByLabel("Time Amelia arrives")).toHaveValue("17:30");
  await fillPeriod(page, "Break 2", "20:45", "21:00");
  await page.getByRole("group", { name: "Break 2", exact: true }).getByLabel("Rest break").check();
  await expect(page.getByTestId("live-hours-check")).toContainText("So far this day is within the hours rules");
  await page.getByRole("button", { name: "Save day" }).click();
  await expect(successBanner(page)).toContainText("Sat 27 March 2027 has been saved");
  await expect(card).toContainText("Within the hours rules");
  await expect(card.getByRole("img").first()).toBeVisible();
  await expect(page.getByText("breaks the hours rules")).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Back to Amelia's application" }).click();

  // Payment, filled in from the production's details.
  await page.getByRole("link", { name: "Payment" }).click();
  await expect(page.getByRole("group", { name: "Is Amelia paid more than expenses?" }).getByLabel("No")).toBeChecked();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(successBanner(page)).toContainText("Payment has been saved");

  // The parent looks after her.
  await page.getByRole("link", { name: "Chaperones" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Chaperones" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "who looks after the child on Sat 27 March 2027" }).click();
  await expectAccessible(page);
  await page.getByLabel("Amelia's parent").check();
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(successBanner(page)).toContainText("The chaperone has been saved for 1 day");
  await expect(page.getByRole("row", { name: /Sat 27 March 2027/ })).toContainText("The child's parent");
  await page.getByRole("link", { name: "Back to Amelia's application" }).click();

  // The contract.
  await page.getByRole("link", { name: "Contract" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Contract" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByRole("alert")).toContainText("Select the child's contract");
  await expectAccessible(page);
  await page.getByLabel("Upload the contract").setInputFiles({ name: "contract.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(successBanner(page)).toContainText("The contract has been uploaded");

  for (const task of ["Schedule", "Payment", "Chaperones", "Contract"]) {
    await expect(page.locator(".govuk-task-list__item", { hasText: task })).toContainText("Completed");
  }
  // The parent's journey (another spec) may already have completed her part.
  await expect(page.locator(".govuk-summary-list__row", { hasText: "Parent's part" })).toContainText(/Waiting for the parent|Completed/);
  await expectAccessible(page);

  await page.getByRole("link", { name: "Spring showcase" }).first().click();
  await expect(page.getByRole("row", { name: /Amelia Example/ }).getByRole("cell").nth(4)).toHaveText("Completed");
});
