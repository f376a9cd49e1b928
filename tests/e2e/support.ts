import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

export { expect };

/**
 * Playwright's `test`, failing any journey whose pages throw in the browser or log an error (a failed
 * hydration, a server module leaking into a browser bundle, a CSP violation). Failed resource loads are
 * left out: error pages are loaded on purpose.
 */
export const test = base.extend<{ browserErrors: string[] }>({
  browserErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
      page.on("console", (message) => {
        if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) errors.push(`${page.url()}: ${message.text()}`);
      });
      await use(errors);
      expect(errors, "errors in the browser console").toEqual([]);
    },
    { auto: true },
  ],
});

/** The password of every demo account (db/seed-demo.ts). */
export const DEMO_PASSWORD = "demo-password-2026";

/** Demo accounts by role; Northmere Council unless the name says Eastbrook. */
export const DEMO_USERS = {
  parent: { email: "parent@demo.example", name: "Priya Parent" },
  producer: { email: "producer@demo.example", name: "Pete Producer" },
  employer: { email: "employer@demo.example", name: "Erin Employer" },
  chaperone: { email: "chaperone@demo.example", name: "Charlie Chaperone" },
  school: { email: "school@demo.example", name: "Sam School" },
  officer: { email: "officer@demo.example", name: "Olive Officer" },
  lado: { email: "lado@demo.example", name: "Lee LADO" },
  admin: { email: "admin@demo.example", name: "Ada Admin" },
  eastbrookOfficer: { email: "officer@eastbrook.example", name: "Omar Officer" },
  eastbrookAdmin: { email: "admin@eastbrook.example", name: "Alex Admin" },
  eastbrookLado: { email: "lado@eastbrook.example", name: "Lena LADO" },
  bookedChaperone: { email: "chaperone3@demo.example", name: "Jordan Lee" },
  eastbrookParent: { email: "parent@eastbrook.example", name: "Esther Parent" },
} as const;

export type DemoRole = keyof typeof DEMO_USERS;

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** A fresh address for an account made during a test. */
export function uniqueEmail(prefix = "e2e") {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}@e2e.example`;
}

/** A password long enough for the service's rules. */
export function strongPassword() {
  return `correct horse ${randomBytes(4).toString("hex")} staple`;
}

/** Fills the sign-in form with any email and password (the page must be the sign-in page). */
export async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs in as one of the demo accounts and waits until the sign-in page is left behind. */
export async function loginAs(page: Page, role: DemoRole) {
  const user = DEMO_USERS[role];
  await page.goto("/sign-in");
  await signIn(page, user.email, DEMO_PASSWORD);
  await expect(page).not.toHaveURL(/\/sign-in(\?|$)/);
  await expect(signOutButton(page)).toBeVisible();
  return user;
}

/** The header's "Sign out" button (its accessible name also carries the user's name, visually hidden). */
export function signOutButton(page: Page) {
  return page.getByRole("button", { name: /^Sign out/ });
}

export async function signOut(page: Page) {
  await signOutButton(page).click();
  await expect(page.getByRole("heading", { level: 1, name: "You have signed out" })).toBeVisible();
}

/** The green "Success" notification banner (role alert, titled "Success"). */
export function successBanner(page: Page) {
  return page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "Success" }) });
}

/**
 * Runs axe (WCAG 2.0/2.1/2.2 A and AA) on the current page and fails listing every violation.
 * With JavaScript disabled axe can't run in the page, so the server-rendered HTML is checked in a
 * scripting page of its own (same address, same styles, scripts removed).
 */
export async function expectAccessible(page: Page) {
  const results = (await scriptsRun(page)) ? await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze() : await analyzeWithoutScripts(page);
  const lines = results.violations.map((v) => {
    const targets = v.nodes.map((n) => `      ${n.target.join(" ")}${n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/g, " ")}` : ""}`);
    return `  ${v.id} (${v.impact ?? "?"}): ${v.help}\n${targets.join("\n")}`;
  });
  expect(results.violations.length, `Accessibility violations on ${page.url()}:\n${lines.join("\n")}`).toBe(0);
}

const scripting = new WeakMap<Page, boolean>();

/** Whether the page runs scripts (false under `javaScriptEnabled: false`, where evaluate never returns). */
async function scriptsRun(page: Page) {
  const known = scripting.get(page);
  if (known !== undefined) return known;
  // evaluate itself works without scripts, but the page's timers (which axe needs) never fire
  const probe = page.evaluate(() => new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 0))).catch(() => false);
  const answer = await Promise.race([probe, new Promise<false>((resolve) => setTimeout(() => resolve(false), 2_000))]);
  scripting.set(page, answer);
  return answer;
}

async function analyzeWithoutScripts(page: Page) {
  const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "");
  const address = page.url().split("#")[0];
  const browser = page.context().browser();
  if (!browser) throw new Error("expectAccessible: no browser to check a script-less page in");
  const context = await browser.newContext({ javaScriptEnabled: true, viewport: page.viewportSize() });
  try {
    const copy = await context.newPage();
    await copy.route("**/*", (route) =>
      route.request().isNavigationRequest() && route.request().url().split("#")[0] === address
        ? route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html })
        : route.continue(),
    );
    await copy.goto(address);
    return await new AxeBuilder({ page: copy }).withTags(AXE_TAGS).analyze();
  } finally {
    await context.close();
  }
}

/**
 * Opens the development mailbox for `to`, follows the newest message whose subject contains `subject`
 * (or matches it, for a RegExp), and returns the first URL in the message. Delivery goes through the
 * job queue, so this polls for a while. The page is left on the message.
 */
export async function readLatestEmail(page: Page, to: string, subject: string | RegExp, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  const mailbox = `/dev/mailbox?to=${encodeURIComponent(to)}`;
  for (;;) {
    const response = await page.goto(mailbox);
    expect(response?.status(), `${mailbox} should be available to the tests`).toBe(200);
    // newest first
    const message = page.getByRole("main").getByRole("link", { name: subject }).first();
    if ((await message.count()) > 0) {
      const href = await message.getAttribute("href");
      expect(href, "a mailbox message link").toBeTruthy();
      await page.goto(href!);
      break;
    }
    if (Date.now() > deadline) throw new Error(`No email to ${to} with subject ${String(subject)} within ${timeoutMs / 1000} s`);
    await page.waitForTimeout(500);
  }
  await expect(page.getByRole("heading", { level: 1, name: subject })).toBeVisible();
  const url = await firstUrlInMessage(page);
  if (!url) throw new Error(`The email to ${to} with subject ${String(subject)} has no link (${page.url()})`);
  return url;
}

const URL_PATTERN = /https?:\/\/[^\s"'<>()]+/;

/** The first absolute URL in the message: a link whose text is the address, or else an address in the text. */
async function firstUrlInMessage(page: Page) {
  const main = page.getByRole("main");
  const links = main.getByRole("link", { name: /^https?:\/\// });
  if ((await links.count()) > 0) return (await links.first().getAttribute("href")) ?? undefined;
  // rendered text, not textContent: it keeps line breaks between paragraphs, so a URL doesn't run into the next word
  const match = (await main.allInnerTexts()).join("\n").match(URL_PATTERN);
  return match?.[0].replace(/[.,;]+$/, "");
}

/**
 * Registers an account through the pages (a parent's unless `uses` names other choices on the form, e.g.
 * "Working as a chaperone") and confirms it from the email; returns its details.
 */
export async function registerConfirmedUser(
  page: Page,
  { name = "Jo Tester", email = uniqueEmail(), password = strongPassword(), uses = ["Applying for a child of mine"] }: { name?: string; email?: string; password?: string; uses?: string[] } = {},
) {
  await page.goto("/register");
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Create a password").fill(password);
  await page.getByLabel("Confirm your password").fill(password);
  for (const use of uses) await page.getByLabel(use).check();
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();

  const link = await readLatestEmail(page, email, "Confirm your email address");
  await page.goto(link);
  await page.getByRole("button", { name: "Confirm email address" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(successBanner(page)).toBeVisible();
  return { name, email, password };
}
