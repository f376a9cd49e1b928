import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS, expect, expectAccessible, loginAs, readLatestEmail, signIn, signOut, successBanner, test } from "./support";

// Demo data: Corner Newsagents Ltd (employer@demo.example) takes on Noah Example (the demo parent's son, born
// 2 May 2012, so 14) for a paper round at a workplace in Northmere (NM2 3CD). Noah has no permit application yet.

const heading = (page: Page, name: string | RegExp) => page.getByRole("heading", { level: 1, name });
const saveAndContinue = (page: Page) => page.getByRole("button", { name: "Save and continue" }).click();
const summaryError = (page: Page, text: string) => page.locator(".govuk-error-summary").getByRole("link", { name: text });
const day = (page: Page, name: string) => page.getByRole("group", { name, exact: true });

async function shift(page: Page, dayName: string, which: "First" | "Second", start: string, end: string) {
  await day(page, dayName).getByLabel(`${which} shift starts`).fill(start);
  await day(page, dayName).getByLabel(`${which} shift ends`).fill(end);
}

/** A start date three days from today in London, as day, month and year. */
function startDate() {
  const t = new Date(`${new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date())}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 3);
  return { day: String(t.getUTCDate()), month: String(t.getUTCMonth() + 1), year: String(t.getUTCFullYear()) };
}

test("an employer applies for a child's work permit, the parent completes their part by the emailed link, the employer sends it, the school is told and the officer grants a permit that verifies", async ({ page }) => {
  test.setTimeout(240_000);
  await loginAs(page, "employer");
  await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Employment permits" }).click();
  await expect(heading(page, "Child employment permits")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Apply for a permit" }).click();
  await expect(heading(page, "Apply for a child employment permit")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Start application" }).click();
  await expect(heading(page, "Employment permit application")).toBeVisible();
  await expectAccessible(page);

  // Business and workplace: a postcode outside the service is a GOV.UK error, and nothing typed is lost.
  await page.getByRole("link", { name: "Business and workplace" }).click();
  await expect(heading(page, "Business and workplace")).toBeVisible();
  await expect(page.getByLabel("Name of the business")).toHaveValue("Corner Newsagents Ltd");
  await page.getByLabel("Address where the child will work").fill("12 High Street, Northmere");
  await page.getByLabel("Postcode of the workplace").fill("ZZ9 9ZZ");
  await saveAndContinue(page);
  await expect(summaryError(page, "This service does not cover that postcode yet: check it, or apply to the council where the work happens")).toBeVisible();
  await expect(page.getByLabel("Address where the child will work")).toHaveValue("12 High Street, Northmere");
  await expectAccessible(page);
  await page.getByLabel("Postcode of the workplace").fill("NM2 3CD");
  await saveAndContinue(page);

  // The job
  await expect(heading(page, "The job")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Delivering newspapers or leaflets").check();
  await page.getByLabel("Describe what the child will do").fill("Delivering newspapers on a round of about 40 houses");
  const start = startDate();
  const when = page.getByRole("group", { name: "When does the child start, or when did they start?" });
  await when.getByLabel("Day").fill(start.day);
  await when.getByLabel("Month").fill(start.month);
  await when.getByLabel("Year").fill(start.year);
  await saveAndContinue(page);

  // Term-time hours: an end before a start and overlapping shifts are refused with the error summary.
  await expect(heading(page, "Hours in term time")).toBeVisible();
  await expectAccessible(page);
  await shift(page, "Monday", "First", "07:00", "06:30");
  await shift(page, "Tuesday", "First", "07:00", "08:00");
  await shift(page, "Tuesday", "Second", "07:30", "08:30");
  await saveAndContinue(page);
  await expect(summaryError(page, "Monday's first shift must end after it starts")).toBeVisible();
  await expect(summaryError(page, "Tuesday's shifts overlap: the second shift must start after the first one ends")).toBeVisible();
  await expect(page).toHaveTitle(/^Error: /);
  await expectAccessible(page);
  await shift(page, "Monday", "First", "07:00", "08:00");
  await shift(page, "Tuesday", "Second", "", "");
  for (const name of ["Wednesday", "Thursday", "Friday"]) await shift(page, name, "First", "07:00", "08:00");
  await shift(page, "Saturday", "First", "08:00", "10:00");
  await saveAndContinue(page);

  // Holiday hours: a 3-hour Sunday breaks EMPLOY-SUNDAY; the page says so, then it is put right.
  await expect(heading(page, "Hours in the school holidays")).toBeVisible();
  for (const name of ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]) await shift(page, name, "First", "08:00", "10:00");
  await shift(page, "Sunday", "First", "08:00", "11:00");
  // With JavaScript on, the breach shows as it is typed.
  await expect(page.getByTestId("live-pattern-check")).toContainText("EMPLOY-SUNDAY");
  await saveAndContinue(page);
  await expect(heading(page, "Hours in the school holidays")).toBeVisible();
  const rules = page.getByRole("table", { name: "What breaks the rules" });
  await expect(rules.getByRole("row", { name: /EMPLOY-SUNDAY/ })).toContainText("3 h");
  await expectAccessible(page);
  await shift(page, "Sunday", "First", "", "");
  await expect(page.getByTestId("live-pattern-check")).toContainText("So far these hours are within the employment rules");
  await saveAndContinue(page);
  await expect(successBanner(page)).toContainText("The hours have been saved");
  await expect(page.getByText("Within the employment rules")).toBeVisible();

  // Supervision and the risk assessment
  await page.getByRole("link", { name: "Supervision and risk assessment" }).click();
  await expect(heading(page, "Supervision and risk assessment")).toBeVisible();
  await saveAndContinue(page);
  await expect(summaryError(page, "Confirm you have done a risk assessment for the child's work")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Who will supervise the child?").fill("Erin Employer");
  await page.getByLabel(/I confirm we have done a risk assessment/).check();
  await saveAndContinue(page);
  await expect(successBanner(page)).toContainText("Supervision and the risk assessment have been saved");

  // Ask the parent
  await page.getByRole("link", { name: "Ask the parent" }).click();
  await expect(heading(page, "Ask the child's parent to fill in their part")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Parent's email address").fill(DEMO_USERS.parent.email);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(successBanner(page)).toContainText("We have emailed the child's parent a link");
  await expect(page.getByText(/Before you can send the application to Northmere Council/)).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  // The parent follows the emailed link, signs in and chooses Noah.
  const link = await readLatestEmail(page, DEMO_USERS.parent.email, /Corner Newsagents Ltd has asked you to fill in your part/);
  await page.goto(link);
  await expect(heading(page, "Your part of a child employment permit application")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Sign in to continue" }).click();
  await signIn(page, DEMO_USERS.parent.email, DEMO_PASSWORD);
  await expect(heading(page, "Your part of a child employment permit application")).toBeVisible();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(summaryError(page, "Select the child who will do the job")).toBeVisible();
  await page.getByLabel("Noah Example").check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(successBanner(page)).toContainText("You have joined the application");
  await expect(heading(page, "Work permit at Corner Newsagents Ltd")).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Health" }).click();
  await expect(heading(page, /Does Noah have any health conditions/)).toBeVisible();
  await page.getByLabel("No", { exact: true }).check();
  await saveAndContinue(page);
  await expect(heading(page, "Your consent")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Your full name").fill(DEMO_USERS.parent.name);
  await saveAndContinue(page);
  await expect(heading(page, "Check your answers")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Confirm your part" }).click();
  await expect(successBanner(page)).toContainText("Your part of the application is complete");
  await expect(page.getByRole("link", { name: "Check and send the application" })).toBeVisible();
  await signOut(page);

  // The employer checks the whole application and sends it.
  await loginAs(page, "employer");
  await page.goto("/employer");
  const row = page.getByRole("row", { name: /Noah Example/ }).first();
  await expect(row).toContainText("Ready to send");
  await row.getByRole("link", { name: "Noah Example" }).click();
  await expect(heading(page, "Employment permit for Noah Example")).toBeVisible();
  await page.getByRole("link", { name: "Check and send the application" }).click();
  await expect(heading(page, "Check your answers before sending the application")).toBeVisible();
  await expect(page.getByText("Answered by the parent (the details go to the council only)")).toBeVisible();
  await expect(page.getByRole("table", { name: "Usual hours" }).getByRole("row", { name: /Saturday/ })).toContainText("08:00 to 10:00");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Send the application" }).click();
  await expect(heading(page, "Application sent")).toBeVisible();
  await expect(page.locator(".govuk-panel")).toContainText(/NMC-PE-\d{4}-\d{6}/);
  await expect(page.getByRole("heading", { name: "What happens next" })).toBeVisible();
  await expectAccessible(page);

  const reference = ((await page.locator(".govuk-panel").textContent()) ?? "").match(/NMC-PE-\d{4}-\d{6}/)?.[0] ?? "";

  await page.getByRole("link", { name: "your permits" }).click();
  const sent = page.getByRole("row", { name: /Noah Example/ }).first();
  await expect(sent).toContainText("Submitted");
  await expect(sent).toContainText(/NMC-PE-\d{4}-\d{6}/);
  await signOut(page);

  // Noah's school is told, and has no concern.
  const schoolLink = await readLatestEmail(page, DEMO_USERS.school.email, "Noah Example has applied for a permit to work part-time");
  await page.goto(schoolLink);
  await expect(heading(page, "A pupil's part-time job: the school's view")).toBeVisible();
  await expect(page.getByRole("table", { name: "Usual hours in term time" })).toContainText("07:00 to 08:00");
  await expectAccessible(page);
  await page.getByLabel("No, the school has no concern").check();
  await page.getByLabel("Name of the head teacher or the person they have authorised").fill(DEMO_USERS.school.name);
  await page.getByRole("button", { name: "Send the school's answer" }).click();
  await expect(heading(page, "Answer sent")).toBeVisible();

  // Northmere's officer grants it; the signed permit verifies.
  await loginAs(page, "officer");
  await page.goto("/officer/permits");
  await page.getByRole("link", { name: reference }).click();
  await expect(page.locator(".govuk-summary-list__row").filter({ has: page.locator("dt", { hasText: /^Answer$/ }) })).toContainText("No concern");
  await page.getByRole("button", { name: "Grant and issue the permit" }).click();
  await expect(successBanner(page)).toContainText("The permit is granted.");
  const permit = (await successBanner(page).textContent())?.match(/NMC-EP-\d{4}-\d{6}/)?.[0] ?? "";
  expect(permit).toBeTruthy();
  const pdf = await page.request.get(`/documents/${permit}.pdf`);
  expect(pdf.status()).toBe(200);
  const file = join(mkdtempSync(join(tmpdir(), "permit-")), `${permit}.pdf`);
  writeFileSync(file, await pdf.body());
  expect(execFileSync("pdfsig", [file], { encoding: "utf8" })).toContain("Signature is Valid");
  await signOut(page);
  await page.goto(`/verify/${permit}`);
  await expect(page.getByRole("main")).toContainText("Child employment permit");
  await readLatestEmail(page, DEMO_USERS.parent.email, new RegExp(`${permit}`));
});
