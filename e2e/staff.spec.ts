// Council staff sign in (issue 11, item 1): an emailed code, then an authenticator app set up on first sign-in; the
// queue of open complaints. Staff pages are English only, and answer anyone else with 404. Each project signs in
// as its own demo member of staff (db/seed.ts): with JavaScript the complaints officer, without it the manager.
import type { Page } from "@playwright/test";
import { generate } from "otplib";
import { readFileSync } from "node:fs";
import { DEMO_ANALYST_EMAILS, DEMO_MANAGER_EMAIL, DEMO_OFFICER_EMAIL, DEMO_REPORTS_MANAGER_EMAILS } from "../app/accounts/demo";
import { downloadFrom, expect, expectNoAxeViolations, openPdf, signInAs, signInAsStaff, signInCodeSentTo, test, text } from "./fixtures";

const staffText = (key: string) => text("en", key, "staff");
const heading = (page: Page, key: string) => expect(page.getByRole("heading", { level: 1 })).toHaveText(staffText(key));

test("a member of staff signs in with an emailed code and an authenticator app, and sees the queue", async ({ page }) => {
  test.setTimeout(180_000);
  const withScripts = test.info().project.use.javaScriptEnabled !== false;
  const email = withScripts ? DEMO_OFFICER_EMAIL : DEMO_MANAGER_EMAIL;

  // In English whatever language the visitor chose, with no language switcher.
  await page.goto("/language?lng=ar&returnTo=/staff/sign-in");
  await heading(page, "signIn.title");
  await expect(page.locator("html")).toHaveAttribute("lang", "en-GB");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await expect(page.locator(".council-languages")).toHaveCount(0);
  await page.getByRole("button", { name: staffText("signIn.continue") }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText(staffText("signIn.error.email"));
  await expectNoAxeViolations(page);

  const since = Date.now();
  await page.getByLabel(staffText("signIn.email")).fill(email);
  await page.getByRole("button", { name: staffText("signIn.continue") }).click();
  await heading(page, "code.title");
  await expectNoAxeViolations(page);
  await page.getByLabel(staffText("code.label")).fill(await signInCodeSentTo(email, since));
  await page.getByRole("button", { name: staffText("code.continue") }).click();

  // First sign-in: set up the app from the QR code or the key, shown as text too.
  await heading(page, "twoFactor.setUpTitle");
  await expect(page.getByRole("img", { name: staffText("twoFactor.qrLabel") })).toBeVisible();
  await expectNoAxeViolations(page);
  const secret = (await page.locator(".council-key").textContent())!.trim();
  const right = await generate({ secret });
  await page.getByLabel(staffText("twoFactor.label")).fill(right === "000000" ? "111111" : "000000");
  await page.getByRole("button", { name: staffText("twoFactor.continue") }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText(staffText("twoFactor.error.wrong"));
  await expectNoAxeViolations(page);
  await page.getByLabel(staffText("twoFactor.label")).fill(await generate({ secret }));
  await page.getByRole("button", { name: staffText("twoFactor.continue") }).click();

  // The queue: the soonest due first, each marked in words, 50 to a page. The demo's signed forms were received
  // 1 to 30 days ago (db/seed.ts), so the oldest are overdue and some are due within 2 working days whatever the
  // date; how many are overdue, and so on which page the first "due soon" falls, depends on the date.
  await heading(page, "queue.title");
  await expect(page.locator("main")).toContainText(withScripts ? "Alex Demo" : "Morgan Demo");
  await expect(page.locator("tbody tr")).toHaveCount(50);
  await expect(page.locator("tbody tr").first()).toContainText(staffText("queue.urgency.overdue"));
  await expectNoAxeViolations(page);
  const urgencyOrder = ["overdue", "due_soon", "on_track", "none"].map((urgency) => staffText(`queue.urgency.${urgency}`));
  const urgenciesSeen: number[] = [];
  for (let pageNumber = 1; pageNumber <= 4 && !urgenciesSeen.includes(1); pageNumber++) {
    if (pageNumber > 1) {
      await page.getByRole("navigation", { name: text("en", "pagination.label") }).getByRole("link", { name: text("en", "pagination.next") }).click();
      await expect(page.getByRole("link", { name: `Page ${pageNumber}` })).toHaveAttribute("aria-current", "page");
    }
    if (pageNumber === 2) await expectNoAxeViolations(page);
    const tags = await page.locator("tbody tr .govuk-tag").allTextContents();
    const ranks = tags.map((tag) => urgencyOrder.indexOf(tag.trim()));
    expect(ranks).not.toContain(-1);
    // Within a page the order holds even while other tests change complaints.
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    urgenciesSeen.push(...ranks);
  }
  expect(urgenciesSeen).toContain(1);

  // Searched by reference, and narrowed to children's complaints: a plain form, with or without JavaScript.
  await page.getByLabel(staffText("queue.filter.search")).fill("CCC-DEM0-0105");
  await page.getByRole("button", { name: staffText("queue.filter.apply") }).click();
  await expect(page.locator("tbody tr")).toHaveCount(1);
  await expect(page.locator("tbody")).toContainText("CCC-DEM0-0105");
  await expectNoAxeViolations(page);
  // Issue 12: a complaint's case file for the Ombudsman, in English, as a page and as a PDF that opens.
  await page.getByRole("link", { name: "CCC-DEM0-0105" }).click();
  await page.getByRole("link", { name: staffText("case.caseFile") }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Case file for complaint CCC-DEM0-0105");
  await expect(page.locator("main")).toContainText(text("en", "caseFile.consent.heading"));
  await expectNoAxeViolations(page);
  const pdf = await openPdf((await downloadFrom(page, text("en", "caseFile.pdf"))).bytes);
  expect(pdf.info).toMatchObject({ Title: "Case file for complaint CCC-DEM0-0105", Language: "en-GB" });
  await page.goto("/staff");
  await page.getByLabel(staffText("queue.filter.search")).fill("");
  await page.getByLabel(staffText("queue.pathway")).selectOption("childrens");
  await page.getByRole("button", { name: staffText("queue.filter.apply") }).click();
  // With JavaScript the table changes in place: wait for the new address, then for every row to be children's.
  await expect(page).toHaveURL(/pathway=childrens/);
  const processes = page.locator("tbody tr td:nth-child(3)");
  await expect(processes.first()).toContainText(staffText("queue.pathwayName.childrens"));
  await expect(processes.filter({ hasNotText: staffText("queue.pathwayName.childrens") })).toHaveCount(0);

  // The complaints report (issue 12): last financial year by default, a chart and a table per figure, each
  // beside the year before; dates the wrong way round are the form's error.
  await page.getByRole("link", { name: staffText("layout.reports") }).click();
  await heading(page, "reports.title");
  await expect(page.getByRole("table", { name: staffText("reports.table.received.title") })).toBeVisible();
  await expect(page.getByRole("img", { name: staffText("reports.table.outcomes.title") })).toBeVisible();
  await expectNoAxeViolations(page);
  const toDate = page.getByRole("group", { name: staffText("reports.to") });
  await toDate.getByLabel(text("en", "errors.form.date.year")).fill("2020");
  await page.getByRole("button", { name: staffText("reports.show") }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText(staffText("reports.error.backwards"));
  await expectNoAxeViolations(page);

  // A staff session is no resident's: their pages ask to sign in (in the language chosen at the start).
  await page.goto("/complaints");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(text("ar", "account.signIn.title"));
  await page.goto("/staff");

  // Signed out, the queue is not there at all.
  await page.getByRole("button", { name: staffText("layout.signOut") }).click();
  await heading(page, "signIn.title");
  expect((await page.goto("/staff"))?.status()).toBe(404);
});

test("an equality analyst reads the equality report for a fixed period, small figures withheld, and nothing else", async ({ page }) => {
  test.setTimeout(120_000);
  const withScripts = test.info().project.use.javaScriptEnabled !== false;
  await signInAsStaff(page, DEMO_ANALYST_EMAILS[withScripts ? 0 : 1]);
  // No complaint and no complaints report for the analyst: only the equality report.
  await expect(page.getByRole("link", { name: staffText("layout.reports"), exact: true })).toHaveCount(0);
  await page.getByRole("link", { name: staffText("layout.equality") }).click();
  await heading(page, "equality.title");
  // The newest period that has ended, from the demo's answers over the last two years.
  await expect(page.getByRole("table", { name: "Ethnic group, by complaints process" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Age, by service" })).toBeVisible();
  await expect(page.locator("main")).toContainText("[c]");
  await expectNoAxeViolations(page);
  // A whole financial year, chosen from the list.
  const select = page.getByLabel(staffText("equality.period"));
  const lastYear = (await select.locator("option").allTextContents()).find((label) => label.startsWith("Financial year"))!;
  await select.selectOption({ label: lastYear });
  await page.getByRole("button", { name: staffText("equality.show") }).click();
  await expect(page.locator("main p.govuk-body-l")).toHaveText(lastYear);
  const allWhoAnswered = page.getByRole("table", { name: "Sex, by complaints process" }).getByRole("row", { name: /All who answered/ });
  await expect(allWhoAnswered).toContainText(/\d/);
  await expectNoAxeViolations(page);
  // Any other period is the form's error.
  const response = await page.goto("/staff/reports/equality?period=2025-04-01");
  expect(response?.status()).toBe(400);
  await expect(page.locator(".govuk-error-summary")).toContainText(staffText("equality.error.period"));
  await expectNoAxeViolations(page);
});

test("a new manager downloads last year's children's services annual report, laid out as the council's 2023/24 report, and writes the self-assessment's commentary", async ({ page }) => {
  test.setTimeout(120_000);
  const withScripts = test.info().project.use.javaScriptEnabled !== false;
  await signInAsStaff(page, DEMO_REPORTS_MANAGER_EMAILS[withScripts ? 0 : 1]);
  await page.getByRole("link", { name: staffText("layout.reports"), exact: true }).click();
  await page.getByRole("link", { name: staffText("childrens.link") }).click();
  // Last financial year by default, from the demo's history.
  const today = new Date();
  const lastYear = today.getUTCMonth() >= 3 ? today.getUTCFullYear() - 1 : today.getUTCFullYear() - 2;
  const yearName = `${lastYear}/${String(lastYear + 1).slice(2)}`;
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Children's Services Complaints and Representations Annual Report ${yearName}`);
  // Source 002's sections, in its order.
  await expect(page.locator("main").getByRole("heading", { level: 2 })).toHaveText([
    "Key facts and figures", "Summary", "Advocacy", "Complaints", "Statutory complaints", "Resolution of complaints", "Timescales", "Equality", "Ombudsman", "Comments", "Compliments",
    "Service improvements and learning points", "Compensation and remedy",
  ]);
  for (const caption of ["How complaints were received", "Statutory complaints by upheld status", "Statutory complaints by team", "Statutory complaints by stage and timescales", "Average timescales by stage in working days"]) {
    await expect(page.getByRole("table", { name: caption })).toBeVisible();
  }
  // A manager sees the equality figures for children's complaints, small ones withheld.
  await expect(page.getByRole("table", { name: /^Sex of those who answered/ })).toBeVisible();
  // The demo's history gives the year statutory complaints, and the status table adds up to them.
  const status = page.getByRole("table", { name: "Statutory complaints by upheld status" });
  await expect(status.getByRole("row", { name: /^Total/ })).toContainText("100%");
  await expectNoAxeViolations(page);
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: staffText("childrens.csv") }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`childrens-services-complaints-${lastYear}-${String(lastYear + 1).slice(2)}.csv`);
  const csv = readFileSync(await download.path(), "utf8");
  const captions = [...new Set(csv.split("\n").slice(1).map((line) => line.split(",")[1]).filter(Boolean))];
  expect(captions).toEqual([
    "Average time taken by stage", "How complaints were received", "Statutory complaints over time", "Statutory complaints by upheld status", "Statutory complaints by team",
    "Statutory complaints by stage and timescales", "Average timescales by stage in working days", "Compliments recorded by year", "Compliments by team", "Complaint issue or category",
  ]);
  // A year not on offer is the form's error.
  expect((await page.goto("/staff/reports/childrens?year=1999"))?.status()).toBe(400);
  await expect(page.locator(".govuk-error-summary")).toContainText(staffText("childrens.error.year"));
  await expectNoAxeViolations(page);

  // The Complaint Handling Code self-assessment: the portal's evidence under each section, and the manager's
  // commentary, one section at a time.
  await page.goto("/staff/reports");
  await page.getByRole("link", { name: staffText("selfAssessment.link") }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Complaint Handling Code self-assessment ${yearName}`);
  await expect(page.getByRole("table", { name: staffText("selfAssessment.table.acknowledgements") })).toBeVisible();
  await expect(page.getByRole("table", { name: staffText("selfAssessment.table.timeliness") })).toBeVisible();
  await expectNoAxeViolations(page);
  // Each project writes on a section of its own: both share the server, and the year.
  const [section, sectionTitle] = withScripts ? ["5", "5. The complaint handling process"] : ["6", "6. Complaint stages"];
  await page.getByRole("link", { name: new RegExp(`Add commentary on section ${section},`) }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(sectionTitle);
  const commentary = page.getByLabel(staffText("selfAssessment.commentaryLabel"));
  await commentary.fill("x".repeat(5001));
  await page.getByRole("button", { name: staffText("selfAssessment.save") }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText(staffText("selfAssessment.error.tooLong"));
  if (withScripts) await expect(page.locator(".govuk-error-summary")).toBeFocused();
  await expectNoAxeViolations(page);
  const written = withScripts ? "We acknowledged most complaints within five working days." : "Acknowledgements were late in June; we added cover.";
  await page.getByLabel(staffText("selfAssessment.commentaryLabel")).fill(written);
  await page.getByRole("button", { name: staffText("selfAssessment.save") }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Complaint Handling Code self-assessment ${yearName}`);
  await expect(page.locator("section", { has: page.getByRole("heading", { name: sectionTitle }) })).toContainText(written);
  await expectNoAxeViolations(page);
});

test("staff pages answer residents and signed-out visitors with 404", async ({ page, request }) => {
  test.setTimeout(120_000);
  for (const path of ["/staff", "/staff.data"]) {
    expect((await request.get(path, { maxRedirects: 0 })).status(), `${path} signed out`).toBe(404);
  }
  // The steps of signing in, out of turn, go back to its start.
  for (const path of ["/staff/sign-in/code", "/staff/two-factor"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(303);
    expect(response.headers().location).toBe("/staff/sign-in");
  }
  expect((await request.get("/staff/sign-in")).status()).toBe(200);
  expect((await request.get("/staff/sign-out", { maxRedirects: 0 })).status()).toBe(404);

  // A signed-in resident is no member of staff.
  const withScripts = test.info().project.use.javaScriptEnabled !== false;
  await signInAs(page, withScripts ? "staff.check1@example.com" : "staff.check2@example.com");
  expect((await page.goto("/staff"))?.status()).toBe(404);
});

test("a member of staff signs in with their council account (single sign-on); an unverified or unknown account is refused", async ({ browser }) => {
  test.setTimeout(120_000);
  const withScripts = test.info().project.use.javaScriptEnabled !== false;
  /** One attempt in a browser of its own, so the provider's session from one does not carry to the next. */
  const attempt = async (login: string) => {
    const context = await browser.newContext({ javaScriptEnabled: withScripts, locale: "en" });
    const page = await context.newPage();
    await page.goto("/staff/sign-in");
    await page.getByRole("link", { name: staffText("signIn.sso.button") }).click();
    // The stand-in provider's own development pages (oidc-provider): any password, then consent.
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill("any password");
    await page.locator('button[type="submit"]').click();
    await page.locator('button[type="submit"]').click();
    return { context, page };
  };

  const staff = await attempt(DEMO_OFFICER_EMAIL);
  await expect(staff.page.getByRole("heading", { level: 1 })).toHaveText(staffText("queue.title"));
  await expect(staff.page.locator(".council-staff-bar")).toContainText("Alex Demo");
  await expectNoAxeViolations(staff.page);
  await staff.context.close();

  for (const login of [`unverified.${DEMO_OFFICER_EMAIL}`, "not.staff@example.com"]) {
    const refused = await attempt(login);
    await expect(refused.page.getByRole("heading", { level: 1 })).toHaveText(staffText("signIn.title"));
    await expect(refused.page.getByRole("alert")).toContainText(staffText("signIn.sso.refused"));
    expect((await refused.page.goto("/staff"))?.status()).toBe(404);
    await expectNoAxeViolations(refused.page);
    await refused.context.close();
  }
});
