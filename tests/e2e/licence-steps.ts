/** Steps of the performance licence journeys shared by the end-to-end specs. */
import type { Page } from "@playwright/test";
import { expect, successBanner } from "./support";

/** A 1×1 PNG, for photographs and birth certificates. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC", "base64");
/** The smallest PDF, for a contract. */
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n", "latin1");

/** The summary list row whose key is exactly `key`. */
export const summaryRow = (page: Page, key: string) =>
  page.locator(".govuk-summary-list__row").filter({ has: page.locator("dt", { hasText: new RegExp(`^${key}$`) }) });

export async function fillDate(page: Page, group: string, iso: string) {
  const [year, month, day] = iso.split("-");
  const fieldset = page.getByRole("group", { name: group, exact: true });
  await fieldset.getByLabel("Day").fill(String(Number(day)));
  await fieldset.getByLabel("Month").fill(String(Number(month)));
  await fieldset.getByLabel("Year").fill(year);
}

async function fillPeriod(page: Page, group: string, start: string, end: string) {
  const fieldset = page.getByRole("group", { name: group, exact: true });
  await fieldset.getByLabel("Start").fill(start);
  await fieldset.getByLabel("End").fill(end);
}

/** The signed-in parent makes a share code for their child (on the child's page) and returns it. */
export async function makeShareCode(page: Page, childName: string) {
  await page.goto("/children");
  await page.getByRole("link", { name: childName }).click();
  const first = childName.split(" ")[0];
  await page.getByRole("button", { name: `Share ${first}'s details with a production` }).click();
  const code = (await page.locator(".govuk-panel--confirmation strong").textContent())?.trim() ?? "";
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  return code;
}

/** On the production page, the producer adds a child with their parent's share code. */
export async function addChildByCode(page: Page, code: string, childName: string) {
  await page.getByRole("link", { name: "Add a child with a share code" }).click();
  await page.getByLabel("Share code").fill(code);
  await page.getByRole("button", { name: "Add child" }).click();
  await expect(successBanner(page)).toContainText(`${childName} has been added to`);
}

/**
 * From the child's application page, the producer completes their part with one day (a school day needs a
 * tutor), unpaid, the parent as chaperone and a contract, and comes back to the application page.
 */
export async function completeProducerPart(
  page: Page,
  first: string,
  day: { date: string; label: string; arrive: string; depart: string; performing: [string, string]; meal: [string, string]; schoolDay: boolean },
) {
  const back = () => page.getByRole("link", { name: `Back to ${first}'s application` }).click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(`^${first} .*'s licence application$`) })).toBeVisible();
  await page.getByRole("link", { name: "Schedule", exact: true }).click();
  await page.getByRole("link", { name: "Add a day" }).click();
  await fillDate(page, "Date", day.date);
  await page.getByLabel("Performing (with any rehearsal that day)").check();
  await page.getByLabel(`Time ${first} arrives`).fill(day.arrive);
  await page.getByLabel(`Time ${first} leaves`).fill(day.depart);
  await fillPeriod(page, "Period 1", ...day.performing);
  await fillPeriod(page, "Break 1", ...day.meal);
  await page.getByRole("group", { name: "Break 1", exact: true }).getByLabel("Meal break").check();
  await page.getByRole("button", { name: "Save day" }).click();
  await expect(successBanner(page)).toContainText(`${day.label} has been saved`);
  await expect(page.locator(".govuk-summary-card", { hasText: day.label })).toContainText("Within the hours rules");
  await expect(page.getByText(`School days missed: ${day.schoolDay ? 1 : 0}`)).toBeVisible();
  await back();

  await page.getByRole("link", { name: "Payment", exact: true }).click();
  await page.getByRole("group", { name: `Is ${first} paid more than expenses?` }).getByLabel("No").check();
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(successBanner(page)).toContainText("Payment has been saved");

  if (day.schoolDay) {
    await page.getByRole("link", { name: "Education", exact: true }).click();
    await page.getByLabel("Tutor's name").fill("Tess Tutor");
    await page.getByLabel("Hours of teaching for each school day missed").fill("3");
    await page.getByLabel("Pupils the tutor teaches at once").fill("4");
    await page.getByRole("button", { name: "Save and continue" }).click();
    await expect(successBanner(page)).toBeVisible();
  }

  await page.getByRole("link", { name: "Chaperones", exact: true }).click();
  await page.getByRole("link", { name: `who looks after the child on ${day.label}` }).click();
  await page.getByLabel(`${first}'s parent`).check();
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(successBanner(page)).toContainText("The chaperone has been saved");
  await back();

  await page.getByRole("link", { name: "Contract", exact: true }).click();
  await page.getByLabel("Upload the contract").setInputFiles({ name: "contract.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(successBanner(page)).toContainText("The contract has been uploaded");
}

/** The signed-in parent completes their part of the child's application for `production`, from the child's page. */
export async function completeParentPart(page: Page, childName: string, production: string, parentName: string) {
  const first = childName.split(" ")[0];
  const saveAndContinue = () => page.getByRole("button", { name: "Save and continue" }).click();
  await page.goto("/children");
  await page.getByRole("link", { name: childName }).click();
  await page.getByRole("table", { name: "Licence applications" }).getByRole("link", { name: production }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Licence application for ${production}` })).toBeVisible();
  await page.getByRole("link", { name: "School", exact: true }).click();
  await expect(page.getByLabel("A school on our list")).toBeChecked();
  await saveAndContinue();
  await page.getByLabel("No", { exact: true }).check();
  await saveAndContinue();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(`has another council granted or refused a licence for ${first}`) })).toBeVisible();
  await page.getByLabel("No", { exact: true }).check();
  await saveAndContinue();
  const useCurrent = page.getByRole("group", { name: "Do you want to use this photograph?" });
  if (await useCurrent.isVisible()) await page.getByLabel("No, upload a new photograph").check();
  await page.getByLabel("Upload a photograph").setInputFiles({ name: "photo.png", mimeType: "image/png", buffer: PNG });
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date());
  await fillDate(page, "When was the photograph taken?", today);
  await saveAndContinue();
  await expect(page.getByRole("heading", { level: 1, name: `${first}'s birth certificate` })).toBeVisible();
  const upload = page.getByLabel(/^Upload a/);
  if (await upload.isVisible()) await upload.setInputFiles({ name: "birth-certificate.png", mimeType: "image/png", buffer: PNG });
  await saveAndContinue();
  await page.getByLabel("Your full name").fill(parentName);
  await saveAndContinue();
  await expect(page.getByRole("heading", { level: 1, name: "Check your answers" })).toBeVisible();
  await page.getByRole("button", { name: "Confirm your part" }).click();
  await expect(successBanner(page)).toContainText("You have confirmed your part");
}
