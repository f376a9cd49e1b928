import type { Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./support";

test.use({ javaScriptEnabled: false });

const heading = (page: Page, name: string | RegExp) => page.getByRole("heading", { level: 1, name });
/** A date in the add-another page's list. */
const added = (page: Page, date: string) => page.getByRole("term").filter({ hasText: date });
const cont = (page: Page) => page.getByRole("button", { name: "Continue" }).click();

async function typeDate(page: Page, [day, month, year]: string[]) {
  await page.getByLabel("Day").fill(day);
  await page.getByLabel("Month").fill(month);
  await page.getByLabel("Year").fill(year);
}

async function answer(page: Page, question: string | RegExp, choice: "Yes" | "No") {
  await expect(heading(page, question)).toBeVisible();
  await page.getByLabel(choice, { exact: true }).check();
  await cont(page);
}

async function addDates(page: Page, dates: string[][]) {
  for (const d of dates) {
    await typeDate(page, d);
    await page.getByRole("button", { name: "Add date" }).click();
  }
}

async function startChecker(page: Page, postcode: string) {
  await page.goto("/");
  await page.getByRole("link", { name: "Check if a child needs a performance licence" }).click();
  await expect(heading(page, "Check if a child needs a performance licence")).toBeVisible();
  await page.getByRole("link", { name: "Start now" }).click();
  await expect(heading(page, "Where does the child live?")).toBeVisible();
  await page.getByLabel("Where does the child live?").fill(postcode);
  await cont(page);
  await expect(heading(page, "What is the child's date of birth?")).toBeVisible();
  await typeDate(page, ["20", "5", "2018"]);
  await cont(page);
}

test("a parent checks a four-day-rule performance, then adds a fifth day and needs a licence", async ({ page }) => {
  // every page type is checked with axe, each in a scripting copy of the page
  test.setTimeout(120_000);
  await page.goto("/check-if-a-licence-is-needed");
  await expectAccessible(page);
  // A later page first sends the person to the first question.
  await page.goto("/check-if-a-licence-is-needed/payment");
  await expect(heading(page, "Where does the child live?")).toBeVisible();
  await page.getByLabel("Where does the child live?").fill("not a postcode");
  await cont(page);
  await expect(page.getByRole("alert")).toContainText("Enter a real postcode, or leave it blank if you do not know it");
  await expect(page).toHaveTitle(/^Error: Where does the child live\?/);
  await expect(page.getByLabel("Where does the child live?")).toHaveValue("not a postcode");
  await expectAccessible(page);

  await startChecker(page, "");

  await expect(heading(page, "What dates will the child perform on?")).toBeVisible();
  await expectAccessible(page);
  await cont(page);
  await expect(page.getByRole("alert")).toContainText("Add at least one performance date");
  await expectAccessible(page);
  await addDates(page, [["14", "3", "2030"]]);
  await expect(page.getByRole("heading", { name: "You have added 1 date" })).toBeVisible();
  await expect(added(page, "Thu 14 March 2030")).toBeVisible();
  await expect(page.getByLabel("Day")).toHaveValue("");
  await expectAccessible(page);
  await cont(page);

  await expect(heading(page, "Has the child performed on any other days in the 6 months before Thu 14 March 2030?")).toBeVisible();
  await cont(page);
  await expect(page.getByRole("alert")).toContainText("Select yes if the child has performed on other days in the 6 months before Thu 14 March 2030");
  await expectAccessible(page);
  await answer(page, /performed on any other days/, "Yes");

  await expect(heading(page, "Which other days has the child performed on?")).toBeVisible();
  // A mistake, removed again.
  await addDates(page, [
    ["1", "10", "2029"],
    ["6", "12", "2029"],
  ]);
  await page.getByRole("button", { name: "Remove Thu 6 December 2029" }).click();
  await addDates(page, [
    ["5", "12", "2029"],
    ["20", "2", "2030"],
  ]);
  await expect(page.getByRole("heading", { name: "You have added 3 dates" })).toBeVisible();
  await expect(added(page, "Thu 6 December 2029")).toHaveCount(0);
  await cont(page);

  await answer(page, "Will the child be paid, beyond expenses?", "No");
  await answer(page, "Is the performance arranged by the child's school?", "No");
  await expect(page.getByRole("link", { name: "search the public register of BOPAs" })).toHaveAttribute("href", "/bopa-register");
  await expectAccessible(page);
  await answer(page, "Does the organiser hold a body of persons approval (BOPA) from the council where it takes place?", "No");
  await answer(page, "Will it be filmed or recorded for broadcast or streaming?", "No");
  await answer(page, "Will the child need time off school?", "No");

  await expect(heading(page, "Check your answers")).toBeVisible();
  await expect(page.getByText("Not known")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Get result" }).click();

  await expect(heading(page, "The child does not need a licence")).toBeVisible();
  await expect(page.getByText(/under the four-day rule/).first()).toBeVisible();
  await expect(page.getByRole("table")).toContainText("Mon 1 October 2029, Wed 5 December 2029, Wed 20 February 2030");
  await expect(page.getByText("Rule EXEMPT-4DAY")).toBeVisible();
  await expect(page.getByText("You did not give the child's postcode, so we used the rules most councils follow")).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in to record it" })).toHaveAttribute("href", "/producer");
  await expectAccessible(page);

  // Change the dates: back to check your answers after Continue.
  await page.getByRole("link", { name: "Back" }).click();
  await page.getByRole("link", { name: "Change the performance dates" }).click();
  await expect(added(page, "Thu 14 March 2030")).toBeVisible();
  await addDates(page, [["15", "3", "2030"]]);
  await expect(page.getByRole("heading", { name: "You have added 2 dates" })).toBeVisible();
  await cont(page);
  await expect(heading(page, "Check your answers")).toBeVisible();
  await expect(page.getByText("Fri 15 March 2030")).toBeVisible();
  await page.getByRole("button", { name: "Get result" }).click();

  await expect(heading(page, "The child needs a licence")).toBeVisible();
  await expect(page.getByRole("main")).toContainText("Fri 15 March 2030 would be the child's 5th performance day in 6 months");
  await expect(page.getByText("Rule EXEMPT-4DAY")).toBeVisible();
  await expect(page.getByRole("table")).toContainText("Mon 1 October 2029, Wed 5 December 2029, Wed 20 February 2030, Thu 14 March 2030");
  await expect(page.getByRole("main")).toContainText("at least 21 days before the first performance on Thu 14 March 2030, so by Thu 21 February 2030");
  await expectAccessible(page);

  await page.getByRole("button", { name: "Start again" }).click();
  await expect(heading(page, "Where does the child live?")).toBeVisible();
  await expect(page.getByLabel("Where does the child live?")).toHaveValue("");
});

test("a paid child needs a licence", async ({ page }) => {
  await startChecker(page, "nm1 2ab");
  await addDates(page, [["14", "3", "2030"]]);
  await cont(page);
  await answer(page, /performed on any other days/, "No");
  await answer(page, "Will the child be paid, beyond expenses?", "Yes");
  await answer(page, "Is the performance arranged by the child's school?", "No");
  await answer(page, /body of persons approval/, "No");
  await answer(page, "Will it be filmed or recorded for broadcast or streaming?", "No");
  await answer(page, "Will the child need time off school?", "No");
  await expect(page.getByText("NM1 2AB")).toBeVisible();
  await page.getByRole("button", { name: "Get result" }).click();

  await expect(heading(page, "The child needs a licence")).toBeVisible();
  await expect(page.getByText("Rule EXEMPT-PAYMENT")).toBeVisible();
  await expect(page.getByRole("main")).toContainText("The child is paid (beyond expenses), so no exemption applies.");
  await expect(page.getByRole("main")).toContainText("We used the local rules of Northmere Council, the council for NM1 2AB");
  await expect(page.getByRole("link", { name: "sign in to apply" })).toHaveAttribute("href", "/producer");
  await expectAccessible(page);
});
