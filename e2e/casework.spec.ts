// A complaint through both corporate stages with the back office (issue 11, "Done when"), and the person's
// representative asking for the next one (issue 10): a complaint made by the demo advocate for a client who agreed,
// letters to both (db/seed.ts). A manager adds a complaints officer; the new officer signs in, accepts the
// complaint, acknowledges it, extends the time and responds upheld with a remedy; the client and the advocate are
// emailed; the advocate asks for Stage 2; the officer acknowledges it, but only a manager may respond at Stage 2;
// the manager does, and the advocate is pointed to the Ombudsman.
import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, mailboxFor, mailMatchTo, ONE_PIXEL_PNG as PNG, signInAs, signInAsStaff, test, text } from "./fixtures";
import { DEMO_ADVOCATE_EMAIL, DEMO_FAMILY_EMAIL, DEMO_INVESTIGATOR_EMAIL, DEMO_LEAD_EMAILS, DEMO_MANAGER_EMAIL } from "../app/accounts/demo";

const staffText = (key: string, values: Record<string, string | number> = {}) =>
  Object.entries(values).reduce((words, [name, value]) => words.replaceAll(`{{${name}}}`, String(value)), text("en", key, "staff"));

/** Types a date into GOV.UK's three boxes. */
async function fillDate(page: Page, legend: string, day: number, month: number, year: number) {
  const group = page.getByRole("group", { name: legend });
  await group.getByLabel(text("en", "errors.form.date.day")).fill(String(day));
  await group.getByLabel(text("en", "errors.form.date.month")).fill(String(month));
  await group.getByLabel(text("en", "errors.form.date.year")).fill(String(year));
}

test("a manager adds an officer, who takes a complaint through Stage 1; the advocate asks for Stage 2 and the manager responds", async ({ browser, page }) => {
  test.setTimeout(600_000);
  const withScripts = test.info().project.use.javaScriptEnabled !== false;
  const [reference, client] = withScripts ? ["CCC-DEM0-0108", "demo.client5@example.com"] : ["CCC-DEM0-0109", "demo.client6@example.com"];
  const newOfficer = withScripts ? "new.officer.js@coventry.gov.uk" : "new.officer.nojs@coventry.gov.uk";

  // A manager adds the officer: the form names what is missing, then the list shows them.
  const manager = await browser.newPage({ javaScriptEnabled: withScripts, locale: "en" });
  await signInAsStaff(manager, DEMO_LEAD_EMAILS[withScripts ? 0 : 1]!);
  await manager.getByRole("link", { name: staffText("layout.people") }).click();
  await expect(manager.getByRole("heading", { level: 1 })).toHaveText(staffText("people.title"));
  await expectNoAxeViolations(manager);
  await manager.getByRole("link", { name: staffText("people.add") }).click();
  await manager.getByRole("button", { name: staffText("people.addButton") }).click();
  await expect(manager.locator(".govuk-error-summary")).toContainText(staffText("people.error.role"));
  await expectNoAxeViolations(manager);
  await manager.getByLabel(staffText("people.email")).fill(newOfficer);
  await manager.getByLabel(staffText("people.name")).fill("Robin Officer");
  await manager.getByLabel(staffText("people.roleName.complaints_officer")).check();
  await manager.getByRole("button", { name: staffText("people.addButton") }).click();
  await expect(manager.getByRole("alert")).toContainText(staffText("people.done.added"));
  await expect(manager.locator("main")).toContainText(newOfficer);
  await expectNoAxeViolations(manager);

  // The manager assigns an investigating officer, who will see this complaint and only those assigned to them.
  await manager.goto(`/staff/complaints/${reference}`);
  await manager.getByRole("link", { name: staffText("assign.link") }).click();
  await manager.getByRole("button", { name: staffText("assign.button") }).click();
  await expect(manager.locator(".govuk-error-summary")).toContainText(staffText("assign.error.staffId"));
  await expectNoAxeViolations(manager);
  await manager.getByLabel("Bo Access").check();
  await manager.getByRole("button", { name: staffText("assign.button") }).click();
  await expect(manager.getByRole("alert")).toContainText(staffText("case.done.assigned"));
  await expect(manager.locator("main")).toContainText("Bo Access");
  await expectNoAxeViolations(manager);

  // The new officer signs in for the first time, setting up an authenticator.
  await signInAsStaff(page, newOfficer);

  // The case page: what was sent, who acts for the person, and what can be done now.
  await page.goto(`/staff/complaints/${reference}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(reference);
  await expect(page.locator("main")).toContainText("Priya Demo");
  await expect(page.locator("main")).toContainText(withScripts ? "boiler repair" : "kitchen ceiling");
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: staffText("action.accept.title") }).click();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: staffText("action.accept.button") }).click();
  await expect(page.getByRole("alert")).toContainText(staffText("case.done.accept"));
  await expectNoAxeViolations(page);

  // Acknowledging needs our understanding and the officer's name.
  await page.getByRole("link", { name: staffText("action.acknowledge.title", { stage: 1 }), exact: true }).click();
  await page.getByRole("button", { name: staffText("action.acknowledge.button") }).click();
  const summary = page.locator(".govuk-error-summary");
  await expect(summary).toContainText(staffText("action.acknowledge.error.understanding"));
  await expect(summary).toContainText(staffText("action.acknowledge.error.officer"));
  await expectNoAxeViolations(page);
  await page.getByLabel(staffText("action.acknowledge.understanding")).fill("The repair was missed three times; you want it done and the missed days put right.");
  await page.getByLabel(staffText("action.acknowledge.officer")).fill("Robin Officer");
  await page.getByRole("button", { name: staffText("action.acknowledge.button") }).click();
  await expect(page.getByRole("alert")).toContainText(staffText("case.done.acknowledge"));
  await expect(page.locator("main")).toContainText("the missed days put right");
  // The client hears in their language (English here) with the response date worked out.
  const respondBy = await mailMatchTo(client, /We will respond to you by (\d+ \w+ \d{4})\./);
  expect(respondBy).toBeTruthy();

  // More time: the reason is required, and beyond the policy's 10 working days it is refused (409).
  await page.getByRole("link", { name: staffText("action.extend.title", { stage: 1 }), exact: true }).click();
  await expect(page.locator("main")).toContainText(staffText("action.extend.dueOn", { date: respondBy! }));
  await page.getByLabel(staffText("action.extend.days")).fill("11");
  await page.getByRole("button", { name: staffText("action.extend.button") }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText(staffText("action.extend.error.reason"));
  await expectNoAxeViolations(page);
  await page.getByLabel(staffText("action.extend.reason")).fill("We are waiting for the heating engineer's report.");
  await page.getByRole("button", { name: staffText("action.extend.button") }).click();
  await expect(page.locator("main")).toContainText(staffText("action.refused.extension_refused"));
  await page.goto(`/staff/complaints/${reference}/extend`);
  await page.getByLabel(staffText("action.extend.days")).fill("5");
  await page.getByLabel(staffText("action.extend.reason")).fill("We are waiting for the heating engineer's report.");
  await page.getByRole("button", { name: staffText("action.extend.button") }).click();
  await expect(page.getByRole("alert")).toContainText(staffText("case.done.extend"));
  expect(await mailMatchTo(client, /(Why we need more time[\s\S]*heating engineer's report[\s\S]*Ombudsman)/)).toBeTruthy();

  // The response, upheld: the apology and the remedy are asked for, then sent.
  await page.getByRole("link", { name: staffText("action.respond.title", { stage: 1 }), exact: true }).click();
  await page.getByLabel(staffText("action.respond.outcomeName.upheld"), { exact: true }).check();
  await page.getByLabel(staffText("action.respond.reasons")).fill("The visits were missed. We have booked the repair and will pay for the days without heating.");
  await page.getByRole("button", { name: staffText("action.respond.button") }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText(staffText("action.respond.error.apology"));
  await expect(page.locator(".govuk-error-summary")).toContainText(staffText("action.respond.error.remedies"));
  await expectNoAxeViolations(page);
  await page.getByLabel(staffText("action.respond.apology")).fill("We are sorry the visits were missed.");
  await page.getByLabel(staffText("action.respond.remedy.payment")).check();
  await page.getByLabel(staffText("action.respond.remedy.action_or_service")).check();
  await page.getByLabel(staffText("action.respond.payment")).fill("150");
  await page.getByLabel(staffText("action.respond.action", { number: 1 }), { exact: true }).fill("Replace the boiler");
  const nextYear = new Date().getUTCFullYear() + 1;
  await fillDate(page, staffText("action.respond.actionBy", { number: 1 }), 15, 1, nextYear);
  await page.getByRole("button", { name: staffText("action.respond.button") }).click();
  await expect(page.getByRole("alert")).toContainText(staffText("case.done.respond"));
  await expect(page.locator("main")).toContainText(staffText("case.noActions"));
  await expectNoAxeViolations(page);
  // The same form again: refused, nothing written twice.
  await page.goto(`/staff/complaints/${reference}/respond`);
  await expect(page.locator("main")).toContainText(staffText("action.refused.not_available"));
  await expectNoAxeViolations(page);
  expect(await mailMatchTo(client, /(you can ask for Stage 2 by \d+ \w+ \d{4})/)).toBeTruthy();
  expect(await mailMatchTo(client, /(We will pay you £150\.00\.)/)).toBeTruthy();

  // The advocate, with the client's permission, sees the response and its remedy, and asks for Stage 2.
  const advocate = await browser.newPage({ javaScriptEnabled: withScripts, locale: "en" });
  await signInAs(advocate, mailboxFor(DEMO_ADVOCATE_EMAIL, withScripts ? 2 : 3));
  await advocate.goto(`/complaints/${reference}`);
  await expect(advocate.locator("main")).toContainText("The visits were missed.");
  await expect(advocate.locator("main")).toContainText("We are sorry the visits were missed.");
  await expect(advocate.locator("main")).toContainText(`Replace the boiler – By 15 January ${nextYear}`);
  await expectNoAxeViolations(advocate);
  await advocate.getByRole("link", { name: "Ask for Stage 2" }).click();
  await advocate.getByLabel("I am not satisfied with the outcome").check();
  await advocate.getByLabel(text("en", "account.escalate.unresolved.label")).fill("The heating is still off.");
  await advocate.getByLabel(text("en", "account.escalate.outcomeWanted.label")).fill("A repair this week.");
  await advocate.getByRole("button", { name: text("en", "account.escalate.send") }).click();
  await expect(advocate.getByRole("alert")).toContainText("You have asked for Stage 2.");
  await expectNoAxeViolations(advocate);
  // And sends a photo, which staff can then download (never displayed as a page of the portal).
  await advocate.getByRole("link", { name: text("en", "account.case.addInformation") }).click();
  await advocate.getByLabel(text("en", "account.addInformation.message.label")).fill("A photo of the boiler.");
  await advocate.locator('input[name="files"]').setInputFiles({ name: "boiler photo.png", mimeType: "image/png", buffer: PNG });
  await advocate.getByRole("button", { name: text("en", "account.addInformation.send") }).click();
  await expect(advocate.getByRole("alert")).toContainText(text("en", "account.done.information"));

  // Staff see the request: Stage 2, waiting to be acknowledged.
  await page.goto(`/staff/complaints/${reference}`);
  await expect(page.locator("main")).toContainText(text("en", "account.status.awaiting_acknowledgement"));
  await expect(page.locator("main")).toContainText("The heating is still off.");
  const href = new URL((await page.getByRole("link", { name: "boiler photo.png" }).getAttribute("href"))!, page.url()).href;
  const file = await page.request.get(href);
  expect(file.status()).toBe(200);
  expect(file.headers()["content-type"]).toBe("image/png");
  expect(file.headers()["content-disposition"]).toBe(`attachment; filename="boiler photo.png"; filename*=UTF-8''boiler%20photo.png`);
  expect(file.headers()["x-content-type-options"]).toBe("nosniff");
  expect(file.headers()["content-security-policy"]).toBe("sandbox; default-src 'none'");
  expect(Buffer.compare(await file.body(), PNG)).toBe(0);
  // Not to anyone else, nor through another complaint.
  expect((await page.request.get(href.replace(reference, "CCC-DEM0-0001"))).status()).toBe(404);
  const stranger = await browser.newContext();
  expect((await stranger.request.get(href)).status()).toBe(404);
  await stranger.close();

  // The officer acknowledges Stage 2; only a manager may send its response (403 for the officer).
  await page.getByRole("link", { name: staffText("action.acknowledge.title", { stage: 2 }), exact: true }).click();
  await page.getByLabel(staffText("action.acknowledge.understanding")).fill("You say the heating is still off and want a repair this week.");
  await page.getByLabel(staffText("action.acknowledge.officer")).fill("Morgan Lead");
  await page.getByRole("button", { name: staffText("action.acknowledge.button") }).click();
  await expect(page.getByRole("alert")).toContainText(staffText("case.done.acknowledge"));
  const refused = await page.goto(`/staff/complaints/${reference}/respond`);
  expect(refused?.status()).toBe(403);
  await expect(page.locator("main")).toContainText(staffText("action.refused.manager_only"));

  await manager.goto(`/staff/complaints/${reference}`);
  await manager.getByRole("link", { name: staffText("action.respond.title", { stage: 2 }), exact: true }).click();
  await manager.getByLabel(staffText("action.respond.outcomeName.not_upheld"), { exact: true }).check();
  await manager.getByLabel(staffText("action.respond.reasons")).fill("The boiler was replaced on time; Stage 1 put things right.");
  await manager.getByRole("button", { name: staffText("action.respond.button") }).click();
  await expect(manager.getByRole("alert")).toContainText(staffText("case.done.respond"));
  await manager.close();

  // The advocate is pointed to the Ombudsman: the council's process is over.
  await advocate.goto(`/complaints/${reference}`);
  await expect(advocate.locator("main")).toContainText("Stage 1 put things right.");
  await expect(advocate.locator("main")).toContainText(text("en", "account.ombudsman.final"));
  await expect(advocate.getByRole("link", { name: "Ask for Stage 3" })).toHaveCount(0);
  await expectNoAxeViolations(advocate);
  await advocate.close();

  // Issue 10, item 3: the council decides on a caseworker acting on a signed form; the caseworker is told.
  const [onForm, client2] = withScripts ? ["CCC-DEM0-0200", "Client 01 Demo"] : ["CCC-DEM0-0201", "Client 02 Demo"];
  await page.goto(`/staff/complaints/${onForm}`);
  await page.getByRole("link", { name: text("en", "case.decide", "staff").replace("{{name}}", "Kofi Demo") }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(staffText("decide.title"));
  await expect(page.locator("main")).toContainText(staffText("decide.route.signed_form"));
  await page.getByRole("button", { name: staffText("decide.button") }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText(staffText("decide.error.decision"));
  await expectNoAxeViolations(page);
  await page.getByLabel(staffText("decide.accept")).check();
  await page.getByLabel(staffText("decide.reasons")).fill("The signed form is in order.");
  await page.getByRole("button", { name: staffText("decide.button") }).click();
  await expect(page.getByRole("alert")).toContainText(staffText("decide.done"));
  await expect(page.locator("main")).toContainText(text("en", "account.people.state.active"));
  await expectNoAxeViolations(page);
  expect(await mailMatchTo("demo.caseworker@example.com", new RegExp(`(you may act for ${client2} on complaint ${onForm})`))).toBeTruthy();
});

test("a children's complaint goes through Stages 1 and 2 to the review panel, and the parent is pointed to the Ombudsman @no-javascript-only", async ({ browser, page }) => {
  test.setTimeout(600_000);
  const reference = "CCC-DEM0-0010";
  await signInAsStaff(page, DEMO_LEAD_EMAILS[2]);
  const parent = await browser.newPage({ javaScriptEnabled: false, locale: "en" });
  await signInAs(parent, DEMO_FAMILY_EMAIL);

  const act = async (action: string, stage: number, fill: () => Promise<void> = async () => {}) => {
    await page.goto(`/staff/complaints/${reference}`);
    await page.getByRole("link", { name: staffText(`action.${action}.title`, { stage }), exact: true }).click();
    await fill();
    await page.getByRole("button", { name: staffText(`action.${action}.button`) }).click();
    await expect(page.getByRole("alert")).toContainText(staffText(`case.done.${action}`));
  };
  const acknowledge = (stage: number) =>
    act("acknowledge", stage, async () => {
      await page.getByLabel(staffText("action.acknowledge.understanding")).fill(`Stage ${stage}: the visits were cancelled without notice.`);
      await page.getByLabel(staffText("action.acknowledge.officer")).fill(stage === 2 ? "Independent Investigator" : "Lee Demo");
    });
  const respond = (stage: number, outcome: "not_upheld" | "partially_upheld") =>
    act("respond", stage, async () => {
      await page.getByLabel(staffText(`action.respond.outcomeName.${outcome}`), { exact: true }).check();
      await page.getByLabel(staffText("action.respond.reasons")).fill(`Stage ${stage} findings.`);
      if (outcome === "partially_upheld") {
        await page.getByLabel(staffText("action.respond.apology")).fill("We are sorry the visits were cancelled.");
        await page.getByLabel(staffText("action.respond.remedy.policy_changed")).check();
      }
    });
  const askFor = async (stage: number) => {
    await parent.goto(`/complaints/${reference}`);
    await parent.getByRole("link", { name: `Ask for Stage ${stage}` }).click();
    await parent.getByLabel("I am not satisfied with the outcome").check();
    await parent.getByLabel(text("en", "account.escalate.unresolved.label")).fill("The visits are still being cancelled.");
    await parent.getByLabel(text("en", "account.escalate.outcomeWanted.label")).fill("Visits on the agreed days.");
    await parent.getByRole("button", { name: text("en", "account.escalate.send") }).click();
    await expect(parent.getByRole("alert")).toContainText(`You have asked for Stage ${stage}.`);
  };

  await act("accept", 1);
  await acknowledge(1);
  await respond(1, "not_upheld");
  await askFor(2);
  await acknowledge(2);
  await respond(2, "not_upheld");
  await askFor(3);
  await acknowledge(3);
  // Stage 3 is the review panel: no extension, and no response until the panel has met and reported.
  await expect(page.getByRole("link", { name: staffText("action.extend.title", { stage: 3 }), exact: true })).toHaveCount(0);
  await expect(page.getByRole("link", { name: staffText("action.respond.title", { stage: 3 }), exact: true })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await act("panel-held", 3);
  await act("panel-reported", 3);
  await respond(3, "partially_upheld");
  await expect(page.locator("main")).toContainText(staffText("case.noActions"));
  await expectNoAxeViolations(page);

  // The parent sees the council's response to the panel, its apology, and the Ombudsman: the process is over.
  await parent.goto(`/complaints/${reference}`);
  await expect(parent.locator("main")).toContainText(text("en", "account.event.panel_reported"));
  await expect(parent.locator("main")).toContainText("We are sorry the visits were cancelled.");
  await expect(parent.locator("main")).toContainText(text("en", "account.ombudsman.final"));
  await expectNoAxeViolations(parent);
  expect(await mailMatchTo(DEMO_FAMILY_EMAIL, /(This was the last stage of our complaints process\.)/)).toBeTruthy();
  await parent.close();
});

test("a manager logs a complaint made by phone, refuses one at triage naming the exclusion, and accepts a late request for Stage 2 @no-javascript-only", async ({ browser, page }) => {
  test.setTimeout(300_000);
  await signInAsStaff(page, DEMO_LEAD_EMAILS[3]);

  // A complaint made by phone, by someone without email: logged, to triage, letters to be posted.
  await page.getByRole("link", { name: staffText("queue.logOffline") }).click();
  await page.getByRole("button", { name: staffText("offline.button") }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText(staffText("offline.error.contact.required"));
  await expectNoAxeViolations(page);
  await page.getByLabel(staffText("offline.channelName.phone"), { exact: true }).check();
  await fillDate(page, staffText("offline.receivedOn"), 1, 12, 2026);
  await page.getByLabel(staffText("offline.serviceArea")).selectOption("housing");
  await page.getByLabel(staffText("offline.name")).fill("Ion Popescu");
  await page.getByLabel(staffText("offline.address")).fill("2 Low Street, Coventry");
  await page.getByLabel(staffText("offline.language")).selectOption("ro");
  await page.getByLabel(staffText("case.whatWentWrong")).fill("My bins were not collected for a month.");
  await page.getByRole("button", { name: staffText("offline.button") }).click();
  await expect(page.getByRole("alert")).toContainText(staffText("case.done.logged"));
  await expect(page.locator("main")).toContainText(staffText("case.postLetters"));
  await expect(page.locator("main")).toContainText(staffText("case.channelName.phone"));
  await expect(page.locator("main")).toContainText("1 December 2026");
  await expectNoAxeViolations(page);

  // It alleges a safeguarding concern (§8): flagged, and every manager is emailed at once.
  await page.getByRole("link", { name: staffText("flag.link") }).click();
  await page.getByRole("button", { name: staffText("flag.button") }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText(staffText("flag.error.kind"));
  await expectNoAxeViolations(page);
  await page.getByLabel(staffText("flag.kindLabel.safeguarding")).check();
  await page.getByLabel(staffText("flag.details")).fill("The caller said a neighbour's child is left alone for days.");
  await page.getByRole("button", { name: staffText("flag.button") }).click();
  await expect(page.getByRole("alert")).toContainText(staffText("case.done.flagged"));
  await expect(page.locator(".govuk-warning-text")).toContainText("left alone for days");
  await expectNoAxeViolations(page);
  expect(await mailMatchTo(DEMO_MANAGER_EMAIL, /(flagged a serious allegation \(safeguarding\))/)).toBeTruthy();

  // Triage records the team and the categories of concern (several); staff conduct brings its own, staff-only
  // outcome page (§15.4).
  await page.getByRole("link", { name: staffText("classify.link") }).click();
  await page.getByRole("button", { name: staffText("classify.button") }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText(staffText("classify.error.team"));
  await expect(page.locator(".govuk-error-summary")).toContainText(staffText("classify.error.categories"));
  await expectNoAxeViolations(page);
  await page.getByLabel(staffText("classify.team"), { exact: true }).fill("Waste Services");
  await page.getByLabel(staffText("classify.category.communication")).check();
  await page.getByLabel(staffText("classify.category.staff_conduct")).check();
  await page.getByRole("button", { name: staffText("classify.button") }).click();
  await expect(page.getByRole("alert")).toContainText(staffText("case.done.classified"));
  await expect(page.locator("main")).toContainText("Waste Services");
  await expect(page.locator("main")).toContainText(`${staffText("classify.category.communication")}, ${staffText("classify.category.staff_conduct")}`);
  await page.getByRole("link", { name: staffText("conduct.link") }).click();
  await page.getByRole("button", { name: staffText("conduct.button") }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText(staffText("conduct.error.outcome"));
  await expectNoAxeViolations(page);
  await page.getByLabel(staffText("action.respond.outcomeName.upheld"), { exact: true }).check();
  await page.getByLabel(staffText("conduct.notes")).fill("The crew member was spoken to by their supervisor.");
  await page.getByRole("button", { name: staffText("conduct.button") }).click();
  await expect(page.getByRole("alert")).toContainText(staffText("case.done.conduct"));
  await expect(page.locator("main")).toContainText("spoken to by their supervisor");
  await expectNoAxeViolations(page);

  // Not accepted (§6.5): the exclusion is required, and the letter gives the Ombudsman route.
  await page.goto("/staff/complaints/CCC-DEM0-0011");
  // The case page shows the advice the portal gave before it was sent, and the audit trail with this view in it.
  await expect(page.locator("main")).toContainText("Planning decisions (consents, refusals and enforcement) have their own appeal process.");
  await expect(page.getByRole("table", { name: staffText("case.auditHeading") })).toContainText(staffText("audit.viewed"));
  await page.getByRole("link", { name: staffText("action.not-accept.title"), exact: true }).click();
  await page.getByRole("button", { name: staffText("action.not-accept.button") }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText(staffText("action.not-accept.error.exclusion"));
  await expect(page.locator(".govuk-error-summary")).toContainText(staffText("action.not-accept.error.reason"));
  await expectNoAxeViolations(page);
  await page.getByLabel(staffText("action.not-accept.exclusion")).selectOption("planning_decision");
  await page.getByLabel(staffText("action.not-accept.reason")).fill("Planning decisions have their own appeal to the Planning Inspectorate.");
  await page.getByRole("button", { name: staffText("action.not-accept.button") }).click();
  await expect(page.getByRole("alert")).toContainText(staffText("case.done.not-accept"));
  await expect(page.locator("main")).toContainText(staffText("case.noActions"));
  expect(await mailMatchTo(DEMO_FAMILY_EMAIL, /(The reason: Planning decision \(own appeal route\)\.)/)).toBeTruthy();
  expect(await mailMatchTo(DEMO_FAMILY_EMAIL, /(If you disagree with our decision not to accept your complaint)/)).toBeTruthy();

  // The parent went to the Ombudsman: the enquiry is recorded, then its decision, once.
  await page.getByRole("link", { name: staffText("ombudsman.link") }).click();
  await page.getByRole("button", { name: staffText("ombudsman.button") }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText(staffText("ombudsman.error.reference"));
  await expectNoAxeViolations(page);
  await page.getByLabel(staffText("ombudsman.reference")).fill("26 004 321");
  await fillDate(page, staffText("ombudsman.receivedOn"), 1, 12, 2026);
  await page.getByRole("button", { name: staffText("ombudsman.button") }).click();
  await expect(page.getByRole("alert")).toContainText(staffText("case.done.ombudsman"));
  await page.getByRole("link", { name: staffText("ombudsman.recordDecision", { reference: "26 004 321" }) }).click();
  await page.getByRole("button", { name: staffText("ombudsman.decisionButton") }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText(staffText("ombudsman.error.decision"));
  await expectNoAxeViolations(page);
  await page.getByLabel(staffText("ombudsman.decision.not_upheld")).check();
  await fillDate(page, staffText("ombudsman.decidedOn"), 2, 12, 2026);
  await page.getByRole("button", { name: staffText("ombudsman.decisionButton") }).click();
  await expect(page.getByRole("alert")).toContainText(staffText("case.done.ombudsman-decision"));
  await expect(page.locator("main")).toContainText(staffText("ombudsman.itemDecided", { decision: staffText("ombudsman.decision.not_upheld"), date: "2 December 2026" }));
  await expectNoAxeViolations(page);

  // A late request for Stage 2 (§14.4): the manager reads why, and accepts it; Stage 2 starts from today.
  await page.goto("/staff/complaints/CCC-DEM0-0012");
  await page.getByRole("link", { name: staffText("action.decide-late.title"), exact: true }).click();
  await expect(page.locator("main")).toContainText("Nobody has come.");
  await page.getByRole("button", { name: staffText("action.decide-late.button") }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText(staffText("action.decide-late.error.decision"));
  await expectNoAxeViolations(page);
  await page.getByLabel(staffText("action.decide-late.accept")).check();
  await page.getByLabel(staffText("action.decide-late.reason")).fill("The repair we agreed at Stage 1 was not done.");
  await page.getByRole("button", { name: staffText("action.decide-late.button") }).click();
  await expect(page.getByRole("alert")).toContainText(staffText("case.done.decide-late"));
  await expect(page.getByRole("link", { name: staffText("action.acknowledge.title", { stage: 2 }), exact: true })).toBeVisible();
  expect(await mailMatchTo(DEMO_FAMILY_EMAIL, /(came after the usual 20 working days, but we have accepted it\.)/)).toBeTruthy();

  // §18: the parent's contact is limited, with one person to contact and a review date, and they are written to.
  await page.getByRole("link", { name: staffText("restriction.link") }).click();
  await page.getByRole("button", { name: staffText("restriction.button") }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText(staffText("restriction.error.restrictions"));
  await expectNoAxeViolations(page);
  await page.getByLabel(staffText("restriction.kind.written_only")).check();
  await page.getByLabel(staffText("restriction.reasons")).fill("We received forty calls in one week, which kept us from looking into your complaint.");
  await page.getByLabel(staffText("restriction.contactName")).fill("Jo Smith");
  await page.getByLabel(staffText("restriction.contactWay")).fill("jo.smith@coventry.gov.uk");
  await fillDate(page, staffText("restriction.reviewOn"), 1, 3, 2027);
  await page.getByRole("button", { name: staffText("restriction.button") }).click();
  await expect(page.getByRole("alert")).toContainText(staffText("case.done.restricted"));
  await expect(page.locator("main")).toContainText(staffText("restriction.kind.written_only"));
  await expectNoAxeViolations(page);
  expect(await mailMatchTo(DEMO_FAMILY_EMAIL, /(forty calls in one week)/)).toBeTruthy();

  // §13.10: the parent's further complaint joins their complaint at Stage 1 — not one already responded to.
  await page.goto("/staff/complaints/CCC-DEM0-0015");
  await page.getByRole("link", { name: staffText("action.join.title"), exact: true }).click();
  await page.getByLabel(staffText("action.join.joinedTo")).fill("CCC-DEM0-0012");
  await page.getByLabel(staffText("action.join.reason")).fill("Both are about the damp in your son's bedroom.");
  await page.getByRole("button", { name: staffText("action.join.button") }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText(staffText("action.join.error.not_stage_one"));
  await expectNoAxeViolations(page);
  await page.getByLabel(staffText("action.join.joinedTo")).fill("ccc-dem0-0014");
  await page.getByRole("button", { name: staffText("action.join.button") }).click();
  await expect(page.getByRole("alert")).toContainText(staffText("case.done.join"));
  await expect(page.locator("main")).toContainText(text("en", "account.status.joined"));
  await page.goto("/staff/complaints/CCC-DEM0-0014");
  await expect(page.locator(".govuk-inset-text", { hasText: staffText("action.join.joinedHere") })).toContainText("CCC-DEM0-0015");
  await expectNoAxeViolations(page);
  expect(await mailMatchTo(DEMO_FAMILY_EMAIL, /(We have joined your complaint CCC-DEM0-0015)/)).toBeTruthy();

  // A closure day far ahead (so no other test's dates move): refused at a weekend, added, then removed.
  await page.getByRole("link", { name: staffText("layout.closures") }).click();
  await fillDate(page, staffText("closures.day"), 29, 12, 2029);
  await page.getByLabel(staffText("closures.name")).fill("Council closure between Christmas and New Year");
  await page.getByRole("button", { name: staffText("closures.button") }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText(staffText("closures.error.weekend"));
  await expectNoAxeViolations(page);
  await fillDate(page, staffText("closures.day"), 27, 12, 2029);
  await page.getByRole("button", { name: staffText("closures.button") }).click();
  await expect(page.getByRole("alert")).toContainText(staffText("closures.done.added"));
  await expect(page.locator("main")).toContainText("27 December 2029: Council closure between Christmas and New Year");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: `${staffText("closures.remove")} 27 December 2029` }).click();
  await expect(page.getByRole("alert")).toContainText(staffText("closures.done.removed"));
  await expect(page.locator("main")).toContainText(staffText("closures.none"));

  // The parent sees the decisions on their complaints, in the officer's words, and the limits on contact.
  const parent = await browser.newPage({ javaScriptEnabled: false, locale: "en" });
  await signInAs(parent, mailboxFor(DEMO_FAMILY_EMAIL, 1));
  await parent.goto("/complaints/CCC-DEM0-0011");
  await expect(parent.locator("main")).toContainText(text("en", "account.event.triaged_not_accepted"));
  await expect(parent.locator("main")).toContainText("their own appeal to the Planning Inspectorate");
  await expectNoAxeViolations(parent);
  await parent.goto("/complaints/CCC-DEM0-0012");
  await expect(parent.locator("main")).toContainText(text("en", "account.status.awaiting_acknowledgement"));
  await expect(parent.getByRole("heading", { name: text("en", "account.restriction.heading") })).toBeVisible();
  await expect(parent.locator("main")).toContainText("Jo Smith, jo.smith@coventry.gov.uk");
  await expectNoAxeViolations(parent);
  await parent.goto("/complaints/CCC-DEM0-0015");
  await expect(parent.locator("main")).toContainText(text("en", "account.event.triaged_joined").replace("{{reference}}", "CCC-DEM0-0014"));
  await expectNoAxeViolations(parent);
  await parent.close();
});

test("an investigating officer drafts the response to a complaint assigned to them, and a manager checks it and sends it @no-javascript-only", async ({ browser, page }) => {
  test.setTimeout(300_000);
  const reference = "CCC-DEM0-0013";
  await signInAsStaff(page, DEMO_LEAD_EMAILS[4]);
  await page.goto(`/staff/complaints/${reference}/assign`);
  await page.getByLabel("Pat Demo").check();
  await page.getByRole("button", { name: staffText("assign.button") }).click();
  await expect(page.getByRole("alert")).toContainText(staffText("case.done.assigned"));

  // The investigating officer sees the complaint in their queue, and drafts the response: it must be one that could
  // be sent (upheld asks for the apology and a remedy).
  const investigator = await browser.newPage({ javaScriptEnabled: false, locale: "en" });
  await signInAsStaff(investigator, DEMO_INVESTIGATOR_EMAIL);
  await investigator.getByRole("link", { name: reference }).click();
  await investigator.getByRole("link", { name: staffText("draft.title", { stage: 1 }) }).click();
  await investigator.getByLabel(staffText("action.respond.outcomeName.upheld"), { exact: true }).check();
  await investigator.getByLabel(staffText("action.respond.reasons")).fill("The crew should have returned the bin to the kerb.");
  await investigator.getByRole("button", { name: staffText("draft.button") }).click();
  await expect(investigator.locator(".govuk-error-summary")).toContainText(staffText("action.respond.error.apology"));
  await expectNoAxeViolations(investigator);
  await investigator.getByLabel(staffText("action.respond.apology")).fill("We are sorry the crew left your bin in the road.");
  await investigator.getByLabel(staffText("action.respond.remedy.payment")).check();
  await investigator.getByLabel(staffText("action.respond.payment")).fill("45");
  await investigator.getByRole("button", { name: staffText("draft.button") }).click();
  await expect(investigator.getByRole("alert")).toContainText(staffText("case.done.drafted"));
  await expect(investigator.locator("main")).toContainText("Pat Demo");
  await expectNoAxeViolations(investigator);
  // Sending is not theirs to do.
  expect((await investigator.goto(`/staff/complaints/${reference}/respond`))?.status()).toBe(404);
  await investigator.close();

  // The manager finds the draft waiting, opens the response form filled in with it, and sends it.
  await page.goto(`/staff/complaints/${reference}`);
  await expect(page.locator("main")).toContainText(staffText("draft.waiting", { by: "Pat Demo", date: "" }).split(" (")[0]!);
  await page.getByRole("link", { name: staffText("action.respond.title", { stage: 1 }), exact: true }).click();
  await expect(page.getByLabel(staffText("action.respond.reasons"))).toHaveValue("The crew should have returned the bin to the kerb.");
  await expect(page.getByLabel(staffText("action.respond.payment"))).toHaveValue("45");
  await expect(page.getByLabel(staffText("action.respond.remedy.payment"))).toBeChecked();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: staffText("action.respond.button") }).click();
  await expect(page.getByRole("alert")).toContainText(staffText("case.done.respond"));
  expect(await mailMatchTo(DEMO_FAMILY_EMAIL, /(We are sorry the crew left your bin in the road\.)/)).toBeTruthy();
});
