import { expect, expectAccessible, test } from "./support";

test.use({ javaScriptEnabled: false });

/** A member of the public, not signed in and with JavaScript off, reports a concern: errors first, then the reference. */
test("a member of the public reports a concern with JavaScript off", async ({ page }) => {
  await page.goto("/report-a-concern");
  await expect(page.getByText("If a child is in immediate danger, call 999 now.")).toBeVisible();
  await page.getByRole("link", { name: "Start now" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Tell us about your concern" })).toBeVisible();
  await page.getByLabel("Your name").fill("Rita Reporter");
  await page.getByLabel("Your email address").fill("rita.reporter@e2e.example");
  await page.getByLabel("How do you know the child or the adult?").fill("I work in the theatre's box office");
  await page.getByLabel("Their name").fill("Sam Stagehand");
  await page.getByLabel("Works on a production (cast, crew or staff)").check();
  await page.getByLabel("What happened, or what are you worried about?").fill("x".repeat(10_000));
  await page.getByRole("button", { name: "Send to the LADO" }).click();
  // Nothing chosen for the council, a date missing and a description too long: every error, nothing lost
  await expect(page.getByRole("link", { name: "What happened must be 5000 characters or fewer" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Enter the date it happened" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Select the council" })).toBeVisible();
  await expect(page.getByLabel("Your name")).toHaveValue("Rita Reporter");
  await expect(page.getByLabel("Their name")).toHaveValue("Sam Stagehand");
  await expectAccessible(page);
  await page.getByLabel("What happened, or what are you worried about?").fill("He shouted at the children and pushed one of them.");
  await page.getByLabel("Day").fill("1");
  await page.getByLabel("Month").fill("12");
  await page.getByLabel("Year").fill("2026");
  await page.getByLabel("Which council should deal with it?").selectOption({ label: "Northmere Council" });
  await page.getByRole("button", { name: "Send to the LADO" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Concern received" })).toBeVisible();
  await expect(page.locator(".govuk-panel__body strong")).toHaveText(/^CON-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  await expectAccessible(page);
});
