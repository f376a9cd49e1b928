import type { Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./support";

/**
 * With JavaScript on, the result arrives by Remix's client-side navigation; loaded whole (a refresh, a bookmark) the
 * server answers it in front of Remix without scripts (decision 034). Both must be the same page, and work.
 */
const heading = (page: Page, name: string | RegExp) => page.getByRole("heading", { level: 1, name });
const cont = (page: Page) => page.getByRole("button", { name: "Continue" }).click();

async function typeDate(page: Page, [day, month, year]: string[]) {
  await page.getByLabel("Day").fill(day);
  await page.getByLabel("Month").fill(month);
  await page.getByLabel("Year").fill(year);
}

async function answer(page: Page, question: string, choice: "Yes" | "No") {
  await expect(heading(page, question)).toBeVisible();
  await page.getByLabel(choice, { exact: true }).check();
  await cont(page);
}

test("the result is the same page reached in the app and loaded whole, and Start again works from both", async ({ page }) => {
  await page.goto("/check-if-a-licence-is-needed/where-does-the-child-live");
  await page.getByLabel("Where does the child live?").fill("NM1 1AA");
  await cont(page);
  await expect(heading(page, "What is the child's date of birth?")).toBeVisible();
  await typeDate(page, ["20", "5", "2016"]);
  await cont(page);
  await expect(heading(page, "What dates will the child perform on?")).toBeVisible();
  await typeDate(page, ["14", "3", "2030"]);
  await page.getByRole("button", { name: "Add date" }).click();
  await expect(page.getByRole("heading", { name: "You have added 1 date" })).toBeVisible();
  await cont(page);
  await answer(page, "Has the child performed on any other days in the 6 months before Thu 14 March 2030?", "No");
  await answer(page, "Will the child be paid, beyond expenses?", "Yes");
  await answer(page, "Is the performance arranged by the child's school?", "No");
  await answer(page, "Does the organiser hold a body of persons approval (BOPA) from the council where it takes place?", "No");
  await answer(page, "Will it be filmed or recorded for broadcast or streaming?", "No");
  await answer(page, "Will the child need time off school?", "No");
  await expect(heading(page, "Check your answers")).toBeVisible();

  const documents: string[] = [];
  page.on("request", (r) => r.isNavigationRequest() && documents.push(new URL(r.url()).pathname));
  await page.getByRole("button", { name: "Get result" }).click();
  await expect(heading(page, "The child needs a licence")).toBeVisible();
  expect(documents, "reached by client-side navigation").toEqual([]);
  await expect(page).toHaveTitle("The child needs a licence – Child licensing");
  const inApp = await page.getByRole("main").innerText();

  await page.reload();
  await expect(heading(page, "The child needs a licence")).toBeVisible();
  await expect(page).toHaveTitle("The child needs a licence – Child licensing");
  expect(await page.getByRole("main").innerText()).toBe(inApp);
  expect(await page.locator("script").count(), "answered whole, without Remix's scripts").toBe(0);
  await expect(page.getByRole("main")).toContainText("must apply at least 21 days before the first performance on Thu 14 March 2030");
  await expectAccessible(page);

  // Start again, from the page loaded whole: a plain form post carrying the form token.
  await page.getByRole("button", { name: "Start again" }).click();
  await expect(heading(page, "Where does the child live?")).toBeVisible();
  await expect(page.getByLabel("Where does the child live?")).toHaveValue("");
  // and the app is back: the next page arrives without a document load
  documents.length = 0;
  await page.getByLabel("Where does the child live?").fill("NM1 1AA");
  await cont(page);
  await expect(heading(page, "What is the child's date of birth?")).toBeVisible();
  expect(documents).toEqual([]);
});
