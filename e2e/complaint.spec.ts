import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, expectNoTranslationKeys, LANGUAGES, mailboxFor, signInCodeSentTo, test, text } from "./fixtures";

type Lang = "en" | "pl" | "ar" | "pa" | "ro" | "ur";

const MAIL_DIR = ".data/e2e-mail";

// A whole journey is some twenty pages, each scanned with axe (with JavaScript off, in a second page).
test.describe.configure({ timeout: 300_000 });

/** The email the local SMTP server received that mentions this reference (the worker sends within seconds). */
async function emailMentioning(reference: string): Promise<{ to: string[]; raw: string }> {
  let found: { to: string[]; raw: string } | undefined;
  await expect
    .poll(
      () => {
        const files = existsSync(MAIL_DIR) ? readdirSync(MAIL_DIR) : [];
        found = files
          .map((file) => JSON.parse(readFileSync(join(MAIL_DIR, file), "utf8")) as { to: string[]; raw: string })
          .find((mail) => mail.raw.includes(reference));
        return found !== undefined;
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  return found!;
}

function isoDaysAgo(days: number): { day: string; month: string; year: string } {
  const date = new Date(Date.now() - days * 24 * 60 * 60 * 1000);
  return { day: String(date.getUTCDate()), month: String(date.getUTCMonth() + 1), year: String(date.getUTCFullYear()) };
}

// Every page state is scanned with axe in English, Polish and Arabic (right to left), as the issue asks; in
// Panjabi, Romanian and Urdu the journey checks each page's texts are all there, which keeps the suite quick.
const SCANNED: readonly Lang[] = ["en", "pl", "ar"];

async function checkPage(page: Page, lang: Lang) {
  if (SCANNED.includes(lang)) await expectNoAxeViolations(page);
  else await expectNoTranslationKeys(page);
}

async function heading(page: Page, lang: Lang, key: string) {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(text(lang, key));
}

async function continueOn(page: Page, lang: Lang) {
  await page.getByRole("button", { name: text(lang, "continue"), exact: true }).click();
}

/** Answers one page: checks its heading, scans it, fills it in and continues. */
async function answer(page: Page, lang: Lang, key: string, fill: () => Promise<void>, scan = true) {
  await heading(page, lang, key);
  if (scan) await checkPage(page, lang);
  await fill();
  await continueOn(page, lang);
}

async function startComplaint(page: Page, lang: Lang) {
  await page.goto("/");
  await checkPage(page, lang);
  await page.getByRole("button", { name: text(lang, "start.startButton") }).click();
}

/** Digits as a resident types them on their own keyboard: Arabic-Indic in Arabic, Urdu's own, Gurmukhi. */
const DIGIT_ZERO: Partial<Record<Lang, number>> = { ar: 0x0660, ur: 0x06f0, pa: 0x0a66 };
function typedDigits(lang: Lang, text: string): string {
  const zero = DIGIT_ZERO[lang];
  return zero === undefined ? text : text.replace(/[0-9]/g, (digit) => String.fromCodePoint(zero + Number(digit)));
}

// The journeys in each language scan every page; other tests walk the same pages with `scan: false` and scan only
// the page states of their own, which keeps the suite quick without leaving any state unscanned.
async function answerScreening(page: Page, lang: Lang, options: { daysAgo?: number; scan?: boolean } = {}) {
  const scan = options.scan ?? true;
  await answer(page, lang, "complaint.service.title", () => page.locator('input[name="serviceArea"][value="waste-recycling"]').check(), scan);
  await answer(page, lang, "complaint.reportedBefore.title", () => page.locator('input[name="reportedBefore"][value="yes"]').check(), scan);
  await answer(page, lang, "complaint.subject.title", () => page.locator('input[name="subject"][value="none_of_these"]').check(), scan);
  const date = isoDaysAgo(options.daysAgo ?? 30);
  await answer(page, lang, "complaint.when.title", async () => {
    await page.locator('input[name="happenedOn-day"]').fill(typedDigits(lang, date.day));
    await page.locator('input[name="happenedOn-month"]').fill(typedDigits(lang, date.month));
    await page.locator('input[name="happenedOn-year"]').fill(typedDigits(lang, date.year));
  }, scan);
}

async function answerComplaint(page: Page, lang: Lang, scan = true) {
  await answer(page, lang, "complaint.proceedings.title", () => page.locator('input[name="proceedings"][value="no"]').check(), scan);
  await answer(page, lang, "complaint.whoFor.title", () => page.locator('input[name="complainingFor"][value="myself"]').check(), scan);
  await answer(page, lang, "complaint.whatWentWrong.title", () =>
    page.locator('textarea[name="whatWentWrong"]').fill("My bin was missed <script>alert(1)</script> four weeks running."),
  scan);
  await answer(page, lang, "complaint.howAffected.title", () => page.locator('textarea[name="howAffected"]').fill("Rubbish piled up."), scan);
  await answer(page, lang, "complaint.outcome.title", () => page.locator('textarea[name="outcomeWanted"]').fill("Collect it every week."), scan);
  await answer(page, lang, "complaint.references.title", async () => {
    await page.locator('input[name="hasReferences"][value="yes"]').check();
    await page.locator('input[name="referenceNumbers"]').fill("BIN-123");
  }, scan);
  await answer(page, lang, "complaint.files.title", async () => {}, scan);
}

async function answerAboutYou(page: Page, lang: Lang, anonymous: boolean, scan = true) {
  await answer(page, lang, "complaint.giveDetails.title", () =>
    page.locator(`input[name="giveDetails"][value="${anonymous ? "no" : "yes"}"]`).check(),
  scan);
  if (!anonymous) {
    await answer(page, lang, "complaint.name.title", () => page.locator('input[name="name"]').fill("Ada Lovelace"), scan);
    await answer(page, lang, "complaint.contact.title", async () => {
      await page.locator('input[name="email"]').fill("ada@example.com");
      await page.locator('input[name="phone"]').fill(typedDigits(lang, "07700 900123"));
    }, scan);
    await answer(page, lang, "complaint.preferredContact.title", () => page.locator('input[name="preferredContact"][value="email"]').check(), scan);
  }
  await answer(page, lang, "complaint.supportNeeds.title", async () => {}, scan);
  await answer(page, lang, "complaint.interpreter.title", () => page.locator('input[name="interpreter"][value="no"]').check(), scan);
}

/** Sends the complaint from check answers, answers (or declines) the equality questions, and returns the reference. */
async function finish(page: Page, lang: Lang, equality: boolean, scan = true) {
  await heading(page, lang, "complaint.checkAnswers.title");
  if (scan) await checkPage(page, lang);
  await expect(page.getByText("<script>alert(1)</script>", { exact: false })).toBeVisible();
  // What the resident typed keeps its own direction on a right-to-left page, so its full stop lands at its end.
  const typed = page.locator(".govuk-summary-list__value", { hasText: "Rubbish piled up." });
  await expect(typed).toHaveAttribute("dir", "auto");
  expect(await typed.evaluate((element) => getComputedStyle(element).direction)).toBe("ltr");
  // The declaration stands beside the answers it confirms, above the button that sends them.
  await expect(page.getByText(text(lang, "complaint.send.declaration"))).toBeVisible();
  await page.getByRole("button", { name: text(lang, "complaint.send.button") }).click();
  // The complaint is received: the optional questions come next, each one skippable.
  await expect(page.getByText(text(lang, "complaint.equality.sent"))).toBeVisible();
  // The reference is given before the optional questions, so closing the browser during them loses nothing.
  const given = (await page.locator(".govuk-inset-text", { hasText: text(lang, "complaint.equality.sent") }).locator("strong").textContent())!;
  // The questions say why they are asked and what happens to the answers before asking.
  await expect(page.getByText(text(lang, "complaint.equality.introduction.whatHappens"))).toBeVisible();
  await answer(page, lang, "complaint.equality.introduction.title", () =>
    page.locator(`input[name="optIn"][value="${equality ? "yes" : "no"}"]`).check(),
  scan);
  if (equality) {
    await answer(page, lang, "complaint.equality.ageBand.title", () => page.locator('input[name="ageBand"][value="35_49"]').check());
    await answer(page, lang, "complaint.equality.disability.title", () => page.locator('input[name="disability"][value="no"]').check());
    await answer(page, lang, "complaint.equality.sex.title", () => page.locator('input[name="sex"][value="prefer_not_to_say"]').check());
    await answer(page, lang, "complaint.equality.genderIdentitySame.title", async () => {}, false);
    await answer(page, lang, "complaint.equality.sexualOrientation.title", async () => {}, false);
    await answer(page, lang, "complaint.equality.religion.title", () => page.locator('input[name="religion"][value="none"]').check(), false);
    await answer(page, lang, "complaint.equality.ethnicGroup.title", () => page.locator('input[name="ethnicGroup"][value="white"]').check(), false);
    await answer(page, lang, "complaint.equality.ethnicBackground.title", () => page.locator('input[name="ethnicBackground"][value="roma"]').check());
    await answer(page, lang, "complaint.equality.pregnancy.title", async () => {}, false);
  }
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(text(lang, "complaint.confirmation.title"));
  if (scan) await checkPage(page, lang);
  const reference = (await page.locator(".govuk-panel__body strong").textContent())!.trim();
  expect(given).toContain(reference);
  return reference;
}

for (const lang of ["en", "pl", "pa", "ro", "ur", "ar"] as const) {
  test.describe(`a resident complaining in ${lang}`, () => {
    test.use({ locale: lang });

    test("goes from the start page to a confirmation with a reference and due dates", async ({ page }) => {
      await startComplaint(page, lang);
      await answerScreening(page, lang);
      await answerComplaint(page, lang);
      await answerAboutYou(page, lang, false);
      const reference = await finish(page, lang, true);
      expect(reference).toMatch(/^CCC-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
      await expect(page.getByText(text(lang, "complaint.confirmation.acknowledgeBy"))).toBeVisible();
      // "We will email you" until the email has gone, then "we have sent you an email".
      const emailed = page.getByText(text(lang, "complaint.confirmation.emailed"));
      await expect(page.getByText(text(lang, "complaint.confirmation.willEmail")).or(emailed)).toBeVisible();
      const mail = await emailMentioning(reference);
      // The worker records the email as sent just after the mail server has it.
      await expect(async () => {
        await page.reload();
        await expect(emailed).toBeVisible({ timeout: 1000 });
      }).toPass({ timeout: 15_000 });
      // The process is named in plain words, and there is a way to say what they thought of the service.
      await expect(page.getByText(text(lang, "complaint.confirmation.process.corporate"))).toBeVisible();
      await expect(page.getByRole("link", { name: text(lang, "complaint.confirmation.feedback") })).toHaveAttribute("href", "/contact");
      expect(mail.to).toEqual(["ada@example.com"]);
      const tag = LANGUAGES.find((language) => language.code === lang)!.tag;
      expect(mail.raw).toMatch(new RegExp(`lang=(3D)?"${tag}"`));
      if (lang === "en") {
        // Issue 9: signing in with the address given, the resident finds the complaint and where it stands.
        // The confirmation page says how to follow it online, linking to sign in (as the header does).
        await expect(page.getByText(text(lang, "complaint.confirmation.trackOnline"))).toBeVisible();
        await page.locator("main").getByRole("link", { name: text(lang, "accountNav.signIn") }).click();
        const since = Date.now();
        // The same account, another mailbox name for each project, so the two read their own codes.
        const mailbox = mailboxFor("ada@example.com", test.info().project.use.javaScriptEnabled === false ? 1 : 0);
        await page.getByLabel(text(lang, "account.signIn.email.label")).fill(mailbox);
        await page.getByRole("button", { name: text(lang, "account.signIn.continue") }).click();
        await page.getByLabel(text(lang, "account.code.label")).fill(await signInCodeSentTo(mailbox, since));
        await page.getByRole("button", { name: text(lang, "account.code.continue") }).click();
        await page.getByRole("link", { name: reference }).click();
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(reference);
        await expect(page.locator("main")).toContainText(text(lang, "account.status.triage"));
        await expect(page.locator("main")).toContainText(text(lang, "account.due.acknowledgeBy.label"));
      }
    });
  });
}

test("an anonymous complaint skips the contact questions and is told it cannot be updated", async ({ page }) => {
  await startComplaint(page, "en");
  await answerScreening(page, "en", { scan: false });
  await answerComplaint(page, "en", false);
  await answerAboutYou(page, "en", true, false);
  await heading(page, "en", "complaint.checkAnswers.title");
  await expect(page.getByText(text("en", "complaint.send.anonymous"))).toBeVisible();
  await expectNoAxeViolations(page);
  await finish(page, "en", false, false);
  await expectNoAxeViolations(page);
  await expect(page.getByText(text("en", "complaint.confirmation.keepReference"))).toBeVisible();
  // Issue 9: with no email address it cannot be followed online, and the page says so.
  await expect(page.getByText(text("en", "complaint.confirmation.notOnline"))).toBeVisible();
  // No one can contact an anonymous complainant, so they are not told "we may contact you".
  await expect(page.getByText(text("en", "complaint.confirmation.nextAnonymous"))).toBeVisible();
  await expect(page.getByText(text("en", "complaint.confirmation.next"), { exact: true })).toHaveCount(0);
});

/** A page title that starts "Error: " in the language given (GOV.UK pattern for pages showing errors). */
const errorTitle = (code: string) => new RegExp(`^${text(code, "errors.titlePrefix").replace("{{title}}", "").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`);

test("empty answers get an error summary that links to the field, and nothing typed is lost", async ({ page }) => {
  await startComplaint(page, "en");
  await expect(page).not.toHaveTitle(errorTitle("en"));
  await continueOn(page, "en");
  const summary = page.locator(".govuk-error-summary");
  await expect(summary).toContainText(text("en", "complaint.service.error.required"));
  await expect(page).toHaveTitle(errorTitle("en"));
  await expectNoAxeViolations(page);
  if (test.info().project.use.javaScriptEnabled !== false) {
    await expect(summary).toBeFocused();
    await summary.getByRole("link").click();
    await expect(page.locator("#field-serviceArea")).toBeFocused();
  }

  await answer(page, "en", "complaint.service.title", () => page.locator('input[name="serviceArea"][value="parking"]').check(), false);
  await expect(page).not.toHaveTitle(errorTitle("en"));
  await answer(page, "en", "complaint.reportedBefore.title", () => page.locator('input[name="reportedBefore"][value="yes"]').check(), false);
  await answer(page, "en", "complaint.subject.title", () => page.locator('input[name="subject"][value="none_of_these"]').check(), false);
  await page.locator('input[name="happenedOn-day"]').fill("31");
  await page.locator('input[name="happenedOn-month"]').fill("2");
  await page.locator('input[name="happenedOn-year"]').fill("2026");
  await continueOn(page, "en");
  await expect(page.locator(".govuk-error-summary")).toContainText(text("en", "complaint.when.error.invalid"));
  await expect(page).toHaveTitle(errorTitle("en"));
  await expect(page.locator('input[name="happenedOn-day"]')).toHaveValue("31");
  // A missing part is named, and only its box is marked.
  await page.locator('input[name="happenedOn-month"]').fill("");
  await continueOn(page, "en");
  await expect(page.locator(".govuk-error-summary")).toContainText(text("en", "complaint.when.error.missing.month"));
  await expect(page.locator(".govuk-input--error")).toHaveCount(1);
  await expect(page.locator('input[name="happenedOn-month"]')).toHaveClass(/govuk-input--error/);
  await expectNoAxeViolations(page);
});

test("with JavaScript on, each new page's heading takes focus, so a screen reader announces the page", async ({ page }) => {
  const javaScript = test.info().project.use.javaScriptEnabled !== false;
  const focusedHeading = () => page.evaluate(() => (document.activeElement?.tagName === "H1" ? document.activeElement.textContent : null));
  await page.goto("/");
  // The first page load leaves focus alone, so the skip link is still the first thing the keyboard reaches.
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
  await page.getByRole("button", { name: text("en", "start.startButton") }).click();
  await heading(page, "en", "complaint.service.title");
  // Without JavaScript the browser loads each page afresh and announces it itself.
  await expect.poll(focusedHeading).toBe(javaScript ? text("en", "complaint.service.title") : null);
  await expectNoAxeViolations(page);
  // A page with errors puts focus on its error summary instead.
  await continueOn(page, "en");
  await expect(page.locator(".govuk-error-summary")).toContainText(text("en", "complaint.service.error.required"));
  if (javaScript) await expect(page.locator(".govuk-error-summary")).toBeFocused();
});

test.describe("in Arabic", () => {
  test.use({ locale: "ar" });

  test("a page showing errors says so first in its title, in the resident's language", async ({ page }) => {
    await startComplaint(page, "ar");
    await continueOn(page, "ar");
    await expect(page.locator(".govuk-error-summary")).toContainText(text("ar", "complaint.service.error.required"));
    await expect(page).toHaveTitle(errorTitle("ar"));
  });
});

test("a first report is explained as a service request, with a way to report it, and the resident can still carry on", async ({ page }) => {
  await startComplaint(page, "en");
  await answer(page, "en", "complaint.service.title", () => page.locator('input[name="serviceArea"][value="waste-recycling"]').check(), false);
  await answer(page, "en", "complaint.reportedBefore.title", () => page.locator('input[name="reportedBefore"][value="no"]').check(), false);
  await heading(page, "en", "complaint.advice.serviceRequest.title");
  await expect(page.getByText(text("en", "eligibility.advice.service_request.reason", "rules"))).toBeVisible();
  // The service's own reporting page; no address is set for it in the demo data, so the council's contact page.
  await expect(page.getByRole("link", { name: "Report a problem or ask for a service: Bins, waste and recycling" })).toHaveAttribute("href", "/contact");
  await expectNoAxeViolations(page);
  await continueOn(page, "en");
  await heading(page, "en", "complaint.subject.title");
});

test("advice that names somewhere else to go gives a way to get there, and says once that the resident can still send", async ({ page }) => {
  await startComplaint(page, "en");
  await answer(page, "en", "complaint.service.title", () => page.locator('input[name="serviceArea"][value="waste-recycling"]').check(), false);
  await answer(page, "en", "complaint.reportedBefore.title", () => page.locator('input[name="reportedBefore"][value="yes"]').check(), false);
  // Only the matters that fit the service are offered, with "or" before None of these.
  await expect(page.locator('input[name="subject"][value="early_help"]')).toHaveCount(0);
  await expect(page.locator('input[name="subject"][value="planning_decision"]')).toHaveCount(0);
  await expect(page.locator(".govuk-radios__divider")).toHaveText(text("en", "or"));
  await answer(page, "en", "complaint.subject.title", () => page.locator('input[name="subject"][value="hate_crime_not_council_service"]').check(), false);
  await heading(page, "en", "complaint.advice.subject.title");
  await expect(page.locator("main")).not.toContainText("{{");
  await expect(page.getByRole("link", { name: "Call the police on 101 (when it is not an emergency)" })).toHaveAttribute("href", "tel:101");
  await expect(page.getByRole("link", { name: "Call the Community Safety team on 024 7683 2118" })).toHaveAttribute("href", "tel:02476832118");
  await expect(page.getByText(text("en", "eligibility.advice.hate_crime_not_council_service.sendAnyway", "rules"))).toHaveCount(1);
  await expect(page.getByText("You can still continue and send your complaint")).toHaveCount(0);
  await expectNoAxeViolations(page);
  // Councillor conduct goes to the council's councillor complaint form (configured; the contact page by default).
  await page.getByRole("link", { name: text("en", "back"), exact: true }).click();
  await answer(page, "en", "complaint.subject.title", () => page.locator('input[name="subject"][value="councillor_conduct"]').check(), false);
  await expect(page.getByRole("link", { name: "Fill in the councillor complaint form" })).toHaveAttribute("href", "/contact");
});

test("children's matters outside the statutory process are offered only for children's social care, and say which process they go through", async ({ page }) => {
  await startComplaint(page, "en");
  await answer(page, "en", "complaint.service.title", () => page.locator('input[name="serviceArea"][value="childrens-social-care"]').check(), false);
  await answer(page, "en", "complaint.reportedBefore.title", () => page.locator('input[name="reportedBefore"][value="yes"]').check(), false);
  await answer(page, "en", "complaint.subject.title", () => page.locator('input[name="subject"][value="early_help"]').check(), false);
  await heading(page, "en", "complaint.advice.pathway.title");
  await expect(page.getByText(text("en", "eligibility.note.pathway_moved_to_corporate", "rules"))).toBeVisible();
  await expectNoAxeViolations(page);
  await continueOn(page, "en");
  await heading(page, "en", "complaint.when.title");
});

test("the interpreter's language is asked for only on Yes, starts empty, and is not English", async ({ page }) => {
  await startComplaint(page, "en");
  await answerScreening(page, "en", { scan: false });
  await answerComplaint(page, "en", false);
  await answer(page, "en", "complaint.giveDetails.title", () => page.locator('input[name="giveDetails"][value="no"]').check(), false);
  await answer(page, "en", "complaint.supportNeeds.title", async () => {}, false);
  await heading(page, "en", "complaint.interpreter.title");
  const language = page.locator('input[name="interpreterLanguage"]');
  const javaScript = test.info().project.use.javaScriptEnabled !== false;
  // GOV.UK conditional reveal: with JavaScript the box appears on Yes; without it, it is always there.
  if (javaScript) await expect(language).toBeHidden();
  else await expect(language).toBeVisible();
  await page.locator('input[name="interpreter"][value="yes"]').check();
  await expect(language).toBeVisible();
  await expect(language).toHaveValue("");
  await expectNoAxeViolations(page);
  await language.fill("English");
  await continueOn(page, "en");
  await expect(page.locator(".govuk-error-summary")).toContainText(text("en", "complaint.interpreter.error.english"));
  await expect(language).toBeVisible();
  await expectNoAxeViolations(page);
  await language.fill("Tigrinya");
  await continueOn(page, "en");
  await heading(page, "en", "complaint.checkAnswers.title");
  await expect(page.getByText("Tigrinya")).toBeVisible();
});

test("a long answer counts the characters left as the resident types, in the page's number format", async ({ page }) => {
  await startComplaint(page, "en");
  await answerScreening(page, "en", { scan: false });
  await answer(page, "en", "complaint.proceedings.title", () => page.locator('input[name="proceedings"][value="no"]').check(), false);
  await answer(page, "en", "complaint.whoFor.title", () => page.locator('input[name="complainingFor"][value="myself"]').check(), false);
  await heading(page, "en", "complaint.whatWentWrong.title");
  const javaScript = test.info().project.use.javaScriptEnabled !== false;
  if (!javaScript) {
    await expect(page.getByText("You can enter up to 5,000 characters")).toBeVisible();
    return;
  }
  // A screen reader hears the count once typing pauses, not as the page loads.
  const shown = page.locator(".govuk-character-count__message");
  const spoken = page.locator('.govuk-character-count [aria-live="polite"]');
  await expect(shown).toHaveText("You have 5,000 characters remaining");
  // Longer than the count waits before speaking: still nothing said, as nothing has been typed.
  await page.waitForTimeout(1500);
  await expect(spoken).toHaveText("");
  await page.locator('textarea[name="whatWentWrong"]').fill("0123456789");
  await expect(shown).toHaveText("You have 4,990 characters remaining");
  await expect(spoken).toHaveText("You have 4,990 characters remaining");
  await page.locator('textarea[name="whatWentWrong"]').fill("x".repeat(5002));
  await expect(shown).toHaveText("You have 2 characters too many");
  await expect(shown).toHaveClass(/govuk-error-message/);
  await expectNoAxeViolations(page);
});

test("one start page: its start button carries on from the first question not yet answered, and check answers has a back link", async ({ page }) => {
  await page.goto("/");
  // The phase banner says the service is new and where to give feedback.
  await expect(page.locator(".govuk-phase-banner")).toContainText(text("en", "phaseBanner.tag"));
  await expect(page.getByRole("link", { name: text("en", "phaseBanner.feedback") })).toHaveAttribute("href", "/contact");
  await page.getByRole("button", { name: text("en", "start.startButton") }).click();
  await answer(page, "en", "complaint.service.title", () => page.locator('input[name="serviceArea"][value="libraries"]').check(), false);
  await answer(page, "en", "complaint.reportedBefore.title", () => page.locator('input[name="reportedBefore"][value="yes"]').check(), false);
  await heading(page, "en", "complaint.subject.title");
  // Back at the start page, the start button carries on where the resident left off.
  await page.goto("/");
  await page.getByRole("button", { name: text("en", "start.startButton") }).click();
  await heading(page, "en", "complaint.subject.title");
  // The old second start page is gone: its address leads to the one start page.
  await page.goto("/complaint");
  await heading(page, "en", "start.title");
  // Check answers goes back to the last question answered.
  await page.getByRole("button", { name: text("en", "start.startButton") }).click();
  await answer(page, "en", "complaint.subject.title", () => page.locator('input[name="subject"][value="none_of_these"]').check(), false);
  await answer(page, "en", "complaint.when.title", async () => {
    const date = isoDaysAgo(5);
    await page.locator('input[name="happenedOn-day"]').fill(date.day);
    await page.locator('input[name="happenedOn-month"]').fill(date.month);
    await page.locator('input[name="happenedOn-year"]').fill(date.year);
  }, false);
  await answerComplaint(page, "en", false);
  await answerAboutYou(page, "en", true, false);
  await heading(page, "en", "complaint.checkAnswers.title");
  await expect(page.getByRole("link", { name: text("en", "back"), exact: true })).toHaveAttribute("href", "/complaint/interpreter");
});

test("a matter over 12 months old asks for exceptional circumstances", async ({ page }) => {
  await startComplaint(page, "en");
  await answerScreening(page, "en", { daysAgo: 800, scan: false });
  await heading(page, "en", "complaint.outOfTime.title");
  await expectNoAxeViolations(page);
});

test("a page further on cannot be reached by typing its address", async ({ page }) => {
  const response = await page.goto("/complaint/outcome");
  expect(response?.status()).toBe(409);
  await heading(page, "en", "errors.conflict.title");
  await expectNoAxeViolations(page);
});

test("a change from check answers returns to check answers", async ({ page }) => {
  await startComplaint(page, "en");
  await answerScreening(page, "en", { scan: false });
  await answerComplaint(page, "en", false);
  await answerAboutYou(page, "en", true, false);
  await page.getByRole("link", { name: `Change ${text("en", "complaint.checkAnswers.outcome")}` }).click();
  await page.locator('textarea[name="outcomeWanted"]').fill("A different outcome.");
  await continueOn(page, "en");
  await heading(page, "en", "complaint.checkAnswers.title");
  await expect(page.getByText("A different outcome.")).toBeVisible();
});

test("sending twice, or going back and sending again, makes one complaint", async ({ page }) => {
  await startComplaint(page, "en");
  await answerScreening(page, "en", { scan: false });
  await answerComplaint(page, "en", false);
  await answerAboutYou(page, "en", true, false);
  const reference = await finish(page, "en", false, false);
  const mails = () => readdirSync(MAIL_DIR).filter((file) => readFileSync(join(MAIL_DIR, file), "utf8").includes(reference));
  await page.goBack();
  await page.goto("/complaint/check-answers");
  await expect(page.locator(".govuk-panel__body strong")).toHaveText(reference);
  const again = await page.request.post("/complaint/check-answers", { form: {}, headers: { Origin: new URL(page.url()).origin }, maxRedirects: 0 });
  expect(again.status()).toBe(303);
  expect(again.headers().location).toBe("/complaint/confirmation");
  // The equality questions were answered (declined): there is nothing more to ask.
  await page.goto("/complaint/equality/questions");
  await expect(page.locator(".govuk-panel__body strong")).toHaveText(reference);
  // Anonymous: no email at all, however often it is sent.
  expect(mails()).toHaveLength(0);
});

test("a form posted from another site is refused with a translated page", async ({ request }) => {
  const response = await request.post("/complaint/service", {
    form: { serviceArea: "parking" },
    headers: { Origin: "https://evil.example" },
  });
  expect(response.status()).toBe(403);
  expect(await response.text()).toContain(text("en", "errors.forbidden.title"));
});

test("supporting files are checked by what they contain, listed, and can be removed", async ({ page }) => {
  await startComplaint(page, "en");
  await answerScreening(page, "en", { scan: false });
  await answer(page, "en", "complaint.proceedings.title", () => page.locator('input[name="proceedings"][value="no"]').check(), false);
  await answer(page, "en", "complaint.whoFor.title", () => page.locator('input[name="complainingFor"][value="myself"]').check(), false);
  await answer(page, "en", "complaint.whatWentWrong.title", () => page.locator('textarea[name="whatWentWrong"]').fill("x"), false);
  await answer(page, "en", "complaint.howAffected.title", () => page.locator('textarea[name="howAffected"]').fill("x"), false);
  await answer(page, "en", "complaint.outcome.title", () => page.locator('textarea[name="outcomeWanted"]').fill("x"), false);
  await answer(page, "en", "complaint.references.title", () => page.locator('input[name="hasReferences"][value="no"]').check(), false);
  await heading(page, "en", "complaint.files.title");
  await expectNoAxeViolations(page);

  // A program renamed to look like a PDF is refused by its content.
  await page.locator('input[name="files"]').setInputFiles({ name: "letter.pdf", mimeType: "application/pdf", buffer: Buffer.from("MZ\x90\x00 not a pdf") });
  await page.getByRole("button", { name: text("en", "complaint.files.add") }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("letter.pdf is not a real PDF file");
  await expectNoAxeViolations(page);

  // Of two chosen together, the good one is kept and the other named with its reason; the picker is then empty.
  const png = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6300010000050001" + "0d0a2db40000000049454e44ae426082", "hex");
  await page.locator('input[name="files"]').setInputFiles([
    { name: "photo of bins.png", mimeType: "image/png", buffer: png },
    { name: "setup.exe", mimeType: "application/octet-stream", buffer: Buffer.from("MZ\x90\x00 a program") },
  ]);
  await page.getByRole("button", { name: text("en", "complaint.files.add") }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("setup.exe must be a PDF, JPG, PNG or Word document");
  await expect(page.getByRole("term").filter({ hasText: "photo of bins.png" })).toBeVisible();
  expect(await page.locator('input[name="files"]').evaluate((input: HTMLInputElement) => input.files?.length ?? 0)).toBe(0);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: `${text("en", "complaint.files.remove")} photo of bins.png` }).click();
  await expect(page.getByText(text("en", "complaint.files.none"))).toBeVisible();

  // A post naming no action the page has is refused, and the file that came with it is not kept.
  const refused = await page.request.post("/complaint/files", {
    multipart: { intent: "keep-everything", files: { name: "sneaked in.png", mimeType: "image/png", buffer: png } },
    headers: { Origin: new URL(page.url()).origin },
    maxRedirects: 0,
  });
  expect(refused.status()).toBe(400);
  await page.reload();
  await expect(page.getByText(text("en", "complaint.files.none"))).toBeVisible();
  await expect(page.getByText("sneaked in.png")).toHaveCount(0);
});

test("a compliment is sent and thanked for, after the same checks with or without JavaScript", async ({ page }) => {
  await page.goto("/compliment");
  await page.getByRole("button", { name: text("en", "compliment.send") }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText(text("en", "compliment.message.error"));
  await expect(page).toHaveTitle(errorTitle("en"));
  await expectNoAxeViolations(page);
  await page.locator('input[name="kind"][value="compliment"]').check();
  await page.locator('select[name="serviceArea"]').selectOption("libraries");
  await page.locator('textarea[name="message"]').fill("The staff at Central Library were wonderful.");
  await page.getByRole("button", { name: text("en", "compliment.send") }).click();
  await heading(page, "en", "compliment.thanks.title");
  // A reference to quote; the team named only because the resident named the service; a way to complain instead.
  await expect(page.locator(".govuk-panel__body strong")).toHaveText(/^CMT-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  await expect(page.getByText("We will pass your message to the team that looks after Libraries and adult education.")).toBeVisible();
  await expect(page.getByRole("link", { name: text("en", "compliment.thanks.complainInstead") })).toHaveAttribute("href", "/");
  await expectNoAxeViolations(page);
  // "Not sure" is not told it went to a team.
  await page.goto("/compliment");
  await page.locator('input[name="kind"][value="comment"]').check();
  await page.locator('textarea[name="message"]').fill("Open the library later on Thursdays.");
  await page.getByRole("button", { name: text("en", "compliment.send") }).click();
  await expect(page.getByText(text("en", "compliment.thanks.toRightTeam"))).toBeVisible();
});

/** Presses Tab until the element matching the selector has focus: what a keyboard user does. */
async function tabTo(page: Page, selector: string) {
  for (let presses = 0; presses < 80; presses++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Could not reach ${selector} with the Tab key`);
}

test("the journey can be completed with the keyboard alone", async ({ page }) => {
  await page.goto("/");
  await tabTo(page, "button.govuk-button--start");
  // Space presses the start button, as it presses any button.
  await page.keyboard.press("Space");
  await page.waitForURL(/\/complaint\/service$/);
  const choose = async (name: string, value: string) => {
    await tabTo(page, `input[name="${name}"]`);
    // Arrow keys move between radios in a group, as they do for every keyboard user.
    for (let moves = 0; moves < 40 && !(await page.locator(`input[name="${name}"][value="${value}"]`).isChecked()); moves++) {
      await page.keyboard.press(moves === 0 ? "Space" : "ArrowDown");
    }
    await expect(page.locator(`input[name="${name}"][value="${value}"]`)).toBeChecked();
  };
  const typeInto = async (selector: string, value: string) => {
    await tabTo(page, selector);
    await page.keyboard.type(value);
  };
  const next = async () => {
    await tabTo(page, "button.govuk-button:not(.govuk-button--secondary)");
    const question = (await page.locator("h1").textContent()) ?? "";
    await page.keyboard.press("Enter");
    // The next page has its own question: wait for it before pressing Tab again.
    await expect(page.locator("h1")).not.toHaveText(question);
  };
  await heading(page, "en", "complaint.service.title");
  await choose("serviceArea", "council-tax");
  await next();
  await heading(page, "en", "complaint.reportedBefore.title");
  await choose("reportedBefore", "yes");
  await next();
  await choose("subject", "none_of_these");
  await next();
  const date = isoDaysAgo(10);
  await typeInto('input[name="happenedOn-day"]', date.day);
  await typeInto('input[name="happenedOn-month"]', date.month);
  await typeInto('input[name="happenedOn-year"]', date.year);
  await next();
  await choose("proceedings", "no");
  await next();
  await choose("complainingFor", "myself");
  await next();
  await typeInto('textarea[name="whatWentWrong"]', "Wrong bill");
  await next();
  await typeInto('textarea[name="howAffected"]', "Worry");
  await next();
  await typeInto('textarea[name="outcomeWanted"]', "Correct it");
  await next();
  await choose("hasReferences", "no");
  await next();
  await next(); // files: optional
  await choose("giveDetails", "no");
  await next();
  await next(); // support needs: optional
  await choose("interpreter", "no");
  await next();
  await heading(page, "en", "complaint.checkAnswers.title");
  await next();
  await heading(page, "en", "complaint.equality.introduction.title");
  await choose("optIn", "yes");
  await next();
  await choose("ageBand", "25_34");
  await tabTo(page, "button.govuk-button--secondary");
  await page.keyboard.press("Enter");
  await heading(page, "en", "complaint.confirmation.title");
});

test("bad input posted straight to the server gets a translated 4xx and saves nothing", async ({ page }) => {
  await startComplaint(page, "en");
  await answer(page, "en", "complaint.service.title", () => page.locator('input[name="serviceArea"][value="parking"]').check(), false);
  const origin = new URL(page.url()).origin;
  const post = (path: string, form: Record<string, string>) =>
    page.request.post(path, { form, headers: { Origin: origin }, maxRedirects: 0 });

  const tampered = await post("/complaint/reported-before", { reportedBefore: "yes", returnTo: "https://evil.example" });
  expect(tampered.status()).toBe(400);
  expect(await tampered.text()).toContain(text("en", "errors.badRequest.title"));

  const unknownService = await post("/complaint/service", { serviceArea: "../../etc/passwd" });
  expect(unknownService.status()).toBe(400);
  expect(await unknownService.text()).toContain(text("en", "complaint.service.error.required"));

  const skipped = await post("/complaint/outcome", { outcomeWanted: "jumping ahead" });
  expect(skipped.status()).toBe(409);

  const huge = await page.request.post("/complaint/reported-before", {
    headers: { Origin: origin, "Content-Type": "application/x-www-form-urlencoded" },
    data: `reportedBefore=yes&x=${"a".repeat(70_000)}`,
    maxRedirects: 0,
  });
  expect(huge.status()).toBe(413);
  expect(await huge.text()).toContain(text("en", "errors.tooLarge.title"));

  // The draft still stands at the reported-before question: nothing above was saved.
  await page.goto("/complaint/reported-before");
  await expect(page.locator('input[name="reportedBefore"]:checked')).toHaveCount(0);
  await expect(page.locator('input[name="serviceArea"]')).toHaveCount(0);
  expect((await post("/complaint/reported-before", { reportedBefore: "yes" })).status()).toBe(303);
  const control = await post("/complaint/subject", { subject: "none_of_these\u0000" });
  expect(control.status()).toBe(400);
  expect(await control.text()).toContain(text("en", "complaint.subject.error.required"));
});

test("the equality questions can be left at any point: the complaint is already sent", async ({ page }) => {
  await startComplaint(page, "en");
  await answerScreening(page, "en", { scan: false });
  await answerComplaint(page, "en", false);
  await answerAboutYou(page, "en", true, false);
  await page.getByRole("button", { name: text("en", "complaint.send.button") }).click();
  await answer(page, "en", "complaint.equality.introduction.title", () => page.locator('input[name="optIn"][value="yes"]').check(), false);
  await answer(page, "en", "complaint.equality.ageBand.title", () => page.locator('input[name="ageBand"][value="65_plus"]').check(), false);
  // Walking away to another page and coming back to the confirmation loses nothing.
  await page.goto("/contact");
  await page.goto("/complaint/confirmation");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(text("en", "complaint.confirmation.title"));
  const reference = (await page.locator(".govuk-panel__body strong").textContent())!.trim();
  // Coming back to the questions carries on where they were left, and "skip the rest" goes to the confirmation.
  await page.goto("/complaint/equality/religion");
  await heading(page, "en", "complaint.equality.disability.title");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: text("en", "complaint.equality.skip") }).click();
  await expect(page.locator(".govuk-panel__body strong")).toHaveText(reference);
});

test("an answer changed in another tab is not overwritten: the page shows what is saved now", async ({ page }) => {
  await startComplaint(page, "en");
  await answerScreening(page, "en", { scan: false });
  await answerComplaint(page, "en", false);
  await answer(page, "en", "complaint.giveDetails.title", () => page.locator('input[name="giveDetails"][value="yes"]').check(), false);
  await heading(page, "en", "complaint.name.title");
  const other = await page.context().newPage();
  await other.goto("/complaint/name");
  await other.locator('input[name="name"]').fill("Name from the other tab");
  await other.getByRole("button", { name: "Continue", exact: true }).click();
  await heading(other, "en", "complaint.contact.title");
  await other.close();
  // This tab still shows the page as it was before the other tab saved.
  await page.locator('input[name="name"]').fill("Name from this tab");
  await continueOn(page, "en");
  await expect(page.getByText(text("en", "errors.form.stale.body"))).toBeVisible();
  await expect(page.locator('input[name="name"]')).toHaveValue("Name from the other tab");
  await expectNoAxeViolations(page);
  // Continuing from here saves normally.
  await page.locator('input[name="name"]').fill("Name from this tab");
  await continueOn(page, "en");
  await heading(page, "en", "complaint.contact.title");
});
