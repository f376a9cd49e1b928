import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEMO_USERS, expect, expectAccessible, loginAs, readLatestEmail, signOut, successBanner, test } from "./support";

/**
 * The demo seed's submitted permit application for Leo Shah's paper round at Corner Newsagents (db/seed-employment.ts):
 * Northmere's officer finds it in the queue, grants it, the signed permit downloads and passes pdfsig, /verify
 * shows it valid, and the officer then revokes it with reasons; the employer and the parent are emailed.
 */
const CHILD = "Leo Shah";
const PARENT_EMAIL = "parent2@demo.example";
const CONDITION = "Leo wears the high-visibility bag provided on every round.";
const REASONS = "Leo's school reports his attendance has fallen since he started the round.";

/** The summary list row whose key is exactly `key`. */
const summaryRow = (page: import("@playwright/test").Page, key: string) =>
  page.locator(".govuk-summary-list__row").filter({ has: page.locator("dt", { hasText: new RegExp(`^${key}$`) }) });

test("an officer grants a child employment permit, which verifies, then revokes it with reasons", async ({ page }) => {
  test.setTimeout(120_000);
  await loginAs(page, "officer");
  await page.goto("/officer");
  await page.getByRole("link", { name: "Child employment permits" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Child employment permits" })).toBeVisible();
  const waiting = page.getByRole("table", { name: "Waiting for a decision" });
  // Leo's Saturday shop work came in three weeks after he started.
  await expect(waiting.getByRole("row", { name: /Shop work/ })).toContainText("Late (EMPLOY-7DAYS)");
  const row = waiting.getByRole("row", { name: /Delivering newspapers/ });
  await expect(row).toContainText(CHILD);
  await expect(row).toContainText("Corner Newsagents Ltd");
  await expect(row).not.toContainText("Late");
  await expectAccessible(page);
  const reference = (await row.getByRole("link").textContent())?.trim() ?? "";
  expect(reference).toMatch(/^NMC-PE-\d{4}-\d{6}$/);

  // Both parts, the hours and the checks.
  await row.getByRole("link", { name: reference }).click();
  await expect(page.getByRole("heading", { level: 1, name: CHILD })).toBeVisible();
  await expect(summaryRow(page, "School leaving date")).toContainText("30 June 2028");
  await expect(page.getByRole("heading", { level: 2, name: "Employer's part" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Parent's part" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Usual hours" }).getByRole("row", { name: /Monday/ })).toContainText("07:00–08:00");
  await expect(page.getByText("the term-time and holiday hours are within every limit")).toBeVisible();
  await expectAccessible(page);

  // Grant, with a condition of the officer's own.
  await page.getByLabel("Other conditions (optional)").fill(CONDITION);
  await page.getByRole("button", { name: "Grant and issue the permit" }).click();
  await expect(successBanner(page)).toContainText("The permit is granted.");
  const permit = (await successBanner(page).textContent())?.match(/NMC-EP-\d{4}-\d{6}/)?.[0] ?? "";
  expect(permit).toBeTruthy();
  await expect(summaryRow(page, "Status")).toContainText("Granted");
  await expect(summaryRow(page, "Permit")).toContainText(permit);
  await expectAccessible(page);
  const permitPath = new URL(page.url()).pathname;

  // The signed PDF downloads and its signature is valid; anyone can check it.
  const pdf = await page.request.get(`/documents/${permit}.pdf`);
  expect(pdf.status()).toBe(200);
  const file = join(mkdtempSync(join(tmpdir(), "permit-")), `${permit}.pdf`);
  writeFileSync(file, await pdf.body());
  expect(execFileSync("pdfsig", [file], { encoding: "utf8" })).toContain("Signature is Valid");
  await page.goto(`/verify/${permit}`);
  await expect(page.getByRole("main")).toContainText(/valid/i);
  await expect(page.getByRole("main")).toContainText("Child employment permit");
  await expect(page.getByRole("main")).toContainText("30 June 2028");

  // Revoke, with reasons: a GOV.UK error first.
  await page.goto(permitPath);
  await page.getByRole("button", { name: "Revoke the permit" }).click();
  await expect(page.getByRole("link", { name: "Enter the reasons for revoking, which are sent to the employer and the parent" })).toBeVisible();
  await expect(page).toHaveTitle(/^Error: /);
  await page.getByLabel("Reasons for revoking").fill(REASONS);
  await page.getByRole("button", { name: "Revoke the permit" }).click();
  await expect(successBanner(page)).toContainText("The permit has been revoked.");
  await expect(summaryRow(page, "Status")).toContainText("Revoked");
  await expect(page.getByRole("table", { name: "History" })).toContainText(`Permit revoked: ${REASONS}`);
  await expectAccessible(page);
  expect(await (await page.request.get(`/verify/${permit}.json`)).json()).toMatchObject({ status: "revoked" });
  await signOut(page);

  // The employer and the parent were told of both decisions.
  await readLatestEmail(page, DEMO_USERS.employer.email, `${permit}: employment permit granted for ${CHILD}`);
  await expect(page.getByRole("main")).toContainText(CONDITION);
  await readLatestEmail(page, PARENT_EMAIL, `${permit}: employment permit granted for ${CHILD}`);
  await readLatestEmail(page, PARENT_EMAIL, `${permit}: employment permit revoked for ${CHILD}`);
  await expect(page.getByRole("main")).toContainText(REASONS);
  await readLatestEmail(page, DEMO_USERS.employer.email, `${permit}: employment permit revoked for ${CHILD}`);
});
