// Staff move a complaint through its first stage (issue 11, item 3), and the person's representative asks for the
// next one (issue 10): a complaint made by the demo advocate for a client who agreed, letters to both
// (db/seed.ts). A complaints officer accepts it, acknowledges it with our understanding and the officer's name,
// and responds upheld; the client and the advocate are emailed; the advocate asks for Stage 2.
import { expect, expectNoAxeViolations, mailboxFor, mailMatchTo, ONE_PIXEL_PNG as PNG, signInAs, signInAsStaff, test, text } from "./fixtures";
import { DEMO_ADVOCATE_EMAIL, DEMO_TEAM_EMAILS } from "../app/accounts/demo";

const staffText = (key: string) => text("en", key, "staff");


test("an officer accepts, acknowledges and responds; the advocate then asks for Stage 2; the officer decides on a signed form", async ({ browser, page }) => {
  test.setTimeout(300_000);
  const withScripts = test.info().project.use.javaScriptEnabled !== false;
  const [reference, client] = withScripts ? ["CCC-DEM0-0108", "demo.client5@example.com"] : ["CCC-DEM0-0109", "demo.client6@example.com"];
  await signInAsStaff(page, DEMO_TEAM_EMAILS[withScripts ? 0 : 1]!);

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
  await page.getByRole("link", { name: staffText("action.acknowledge.title") }).click();
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
  expect(await mailMatchTo(client, /(We will respond to you by \d+ \w+ \d{4}\.)/)).toBeTruthy();

  await page.getByRole("link", { name: staffText("action.respond.title") }).click();
  await page.getByLabel(staffText("action.respond.outcomeName.upheld"), { exact: true }).check();
  await page.getByLabel(staffText("action.respond.reasons")).fill("The visits were missed. We have booked the repair and will pay for the days without heating.");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: staffText("action.respond.button") }).click();
  await expect(page.getByRole("alert")).toContainText(staffText("case.done.respond"));
  await expect(page.locator("main")).toContainText(staffText("case.noActions"));
  await expectNoAxeViolations(page);
  // The same form again: refused, nothing written twice.
  await page.goto(`/staff/complaints/${reference}/respond`);
  await expect(page.locator("main")).toContainText(staffText("action.refused.not_available"));
  await expectNoAxeViolations(page);
  expect(await mailMatchTo(client, /(you can ask for Stage 2 by \d+ \w+ \d{4})/)).toBeTruthy();

  // The advocate, with the client's permission, sees the response and asks for Stage 2.
  const advocate = await browser.newPage({ javaScriptEnabled: withScripts, locale: "en" });
  await signInAs(advocate, mailboxFor(DEMO_ADVOCATE_EMAIL, withScripts ? 2 : 3));
  await advocate.goto(`/complaints/${reference}`);
  await expect(advocate.locator("main")).toContainText("The visits were missed.");
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
  await advocate.close();

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
