import type { Page } from "@playwright/test";
import { DEMO_USERS, expect, expectAccessible, loginAs, readLatestEmail, signOut, successBanner, test } from "./support";

test.use({ javaScriptEnabled: false });

// Demo data: Amelia Example (the demo parent's child, at Northmere Primary School) is in Footlights' "Spring showcase" cast.
const PRODUCTION = "Spring showcase";
/** A 1×1 PNG, for the photograph and the birth certificate. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC", "base64");

const heading = (page: Page, name: string | RegExp) => page.getByRole("heading", { level: 1, name });
const saveAndContinue = (page: Page) => page.getByRole("button", { name: "Save and continue" }).click();
const summaryError = (page: Page, text: string) => page.locator(".govuk-error-summary").getByRole("link", { name: text });
const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date()).split("-");

test("a parent completes their part of a licence application with JavaScript off, with save and return", async ({ page }) => {
  test.setTimeout(120_000);
  // The producer starts the applications (another journey may have done it already).
  await loginAs(page, "producer");
  await page.goto("/producer");
  await page.getByRole("link", { name: PRODUCTION }).click();
  const start = page.getByRole("button", { name: "Start licence applications" });
  if (await start.isVisible()) {
    await start.click();
    await expect(successBanner(page)).toBeVisible();
  }
  await signOut(page);

  // The parent finds it on Amelia's page.
  await loginAs(page, "parent");
  await page.goto("/children");
  await expect(page.getByRole("table", { name: "Licence applications" }).getByRole("row", { name: new RegExp(PRODUCTION) })).toContainText("Not started");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Amelia Example" }).click();
  const row = page.getByRole("table", { name: "Licence applications" }).getByRole("row", { name: new RegExp(PRODUCTION) });
  await expect(row).toContainText("Footlights Productions Ltd");
  await expect(row).toContainText("Not submitted");
  await expect(row).toContainText("Not started");
  await expectAccessible(page);
  await row.getByRole("link", { name: PRODUCTION }).click();
  await expect(heading(page, `Licence application for ${PRODUCTION}`)).toBeVisible();
  await expectAccessible(page);

  // School: filled in from Amelia's details.
  await page.getByRole("link", { name: "School" }).click();
  await expect(heading(page, "Where does Amelia go to school?")).toBeVisible();
  await expect(page.getByLabel("A school on our list")).toBeChecked();
  await expect(page.getByLabel("School", { exact: true })).toHaveValue(/.+/);
  await expectAccessible(page);
  await saveAndContinue(page);

  // Health: yes needs details.
  await expect(heading(page, /health conditions or disabilities/)).toBeVisible();
  await saveAndContinue(page);
  await expect(summaryError(page, "Select yes if the child has any health conditions or disabilities that might affect them performing")).toBeVisible();
  await expect(page).toHaveTitle(/^Error: /);
  await expectAccessible(page);
  await page.getByLabel("Yes", { exact: true }).check();
  await saveAndContinue(page);
  await expect(summaryError(page, "Give details of the child's health conditions or disabilities")).toBeVisible();
  await expect(page.getByLabel("Yes", { exact: true })).toBeChecked();
  await page.getByLabel(/Give details/).fill("Mild asthma. Her inhaler is in her bag.");
  await saveAndContinue(page);

  // Other councils, then save and come back later.
  await expect(heading(page, /has another council granted or refused a licence for Amelia/)).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("No", { exact: true }).check();
  await page.getByRole("button", { name: "Save and come back later" }).click();
  await expect(successBanner(page)).toContainText("Your answers have been saved");
  await expect(page.locator(".govuk-summary-list__row", { hasText: "Your part" })).toContainText("In progress");
  await expectAccessible(page);

  // Checking the answers before every question is answered: a warning, and a link to each question left.
  const applicationPage = page.url().split("?")[0];
  await page.goto(`${applicationPage}/check`);
  await expect(page.getByText("You cannot confirm your part until you have answered every question.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Give your consent" })).toHaveAttribute("href", `${new URL(applicationPage).pathname}/consent?from=check`);
  await expectAccessible(page);
  await page.goto(applicationPage);

  // Photograph: a new one, with the date it was taken; the file is kept when the date is missing.
  await page.getByRole("link", { name: "Photograph" }).click();
  await expect(heading(page, "Photograph of Amelia")).toBeVisible();
  await expectAccessible(page);
  const useCurrent = page.getByRole("group", { name: "Do you want to use this photograph?" });
  if (await useCurrent.isVisible()) await page.getByLabel("No, upload a new photograph").check();
  await page.getByLabel("Upload a photograph").setInputFiles({ name: "amelia.png", mimeType: "image/png", buffer: PNG });
  await saveAndContinue(page);
  await expect(summaryError(page, "Enter the date the photograph was taken")).toBeVisible();
  await expect(page.getByText("You have uploaded amelia.png.")).toBeVisible();
  await expectAccessible(page);
  const taken = page.getByRole("group", { name: "When was the photograph taken?" });
  await taken.getByLabel("Day").fill(today[2]);
  await taken.getByLabel("Month").fill(today[1]);
  await taken.getByLabel("Year").fill(today[0]);
  await saveAndContinue(page);

  // Birth certificate.
  await expect(heading(page, "Amelia's birth certificate")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel(/^Upload a/).setInputFiles({ name: "birth-certificate.png", mimeType: "image/png", buffer: PNG });
  await saveAndContinue(page);

  // Consent: the typed name is the signature.
  await expect(heading(page, "Your consent")).toBeVisible();
  await saveAndContinue(page);
  await expect(summaryError(page, "Enter your full name to give your consent")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Your full name").fill(DEMO_USERS.parent.name);
  await saveAndContinue(page);

  // Check your answers, change one, and confirm.
  await expect(heading(page, "Check your answers")).toBeVisible();
  await expect(page.locator(".govuk-summary-list__row", { hasText: "Consent" })).toContainText(`Signed by ${DEMO_USERS.parent.name}`);
  await expect(page.getByRole("img", { name: "Photograph of Amelia" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Change health conditions or disabilities" }).click();
  await page.getByLabel(/Give details/).fill("Mild asthma. Her inhaler is in the front pocket of her bag.");
  await saveAndContinue(page);
  await expect(heading(page, "Check your answers")).toBeVisible();
  await expect(page.locator(".govuk-summary-list__row", { hasText: "Health conditions" })).toContainText("front pocket");
  await page.getByRole("button", { name: "Confirm your part" }).click();
  await expect(successBanner(page)).toContainText("You have confirmed your part");
  await expect(page.locator(".govuk-summary-list__row", { hasText: "Your part" })).toContainText("Completed");
  await expectAccessible(page);

  await page.getByRole("link", { name: "Amelia Example" }).click();
  await expect(page.getByRole("table", { name: "Licence applications" }).getByRole("row", { name: new RegExp(PRODUCTION) })).toContainText("Completed");

  // The producer is told.
  await signOut(page);
  await readLatestEmail(page, DEMO_USERS.producer.email, "Amelia Example's parent has completed their part of the licence application");
});
