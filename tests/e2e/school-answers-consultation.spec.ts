import { formatDay } from "../../app/domain/calendar/dates";
import { DEMO_SCHOOL_TOKEN, demoCinderellaDays } from "../../db/factories-school";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, loginAs, readLatestEmail, test } from "./support";

/**
 * The demo seed's Oliver Example, applied for by Footlights for Cinderella (2 of 3 days are school days, four weeks or more ahead),
 * waiting for Northmere Primary School, which was sent the link with DEMO_SCHOOL_TOKEN.
 */
const LINK = `/school-consultations/${DEMO_SCHOOL_TOKEN}`;
/** The summary list row whose key is exactly `key`. */
const summaryRow = (page: Page, key: string) => page.locator(".govuk-summary-list__row").filter({ has: page.locator("dt", { hasText: new RegExp(`^${key}$`) }) });
const REASONS = "Oliver is behind in reading and is having extra help on Tuesdays and Wednesdays.";

test("the head teacher objects by the emailed link with JavaScript off; the officers are told; the school's account shows the answer", async ({ page, browser }) => {
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const school = await noScript.newPage();
  await school.goto(LINK);
  await expect(school.getByRole("heading", { level: 1, name: "Absence from school for a performance: the school's view" })).toBeVisible();
  const main = school.getByRole("main");
  await expect(summaryRow(school, "Name")).toContainText("Oliver Example");
  await expect(summaryRow(school, "Date of birth")).toContainText("2 June 2017");
  await expect(summaryRow(school, "Production")).toContainText("Cinderella");
  await expect(main.getByRole("row", { name: formatDay(demoCinderellaDays().tuesday) })).toContainText("12:30 to 21:00");
  await expect(summaryRow(school, "School days missed")).toContainText("2 school days");
  await expect(summaryRow(school, "Answer due by")).toContainText(/working days? left|Due today/);
  // Nothing the school doesn't need: no address.
  await expect(main).not.toContainText("Market Street");
  await expectAccessible(school);

  // Nothing chosen.
  await school.getByRole("button", { name: "Send the school's answer" }).click();
  const summary = school.locator(".govuk-error-summary");
  await expect(summary.getByRole("link", { name: "Select whether you consent to the absence" })).toBeVisible();
  await expect(summary.getByRole("link", { name: "Enter the name of the head teacher or the person they have authorised" })).toBeVisible();
  await expect(school).toHaveTitle(/^Error: /);
  await expectAccessible(school);

  // An objection needs grounds and reasons; what was typed stays.
  await school.getByLabel("No, the school objects").check();
  await school.getByLabel("Name of the head teacher or the person they have authorised").fill("Sam School");
  await school.getByRole("button", { name: "Send the school's answer" }).click();
  await expect(summary.getByRole("link", { name: "Select the grounds for your objection" })).toBeVisible();
  await expect(summary.getByRole("link", { name: "Enter your reasons for objecting" })).toBeVisible();
  await expect(school.getByLabel("No, the school objects")).toBeChecked();
  await expect(school.getByLabel("Name of the head teacher or the person they have authorised")).toHaveValue("Sam School");
  await expectAccessible(school);

  await school.getByLabel("Education").check();
  await school.getByLabel("The school's reasons").fill(REASONS);
  await school.getByRole("button", { name: "Send the school's answer" }).click();
  await expect(school.getByRole("heading", { level: 1, name: "Answer sent" })).toBeVisible();
  await expectAccessible(school);

  // The link is used up.
  await school.goto(LINK);
  await expect(school.getByRole("heading", { level: 1, name: "The school has already answered" })).toBeVisible();
  await expect(school.getByRole("main")).toContainText(/Sam School answered on \d{1,2} \w+ \d{4}/);
  await expect(school.getByRole("main")).not.toContainText(REASONS);
  await noScript.close();

  // The deciding council's officer is emailed a link to the application.
  const url = await readLatestEmail(page, "officer@demo.example", /the school objects to Oliver Example's absence/);
  expect(url).toMatch(/\/officer\/licences\/[0-9a-f-]{36}$/);

  // The school's desk lists the answer, which opens in full.
  await loginAs(page, "school");
  await page.getByRole("link", { name: "Your school" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your school" })).toBeVisible();
  const row = page.getByRole("row", { name: /Oliver Example/ });
  await expect(row).toContainText("Objected");
  await expectAccessible(page);
  await row.getByRole("link", { name: "Oliver Example" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "The school's answer" })).toBeVisible();
  await expect(summaryRow(page, "Grounds")).toContainText("Education");
  await expect(summaryRow(page, "Reasons")).toContainText(REASONS);
  await expectAccessible(page);
});
