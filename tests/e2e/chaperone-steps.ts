/** Steps shared by the chaperone journeys: filling in the application, giving a reference, an officer deciding. */
import type { Page } from "@playwright/test";
import sharp from "sharp";
import { expect, expectAccessible, readLatestEmail, successBanner } from "./support";

/** A date as the three parts of a GOV.UK date input, `months` before today. */
export function monthsAgo(months: number) {
  const d = new Date();
  d.setDate(1); // no month-end overflow
  d.setMonth(d.getMonth() - months);
  return { day: "1", month: String(d.getMonth() + 1), year: String(d.getFullYear()) };
}

export async function fillDate(page: Page, date: { day: string; month: string; year: string }) {
  await page.getByLabel("Day", { exact: true }).fill(date.day);
  await page.getByLabel("Month", { exact: true }).fill(date.month);
  await page.getByLabel("Year", { exact: true }).fill(date.year);
}

export function errorSummary(page: Page) {
  return page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "There is a problem" }) });
}

/** The summary list row whose key is exactly `key`. */
export function summaryRow(page: Page, key: string) {
  return page.locator(".govuk-summary-list__row").filter({ has: page.locator("dt", { hasText: new RegExp(`^${key}$`) }) });
}

export async function openTask(page: Page, name: string) {
  await page.getByRole("link", { name }).click();
  await expectAccessible(page);
}

export async function saveAndContinue(page: Page, section: string) {
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Apply to be a chaperone" })).toBeVisible();
  await expect(page.locator(".govuk-task-list__item", { hasText: section })).toContainText("Completed");
}

export async function photoPng() {
  return sharp({ create: { width: 600, height: 800, channels: 3, background: { r: 140, g: 170, b: 200 } } })
    .png()
    .toBuffer();
}

export type Referee = { group: string; name: string; email: string; how: string };

export async function fillReferees(page: Page, referees: Referee[]) {
  await openTask(page, "Referees");
  for (const r of referees) {
    const group = page.getByRole("group", { name: r.group });
    await group.getByLabel("Full name").fill(r.name);
    await group.getByLabel("Email address").fill(r.email);
    await group.getByLabel("How do they know you?").fill(r.how);
  }
  await saveAndContinue(page, "Referees");
}

/** From the task list, answers every section with good answers (a Northmere address). */
export async function fillEverySection(page: Page, { firstName, lastName, referees }: { firstName: string; lastName: string; referees: Referee[] }) {
  await openTask(page, "Personal details");
  await page.getByLabel("First name").fill(firstName);
  await page.getByLabel("Last name").fill(lastName);
  await fillDate(page, { day: "17", month: "5", year: "1990" });
  await page.getByLabel("Telephone number").fill("07700 900982");
  await saveAndContinue(page, "Personal details");

  await openTask(page, "Address");
  await page.getByLabel("Address line 1").fill("1 High Street");
  await page.getByLabel("Town or city").fill("Northmere");
  await page.getByLabel("Postcode").fill("NM1 2AB");
  await saveAndContinue(page, "Address");

  const photo = await photoPng();
  await openTask(page, "Photograph");
  await page.getByLabel("Upload a photograph").setInputFiles({ name: "me.png", mimeType: "image/png", buffer: photo });
  await saveAndContinue(page, "Photograph");

  await openTask(page, "Identity documents");
  for (const label of ["Passport", "Utility bill from the last 3 months", "Bank or building society statement from the last 3 months"]) await page.getByLabel(label).check();
  await page.getByLabel("Upload a scan or photo of one of these documents").setInputFiles({ name: "passport.png", mimeType: "image/png", buffer: photo });
  await saveAndContinue(page, "Identity documents");

  await openTask(page, "DBS certificate");
  await page.getByLabel("Certificate number").fill("001234567890");
  await fillDate(page, monthsAgo(1));
  await page.getByLabel("No", { exact: true }).check();
  await saveAndContinue(page, "DBS certificate");

  await fillReferees(page, referees);

  await openTask(page, "Training");
  await fillDate(page, monthsAgo(2));
  await page.getByLabel("Who gave the training?").fill("Northmere Council");
  await saveAndContinue(page, "Training");

  await openTask(page, "Declarations");
  await page.getByRole("group", { name: /convictions/ }).getByLabel("No").check();
  await page.getByRole("group", { name: /another council/ }).getByLabel("No").check();
  await page.getByLabel("I confirm the information I have given is true").check();
  await saveAndContinue(page, "Declarations");
}

/** From the task list: check your answers, send, and return the application reference from the panel. */
export async function sendApplication(page: Page) {
  await openTask(page, "Check your answers and send your application");
  await page.getByRole("button", { name: "Accept and send" }).click();
  const panel = page.locator(".govuk-panel--confirmation");
  await expect(panel.getByRole("heading", { name: "Application sent" })).toBeVisible();
  await expectAccessible(page);
  return (await panel.locator("strong").textContent())?.trim() ?? "";
}

/** A referee follows the link in their email (signed out) and gives a good reference. */
export async function giveReference(page: Page, applicantName: string, referee: Referee) {
  const link = await readLatestEmail(page, referee.email, new RegExp(`Give a reference for ${applicantName}`));
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Give a reference for a chaperone" })).toBeVisible();
  await page.getByLabel(`How long have you known ${applicantName}?`).fill("6 years");
  await page.getByLabel(`How do you know ${applicantName}?`).fill(referee.how);
  await page.getByRole("group", { name: /any concerns/ }).getByLabel("No").check();
  await page.getByRole("group", { name: /suitable to look after children/ }).getByLabel("Yes").check();
  await page.getByRole("button", { name: "Send reference" }).click();
  await expect(page.locator(".govuk-panel--confirmation").getByRole("heading", { name: "Reference sent" })).toBeVisible();
  return link;
}

/** On an application's officer page: records the four checks as satisfactory and judges each reference satisfactory. */
export async function recordChecksAndJudgeReferences(page: Page, refereeNames: string[]) {
  const yesterday = new Date(Date.now() - 86_400_000);
  const checks = [
    { id: "identity", summary: "Record the identity check", outcome: "Seen and match the applicant", button: "Save the identity check" },
    { id: "dbs", summary: "Record the DBS check", outcome: "Clear – nothing disclosed", button: "Save the DBS check" },
    { id: "interview", summary: "Record the interview check", outcome: "Suitable", button: "Save the interview check" },
    { id: "training", summary: "Record the training check", outcome: "Completed and passed", button: "Save the training check" },
  ];
  for (const check of checks) {
    await page.locator("summary", { hasText: check.summary }).click();
    const form = page.locator(`form#check-${check.id}`);
    await form.getByLabel(check.outcome, { exact: true }).check();
    if (check.id === "interview") {
      await form.getByLabel("Day").fill(String(yesterday.getUTCDate()));
      await form.getByLabel("Month").fill(String(yesterday.getUTCMonth() + 1));
      await form.getByLabel("Year").fill(String(yesterday.getUTCFullYear()));
    }
    await form.getByRole("button", { name: check.button }).click();
    await expect(successBanner(page)).toContainText(`The ${check.id === "dbs" ? "DBS" : check.id} check has been recorded.`);
  }
  for (const [i, name] of refereeNames.entries()) {
    const form = page.locator(`form#judge-${i + 1}`);
    await form.getByLabel("Satisfactory", { exact: true }).check();
    await form.getByRole("button", { name: `Save judgement of ${name}'s reference` }).click();
    await expect(successBanner(page)).toContainText("Your judgement of the reference has been saved.");
  }
}
