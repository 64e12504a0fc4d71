// Signing in with an emailed code and following a complaint (issue 9), with the demo resident's complaints at
// every stage (db/seed.ts), in every language, with JavaScript on and off.
import type { Page } from "@playwright/test";
import { downloadFrom, expect, expectNoAxeViolations, expectNoTranslationKeys, LANGUAGES, mailboxFor, openPdf, signInCodeSentTo, test, text } from "./fixtures";

const DEMO = "demo.resident@example.com";

// Every page state is scanned with axe in English, Polish and Arabic (right to left); in Panjabi, Romanian and
// Urdu each page's texts are checked, as the complaint journey does, which keeps the suite quick.
const SCANNED = new Set(["en", "pl", "ar"]);

async function check(page: Page, lang: string) {
  if (SCANNED.has(lang)) await expectNoAxeViolations(page);
  else await expectNoTranslationKeys(page);
}

async function heading(page: Page, lang: string, key: string) {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(text(lang, key));
}

/** Signs in through the pages, checking each state of them (an empty address, a wrong code) on the way. */
async function signIn(page: Page, lang: string, email: string, returnTo = "/complaints") {
  await page.goto(returnTo === "/complaints" ? "/sign-in" : returnTo);
  await heading(page, lang, "account.signIn.title");
  await page.getByRole("button", { name: text(lang, "account.signIn.continue") }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText(text(lang, "account.signIn.email.error.required"));
  await check(page, lang);
  const since = Date.now();
  await page.getByLabel(text(lang, "account.signIn.email.label")).fill(email);
  await page.getByRole("button", { name: text(lang, "account.signIn.continue") }).click();
  await heading(page, lang, "account.code.title");
  await expect(page.locator("main")).toContainText(email.toLowerCase());
  const code = await signInCodeSentTo(email, since);
  const box = page.getByLabel(text(lang, "account.code.label"));
  await expect(box).toHaveAttribute("autocomplete", "one-time-code");
  await box.fill(code === "000000" ? "111111" : "000000");
  await page.getByRole("button", { name: text(lang, "account.code.continue") }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText(text(lang, "account.code.error.wrong"));
  await check(page, lang);
  // Pasted with a space in the middle, as codes often are.
  await page.getByLabel(text(lang, "account.code.label")).fill(`${code.slice(0, 3)} ${code.slice(3)}`);
  await page.getByRole("button", { name: text(lang, "account.code.continue") }).click();
}

for (const [index, language] of LANGUAGES.entries()) {
  const lang = language.code;
  test.describe(`in ${lang}`, () => {
    test.use({ locale: lang });

    // With JavaScript off the pages are the same server-rendered HTML: English and Arabic (right to left) show it,
    // and the other languages run with JavaScript only (the no-javascript project leaves out @javascript-only).
    const title = `a resident signs in with an emailed code, follows each complaint's stage and dates, and signs out${lang === "en" || lang === "ar" ? "" : " @javascript-only"}`;
    test(title, async ({ page }) => {
      test.setTimeout(240_000);
      await page.goto("/");
      await page.getByRole("link", { name: text(lang, "accountNav.signIn") }).click();
      // Its own mailbox name for each language and project, so tests side by side read their own codes.
      await signIn(page, lang, mailboxFor(DEMO, index + (test.info().project.use.javaScriptEnabled === false ? 6 : 0)));
      await heading(page, lang, "account.list.title");
      await check(page, lang);
      const rows = page.locator("table").first().locator("tbody tr");
      await expect(rows).toHaveCount(9);

      // Extended at Stage 1: the new date and the reason we gave. (Complaints 0001, 0003, 0004, 0008 and 0009
      // are changed by the tests of asking for the next stage, adding information and withdrawing.)
      await page.getByRole("link", { name: "CCC-DEM0-0002" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("CCC-DEM0-0002");
      await expect(page.locator("main")).toContainText("We are waiting for the payment records from the bank.");
      await expect(page.getByRole("link", { name: text(lang, "account.case.withdraw") })).toBeVisible();
      await check(page, lang);

      // Adults' complaints have one stage: after the response, the Ombudsman.
      await page.goto("/complaints/CCC-DEM0-0006");
      await expect(page.getByRole("heading", { name: text(lang, "account.ombudsman.heading") })).toBeVisible();
      await expect(page.getByRole("link", { name: "0300 061 0614" })).toHaveAttribute("href", "tel:03000610614");
      await check(page, lang);

      // Issue 12: its case file for the Ombudsman, in the reader's language, as a page and as a PDF that opens.
      await page.getByRole("link", { name: text(lang, "caseFile.link") }).click();
      const caseFileTitle = text(lang, "caseFile.title").replace("{{reference}}", "CCC-DEM0-0006");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(caseFileTitle);
      await expect(page.locator("html")).toHaveAttribute("dir", language.dir);
      await expect(page.locator("main")).toContainText(text(lang, "caseFile.history.heading"));
      await check(page, lang);
      const pdf = await openPdf((await downloadFrom(page, text(lang, "caseFile.pdf"))).bytes);
      expect(pdf.info).toMatchObject({ Title: caseFileTitle, Language: language.tag });

      // Children's complaint at Stage 3: the review panel's date is next.
      await page.goto("/complaints/CCC-DEM0-0005");
      await expect(page.locator("main")).toContainText(text(lang, "account.due.panelBy.label"));
      await check(page, lang);

      // Withdrawn: nothing more is due.
      await page.goto("/complaints/CCC-DEM0-0007");
      await expect(page.locator("main")).toContainText(text(lang, "account.case.noNextDue"));
      await check(page, lang);

      await page.getByRole("button", { name: text(lang, "account.nav.signOut") }).click();
      await heading(page, lang, "account.signedOut.title");
      await check(page, lang);
      // Signed out: the complaint asks for sign-in again.
      await page.goto("/complaints/CCC-DEM0-0003");
      await heading(page, lang, "account.signIn.title");
    });
  });
}
