import type { Page } from "@playwright/test";
import { DEMO_USERS, expect, expectAccessible, loginAs, readLatestEmail, signOut, successBanner, test } from "./support";

// Demo data: Oliver Example (the demo parent's child) has 3 performance days on record since November 2026;
// Footlights' "Spring showcase" runs through March 2027, unpaid and not broadcast.
async function fillDate(page: Page, group: string, [day, month, year]: [string, string, string]) {
  const fieldset = page.getByRole("group", { name: group, exact: true });
  await fieldset.getByLabel("Day").fill(day);
  await fieldset.getByLabel("Month").fill(month);
  await fieldset.getByLabel("Year").fill(year);
}

test("a parent shares a child; the producer records an exempt 4th day, and a 5th is refused with the reason", async ({ page }) => {
  test.setTimeout(120_000);
  // The parent shares Oliver with a code.
  await loginAs(page, "parent");
  await page.goto("/children");
  await page.getByRole("link", { name: "Oliver Example" }).click();
  await page.getByRole("button", { name: "Share Oliver's details with a production" }).click();
  const code = ((await page.locator(".govuk-panel--confirmation strong").textContent()) ?? "").trim();
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  await signOut(page);

  // The producer adds him to the spring showcase.
  await loginAs(page, "producer");
  await page.goto("/producer");
  await page.getByRole("link", { name: "Spring showcase" }).click();
  await page.getByRole("link", { name: "Add a child with a share code" }).click();
  await page.getByLabel("Share code").fill(code);
  await page.getByRole("button", { name: "Add child" }).click();
  await expect(successBanner(page)).toContainText("Oliver Example has been added to Spring showcase.");

  // A 4th day in 6 months is exempt under the four-day rule.
  await page.getByRole("link", { name: "Record exempt performances" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Record exempt performances" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Check and record" }).click();
  await expect(page.getByRole("alert")).toContainText("Select the children taking part");
  await expectAccessible(page);
  await page.getByLabel("Oliver Example").check();
  await page.getByLabel("Four-day rule").check();
  await page.getByRole("group", { name: "Will any of the children need time off school for these performances?" }).getByLabel("No").check();
  await fillDate(page, "Date 1", ["13", "3", "2027"]);
  await page.getByRole("button", { name: "Check and record" }).click();
  await expect(successBanner(page)).toContainText("1 exempt performance has been recorded");
  const row = page.getByRole("row", { name: /Oliver Example/ });
  await expect(row).toContainText("Sat 13 March 2027");
  await expect(row).toContainText("Four-day rule");
  await expectAccessible(page);
  const pdfLink = row.getByRole("link", { name: /-EX-\d{4}-\d{6} \(PDF\)/ });
  const pdf = await page.request.get((await pdfLink.getAttribute("href"))!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");

  // Two more dates: the first would be the 5th day, so nothing is recorded and the reason is given.
  await page.getByRole("link", { name: "Record exempt performances" }).click();
  await page.getByLabel("Oliver Example").check();
  await page.getByLabel("Four-day rule").check();
  await page.getByRole("group", { name: "Will any of the children need time off school for these performances?" }).getByLabel("No").check();
  await fillDate(page, "Date 1", ["14", "3", "2027"]);
  await page.getByRole("button", { name: "Add another date" }).click();
  await expect(page.getByLabel("Oliver Example")).toBeChecked();
  await fillDate(page, "Date 2", ["20", "3", "2027"]);
  await page.getByRole("button", { name: "Check and record" }).click();
  await expect(page.getByRole("alert")).toContainText("Oliver Example cannot perform under this exemption on these dates");
  const result = page.locator(".govuk-summary-card", { hasText: "Oliver Example" });
  await expect(result).toContainText("Needs a licence");
  await expect(result).toContainText("Sun 14 March 2027 would be the child's 5th performance day in 6 months");
  await expect(result).toContainText("EXEMPT-4DAY");
  await expect(page.getByRole("group", { name: "Date 2", exact: true }).getByLabel("Day")).toHaveValue("20");
  await expectAccessible(page);
  await signOut(page);

  // The parent was told, and sees the day on Oliver's record.
  await readLatestEmail(page, DEMO_USERS.parent.email, "Oliver's performance in Spring showcase has been recorded");
  await loginAs(page, "parent");
  await page.goto("/children");
  await page.getByRole("link", { name: "Oliver Example" }).click();
  await expect(page.getByRole("row", { name: /13 March 2027 Spring showcase/ })).toContainText("Four-day rule");
  await signOut(page);

  // Oliver's home council sees it.
  await loginAs(page, "officer");
  await page.goto("/officer");
  await page.getByRole("link", { name: "Exempt performances" }).click();
  await expect(page.getByRole("row", { name: /Oliver Example/ })).toContainText("Spring showcase");
  await expectAccessible(page);
});
