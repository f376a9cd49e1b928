import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fillEverySection, giveReference, recordChecksAndJudgeReferences, sendApplication, summaryRow } from "./chaperone-steps";
import { expect, expectAccessible, loginAs, registerConfirmedUser, signIn, signOut, successBanner, test, uniqueEmail } from "./support";

/** Letters only (names are checked), so each run's chaperone is someone new in the queue and the register. */
const SURNAME = `Endtoend${Array.from({ length: 5 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("")}`;
const NAME = `Jordan ${SURNAME}`;

test("a new chaperone applies, both referees answer by link, the officer approves, and the chaperone's licence verifies", async ({ page }) => {
  test.setTimeout(90_000);
  const referees = [
    { group: "Referee 1", name: "Rita Referee", email: uniqueEmail("referee1"), how: "My manager at the theatre for 5 years" },
    { group: "Referee 2", name: "Ravi Referee", email: uniqueEmail("referee2"), how: "Neighbour for 10 years" },
  ];

  // The chaperone registers, applies through every section and sends the application.
  const account = await registerConfirmedUser(page, { name: NAME, uses: ["Working as a chaperone"] });
  await page.goto("/chaperone");
  await signIn(page, account.email, account.password);
  await page.getByRole("button", { name: "Start your application" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Apply to be a chaperone" })).toBeVisible();
  await fillEverySection(page, { firstName: "Jordan", lastName: SURNAME, referees });
  const applicationReference = await sendApplication(page);
  expect(applicationReference).toMatch(/^NMC-CA-\d{4}-\d{6}$/);
  await signOut(page);

  // Both referees answer through their emailed links, signed out.
  for (const referee of referees) await giveReference(page, NAME, referee);
  await expectAccessible(page);

  // Northmere's officer records the checks, judges both references and approves.
  await loginAs(page, "officer");
  await page.goto("/officer/chaperones");
  const row = page.getByRole("row", { name: new RegExp(NAME) });
  await expect(row).toContainText("New");
  await row.getByRole("link", { name: applicationReference }).click();
  await expect(page.getByRole("heading", { level: 1, name: NAME })).toBeVisible();
  await expectAccessible(page);
  await recordChecksAndJudgeReferences(
    page,
    referees.map((r) => r.name),
  );
  await page.getByRole("button", { name: "Approve and issue the licence" }).click();
  await expect(successBanner(page)).toContainText(`${NAME} is approved`);
  const reference = (await successBanner(page).textContent())?.match(/NMC-CL-\d{4}-\d{6}/)?.[0];
  expect(reference, "the licence reference in the success banner").toBeTruthy();
  await expectAccessible(page);
  await signOut(page);

  // The chaperone signs in, sees the approval and downloads the licence.
  await page.goto("/chaperone");
  await signIn(page, account.email, account.password);
  await expect(page.getByRole("heading", { level: 1, name: "Your chaperone approval" })).toBeVisible();
  await expect(summaryRow(page, "Approval reference")).toContainText(reference!);
  await expect(summaryRow(page, "Approval status")).toContainText("Valid");
  await expect(page.getByRole("heading", { name: "Renew your approval" })).toBeVisible();
  await expectAccessible(page);
  const link = page.getByRole("link", { name: "Download your chaperone approval and photo ID card (PDF)" });
  const download = await page.request.get((await link.getAttribute("href"))!);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toBe("application/pdf");
  const dir = mkdtempSync(path.join(tmpdir(), "clp-e2e-"));
  const file = path.join(dir, `${reference}.pdf`);
  writeFileSync(file, await download.body());
  await signOut(page);

  // Anyone can check it: the PDF is genuine, and the reference is valid.
  await page.goto("/verify");
  await page.getByLabel("Or check a PDF you were sent").setInputFiles(file);
  await page.getByRole("button", { name: "Check PDF" }).click();
  await expect(page.getByRole("heading", { name: "This document is genuine" })).toBeVisible();
  await expectAccessible(page);
  await page.goto(`/verify/${reference}`);
  await expect(page.getByRole("heading", { level: 1, name: reference! })).toBeVisible();
  await expect(page.locator(".govuk-summary-list__row", { hasText: "Status" })).toContainText("Valid");
  await expect(page.locator(".govuk-summary-list__row", { hasText: "Type" })).toContainText("Chaperone approval");
  await expectAccessible(page);
});
