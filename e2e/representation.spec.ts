// Complaining for someone else (issue 10), with the demonstration's advocate and the people they act for
// (db/seed.ts): the person confirms by the emailed link, the advocate follows the complaint on their dashboard,
// the person stops them acting, and the advocate can no longer see it. Each project acts on its own complaint:
// with JavaScript CCC-DEM0-0101 (Amira), without CCC-DEM0-0107 (Bogdan).
import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, mailboxFor, mailMatchTo, signInCodeSentTo, test, text } from "./fixtures";

const ADVOCATE = "demo.advocate@example.com";

async function signIn(page: Page, mailbox: string) {
  await page.goto("/sign-in");
  const since = Date.now();
  await page.getByLabel(text("en", "account.signIn.email.label")).fill(mailbox);
  await page.getByRole("button", { name: text("en", "account.signIn.continue") }).click();
  await page.getByLabel(text("en", "account.code.label")).fill(await signInCodeSentTo(mailbox, since));
  await page.getByRole("button", { name: text("en", "account.code.continue") }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(text("en", "account.list.title"));
}

test.use({ locale: "en" });

test("a person confirms by the emailed link, the advocate follows the complaint, then the person stops them acting", async ({ browser, page }) => {
  test.setTimeout(240_000);
  const withScripts = test.info().project.use.javaScriptEnabled !== false;
  const [reference, person, client] = withScripts ? ["CCC-DEM0-0101", "Amira Demo", "demo.client1@example.com"] : ["CCC-DEM0-0107", "Bogdan Demo", "demo.client2@example.com"];

  // The advocate, before permission: the reference, the stage and that permission is awaited — nothing more.
  await signIn(page, mailboxFor(ADVOCATE, withScripts ? 0 : 1));
  await expect(page.getByRole("heading", { name: text("en", "account.dashboard.heading") })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: `${text("en", "account.people.state.awaiting_decision")}: 1` }).click();
  await expect(page.locator("tbody").last().locator("tr")).toHaveCount(1);
  await expect(page.locator("tbody").last()).toContainText("Edna Demo");
  await expectNoAxeViolations(page);
  await page.goto(`/complaints/${reference}`);
  await expect(page.locator("main")).toContainText(text("en", "account.waiting.awaiting_consent.status"));
  await expect(page.locator("main")).toContainText(person);
  await expect(page.getByRole("heading", { name: text("en", "account.case.historyHeading") })).toHaveCount(0);
  await expectNoAxeViolations(page);
  expect((await page.request.get(`/complaints/${reference}/add-information`)).status()).toBe(404);

  // The person opens the link from their email: who acts for them, on what; an answer is needed.
  const link = await mailMatchTo(client, /(https?:\/\/\S+\/consent\/[A-Za-z0-9_-]{43}\?lng=en)/);
  const personPage = await browser.newPage({ javaScriptEnabled: withScripts, locale: "en" });
  await personPage.goto(link);
  await expect(personPage.getByRole("heading", { level: 1 })).toHaveText(text("en", "consent.title"));
  await expect(personPage.locator("main")).toContainText("Priya Demo");
  await expect(personPage.locator("main")).toContainText("Foleshill Advice Centre");
  await expectNoAxeViolations(personPage);
  await personPage.getByRole("button", { name: text("en", "consent.send") }).click();
  await expect(personPage.locator(".govuk-error-summary")).toContainText(text("en", "consent.answer.error"));
  await expectNoAxeViolations(personPage);
  await personPage.getByLabel(text("en", "consent.answer.agree")).check();
  await personPage.getByRole("button", { name: text("en", "consent.send") }).click();
  await expect(personPage.locator(".govuk-error-summary")).toContainText(text("en", "consent.lettersTo.error"));
  await personPage.getByLabel(text("en", "consent.lettersTo.both")).check();
  await personPage.getByRole("button", { name: text("en", "consent.send") }).click();
  await expect(personPage.getByRole("heading", { level: 1 })).toHaveText(text("en", "consent.answered.title"));
  await expectNoAxeViolations(personPage);
  // The link works once.
  await personPage.goto(link);
  await expect(personPage.getByRole("heading", { level: 1 })).toHaveText(text("en", "consent.unusable.title"));
  await expect(personPage.locator("main")).toContainText(text("en", "consent.unusable.used"));
  await expectNoAxeViolations(personPage);

  // With permission, the advocate sees everything, and may act as the person may.
  await page.goto(`/complaints/${reference}`);
  await expect(page.locator("main")).toContainText(text("en", "account.people.youAct"));
  await expect(page.getByRole("heading", { name: text("en", "account.case.historyHeading") })).toBeVisible();
  await expect(page.getByRole("link", { name: text("en", "account.case.addInformation") })).toBeVisible();
  await expectNoAxeViolations(page);

  // The person signs in with their own address, sees who acts for them, and stops them.
  await signIn(personPage, mailboxFor(client, withScripts ? 0 : 1));
  await personPage.goto(`/complaints/${reference}`);
  await expect(personPage.getByRole("heading", { name: text("en", "account.people.heading") })).toBeVisible();
  await expectNoAxeViolations(personPage);
  await personPage.getByRole("link", { name: `${text("en", "account.people.stop")} Priya Demo` }).click();
  await expect(personPage.getByRole("heading", { level: 1 })).toHaveText(text("en", "account.stop.title"));
  await expectNoAxeViolations(personPage);
  await personPage.getByRole("button", { name: text("en", "account.stop.confirm") }).click();
  await expect(personPage.getByRole("alert")).toContainText(text("en", "account.done.stopped"));
  await expect(personPage.locator("main")).toContainText(text("en", "account.event.representation_revoked"));
  await expectNoAxeViolations(personPage);
  await personPage.close();

  // The advocate's next request: as if the complaint did not exist.
  const response = await page.goto(`/complaints/${reference}`);
  expect(response?.status()).toBe(404);
});
