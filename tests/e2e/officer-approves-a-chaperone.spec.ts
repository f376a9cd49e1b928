import { expect, expectAccessible, loginAs, signOut, successBanner, test } from "./support";

const YEAR = new Date().getFullYear();
/** The demo seed's submitted application (Casey Candidate, chaperone2@demo.example, Northmere), both references in. */
const APPLICATION = `NMC-CA-${YEAR}-000001`;

test("an officer records the checks and approves a chaperone; another council's officer can't open it but finds them in the register", async ({ page }) => {
  await loginAs(page, "officer");
  await page.getByRole("link", { name: "Chaperone applications" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Chaperone applications" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("row", { name: /Casey Candidate/ }).getByRole("link", { name: APPLICATION }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Casey Candidate" })).toBeVisible();
  await expect(page.getByRole("img", { name: "Photograph of Casey Candidate" })).toBeVisible();
  await expectAccessible(page);
  const applicationPath = new URL(page.url()).pathname;

  // Approving too early says what is missing.
  await page.getByRole("button", { name: "Approve and issue the licence" }).click();
  await expect(page.getByRole("link", { name: "Record the identity check" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Judge the reference from Rita Referee" })).toBeVisible();
  await expect(page).toHaveTitle(/^Error: /);
  await expectAccessible(page);

  // The four checks.
  const yesterday = new Date(Date.now() - 86_400_000);
  const checks = [
    { id: "identity", summary: "Record the identity check", outcome: "Seen and match the applicant", button: "Save the identity check", done: "The identity check has been recorded." },
    { id: "dbs", summary: "Record the DBS check", outcome: "Clear – nothing disclosed", button: "Save the DBS check", done: "The DBS check has been recorded." },
    { id: "interview", summary: "Record the interview check", outcome: "Suitable", button: "Save the interview check", done: "The interview check has been recorded." },
    { id: "training", summary: "Record the training check", outcome: "Completed and passed", button: "Save the training check", done: "The training check has been recorded." },
  ];
  for (const check of checks) {
    await page.locator("summary", { hasText: check.summary }).click();
    const form = page.locator(`form#check-${check.id}`);
    if (check.id === "interview") {
      // Forgetting the date is a GOV.UK error, with the answer kept.
      await form.getByLabel(check.outcome, { exact: true }).check();
      await form.getByRole("button", { name: check.button }).click();
      await expect(page.getByRole("link", { name: "Enter the date of the interview" })).toBeVisible();
      await expect(form.getByLabel(check.outcome, { exact: true })).toBeChecked();
      await expectAccessible(page);
      await form.getByLabel("Day").fill(String(yesterday.getUTCDate()));
      await form.getByLabel("Month").fill(String(yesterday.getUTCMonth() + 1));
      await form.getByLabel("Year").fill(String(yesterday.getUTCFullYear()));
    } else {
      await form.getByLabel(check.outcome, { exact: true }).check();
    }
    await form.getByRole("button", { name: check.button }).click();
    await expect(successBanner(page)).toContainText(check.done);
  }
  await expect(page.locator(".govuk-summary-list__row", { hasText: "Status" }).first()).toContainText("Checks in progress");

  // Both references.
  for (const [position, referee] of [
    [1, "Rita Referee"],
    [2, "Rob Referee"],
  ] as const) {
    const form = page.locator(`form#judge-${position}`);
    await form.getByLabel("Satisfactory", { exact: true }).check();
    await form.getByRole("button", { name: `Save judgement of ${referee}'s reference` }).click();
    await expect(successBanner(page)).toContainText("Your judgement of the reference has been saved.");
  }
  await expectAccessible(page);

  // Approve, with a restriction.
  await page.getByLabel("Restrictions (optional)").fill("Only children aged 10 or over");
  await page.getByRole("button", { name: "Approve and issue the licence" }).click();
  await expect(successBanner(page)).toContainText("Casey Candidate is approved");
  const reference = (await successBanner(page).textContent())?.match(/NMC-CL-\d{4}-\d{6}/)?.[0];
  expect(reference, "the licence reference in the success banner").toBeTruthy();
  await expect(page.getByRole("cell", { name: /^Approved: / })).toBeVisible();
  await expectAccessible(page);

  // The licence is in the register of issued documents, and the public page says it is valid.
  await page.goto("/officer/documents");
  await page.getByRole("link", { name: reference! }).click();
  await expect(page.getByRole("heading", { level: 1, name: reference! })).toBeVisible();
  await expect(page.locator(".govuk-summary-list__row", { hasText: "Holder" })).toContainText("Casey Candidate");
  await page.goto(`/verify/${reference}`);
  await expect(page.locator(".govuk-summary-list__row", { hasText: "Status" })).toContainText("Valid");
  await expect(page.locator(".govuk-summary-list__row", { hasText: "Type" })).toContainText("Chaperone approval");
  await expectAccessible(page);

  // Eastbrook's officer: the application is not found, but the chaperone is in the register.
  await signOut(page);
  await loginAs(page, "eastbrookOfficer");
  const response = await page.goto(applicationPath);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expect(page.getByText("Casey Candidate")).toHaveCount(0);
  await expectAccessible(page);
  expect((await page.request.get(`${applicationPath}/photo`)).status()).toBe(404);

  await page.goto("/officer");
  await page.getByRole("link", { name: "Check a chaperone" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check a chaperone" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("link", { name: "Enter a name or a licence reference" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Name or licence reference").fill("casey candidate");
  await page.getByRole("button", { name: "Search" }).click();
  const row = page.getByRole("row", { name: new RegExp(reference!) });
  await expect(row).toContainText("Casey Candidate");
  await expect(row).toContainText("Northmere Council");
  await expect(row).toContainText("Valid");
  await expect(row).toContainText("Only children aged 10 or over");
  await expect(row.getByRole("cell").last()).toHaveText("Yes");
  await expectAccessible(page);
});
