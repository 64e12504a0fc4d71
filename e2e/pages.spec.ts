import { expect, expectNoAxeViolations, isReviewed, LANGUAGES, test, text, wordsBrokenMidWord } from "./fixtures";

const PAGES = [
  { path: "/", status: 200, heading: "start.title" },
  { path: "/contact", status: 200, heading: "contact.title" },
  { path: "/accessibility", status: 200, heading: "accessibility.title" },
  { path: "/privacy", status: 200, heading: "privacy.title" },
  { path: "/cookies", status: 200, heading: "cookies.title" },
  { path: "/complaint/service", status: 200, heading: "complaint.service.title" },
  { path: "/complaint/check-answers", status: 409, heading: "errors.conflict.title" },
  { path: "/compliment", status: 200, heading: "compliment.title" },
  { path: "/compliment/thank-you", status: 200, heading: "compliment.thanks.title" },
  { path: "/no/such/page", status: 404, heading: "errors.notFound.title" },
  { path: "/contact%E0%A4%A", status: 404, heading: "errors.notFound.title" },
  { path: "/?q=%", status: 400, heading: "errors.badRequest.title" },
  { path: "/contact?q=a%00b", status: 400, heading: "errors.badRequest.title" },
  { path: "/language?lng=xx", status: 400, heading: "errors.badRequest.title" },
] as const;

// One test per language walks every page in one browser: a fresh browser per page cost more than the checks.
for (const language of LANGUAGES) {
  test.describe(`in ${language.code}`, () => {
    test.use({ locale: language.code });

    test("every page answers as it should, translated, with no accessibility violations", async ({ page }) => {
      // About 20 s on a quiet 2-core machine; several times that on a busy one.
      test.setTimeout(180_000);
      for (const pageCase of PAGES) {
        await test.step(`${pageCase.path} answers ${pageCase.status}`, async () => {
          const response = await page.goto(pageCase.path);
          expect(response?.status()).toBe(pageCase.status);
          await expect(page.locator("html")).toHaveAttribute("lang", language.tag);
          await expect(page.locator("html")).toHaveAttribute("dir", language.dir);
          const heading = text(language.code, pageCase.heading);
          await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
          await expect(page).toHaveTitle(text(language.code, "pageTitle").replace("{{title}}", heading));
          const banner = page.getByRole("note").filter({ hasText: text(language.code, "translationBanner.text") });
          await expect(banner).toHaveCount(isReviewed(language.code) ? 0 : 1);
          await expectNoAxeViolations(page);
          // At desktop width a table's words wrap between words, never inside one (the cookie names did).
          expect(await wordsBrokenMidWord(page, ".govuk-table__header, .govuk-table__cell")).toEqual([]);
        });
      }
    });
  });
}
