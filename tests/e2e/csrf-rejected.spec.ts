import { expect, test, DEMO_PASSWORD, DEMO_USERS } from "./support";

test("a form posted without its CSRF token is refused", async ({ page }) => {
  // Visit first so the browser holds the CSRF cookie: only the form field is missing.
  await page.goto("/sign-in");
  const cookies = await page.context().cookies();
  expect(cookies.map((c) => c.name)).toContain("clp_csrf");

  const response = await page.request.post("/sign-in", {
    form: { email: DEMO_USERS.parent.email, password: DEMO_PASSWORD },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
  expect(response.headers()["set-cookie"] ?? "").not.toMatch(/session/i);

  // A wrong token is refused the same way.
  const forged = await page.request.post("/sign-in", {
    form: { csrf: "x".repeat(43), email: DEMO_USERS.parent.email, password: DEMO_PASSWORD },
    maxRedirects: 0,
  });
  expect(forged.status()).toBe(403);

  // And nobody was signed in.
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in/);
});
