import { randomBytes } from "node:crypto";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { addChildByCode, completeParentPart, completeProducerPart, fillDate, makeShareCode, summaryRow } from "./licence-steps";
import { DEMO_USERS, expect, expectAccessible, loginAs, readLatestEmail, signOut, successBanner, test } from "./support";

/**
 * One production, two children from two councils: Amelia (Northmere, misses a school day, her school objects)
 * and Ruby (Eastbrook, a Saturday). Each application goes to the child's own council: Northmere's officer
 * grants with conditions, answering the objection; Eastbrook's officer refuses with reasons.
 */
const PRODUCTION = `The Railway Children ${randomBytes(3).toString("hex")}`;
const AMELIA = "Amelia Example";
const RUBY = "Ruby Brook";
const OBJECTION = "Amelia has a reading assessment on Monday 10 May.";
const ANSWER = "The tutor will cover the reading work, and the school agreed a new date for the assessment.";
const REFUSAL = "Ruby has performed on 30 days this year; the council will not license further days this term.";

test("a production with children from two councils: both parents complete their parts, the school objects, one council grants and the other refuses", async ({
  page,
}) => {
  test.setTimeout(360_000);

  // The parents make share codes.
  await loginAs(page, "parent");
  const ameliaCode = await makeShareCode(page, AMELIA);
  await signOut(page);
  await loginAs(page, "eastbrookParent");
  const rubyCode = await makeShareCode(page, RUBY);
  await signOut(page);

  // The producer creates the production in Northmere, adds both children and starts the applications.
  await loginAs(page, "producer");
  await page.goto("/producer/productions/new");
  await page.getByLabel("Name of the production").fill(PRODUCTION);
  await page.getByLabel("Theatre or live performance").check();
  await page.getByRole("group", { name: "Are the children paid more than their expenses?" }).getByLabel("No").check();
  await page.getByRole("group", { name: "Is it filmed or recorded for broadcast or streaming?" }).getByLabel("No").check();
  await page.getByLabel("Name of the venue").fill("Northmere Playhouse");
  await page.getByLabel("Venue postcode").fill("NM1 1AA");
  await fillDate(page, "First date", "2027-05-10");
  await fillDate(page, "Last date", "2027-05-15");
  await page.getByRole("button", { name: "Create production" }).click();
  await expect(page.getByRole("heading", { level: 1, name: PRODUCTION })).toBeVisible();
  const productionPath = new URL(page.url()).pathname;
  await addChildByCode(page, ameliaCode, AMELIA);
  await addChildByCode(page, rubyCode, RUBY);
  await page.getByRole("button", { name: "Start licence applications" }).click();
  await expect(successBanner(page)).toContainText("Licence applications have been started");
  await expect(page.getByRole("row", { name: new RegExp(AMELIA) })).toContainText("Northmere Council");
  await expect(page.getByRole("row", { name: new RegExp(RUBY) })).toContainText("Eastbrook City Council");
  await expectAccessible(page);

  // The producer's part for each child: Amelia on a Monday in term, Ruby on a Saturday.
  await page.getByRole("row", { name: new RegExp(AMELIA) }).getByRole("link", { name: AMELIA }).click();
  await completeProducerPart(page, "Amelia", {
    date: "2027-05-10",
    label: "Mon 10 May 2027",
    arrive: "13:00",
    depart: "16:45",
    performing: ["14:00", "15:30"],
    meal: ["13:15", "13:45"],
    schoolDay: true,
  });
  await page.goto(productionPath);
  await page.getByRole("row", { name: new RegExp(RUBY) }).getByRole("link", { name: RUBY }).click();
  await completeProducerPart(page, "Ruby", {
    date: "2027-05-15",
    label: "Sat 15 May 2027",
    arrive: "13:00",
    depart: "16:30",
    performing: ["14:00", "15:30"],
    meal: ["13:15", "13:45"],
    schoolDay: false,
  });
  await signOut(page);

  // Both parents complete their parts.
  await loginAs(page, "parent");
  await completeParentPart(page, AMELIA, PRODUCTION, DEMO_USERS.parent.name);
  await signOut(page);
  await loginAs(page, "eastbrookParent");
  await completeParentPart(page, RUBY, PRODUCTION, DEMO_USERS.eastbrookParent.name);
  await signOut(page);

  // The producer sends both.
  await loginAs(page, "producer");
  const references: Record<string, string> = {};
  for (const [child, code] of [
    [AMELIA, "NMC"],
    [RUBY, "EBC"],
  ]) {
    await page.goto(productionPath);
    await page.getByRole("row", { name: new RegExp(child) }).getByRole("link", { name: child }).click();
    await page.getByRole("link", { name: "Check and send the application" }).click();
    await page.getByRole("button", { name: "Submit application" }).click();
    const panel = page.locator(".govuk-panel--confirmation");
    await expect(panel).toBeVisible();
    references[child] = (await panel.textContent())?.match(new RegExp(`${code}-PA-\\d{4}-\\d{6}`))?.[0] ?? "";
    expect(references[child], `${child}'s reference`).toBeTruthy();
    await expectAccessible(page);
  }
  await signOut(page);

  // Amelia's school objects from its account.
  await loginAs(page, "school");
  await page.goto("/school");
  await page.getByRole("row", { name: new RegExp(PRODUCTION) }).getByRole("link", { name: AMELIA }).click();
  await page.getByLabel("No, the school objects").check();
  await page.getByLabel("Education").check();
  await page.getByLabel("The school's reasons").fill(OBJECTION);
  await page.getByLabel("Name of the head teacher or the person they have authorised").fill(DEMO_USERS.school.name);
  await page.getByRole("button", { name: "Send the school's answer" }).click();
  await expect(successBanner(page)).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(PRODUCTION) })).toContainText("Objected");
  await signOut(page);

  // Northmere's officer grants Amelia's licence, answering the objection.
  await loginAs(page, "officer");
  await page.goto("/officer/licences");
  await page.getByRole("link", { name: references[AMELIA] }).click();
  await expect(page.getByRole("main")).toContainText(OBJECTION);
  await page.getByRole("button", { name: "Grant and issue the licence" }).click();
  await expect(page.locator(".govuk-error-summary")).toBeVisible();
  // Type only once the page is hydrated and idle, so nothing typed is replaced as the page settles.
  await page.waitForFunction(() => {
    const router = (window as unknown as { __remixRouter?: { state: { navigation: { state: string } } } }).__remixRouter;
    return router?.state.navigation.state === "idle";
  });
  const answer = page.getByLabel("Your answer to the school's objection");
  await answer.fill(ANSWER);
  await page.getByLabel("Other conditions (optional)").fill("Amelia is taught by Tess Tutor for 3 hours on 10 May.");
  await expect(answer).toHaveValue(ANSWER);
  await page.getByRole("button", { name: "Grant and issue the licence" }).click();
  await expect(successBanner(page)).toContainText("The licence is granted.");
  const licence = (await successBanner(page).textContent())?.match(/NMC-PL-\d{4}-\d{6}/)?.[0] ?? "";
  expect(licence).toBeTruthy();
  await expectAccessible(page);
  // Eastbrook's application is not in Northmere's queue.
  await page.goto("/officer/licences");
  await expect(page.getByRole("link", { name: references[RUBY] })).toHaveCount(0);
  await signOut(page);

  // The licence PDF verifies: the public record, and its signature with pdfsig.
  await page.goto(`/verify/${licence}`);
  await expect(page.getByRole("main")).toContainText(/valid/i);
  await loginAs(page, "parent");
  const pdf = await page.request.get(`/documents/${licence}.pdf`);
  expect(pdf.status()).toBe(200);
  const file = join(mkdtempSync(join(tmpdir(), "licence-")), `${licence}.pdf`);
  writeFileSync(file, await pdf.body());
  expect(execFileSync("pdfsig", [file], { encoding: "utf8" })).toContain("Signature is Valid");
  await signOut(page);

  // Eastbrook's officer refuses Ruby's, with reasons.
  await loginAs(page, "eastbrookOfficer");
  await page.goto("/officer/licences");
  await page.getByRole("link", { name: references[RUBY] }).click();
  await page.getByLabel("Reasons for refusing").fill(REFUSAL);
  await page.getByRole("button", { name: "Refuse the application" }).click();
  await expect(summaryRow(page, "Status")).toContainText("Refused");
  await expectAccessible(page);
  await signOut(page);

  // Every party has their email.
  await readLatestEmail(page, DEMO_USERS.parent.email, `${licence}: performance licence granted for ${AMELIA}`);
  await readLatestEmail(page, DEMO_USERS.producer.email, `${licence}: performance licence granted for ${AMELIA}`);
  await readLatestEmail(page, DEMO_USERS.school.email, `${licence}: performance licence granted for ${AMELIA}`);
  await expect(page.getByRole("main")).toContainText(ANSWER);
  await readLatestEmail(page, DEMO_USERS.officer.email, `${references[AMELIA]}: the school objects to ${AMELIA}'s absence`);
  await readLatestEmail(page, DEMO_USERS.eastbrookParent.email, `performance licence refused for ${RUBY}`);
  await expect(page.getByRole("main")).toContainText(REFUSAL);
  await readLatestEmail(page, DEMO_USERS.producer.email, `performance licence refused for ${RUBY}`);

  // The producer's table shows both outcomes.
  await loginAs(page, "producer");
  await page.goto(productionPath);
  await expect(page.getByRole("row", { name: new RegExp(AMELIA) })).toContainText("Granted");
  await expect(page.getByRole("row", { name: new RegExp(RUBY) })).toContainText("Refused");
  await expectAccessible(page);
});
