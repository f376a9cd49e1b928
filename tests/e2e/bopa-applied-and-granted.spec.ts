import type { Page } from "@playwright/test";
import { expect, expectAccessible, loginAs, signOut, successBanner, test } from "./support";

/** A one-page PDF, small enough to type. */
const pdf = (name: string) => ({
  name,
  mimeType: "application/pdf",
  buffer: Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
    "latin1",
  ),
});

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);
const inMonths = (from: Date, months: number) => new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + months, Math.min(from.getUTCDate(), 28)));

async function fillDate(page: Page, legend: string, date: Date) {
  const group = page.getByRole("group", { name: legend });
  await group.getByLabel("Day").fill(String(date.getUTCDate()));
  await group.getByLabel("Month").fill(String(date.getUTCMonth() + 1));
  await group.getByLabel("Year").fill(String(date.getUTCFullYear()));
}

test("a producer applies for a body of persons approval, the host council's officer grants it and it is on the public register; another council's officer can't open it", async ({
  page,
}) => {
  await loginAs(page, "producer");
  await page.goto("/producer/bopa");
  await expect(page.getByRole("heading", { level: 1, name: "Body of persons approvals" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Apply for a body of persons approval" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Apply for a body of persons approval" })).toBeVisible();
  await expectAccessible(page);

  const from = inDays(40);
  await page.getByLabel("Northmere Council").check();
  await page.getByLabel("Which performances or series is the approval for?").fill("Footlights Youth Theatre summer season: 8 performances of Oliver!");
  await fillDate(page, "Start of the period", from);
  await fillDate(page, "End of the period", inMonths(from, 13));
  await page.getByLabel("Venues").fill("Northmere Playhouse, 1 Market Street, Northmere NM1 1AA");
  await page.getByLabel("Number of children").fill("24");
  await page.getByLabel("Age of the youngest child").fill("8");
  await page.getByLabel("Age of the oldest child").fill("14");
  await page.getByLabel("Full name").fill("Sam Safeguard");
  await page.getByLabel("Email address").fill("safeguarding@footlights.example");
  await page.getByLabel("Phone number").fill("01632 960 001");
  await page.getByLabel("Upload your child protection policy").setInputFiles(pdf("child-protection-policy.pdf"));
  await page.getByLabel("Upload your risk assessment").setInputFiles(pdf("risk-assessment.pdf"));
  await page.getByLabel("How will children be chaperoned?").fill("Two council-approved chaperones for every 12 children");
  await page.getByLabel("No child, or anyone for a child, will be paid beyond expenses").check();
  await page.getByRole("button", { name: "Send application" }).click();

  // Thirteen months is too long for Northmere: the answers and both uploads are kept.
  await expect(page.getByRole("link", { name: "The approval can cover up to 12 months" })).toBeVisible();
  await expect(page).toHaveTitle(/^Error: /);
  await expect(page.getByText("Uploaded: child-protection-policy.pdf")).toBeVisible();
  await expect(page.getByText("Uploaded: risk-assessment.pdf")).toBeVisible();
  await expect(page.getByLabel("Number of children")).toHaveValue("24");
  await expectAccessible(page);
  await fillDate(page, "End of the period", inMonths(from, 2));
  await page.getByRole("button", { name: "Send application" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Application sent" })).toBeVisible();
  const reference = (await page.locator(".govuk-panel__body strong").textContent())?.trim() ?? "";
  expect(reference).toMatch(/^NMC-BP-\d{4}-\d{6}$/);
  await expectAccessible(page);
  await page.getByRole("link", { name: "See your application" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Application ${reference}` })).toBeVisible();
  await expect(page.locator(".govuk-summary-list__row", { hasText: "Status" })).toContainText("Submitted");
  await expectAccessible(page);
  await page.goto("/producer/bopa");
  await expect(page.getByRole("row", { name: new RegExp(reference) })).toContainText("Northmere Council");
  await signOut(page);

  // Northmere's officer grants it.
  await loginAs(page, "officer");
  await page.getByRole("link", { name: "Body of persons approvals" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Body of persons approvals" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: reference }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Footlights Productions Ltd" })).toBeVisible();
  await expect(page.getByRole("link", { name: /child-protection-policy\.pdf/ })).toBeVisible();
  await expect(page.getByText(/On hold – contact the LADO/)).toHaveCount(0);
  await expectAccessible(page);
  const applicationPath = new URL(page.url()).pathname;
  await page.getByRole("button", { name: "Grant and issue the approval" }).click();
  await expect(successBanner(page)).toContainText("The approval is granted");
  const approval = (await successBanner(page).textContent())?.match(/NMC-BA-\d{4}-\d{6}/)?.[0];
  expect(approval, "the approval reference in the success banner").toBeTruthy();
  await expect(page.locator(".govuk-summary-list__row", { hasText: "Decision" })).toContainText("Granted");
  await expectAccessible(page);
  await signOut(page);

  // Anyone can see it on the public register.
  await page.goto("/bopa-register");
  await expect(page.getByRole("heading", { level: 1, name: "Body of persons approvals register" })).toBeVisible();
  const row = page.getByRole("row", { name: new RegExp(approval!) });
  await expect(row).toContainText("Northmere Council");
  await expect(page.getByRole("table", { name: "Footlights Productions Ltd" })).toContainText(approval!);
  await expect(page.getByText("Sam Safeguard")).toHaveCount(0);
  await expectAccessible(page);
  await row.getByRole("link", { name: approval! }).click();
  await expect(page.locator(".govuk-summary-list__row", { hasText: "Status" })).toContainText("Valid");

  // Eastbrook's officer: not found.
  await loginAs(page, "eastbrookOfficer");
  const response = await page.goto(applicationPath);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expect(page.getByText("Footlights Productions Ltd")).toHaveCount(0);
  await expectAccessible(page);
  expect((await page.request.get(`${applicationPath}/files/child-protection-policy`)).status()).toBe(404);
});
