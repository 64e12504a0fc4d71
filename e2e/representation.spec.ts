// Complaining for someone else (issue 10), with the demonstration's advocate and the people they act for
// (db/seed.ts): the person confirms by the emailed link, the advocate follows the complaint on their dashboard,
// the person stops them acting, and the advocate can no longer see it. Each project acts on its own complaint:
// with JavaScript CCC-DEM0-0101 (Amira), without CCC-DEM0-0107 (Bogdan).
import type { Page } from "@playwright/test";
import { DEMO_CASELOAD, DEMO_CASEWORKER_EMAIL } from "../app/accounts/demo";
import { expect, expectNoAxeViolations, mailboxFor, mailMatchTo, signInAs, signInCodeSentTo, test, text, textMatchTo } from "./fixtures";

const ADVOCATE = "demo.advocate@example.com";


test.use({ locale: "en" });

test("a person confirms by the emailed link, the advocate follows the complaint, then the person stops them acting", async ({ browser, page }) => {
  test.setTimeout(240_000);
  const withScripts = test.info().project.use.javaScriptEnabled !== false;
  const [reference, person, client] = withScripts ? ["CCC-DEM0-0101", "Amira Demo", "demo.client1@example.com"] : ["CCC-DEM0-0107", "Bogdan Demo", "demo.client2@example.com"];

  // The advocate, before permission: the reference, the stage and that permission is awaited — nothing more.
  await signInAs(page, mailboxFor(ADVOCATE, withScripts ? 0 : 1));
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
  await signInAs(personPage, mailboxFor(client, withScripts ? 0 : 1));
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

// An advice caseworker with 60 clients (db/seed.ts): the dashboard lists 50 a page, with GOV.UK pagination that works
// by plain links, in English and in Arabic (right to left).
for (const lang of ["en", "ar"] as const) {
  test(`a caseworker with 60 complaints pages through their dashboard (${lang})`, async ({ page }) => {
    test.setTimeout(120_000);
    const withScripts = test.info().project.use.javaScriptEnabled !== false;
    await signInAs(page, mailboxFor(DEMO_CASEWORKER_EMAIL, (withScripts ? 0 : 2) + (lang === "en" ? 0 : 1)));
    if (lang !== "en") await page.goto(`/language?lng=${lang}&returnTo=/complaints`);
    const rows = page.locator("#acted-on-heading ~ div tbody tr");
    const numbers = new Intl.NumberFormat(lang === "en" ? "en-GB" : lang);
    const showing = (from: number, to: number) => text(lang, "account.dashboard.showing").replace("{{from}}", numbers.format(from)).replace("{{to}}", numbers.format(to)).replace("{{total}}", numbers.format(DEMO_CASELOAD));
    await expect(page.locator("main")).toContainText(showing(1, 50));
    await expect(rows).toHaveCount(50);
    const pages = page.getByRole("navigation", { name: text(lang, "pagination.label") });
    await expect(pages.getByRole("link", { name: text(lang, "pagination.page").replace("{{count}}", numbers.format(1)) })).toHaveAttribute("aria-current", "page");
    await expectNoAxeViolations(page);
    await pages.getByRole("link", { name: text(lang, "pagination.next") }).click();
    await expect(page.locator("main")).toContainText(showing(51, 60));
    await expect(rows).toHaveCount(10);
    await expect(pages.getByRole("link", { name: text(lang, "pagination.next") })).toHaveCount(0);
    await expectNoAxeViolations(page);
    await pages.getByRole("link", { name: text(lang, "pagination.previous") }).click();
    await expect(rows).toHaveCount(50);
  });
}

// The complaint form for someone else (issue 10, items 1–3): signing in on the way, the person, their permission.
type Lang = "en" | "ar";
const heading = (page: Page, lang: Lang, key: string) => expect(page.getByRole("heading", { level: 1 })).toHaveText(text(lang, key));

async function answer(page: Page, lang: Lang, key: string, fill: () => Promise<void>, scan = true) {
  await heading(page, lang, key);
  if (scan) await expectNoAxeViolations(page);
  await fill();
  await page.getByRole("button", { name: text(lang, "continue"), exact: true }).click();
}

const pick = (page: Page, name: string, value: string) => page.locator(`input[name="${name}"][value="${value}"]`).check();

/** From the start page to the question of whom the complaint is for: a missed bin, a month ago. */
async function upToWhoFor(page: Page, lang: Lang) {
  await page.goto("/");
  await page.getByRole("button", { name: text(lang, "start.startButton") }).click();
  await answer(page, lang, "complaint.service.title", () => pick(page, "serviceArea", "waste-recycling"), false);
  await answer(page, lang, "complaint.reportedBefore.title", () => pick(page, "reportedBefore", "yes"), false);
  await answer(page, lang, "complaint.subject.title", () => pick(page, "subject", "none_of_these"), false);
  const date = new Date(Date.now() - 30 * 86_400_000);
  await answer(page, lang, "complaint.when.title", async () => {
    await page.locator('input[name="happenedOn-day"]').fill(String(date.getUTCDate()));
    await page.locator('input[name="happenedOn-month"]').fill(String(date.getUTCMonth() + 1));
    await page.locator('input[name="happenedOn-year"]').fill(String(date.getUTCFullYear()));
  }, false);
  await answer(page, lang, "complaint.proceedings.title", () => pick(page, "proceedings", "no"), false);
}

/** The your-details page asks for a sign-in first, keeping the answers; back there once signed in. */
async function signInOnTheWay(page: Page, lang: Lang, mailbox: string) {
  await heading(page, lang, "complaint.yourDetails.signIn.title");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: text(lang, "complaint.yourDetails.signIn.button") }).click();
  const since = Date.now();
  await page.getByLabel(text(lang, "account.signIn.email.label")).fill(mailbox);
  await page.getByRole("button", { name: text(lang, "account.signIn.continue") }).click();
  await page.getByLabel(text(lang, "account.code.label")).fill(await signInCodeSentTo(mailbox, since));
  await page.getByRole("button", { name: text(lang, "account.code.continue") }).click();
  await heading(page, lang, "complaint.yourDetails.title");
}

/** What went wrong, and the questions that follow, asked about "them"; then check answers and send. */
async function aboutThemAndSend(page: Page, lang: Lang) {
  await answer(page, lang, "complaint.whatWentWrong.title", () => page.locator('textarea[name="whatWentWrong"]').fill("Their bin has been missed for a month."), false);
  await answer(page, lang, "complaint.howAffected.them", () => page.locator('textarea[name="howAffected"]').fill("Rubbish piled up."));
  await answer(page, lang, "complaint.outcome.them", () => page.locator('textarea[name="outcomeWanted"]').fill("Collect it."), false);
  await answer(page, lang, "complaint.references.title", () => pick(page, "hasReferences", "no"), false);
  await answer(page, lang, "complaint.files.title", async () => {}, false);
  await answer(page, lang, "complaint.supportNeeds.them", async () => {}, false);
  await answer(page, lang, "complaint.interpreter.them", () => pick(page, "interpreter", "no"), false);
  await heading(page, lang, "complaint.checkAnswers.title");
  await expect(page.locator("main")).toContainText(text(lang, "complaint.whoFor.options.someoneElse"));
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: text(lang, "complaint.send.button") }).click();
  const reference = (await page.locator(".govuk-inset-text", { hasText: text(lang, "complaint.equality.sent") }).locator("strong").textContent())!;
  // The optional equality questions say they are about the person, not the one answering.
  await expect(page.locator("main")).toContainText(text(lang, "complaint.equality.aboutThem"));
  await answer(page, lang, "complaint.equality.introduction.title", () => pick(page, "optIn", "no"), false);
  await heading(page, lang, "complaint.confirmation.title");
  await expect(page.locator("main")).toContainText(text(lang, "account.waiting.meanwhile"));
  await expectNoAxeViolations(page);
  return /CCC-[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(reference)![0];
}

// With JavaScript the client has an email address; without, only a mobile number, and the link comes by text
// (through the stand-in for GOV.UK Notify that the tests run).
test("an advocate signs in on the way, complains for a client, and the client agrees by the link sent to them, in their language", async ({ browser, page }) => {
  test.setTimeout(300_000);
  const withScripts = test.info().project.use.javaScriptEnabled !== false;
  const client = withScripts ? "journey.client1@example.com" : "journey.client2@example.com";
  // With JavaScript in English for a Polish-speaking client; without it in Arabic, right to left, for an Arabic-speaking one.
  const [lang, clientLang]: [Lang, "pl" | "ar"] = withScripts ? ["en", "pl"] : ["ar", "ar"];
  if (lang !== "en") await page.goto(`/language?lng=${lang}&returnTo=/`);
  await upToWhoFor(page, lang);
  await answer(page, lang, "complaint.whoFor.title", () => pick(page, "complainingFor", "someone_else"));
  // The box under the chosen relationship must be filled in.
  await heading(page, lang, "complaint.relationship.title");
  await pick(page, "relationship", "advocate");
  await page.getByRole("button", { name: text(lang, "continue"), exact: true }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText(text(lang, "complaint.relationship.error.advocateOrganisation"));
  await expectNoAxeViolations(page);
  await answer(page, lang, "complaint.relationship.title", () => page.getByLabel(text(lang, "complaint.relationship.advocateOrganisation")).fill("Tile Hill Advice"), false);
  await signInOnTheWay(page, lang, mailboxFor("journey.advocate@example.com", withScripts ? 0 : 1));
  await answer(page, lang, "complaint.yourDetails.title", () => page.getByLabel(text(lang, "complaint.yourDetails.name")).fill("Morgan Advocate"));
  await answer(page, lang, "complaint.personName.title", () => page.locator('input[name="personName"]').fill("Nadia Client"), false);
  const mobile = withScripts ? null : "07700 900461";
  await answer(page, lang, "complaint.personContact.title", async () => {
    // The council here sends texts, and the page says so.
    await expect(page.locator("main")).toContainText(text(lang, "complaint.personContact.hintTexts"));
    await page.locator(mobile ? 'input[name="personPhone"]' : 'input[name="personEmail"]').fill(mobile ?? client);
  });
  await answer(page, lang, "complaint.personLanguage.title", () => pick(page, "personLanguage", clientLang), false);
  await answer(page, lang, "complaint.personAge.title", () => pick(page, "personUnder18", "no"), false);
  await answer(page, lang, "complaint.personConsent.title", () => pick(page, "personCanConsent", "yes"), false);
  await answer(page, lang, "complaint.consentRoute.title", () => pick(page, "consentRoute", "online"));
  const reference = await aboutThemAndSend(page, lang);

  // The client is asked in the language the advocate chose for them; the page opens in it.
  const linkPattern = new RegExp(`(https?://\\S+/consent/[A-Za-z0-9_-]{43}\\?lng=${clientLang})`);
  const link = mobile ? await textMatchTo("+447700900461", linkPattern) : await mailMatchTo(client, linkPattern);
  const clientPage = await browser.newPage({ javaScriptEnabled: withScripts, locale: "en" });
  await clientPage.goto(link);
  await expect(clientPage.locator("html")).toHaveAttribute("lang", clientLang);
  await expect(clientPage.locator("html")).toHaveAttribute("dir", clientLang === "ar" ? "rtl" : "ltr");
  await expect(clientPage.getByRole("heading", { level: 1 })).toHaveText(text(clientLang, "consent.title"));
  await expect(clientPage.locator("main")).toContainText("Morgan Advocate");
  await expect(clientPage.locator("main")).toContainText(reference);
  await clientPage.getByLabel(text(clientLang, "consent.answer.agree")).check();
  await clientPage.getByLabel(text(clientLang, "consent.lettersTo.both")).check();
  await expectNoAxeViolations(clientPage);
  await clientPage.getByRole("button", { name: text(clientLang, "consent.send") }).click();
  await expect(clientPage.getByRole("heading", { level: 1 })).toHaveText(text(clientLang, "consent.answered.title"));
  await clientPage.close();

  // The advocate now sees the whole complaint, listed with the client's name on their dashboard.
  await page.goto("/complaints");
  await expect(page.locator("tbody").last()).toContainText("Nadia Client");
  await page.goto(`/complaints/${reference}`);
  await expect(page.locator("main")).toContainText(text(lang, "account.people.youAct"));
  await expect(page.locator("main")).toContainText(text(lang, "account.event.representation_consent_given"));
});

test("a parent complains for their young child in Arabic and sees that the council will decide @no-javascript-only", async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto("/language?lng=ar&returnTo=/");
  await upToWhoFor(page, "ar");
  await answer(page, "ar", "complaint.whoFor.title", () => pick(page, "complainingFor", "someone_else"), false);
  await answer(page, "ar", "complaint.relationship.title", () => pick(page, "relationship", "family_friend_carer"));
  await signInOnTheWay(page, "ar", "journey.parent@example.com");
  await answer(page, "ar", "complaint.yourDetails.title", () => page.getByLabel(text("ar", "complaint.yourDetails.name")).fill("Layla Parent"), false);
  await answer(page, "ar", "complaint.personName.title", () => page.locator('input[name="personName"]').fill("Omar"), false);
  await answer(page, "ar", "complaint.personContact.title", async () => {}, false);
  await answer(page, "ar", "complaint.personAge.title", () => pick(page, "personUnder18", "yes"), false);
  await answer(page, "ar", "complaint.personConsent.title", () => pick(page, "personCanConsent", "no"), false);
  await answer(page, "ar", "complaint.cannotConsent.title", () => pick(page, "cannotConsentReason", "child"));
  await heading(page, "ar", "complaint.childViews.title");
  // The policy's note on children's views (§7.7–7.8) is on the page.
  await expect(page.locator("main")).toContainText(text("ar", "eligibility.note.child_views", "rules"));
  await answer(page, "ar", "complaint.childViews.title", () => pick(page, "childAgrees", "too_young"));
  const reference = await aboutThemAndSend(page, "ar");
  await page.goto(`/complaints/${reference}`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator("main")).toContainText(text("ar", "account.waiting.awaiting_decision.status"));
  await expectNoAxeViolations(page);
});
