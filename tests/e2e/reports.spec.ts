import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, loginAs, test } from "./support";

/** Remix has hydrated and is not navigating: safe to type. */
async function settled(page: Page) {
  await page.waitForFunction(() => (window as unknown as { __remixRouter?: { state: { navigation: { state: string } } } }).__remixRouter?.state.navigation.state === "idle");
}

test("an officer reads the annual report for a chosen period, downloads a table and the public sees service performance", async ({ page }) => {
  await loginAs(page, "officer");
  // The officer's desk: deadlines with counts that open filtered queues (the demo's late permit is overdue)
  await expect(page.getByRole("heading", { level: 2, name: "Deadlines" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Most urgent first" }).getByRole("row", { name: /Late employment permits/ }).first()).toContainText("Overdue");
  await expectAccessible(page);
  await page.getByRole("link", { name: /First performance soon, not decided/ }).click();
  await expect(page).toHaveURL(/\/officer\/licences\?filter=soon$/);
  await expect(page.getByLabel(/First performance within 14 days/)).toBeChecked();
  await page.goto("/officer");
  await page.getByRole("link", { name: "Annual report" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Northmere Council Annual report, 1 April \d{4} to 31 March \d{4}$/);
  await expectAccessible(page);

  // This financial year, where the demo applications are
  await settled(page);
  const thisYear = new Date().getMonth() >= 3 ? new Date().getFullYear() : new Date().getFullYear() - 1;
  const from = page.getByRole("group", { name: "From" });
  const to = page.getByRole("group", { name: "To" });
  await from.getByLabel("Year").fill(String(thisYear));
  await to.getByLabel("Year").fill(String(thisYear + 1));
  await page.getByRole("button", { name: "Show report" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Northmere Council Annual report, 1 April ${thisYear} to 31 March ${thisYear + 1}`);

  const chart = page.getByRole("img", { name: "Applications received by kind" });
  await expect(chart).toBeVisible();
  const table = page.getByRole("table", { name: "Applications received each month" });
  await expect(table).toBeVisible();
  const totals = table.getByRole("row", { name: /^Total/ });
  await expect(totals).toBeVisible();
  await expectAccessible(page);

  const downloading = page.waitForEvent("download");
  downloading.catch(() => {}); // awaited below; never an unhandled rejection if the click fails first
  await page.getByRole("link", { name: "Download this table (Applications received each month) as CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`NMC-applications-received-${thisYear}-04-01-to-${thisYear + 1}-03-31.csv`);
  const csv = await readFile(await download.path(), "utf8");
  expect(csv.split("\r\n")[0]).toBe("\uFEFFMonth,Performance licences,Employment permits,Body of persons approvals (BOPA),Chaperone approvals,Total");
  const totalCells = (await totals.getByRole("cell").allInnerTexts()).map((t) => t.trim());
  expect(csv).toContain(`Total,${totalCells.join(",")}\r\n`);

  // A bad date comes back as an error, with what was typed
  await settled(page);
  await to.getByLabel("Day").fill("31");
  await to.getByLabel("Month").fill("2");
  await page.getByRole("button", { name: "Show report" }).click();
  await expect(page.getByRole("alert")).toContainText("The end date must be a real date");
  await expect(page).toHaveTitle(/^Error: Annual report/);
  await expect(to.getByLabel("Day")).toHaveValue("31");

  await page.goto("/service-performance");
  await expect(page.getByRole("heading", { level: 1, name: "Service performance" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Applications decided by Northmere Council" })).toBeVisible();
  await expectAccessible(page);
});
