import type { Page } from "@playwright/test";
import { type DemoRole, expect, expectAccessible, loginAs, test } from "./support";

/**
 * WCAG 1.4.10 Reflow: at 320 CSS pixels wide no page scrolls sideways (a wide table scrolls on its own, as a
 * focusable region), and the page is still free of axe violations at that width. Each role's pages are found by
 * following the links from where it lands, as a visitor would, up to PAGES_PER_ROLE pages.
 */
const PAGES_PER_ROLE = 10;
const WIDTH = 320;
const SKIP = /sign-out|\.pdf$|\/csv\/|\/dev\/mailbox|\.json$|^\/documents\//;

test.use({ viewport: { width: WIDTH, height: 800 } });

async function linksOn(page: Page) {
  const hrefs = await page.locator("header a[href], main a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  return hrefs.filter((h) => h.startsWith("/") && !h.startsWith("//")).map((h) => h.split("#")[0]);
}

async function visitFrom(page: Page, start: string) {
  const seen = new Set<string>();
  const queue = [start];
  while (queue.length && seen.size < PAGES_PER_ROLE) {
    const path = queue.shift() ?? "";
    if (seen.has(path) || SKIP.test(path)) continue;
    seen.add(path);
    const response = await page.goto(path);
    expect(response?.status(), path).toBeLessThan(400);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, `${path} is ${width}px wide on a ${WIDTH}px screen`).toBeLessThanOrEqual(WIDTH);
    await expectAccessible(page);
    queue.push(...(await linksOn(page)));
  }
  return seen.size;
}

const roles: DemoRole[] = ["parent", "producer", "employer", "chaperone", "school", "officer", "lado", "admin"];

for (const role of roles) {
  test(`the ${role}'s pages fit a ${WIDTH}px screen`, async ({ page }) => {
    await loginAs(page, role);
    const landing = new URL(page.url());
    expect(await visitFrom(page, landing.pathname + landing.search)).toBeGreaterThan(3);
  });
}

test(`public pages fit a ${WIDTH}px screen`, async ({ page }) => {
  expect(await visitFrom(page, "/")).toBeGreaterThan(3);
});
