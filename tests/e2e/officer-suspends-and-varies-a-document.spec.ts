import { expect, expectAccessible, loginAs, signOut, successBanner, test } from "./support";

const YEAR = new Date().getFullYear();
const CHAPERONE = `NMC-CL-${YEAR}-000001`;
const BOPA = `NMC-BA-${YEAR}-000001`;

test("an officer suspends and reinstates a chaperone approval, and varies a BOPA; the public pages follow", async ({ page }) => {
  await loginAs(page, "officer");
  await page.getByRole("link", { name: "Issued documents" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Issued documents" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: CHAPERONE }).click();
  await expect(page.getByRole("heading", { level: 1, name: CHAPERONE })).toBeVisible();

  // Nothing chosen: GOV.UK errors.
  await page.getByRole("button", { name: "Change status" }).click();
  await expect(page.getByRole("link", { name: "Select what you want to do" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Suspend it").check();
  await page.getByLabel("Reason").fill("A concern has been referred to the LADO");
  await page.getByRole("button", { name: "Change status" }).click();
  await expect(successBanner(page)).toContainText(`${CHAPERONE} is now suspended`);
  await expect(page.getByRole("cell", { name: "Suspended: A concern has been referred to the LADO" })).toBeVisible();
  await expectAccessible(page);

  expect(await (await page.request.get(`/verify/${CHAPERONE}.json`)).json()).toMatchObject({ status: "suspended" });

  await page.getByLabel("Reinstate it").check();
  await page.getByLabel("Reason").fill("The LADO closed the concern");
  await page.getByRole("button", { name: "Change status" }).click();
  await expect(successBanner(page)).toContainText("is now valid");

  // A variation: a bad date first, then a real one.
  await page.goto(`/officer/documents/${BOPA}`);
  await page.getByLabel("Day").fill("31");
  await page.getByLabel("Month").fill("2");
  await page.getByLabel("Year").fill("2027");
  await page.getByLabel("What has changed").fill("Summer concert added");
  await page.getByRole("button", { name: "Issue the variation" }).click();
  await expect(page.getByRole("link", { name: "The new end date must be a real date" })).toBeVisible();
  await expect(page.getByLabel("What has changed")).toHaveValue("Summer concert added");
  await expectAccessible(page);
  await page.getByLabel("Day").fill("31");
  await page.getByLabel("Month").fill("12");
  await page.getByLabel("Year").fill("2027");
  await page.getByRole("button", { name: "Issue the variation" }).click();
  // The next approval number: other journeys in the same run may have taken some.
  await expect(successBanner(page)).toContainText(`replaces ${BOPA}`);
  const replacement = ((await page.getByRole("heading", { level: 1 }).textContent()) ?? "").trim();
  expect(replacement).toMatch(new RegExp(`^NMC-BA-${YEAR}-\\d{6}$`));
  expect(replacement).not.toBe(BOPA);

  await signOut(page);
  await page.goto(`/verify/${BOPA}`);
  await expect(page.getByText(`has been replaced by ${replacement}`)).toBeVisible();
  await expectAccessible(page);
  await page.goto(`/verify/${replacement}`);
  await expect(page.locator(".govuk-summary-list__row", { hasText: "Valid to" })).toContainText("31 December 2027");
  await page.goto(`/verify/${CHAPERONE}`);
  await expect(page.locator(".govuk-summary-list__row", { hasText: "Status" })).toContainText("Valid");
});
