import { errorSummary, fillDate, fillReferees, monthsAgo, openTask, photoPng, saveAndContinue, summaryRow } from "./chaperone-steps";
import { expect, expectAccessible, readLatestEmail, registerConfirmedUser, signIn, signOut, test, uniqueEmail } from "./support";

const NAME = "Casey Applicant";

test("a new chaperone applies with a task list, and both referees answer through their emailed links", async ({ page, browser, baseURL }) => {
  test.setTimeout(180_000);
  const referee1 = uniqueEmail("referee1");
  const referee2 = uniqueEmail("referee2");
  const account = await registerConfirmedUser(page, { name: NAME, uses: ["Working as a chaperone"] });
  await signIn(page, account.email, account.password);
  await page.getByRole("link", { name: "Chaperone approval" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your chaperone approval" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Start your application" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Apply to be a chaperone" })).toBeVisible();
  await expect(page.locator(".govuk-task-list__item", { hasText: "Check your answers" })).toContainText("Cannot start yet");
  await expectAccessible(page);

  // Personal details: an under-18 date of birth first.
  await openTask(page, "Personal details");
  await page.getByLabel("First name").fill("Casey");
  await page.getByLabel("Last name").fill("Applicant");
  await fillDate(page, { day: "1", month: "1", year: String(new Date().getFullYear() - 17) });
  await page.getByLabel("Telephone number").fill("07700 900982");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(errorSummary(page).getByRole("link", { name: "You must be 18 or over to be a chaperone" })).toBeVisible();
  await expect(page.getByLabel("First name")).toHaveValue("Casey");
  await expectAccessible(page);
  await fillDate(page, { day: "17", month: "5", year: "1990" });
  await saveAndContinue(page, "Personal details");

  await openTask(page, "Address");
  await page.getByLabel("Address line 1").fill("1 High Street");
  await page.getByLabel("Town or city").fill("Northmere");
  await page.getByLabel("Postcode").fill("NM1 2AB");
  await saveAndContinue(page, "Address");

  // Photograph: a program renamed .jpg is refused by its contents; a real photo is kept.
  await openTask(page, "Photograph");
  await page.getByLabel("Upload a photograph").setInputFiles({ name: "photo.jpg", mimeType: "image/jpeg", buffer: Buffer.from(`MZ${"\0".repeat(2000)}`) });
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(errorSummary(page).getByRole("link", { name: "The selected file must be a JPG or PNG" })).toBeVisible();
  await expectAccessible(page);
  const photo = await photoPng();
  await page.getByLabel("Upload a photograph").setInputFiles({ name: "me.png", mimeType: "image/png", buffer: photo });
  await saveAndContinue(page, "Photograph");

  await openTask(page, "Identity documents");
  for (const label of ["Passport", "Utility bill from the last 3 months", "Bank or building society statement from the last 3 months"]) await page.getByLabel(label).check();
  await page.getByLabel("Upload a scan or photo of one of these documents").setInputFiles({ name: "passport.png", mimeType: "image/png", buffer: photo });
  await saveAndContinue(page, "Identity documents");

  // DBS with JavaScript switched off: bad input is answered by the server, and nothing typed is lost.
  const noScript = await browser.newContext({ javaScriptEnabled: false, baseURL, storageState: await page.context().storageState() });
  try {
    const dbs = await noScript.newPage();
    await dbs.goto("/chaperone/application/dbs");
    await expectAccessible(dbs);
    await dbs.getByLabel("Certificate number").fill("00123456789");
    await fillDate(dbs, monthsAgo(1));
    await dbs.getByLabel("No", { exact: true }).check();
    await dbs.getByRole("button", { name: "Save and continue" }).click();
    await expect(errorSummary(dbs).getByRole("link", { name: "DBS certificate number must be 12 digits" })).toBeVisible();
    await expect(dbs).toHaveTitle(/^Error: /);
    await expect(dbs.getByLabel("Certificate number")).toHaveValue("00123456789");
    await expect(dbs.getByLabel("Month", { exact: true })).toHaveValue(monthsAgo(1).month);
    await expect(dbs.getByLabel("No", { exact: true })).toBeChecked();
    await expectAccessible(dbs);

    // 12 digits, but a certificate a year old and not on the Update Service.
    await dbs.getByLabel("Certificate number").fill("001234567890");
    await fillDate(dbs, monthsAgo(12));
    await dbs.getByRole("button", { name: "Save and continue" }).click();
    await expect(
      errorSummary(dbs).getByRole("link", { name: "Your DBS certificate must have been issued in the last 3 months, unless it is on the DBS Update Service" }),
    ).toBeVisible();
    await expect(dbs.getByLabel("Certificate number")).toHaveValue("001234567890");
    await expectAccessible(dbs);

    await fillDate(dbs, monthsAgo(1));
    await dbs.getByRole("button", { name: "Save and continue" }).click();
    await expect(dbs.locator(".govuk-task-list__item", { hasText: "DBS certificate" })).toContainText("Completed");
  } finally {
    await noScript.close();
  }
  await page.reload();
  await expect(page.locator(".govuk-task-list__item", { hasText: "DBS certificate" })).toContainText("Completed");

  const referees = [
    { group: "Referee 1", name: "Rita Referee", email: referee1, how: "My manager at the theatre for 5 years" },
    { group: "Referee 2", name: "Ravi Referee", email: referee2, how: "Neighbour for 10 years" },
  ];
  await fillReferees(page, referees);

  await openTask(page, "Training");
  await fillDate(page, monthsAgo(2));
  await page.getByLabel("Who gave the training?").fill("Northmere Council");
  await saveAndContinue(page, "Training");

  await openTask(page, "Declarations");
  await page.getByRole("group", { name: /convictions/ }).getByLabel("No").check();
  await page.getByRole("group", { name: /another council/ }).getByLabel("No").check();
  await page.getByLabel("I confirm the information I have given is true").check();
  await saveAndContinue(page, "Declarations");
  await expect(page.getByText("You have completed 8 of 8 sections")).toBeVisible();
  await expectAccessible(page);

  // Check answers, change one, and send.
  await openTask(page, "Check your answers and send your application");
  await expect(page.getByRole("heading", { level: 1, name: "Check your answers before sending your application" })).toBeVisible();
  await expect(summaryRow(page, "Council")).toContainText("Northmere Council");
  await page.getByRole("link", { name: "Change your telephone number" }).click();
  await page.getByLabel("Telephone number").fill("07700 900123");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your answers before sending your application" })).toBeVisible();
  await expect(summaryRow(page, "Telephone number")).toContainText("07700 900123");
  await page.getByRole("button", { name: "Accept and send" }).click();

  const panel = page.locator(".govuk-panel--confirmation");
  await expect(panel.getByRole("heading", { name: "Application sent" })).toBeVisible();
  const reference = (await panel.locator("strong").textContent())?.trim() ?? "";
  expect(reference).toMatch(/^NMC-CA-\d{4}-\d{6}$/);
  await expect(page.getByRole("heading", { name: "What happens next" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "See the progress of your application" }).click();
  await expect(summaryRow(page, "Application reference")).toContainText(reference);
  await expect(summaryRow(page, "Status")).toContainText("Submitted");
  await expectAccessible(page);
  await signOut(page);

  // Each referee follows their own link, signed out, and answers.
  for (const [i, r] of referees.entries()) {
    const link = await readLatestEmail(page, r.email, /Give a reference for Casey Applicant/);
    expect(link).toMatch(/\/chaperone-references\/[A-Za-z0-9_-]{43}$/);
    await page.goto(link);
    await expect(page.getByRole("heading", { level: 1, name: "Give a reference for a chaperone" })).toBeVisible();
    await expectAccessible(page);
    if (i === 0) {
      // Nothing answered: GOV.UK errors.
      await page.getByRole("button", { name: "Send reference" }).click();
      await expect(errorSummary(page).getByRole("link", { name: "Enter how long you have known them" })).toBeVisible();
      await expectAccessible(page);
    }
    await page.getByLabel(`How long have you known ${NAME}?`).fill(i === 0 ? "5 years" : "10 years");
    await page.getByLabel(`How do you know ${NAME}?`).fill(r.how);
    await page.getByRole("group", { name: /any concerns/ }).getByLabel("No").check();
    await page.getByRole("group", { name: /suitable to look after children/ }).getByLabel("Yes").check();
    await page.getByLabel("Anything else you want to tell the council (optional)").fill("Calm, kind and reliable.");
    await page.getByRole("button", { name: "Send reference" }).click();
    await expect(page.locator(".govuk-panel--confirmation").getByRole("heading", { name: "Reference sent" })).toBeVisible();
    await expectAccessible(page);

    // The link is used up.
    await page.goto(link);
    await expect(page.getByRole("heading", { level: 1, name: "You have already given this reference" })).toBeVisible();
    if (i === 0) await expectAccessible(page);
  }

  // A made-up link says it has expired.
  await page.goto(`/chaperone-references/${"x".repeat(43)}`);
  await expect(page.getByRole("heading", { level: 1, name: "This link has expired" })).toBeVisible();
  await expectAccessible(page);

  // The applicant sees both references received.
  await page.goto("/chaperone");
  await signIn(page, account.email, account.password);
  await expect(page.getByRole("heading", { level: 1, name: "Your chaperone approval" })).toBeVisible();
  await expect(page.getByText("Rita Referee: reference received")).toBeVisible();
  await expect(page.getByText("Ravi Referee: reference received")).toBeVisible();
});
