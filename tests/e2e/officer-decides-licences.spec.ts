import { DEMO_USERS, expect, expectAccessible, loginAs, readLatestEmail, signOut, successBanner, test } from "./support";

/**
 * The demo seed's submitted application for Amelia Example in Footlights' "The Snow Queen" (two weekend
 * performances at the Northmere Playhouse, her parent as chaperone, both parts complete, no school missed):
 * Northmere's officer takes it, asks for more information, the producer replies online, and the officer
 * grants the licence, which the parent can download; Eastbrook's officer can't open it.
 */
const PRODUCTION = "The Snow Queen";
const CHILD = "Amelia Example";
const QUESTION = "Who collects Amelia after the Saturday evening performance?";
const REPLY = "Her mother, Priya Parent, collects her from the stage door at 21:15.";
const CUSTOM_CONDITION = "Amelia leaves the venue with her parent only.";

/** The summary list row whose key is exactly `key`. */
const summaryRow = (page: import("@playwright/test").Page, key: string) =>
  page.locator(".govuk-summary-list__row").filter({ has: page.locator("dt", { hasText: new RegExp(`^${key}$`) }) });

test("an officer takes a performance licence application, asks for more information, and grants the licence after the producer replies", async ({ page, browser }) => {
  test.setTimeout(150_000);
  await loginAs(page, "officer");
  await page.goto("/officer");
  await page.getByRole("link", { name: "Performance licence applications" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Performance licence applications" })).toBeVisible();
  const row = page.getByRole("table", { name: "Waiting for a decision" }).getByRole("row", { name: new RegExp(PRODUCTION) });
  await expect(row).toContainText(CHILD);
  await expect(row).toContainText("Submitted");
  await expect(row).toContainText("Not assigned");
  await expectAccessible(page);
  const reference = (await row.getByRole("link").textContent())?.trim() ?? "";
  expect(reference).toMatch(/^NMC-PA-\d{4}-\d{6}$/);

  // Both parts, the checks, the child's record and the (unasked) school.
  await row.getByRole("link", { name: reference }).click();
  await expect(page.getByRole("heading", { level: 1, name: CHILD })).toBeVisible();
  const applicationPath = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { level: 2, name: "Producer's part" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Schedule" }).getByRole("row")).toHaveCount(3);
  await expect(page.getByText("Every day is within the hours rules for the child's age")).toBeVisible();
  await expect(page.getByRole("img", { name: /^Timeline for / })).toHaveCount(2);
  await expect(page.getByRole("heading", { level: 2, name: "Parent's part" })).toBeVisible();
  await expect(summaryRow(page, "Consent")).toContainText("Given by Priya Parent");
  await expect(page.getByText("The school has not been asked.")).toBeVisible();
  await expect(page.getByRole("table", { name: "On record" })).toContainText("Autumn charity concert");
  await expectAccessible(page);

  await page.getByRole("button", { name: "Assign to me" }).click();
  await expect(successBanner(page)).toContainText("The application is assigned to you.");
  await expect(summaryRow(page, "Officer")).toContainText("Olive Officer (you)");

  // The queue's filters work without JavaScript.
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await loginAs(plain, "officer");
  await plain.goto("/officer/licences");
  await plain.getByLabel(/^Assigned to me \(\d+\)$/).check();
  await plain.getByRole("button", { name: "Apply filters" }).click();
  await expect(plain).toHaveURL(/[?&]filter=mine/);
  await expect(plain.getByLabel(/^Assigned to me/)).toBeChecked();
  await expect(plain.getByRole("row", { name: new RegExp(reference) })).toContainText("Olive Officer (you)");
  await expectAccessible(plain);
  await noScript.close();

  // Asking for more information needs a message.
  await page.getByRole("button", { name: "Send the request" }).click();
  await expect(page.locator(".govuk-error-summary").getByRole("link", { name: "Enter what you need to know" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("What do you need to know?").fill(QUESTION);
  await page.getByRole("button", { name: "Send the request" }).click();
  await expect(successBanner(page)).toContainText("have been emailed your request for more information");
  await expect(summaryRow(page, "Status")).toContainText("More information needed");
  await expect(page.getByRole("button", { name: "Grant and issue the licence" })).toHaveCount(0);
  await signOut(page);

  // The producer replies from the emailed link.
  const replyUrl = await readLatestEmail(page, DEMO_USERS.producer.email, /more information needed for Amelia Example's performance licence/);
  expect(replyUrl).toMatch(/\/producer\/applications\/[0-9a-f-]{36}\/information$/);
  await loginAs(page, "producer");
  await page.goto(replyUrl);
  await expect(page.getByRole("heading", { level: 1, name: "Reply to the council" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(QUESTION);
  await expectAccessible(page);
  await page.getByLabel("Your reply").fill(REPLY);
  await page.getByRole("button", { name: "Send reply" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Reply sent" })).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  // The officer grants the licence with an extra condition.
  await loginAs(page, "officer");
  await page.goto(applicationPath);
  await expect(summaryRow(page, "Status")).toContainText("Being reviewed");
  await expect(page.getByRole("main")).toContainText(REPLY);
  await page.getByLabel("Other conditions (optional)").fill(CUSTOM_CONDITION);
  await page.getByRole("button", { name: "Grant and issue the licence" }).click();
  await expect(successBanner(page)).toContainText("The licence is granted.");
  const licence = (await successBanner(page).textContent())?.match(/NMC-PL-\d{4}-\d{6}/)?.[0];
  expect(licence, "the licence reference in the success banner").toBeTruthy();
  await expect(summaryRow(page, "Decision")).toContainText("Granted");
  await expect(summaryRow(page, "Conditions")).toContainText(CUSTOM_CONDITION);
  await expect(page.getByRole("table", { name: "On record" })).toContainText(PRODUCTION);
  await expect(page.getByRole("table", { name: "History" })).toContainText(`Licence granted: ${licence}`);
  await expectAccessible(page);
  await signOut(page);

  // The parent's copy links to the signed licence.
  const pdfUrl = await readLatestEmail(page, DEMO_USERS.parent.email, `${licence}: performance licence granted for ${CHILD}`);
  expect(pdfUrl).toMatch(new RegExp(`/documents/${licence}\\.pdf$`));
  await loginAs(page, "parent");
  const pdf = await page.request.get(pdfUrl);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  await signOut(page);

  // Eastbrook's officer: not found.
  await loginAs(page, "eastbrookOfficer");
  const response = await page.goto(applicationPath);
  expect(response?.status()).toBe(404);
  await expect(page.getByText(CHILD)).toHaveCount(0);
  expect((await page.request.get(`${applicationPath}/files/photo`)).status()).toBe(404);
});
