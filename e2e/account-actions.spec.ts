// Asking for the next stage in time and late, adding information and withdrawing (issue 9, items 4–6), as a
// resident would, with every page state scanned. The two projects act on different demo complaints (db/seed.ts),
// so neither sees the other's changes: with JavaScript, 0003 and 0004; without, 0008 and 0009.
import { createHash } from "node:crypto";
import { unzipSync } from "fflate";
import { downloadFrom, expect, expectNoAxeViolations, mailboxFor, ONE_PIXEL_PNG as PNG, openPdf, signInAs, test, text } from "./fixtures";

const DEMO = "demo.resident@example.com";


test.use({ locale: "en" });

test("a resident asks for Stage 2 in time and late, adds information and withdraws", async ({ page }) => {
  test.setTimeout(240_000);
  const javascript = test.info().project.use.javaScriptEnabled !== false;
  const [inTime, late] = javascript ? ["CCC-DEM0-0003", "CCC-DEM0-0004"] : ["CCC-DEM0-0008", "CCC-DEM0-0009"];
  await signInAs(page, mailboxFor(DEMO, javascript ? 12 : 13));

  // In time: the deadline and why, the form, its errors, then Stage 2 at once with its new dates.
  await page.goto(`/complaints/${inTime}`);
  await expect(page.locator("main")).toContainText("You can ask for Stage 2 until");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Ask for Stage 2" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ask for Stage 2");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: text("en", "account.escalate.send") }).click();
  const summary = page.locator(".govuk-error-summary");
  await expect(summary).toContainText(text("en", "account.escalate.grounds.error"));
  await expect(summary).toContainText(text("en", "account.escalate.unresolved.error.required"));
  if (javascript) await expect(summary).toBeFocused();
  await expectNoAxeViolations(page);
  await page.getByLabel("I am not satisfied with the outcome").check();
  await page.getByLabel(text("en", "account.escalate.unresolved.label")).fill("The mould is back.");
  await page.getByLabel(text("en", "account.escalate.outcomeWanted.label")).fill("An independent look at the repair.");
  await page.getByRole("button", { name: text("en", "account.escalate.send") }).click();
  await expect(page.getByRole("alert")).toContainText("You have asked for Stage 2.");
  await expect(page.locator("main")).toContainText(text("en", "account.status.awaiting_acknowledgement"));
  await expect(page.locator("main")).toContainText(/We must acknowledge your request for Stage 2 by \d+ \w+ \d{4}\./);
  await expect(page.locator("main")).toContainText("The mould is back.");
  await expectNoAxeViolations(page);
  // Asked once: the page no longer offers it, and the address of the form says it cannot be done now.
  await expect(page.getByRole("link", { name: "Ask for Stage 2" })).toHaveCount(0);
  await page.goto(`/complaints/${inTime}/next-stage`);
  await expect(page.locator("main")).toContainText(text("en", "account.escalate.notAvailable"));
  await expectNoAxeViolations(page);

  // Late (corporate, within six months): the reason is asked for, and the council decides.
  await page.goto(`/complaints/${late}`);
  await page.getByRole("link", { name: text("en", "account.case.askLate") }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ask for Stage 2");
  await expect(page.locator("main")).toContainText("The usual 20 working days to ask have passed.");
  await expectNoAxeViolations(page);
  await page.getByLabel("The council agreed to act at Stage 1 but the action was delayed or not taken").check();
  await page.getByLabel(text("en", "account.escalate.lateExplanation.label")).fill("The bay was meant to be moved in October.");
  await page.getByLabel("I am not satisfied with the outcome").check();
  await page.getByLabel(text("en", "account.escalate.unresolved.label")).fill("The bay is still there.");
  await page.getByLabel(text("en", "account.escalate.outcomeWanted.label")).fill("Move it.");
  await page.getByRole("button", { name: text("en", "account.escalate.send") }).click();
  await expect(page.getByRole("alert")).toContainText(text("en", "account.done.late"));
  await expect(page.locator("main")).toContainText(/You asked for the next stage on \d+ \w+ \d{4}, after the usual time/);
  await expectNoAxeViolations(page);

  // Adding information: the message appears in the history.
  await page.goto(`/complaints/${inTime}`);
  await page.getByRole("link", { name: text("en", "account.case.addInformation") }).click();
  await page.getByRole("button", { name: text("en", "account.addInformation.send") }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText(text("en", "account.addInformation.message.error.required"));
  await expectNoAxeViolations(page);
  // A file that is not what its name says is refused by its content; what was typed stays.
  await page.getByLabel(text("en", "account.addInformation.message.label")).fill("Here is a photo of the wall.");
  await page.locator('input[name="files"]').setInputFiles({ name: "wall.pdf", mimeType: "application/pdf", buffer: Buffer.from("MZ\x90\x00 not a pdf") });
  await page.getByRole("button", { name: text("en", "account.addInformation.send") }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("wall.pdf is not a real PDF file");
  await expect(page.getByLabel(text("en", "account.addInformation.message.label"))).toHaveValue("Here is a photo of the wall.");
  await expectNoAxeViolations(page);
  await page.locator('input[name="files"]').setInputFiles({ name: "damp wall.png", mimeType: "image/png", buffer: PNG });
  await page.getByRole("button", { name: text("en", "account.addInformation.send") }).click();
  await expect(page.getByRole("alert")).toContainText(text("en", "account.done.information"));
  await expect(page.locator("main")).toContainText("Here is a photo of the wall.");
  await expect(page.locator(".council-history__item").filter({ hasText: "Here is a photo of the wall." })).toContainText("damp wall.png");

  // Withdrawing: a confirmation page, an optional reason, then how to complain again.
  await page.getByRole("link", { name: text("en", "account.case.withdraw") }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(text("en", "account.withdraw.title"));
  await expectNoAxeViolations(page);
  await page.getByLabel(text("en", "account.withdraw.reason.label")).fill("It has been sorted out.");
  await page.getByRole("button", { name: text("en", "account.withdraw.confirm") }).click();
  await expect(page.getByRole("alert")).toContainText(text("en", "account.done.withdrawn"));
  await expect(page.locator("main")).toContainText(text("en", "account.status.withdrawn"));
  await expect(page.getByRole("link", { name: text("en", "account.case.newComplaintLink") })).toBeVisible();
  await expect(page.getByRole("link", { name: text("en", "account.case.withdraw") })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // Issue 12: the case file for the Ombudsman — the page, then its PDF, which opens and lists every event of the
  // complaint's history, and its ZIP, with the photo as it was sent and checksums that match.
  const events = (await page.locator(".council-history__item > p:first-child").allInnerTexts()).map((item) => item.split("\n").pop()!.trim());
  expect(events.length).toBeGreaterThanOrEqual(5);
  await page.getByRole("link", { name: text("en", "caseFile.link") }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Case file for complaint ${inTime}`);
  await expect(page.locator("main")).toContainText("damp wall.png");
  await expect(page.locator("main")).toContainText(createHash("sha256").update(PNG).digest("hex"));
  await expectNoAxeViolations(page);
  const pdf = await downloadFrom(page, text("en", "caseFile.pdf"));
  expect(pdf.filename).toBe(`case-file-${inTime}.pdf`);
  const opened = await openPdf(pdf.bytes);
  expect(opened.info).toMatchObject({ Title: `Case file for complaint ${inTime}`, Language: "en-GB" });
  const squeezed = (value: string) => value.replace(/\s+/g, "");
  for (const event of events) expect(squeezed(opened.text)).toContain(squeezed(event));
  const zip = await downloadFrom(page, text("en", "caseFile.zip"));
  expect(zip.filename).toBe(`case-file-${inTime}.zip`);
  const entries = unzipSync(new Uint8Array(zip.bytes));
  expect(Object.keys(entries)).toEqual([`case-file-${inTime}.pdf`, "files/01-damp wall.png", "SHA256SUMS.txt"]);
  expect(Buffer.from(entries["files/01-damp wall.png"]!).equals(PNG)).toBe(true);
  expect(new TextDecoder().decode(entries["SHA256SUMS.txt"])).toContain(`${createHash("sha256").update(PNG).digest("hex")}  files/01-damp wall.png`);
});
