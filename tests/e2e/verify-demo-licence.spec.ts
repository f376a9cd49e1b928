import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, expectAccessible, loginAs, signOut, test } from "./support";

const YEAR = new Date().getFullYear();
const LICENCE = `NMC-PL-${YEAR}-000001`;

test("anyone checks a demo licence by reference, and by uploading its PDF", async ({ page }) => {
  // By reference, without signing in.
  await page.goto("/verify");
  await expectAccessible(page);
  await page.getByLabel("Check by reference").fill("nonsense");
  await page.getByRole("button", { name: "Check reference" }).click();
  await expect(page.getByRole("link", { name: /Enter a reference in the format/ })).toBeVisible();
  await expect(page).toHaveTitle(/^Error: /);
  await expectAccessible(page);

  await page.getByLabel("Check by reference").fill(LICENCE.toLowerCase());
  await page.getByRole("button", { name: "Check reference" }).click();
  await expect(page).toHaveURL(new RegExp(`/verify/${LICENCE}$`));
  await expect(page.getByRole("heading", { level: 1, name: LICENCE })).toBeVisible();
  await expect(page.getByText("Northmere Council").first()).toBeVisible();
  await expect(page.getByText("F. P. L.")).toBeVisible();
  await expect(page.getByText("Amelia")).toHaveCount(0);
  await expectAccessible(page);

  const json = await page.request.get(`/verify/${LICENCE}.json`);
  expect(json.status()).toBe(200);
  expect(await json.json()).toMatchObject({ reference: LICENCE, issuingAuthority: "Northmere Council", holderInitials: "F. P. L." });

  const missing = await page.goto(`/verify/NMC-PL-${YEAR}-999999`);
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Document not found" })).toBeVisible();
  await expectAccessible(page);

  // The producer downloads the PDF; a stranger may not.
  await loginAs(page, "producer");
  const download = await page.request.get(`/documents/${LICENCE}.pdf`);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toBe("application/pdf");
  const pdf = await download.body();
  await signOut(page);
  await loginAs(page, "chaperone");
  expect((await page.request.get(`/documents/${LICENCE}.pdf`)).status()).toBe(403);
  await signOut(page);

  // By upload: genuine, then a non-PDF.
  const dir = mkdtempSync(path.join(tmpdir(), "clp-e2e-"));
  const file = path.join(dir, `${LICENCE}.pdf`);
  writeFileSync(file, pdf);
  await page.goto("/verify");
  await page.getByLabel("Or check a PDF you were sent").setInputFiles(file);
  await page.getByRole("button", { name: "Check PDF" }).click();
  await expect(page.getByRole("heading", { name: "This document is genuine" })).toBeVisible();
  await expectAccessible(page);

  const notPdf = path.join(dir, "photo.png");
  writeFileSync(notPdf, Buffer.from("89504e470d0a1a0a", "hex"));
  await page.getByLabel("Or check a PDF you were sent").setInputFiles(notPdf);
  await page.getByRole("button", { name: "Check PDF" }).click();
  await expect(page.getByRole("link", { name: "The selected file must be a PDF" })).toBeVisible();
  await expectAccessible(page);
});
