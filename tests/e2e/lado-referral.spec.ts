import { createHmac } from "node:crypto";
import type { Page } from "@playwright/test";
import { RECEIVER_SECRET, startReceiver } from "./safeguarding-receiver";
import { DEMO_USERS, expect, expectAccessible, loginAs, readLatestEmail, signOut, successBanner, test } from "./support";

/**
 * The demo parent reports a concern about Jordan Lee, the chaperone booked for her son Noah in Footlights' "Peter
 * Pan". Northmere's LADO refers it: Jordan's licence is suspended on the public register and on the producer's
 * application at once, and the referral reaches the council's case management system (the test receiver) signed,
 * after one failed try. The LADO finds it unfounded and the hold is lifted. Nobody else can open the case.
 */
const CASE_REFERENCE = "CMS-E2E-0042";

const summaryValue = (page: Page, key: string) =>
  page.locator(".govuk-summary-list__row").filter({ has: page.locator("dt", { hasText: new RegExp(`^${key}$`) }) }).locator("dd");

/** Waits for the page to be hydrated and idle, so typing isn't lost to a re-render. */
async function settled(page: Page) {
  await page.waitForFunction(() => {
    const router = (window as unknown as { __remixRouter?: { state: { navigation: { state: string } } } }).__remixRouter;
    return !!router && router.state.navigation.state === "idle";
  });
}

test("a parent's concern about a chaperone becomes a LADO referral: the licence is held, the case system is told, and the hold is lifted", async ({ page }) => {
  test.setTimeout(180_000);
  const receiver = await startReceiver(1, CASE_REFERENCE);
  try {
    // The parent reports it, from the link in every page's footer.
    await loginAs(page, "parent");
    await page.getByRole("contentinfo").getByRole("link", { name: "Report a concern about an adult" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Report a concern about an adult who works with children" })).toBeVisible();
    await expect(page.getByText("If a child is in immediate danger, call 999 now.")).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Start now" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Tell us about your concern" })).toBeVisible();
    await settled(page);
    await page.getByLabel("How do you know the child or the adult?").fill("I'm Noah's mother");
    await page.getByLabel("Jordan Lee, chaperone").check();
    await page.getByLabel("Which child is it about? (optional)").fill("Noah Example");
    // Nothing about what happened, and a date to come: GOV.UK errors, and nothing typed is lost.
    await page.getByLabel("Day").fill("1");
    await page.getByLabel("Month").fill("1");
    await page.getByLabel("Year").fill("2099");
    await page.getByRole("button", { name: "Send to the LADO" }).click();
    await expect(page.getByRole("link", { name: "Enter what happened" })).toBeVisible();
    await expect(page.getByRole("link", { name: "The date it happened must be today or in the past" })).toBeVisible();
    await expect(page.getByLabel("How do you know the child or the adult?")).toHaveValue("I'm Noah's mother");
    await expect(page.getByLabel("Jordan Lee, chaperone")).toBeChecked();
    await expectAccessible(page);
    await settled(page);
    await page.getByLabel("What happened, or what are you worried about?").fill("At rehearsal Jordan locked Noah in the dressing room as a punishment.");
    const today = new Date();
    await page.getByLabel("Day").fill(String(today.getDate()));
    await page.getByLabel("Month").fill(String(today.getMonth() + 1));
    await page.getByLabel("Year").fill(String(today.getFullYear()));
    await expect(page.getByLabel("Which council should deal with it?")).toHaveValue(/.+/);
    await page.getByRole("button", { name: "Send to the LADO" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Concern received" })).toBeVisible();
    const concern = ((await page.locator(".govuk-panel__body strong").textContent()) ?? "").trim();
    expect(concern).toMatch(/^CON-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await expectAccessible(page);
    await readLatestEmail(page, DEMO_USERS.parent.email, `We have received your concern: ${concern}`);
    await expect(page.getByRole("main")).not.toContainText("locked Noah");
    // The reporter has the acknowledgement and nothing more.
    expect((await page.goto(`/lado/cases/${concern}`))?.status()).toBe(404);
    await signOut(page);

    // An officer sees that a concern is waiting for the LADO, but can't open it; nor can another council's LADO.
    await loginAs(page, "officer");
    await expect(page.getByRole("row", { name: new RegExp(concern) })).toBeVisible();
    await expect(page.getByRole("main")).not.toContainText("Jordan");
    expect((await page.goto(`/lado/cases/${concern}`))?.status()).toBe(404);
    await signOut(page);
    await loginAs(page, "eastbrookLado");
    await expect(page.getByRole("heading", { level: 1, name: "LADO referrals" })).toBeVisible();
    await expect(page.getByRole("main")).not.toContainText(concern);
    expect((await page.goto(`/lado/cases/${concern}`))?.status()).toBe(404);
    await signOut(page);

    // Northmere's LADO refers it.
    await loginAs(page, "lado");
    await expect(page.getByRole("heading", { level: 1, name: "LADO referrals" })).toBeVisible();
    const row = page.getByRole("row", { name: new RegExp(concern) });
    await expect(row).toContainText(/Due/);
    await expectAccessible(page);
    await row.getByRole("link", { name: concern }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Jordan Lee, chaperone" })).toBeVisible();
    await expect(summaryValue(page, "What happened")).toContainText("locked Noah in the dressing room");
    await expectAccessible(page);
    const licence = ((await summaryValue(page, "Chaperone licence").textContent()) ?? "").match(/NMC-CL-\d{4}-\d{6}/)?.[0] ?? "";
    expect(licence).not.toBe("");
    await settled(page);
    await page.getByLabel("Yes, refer it").check();
    await page.getByRole("button", { name: "Save the decision" }).click();
    await expect(page.getByRole("link", { name: "Select how the threshold is met" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Enter why" })).toBeVisible();
    await settled(page);
    await page.getByLabel("Yes, refer it").check();
    await page.getByLabel("Has harmed, or may have harmed, a child").check();
    await page.getByLabel("Why?").fill("Restraint as punishment: meets the harm threshold.");
    await page.getByRole("button", { name: "Save the decision" }).click();
    await expect(successBanner(page)).toContainText("The concern is referred. Holds are in place.");
    const holds = page.getByRole("table", { name: /Officers see only/ });
    await expect(holds.getByRole("row", { name: new RegExp(licence) })).toContainText("Placed");
    await expect(holds.getByRole("row", { name: /Performance licence application/ })).toContainText("Placed");
    await expect(summaryValue(page, "1 working day")).toContainText("Referred in time");
    await expectAccessible(page);

    // The case management system gets it, signed, after one failed try; its case reference comes back.
    await expect.poll(() => receiver.deliveries.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    const [first, second] = receiver.deliveries;
    expect([first.status, second.status]).toEqual([503, 200]);
    expect(second.headers["x-safeguarding-delivery"]).toBe(first.headers["x-safeguarding-delivery"]);
    const timestamp = String(second.headers["x-safeguarding-timestamp"]);
    const signature = `sha256=${createHmac("sha256", RECEIVER_SECRET).update(`${timestamp}.${second.body}`).digest("hex")}`;
    expect(second.headers["x-safeguarding-signature"]).toBe(signature);
    expect(JSON.parse(second.body)).toMatchObject({ event: "referral.created", referral: { reference: concern, categories: ["harm"], subject: { chaperoneLicence: licence } } });
    await expect(async () => {
      await page.reload();
      await expect(summaryValue(page, "Case reference")).toHaveText(CASE_REFERENCE);
    }).toPass({ timeout: 15_000 });
    const deliveries = page.getByRole("table", { name: "Deliveries, newest first" });
    await expect(deliveries.getByRole("row", { name: /referral\.created/ })).toContainText("Delivered");
    await expect(deliveries.getByRole("row", { name: /referral\.created/ })).toContainText("2");

    // Held everywhere at once: the public register and the producer's application.
    await signOut(page);
    await page.goto(`/verify/${licence}`);
    await expect(summaryValue(page, "Status")).toContainText("Suspended");
    await expect(page.getByRole("main")).not.toContainText("locked");
    await loginAs(page, "producer");
    await page.goto("/producer");
    await page.getByRole("link", { name: "Peter Pan" }).click();
    await page.getByRole("link", { name: "Noah Example" }).click();
    await expect(page).toHaveURL(/\/producer\/applications\/[0-9a-f-]+$/);
    const application = new URL(page.url()).pathname;
    await page.goto(`${application}/chaperones`);
    await expect(page.getByText(`Jordan Lee's approval ${licence} is suspended, so they cannot be the chaperone`).first()).toBeVisible();
    await expect(page.getByRole("main")).not.toContainText("LADO");
    await signOut(page);

    // The LADO records the outcome: unfounded. The hold is lifted.
    await loginAs(page, "lado");
    await page.goto(`/lado/cases/${concern}`);
    await settled(page);
    await page.getByLabel("Unfounded").check();
    const now = new Date();
    const outcome = page.locator("#outcomeform-outcomeOn");
    await outcome.getByLabel("Day").fill(String(now.getDate()));
    await outcome.getByLabel("Month").fill(String(now.getMonth() + 1));
    await outcome.getByLabel("Year").fill(String(now.getFullYear()));
    await page.getByRole("button", { name: "Record the outcome" }).click();
    await expect(successBanner(page)).toContainText("The outcome is recorded.");
    await expect(summaryValue(page, "Outcome")).toHaveText("Unfounded");
    await expect(summaryValue(page, "Review the LADO record on")).toContainText(String(now.getFullYear() + 10));
    await expect(holds.getByRole("row", { name: new RegExp(licence) })).toContainText("Lifted");
    // Who has looked: the LADO, every time.
    await expect(page.getByRole("table", { name: /Every time the case was opened/ }).getByRole("row", { name: /Lee LADO/ }).first()).toBeVisible();
    await expectAccessible(page);
    await expect.poll(() => receiver.deliveries.some((d) => JSON.parse(d.body).event === "referral.outcome-recorded"), { timeout: 30_000 }).toBe(true);
    await signOut(page);
    await page.goto(`/verify/${licence}`);
    await expect(summaryValue(page, "Status")).toContainText("Valid");
  } finally {
    await receiver.close();
  }
});
