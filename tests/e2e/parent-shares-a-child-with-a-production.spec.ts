import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import sharp from "sharp";
import { DEMO_USERS, expect, expectAccessible, loginAs, readLatestEmail, signOut, successBanner, test } from "./support";

/** A fresh surname each run, so the journey finds its own child and production among any others. */
const SUFFIX = randomBytes(3).toString("hex");
const FIRST = "Zara";
const LAST = `Tester-${SUFFIX}`;
const CHILD = `${FIRST} ${LAST}`;
const PRODUCTION = `The Snow Queen ${SUFFIX}`;

const image = () =>
  sharp({ create: { width: 480, height: 600, channels: 3, background: { r: 150, g: 120, b: 180 } } })
    .png()
    .toBuffer();

function errorSummary(page: Page) {
  return page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "There is a problem" }) });
}

async function fillDate(page: Page, group: string, [day, month, year]: [string, string, string]) {
  const fieldset = page.getByRole("group", { name: group });
  await fieldset.getByLabel("Day").fill(day);
  await fieldset.getByLabel("Month").fill(month);
  await fieldset.getByLabel("Year").fill(year);
}

test("a parent adds a child and shares them with a production by code; the producer adds the child once and can't open the parent's pages", async ({ page }) => {
  // A long journey with an accessibility check on every page.
  test.setTimeout(150_000);
  const year = new Date().getFullYear();

  // The parent adds their child once.
  await loginAs(page, "parent");
  await page.goto("/account");
  await page.getByRole("link", { name: "Your children" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your children" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Add a child" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add a child" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Save child's details" }).click();
  await expect(errorSummary(page).getByRole("link", { name: "Enter the child's first name" })).toBeVisible();
  await expect(errorSummary(page).getByRole("link", { name: "Upload a photograph of the child" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("First name").fill(FIRST);
  await page.getByLabel("Last name").fill(LAST);
  await fillDate(page, "Date of birth", ["14", "2", String(year - 9)]);
  await page.getByLabel("Address line 1").fill("12 Willow Road");
  await page.getByLabel("Town or city").fill("Northmere");
  await page.getByLabel("Postcode").fill("nm2 4cd");
  await page.getByLabel("A school on our list").check();
  await page.getByLabel("School", { exact: true }).selectOption({ label: "Northmere Primary School (Northmere Council)" });
  const picture = await image();
  await page.getByLabel("Upload a photograph").setInputFiles({ name: "zara.png", mimeType: "image/png", buffer: picture });
  await fillDate(page, "When was the photograph taken?", ["1", "1", String(year)]);
  await page.getByLabel("Upload a copy of the birth certificate").setInputFiles({ name: "certificate.png", mimeType: "image/png", buffer: picture });
  await page.getByRole("button", { name: "Save child's details" }).click();

  await expect(page.getByRole("heading", { level: 1, name: CHILD })).toBeVisible();
  await expect(successBanner(page)).toContainText(`${CHILD} has been added.`);
  await expect(page.getByRole("img", { name: `Photograph of ${CHILD}` })).toBeVisible();
  await expect(page.locator(".govuk-summary-list__row", { hasText: "Home council" })).toContainText("Northmere Council");
  await expect(page.locator(".govuk-summary-list__row", { hasText: "School" })).toContainText("Northmere Primary School");
  await expectAccessible(page);
  const childPath = new URL(page.url()).pathname;

  // Changing a detail.
  await page.getByRole("link", { name: "Change name" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Change ${CHILD}'s details` })).toBeVisible();
  await expect(page.getByLabel("First name")).toHaveValue(FIRST);
  await expectAccessible(page);
  await page.getByLabel("Address line 2 (optional)").fill("Flat 2");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(successBanner(page)).toContainText(`${CHILD}'s details have been saved.`);
  await expect(page.locator(".govuk-summary-list__row", { hasText: "Address" })).toContainText("Flat 2");

  // A day from before the service, for the four-day rule.
  await fillDate(page, "Date of the performance", ["20", "6", String(year - 1)]);
  await page.getByLabel("Production or show").fill("Summer Gala");
  await page.getByLabel("Organised by").fill("Northmere Dance Club");
  await page.getByRole("button", { name: "Add performance day" }).click();
  await expect(successBanner(page)).toContainText("The performance day has been added to the record.");
  await expect(page.getByRole("row", { name: /Summer Gala/ })).toContainText("Added by you");

  // A share code, shown once.
  await page.getByRole("button", { name: `Share ${FIRST}'s details with a production` }).click();
  const panel = page.locator(".govuk-panel--confirmation");
  await expect(panel.getByRole("heading", { name: `Share code for ${FIRST}` })).toBeVisible();
  const code = (await panel.locator("strong").textContent())?.trim() ?? "";
  expect(code).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
  await expect(page.getByText(`/share/${code}`)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: `Back to ${FIRST}'s details` }).click();
  await expect(page.getByRole("row", { name: new RegExp(`Share code ending ${code.slice(-3)}`) })).toContainText("Not used yet");
  await signOut(page);

  // The producer creates a production.
  await loginAs(page, "producer");
  await page.goto("/account");
  await page.getByRole("link", { name: "Your productions" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your productions" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Create a production" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Create a production" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Create production" }).click();
  await expect(errorSummary(page).getByRole("link", { name: "Enter the name of the production" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Name of the production").fill(PRODUCTION);
  await page.getByLabel("Theatre or live performance").check();
  await page.getByRole("group", { name: "Are the children paid more than their expenses?" }).getByLabel("No").check();
  await page.getByRole("group", { name: "Is it filmed or recorded for broadcast or streaming?" }).getByLabel("No").check();
  await page.getByLabel("Name of the venue").fill("Eastbrook Arts Centre");
  await page.getByLabel("Venue postcode").fill("EB1 1AA");
  await fillDate(page, "First date", ["1", "12", String(year + 1)]);
  await fillDate(page, "Last date", ["20", "12", String(year + 1)]);
  await page.getByRole("button", { name: "Create production" }).click();
  await expect(page.getByRole("heading", { level: 1, name: PRODUCTION })).toBeVisible();
  await expect(page.locator(".govuk-summary-list__row", { hasText: "Council for the venue" })).toContainText("Eastbrook City Council");
  await expect(page.getByRole("link", { name: "Record exempt performances" })).toBeVisible();
  await expectAccessible(page);
  const productionPath = new URL(page.url()).pathname;

  // Adds the child with the code, typed loosely.
  await page.getByRole("link", { name: "Add a child with a share code" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add a child with a share code" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Share code").fill("ABC-12");
  await page.getByRole("button", { name: "Add child" }).click();
  await expect(errorSummary(page).getByRole("link", { name: "Enter a share code in the format ABCD-EFGH" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Share code").fill(code.toLowerCase().replace("-", " "));
  await page.getByRole("button", { name: "Add child" }).click();
  await expect(successBanner(page)).toContainText(`${CHILD} has been added to ${PRODUCTION}.`);
  const row = page.getByRole("row", { name: new RegExp(CHILD) });
  // age on the first date, and home council
  await expect(row.getByRole("cell").nth(1)).toHaveText("10");
  await expect(row.getByRole("cell").nth(2)).toHaveText("Northmere Council");

  // The same code again is refused.
  await page.goto(`${productionPath}/add-child`);
  await page.getByLabel("Share code").fill(code);
  await page.getByRole("button", { name: "Add child" }).click();
  await expect(errorSummary(page)).toContainText("This share code has already been used");
  await expect(page.getByLabel("Share code")).toHaveValue(code);
  await expectAccessible(page);

  // The share link page, for a signed-in producer.
  await page.goto(`/share/${code}`);
  await expect(page.getByRole("heading", { level: 1, name: "Add a child to a production" })).toBeVisible();
  await expect(page.getByLabel("Share code")).toHaveValue(code);
  await expectAccessible(page);

  // The producer can't open the parent's pages of the child.
  const childPage = await page.goto(childPath);
  expect([403, 404]).toContain(childPage?.status());
  await expect(page.getByText(LAST)).toHaveCount(0);
  expect([403, 404]).toContain((await page.request.get(`${childPath}/photo`)).status());

  // Asks the parent to add a child as well.
  await page.goto(productionPath);
  await page.getByRole("link", { name: "Ask a parent to add their child" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ask a parent to add their child" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Parent's email address").fill(DEMO_USERS.parent.email);
  await page.getByLabel("Child's full name").fill(CHILD);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(successBanner(page)).toContainText("We have emailed the parent.");
  const invitation = await readLatestEmail(page, DEMO_USERS.parent.email, new RegExp(`add ${CHILD} to ${PRODUCTION}`));
  await signOut(page);

  // The parent follows the invitation, signs in and chooses the child.
  await page.goto(invitation);
  await expect(page.getByRole("heading", { level: 1, name: "Add your child to a production" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Sign in to continue" }).click();
  await page.getByLabel("Email address").fill(DEMO_USERS.parent.email);
  await page.getByLabel("Password", { exact: true }).fill("demo-password-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("group", { name: `Which child is taking part in ${PRODUCTION}?` })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel(CHILD).check();
  await page.getByRole("button", { name: "Share details with Footlights Productions Ltd" }).click();
  await expect(successBanner(page)).toContainText(`The production can now see ${CHILD}'s details.`);
  const shared = page.getByRole("row", { name: new RegExp(PRODUCTION) });
  await expect(shared).toContainText("Footlights Productions Ltd");

  // Removing access.
  await shared.getByRole("button", { name: /Remove access/ }).click();
  await expect(successBanner(page)).toContainText("The production can no longer see your child's details.");
  await expect(page.getByRole("row", { name: new RegExp(PRODUCTION) })).toHaveCount(0);
  await expectAccessible(page);

  // The invitation link is used up.
  const used = await page.goto(invitation);
  expect(used?.status()).toBe(410);
  await expect(page.getByRole("heading", { level: 1, name: "This invitation has already been used" })).toBeVisible();
  await expectAccessible(page);
});
