// Who may reach each staff page (issue 11, "Done when"), over HTTP without a browser page: every staff route with a
// complaint or a person in it, as each of the five staff roles, as a resident, as a representative and as nobody,
// each with the answer expected. Complaints officers and managers act on complaints; only managers manage staff;
// investigating officers, panel members and the equality analyst reach no complaint not theirs (none is assigned
// in the demo), and anyone who is not staff is told the pages do not exist. Forms posted by those who may not use
// them get 404 and change nothing.
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { readFileSync } from "node:fs";
import { generate } from "otplib";
import { expect, mailboxFor, ONE_PIXEL_PNG, signInCodeSentTo, test } from "./fixtures";
import { DEMO_ACCESS_STAFF, DEMO_ADVOCATE_EMAIL, DEMO_RESIDENT_EMAIL } from "../app/accounts/demo";
import { CASE_ACTIONS } from "../app/staff/casework";

const PORT = Number(process.env.E2E_PORT ?? 3210);
const BASE = `http://localhost:${PORT}`;
const ORIGIN = { Origin: BASE };
/** The demo resident's complaint being investigated (db/seed.ts), to which the test adds a file. */
const REFERENCE = "CCC-DEM0-0002";
/** A caseworker's complaint on a signed permission form: a representation waiting for the council's decision. */
const ON_FORM = "CCC-DEM0-0230";

async function newContext() {
  return playwrightRequest.newContext({ baseURL: BASE, extraHTTPHeaders: { "Accept-Language": "en" } });
}

/** A member of staff signed in for the first time: the emailed code, then an authenticator set up from the key shown. */
async function signedInStaff(email: string): Promise<APIRequestContext> {
  const context = await newContext();
  const since = Date.now();
  await context.post("/staff/sign-in", { form: { email }, headers: ORIGIN });
  const code = await signInCodeSentTo(email, since);
  const setUp = await context.post("/staff/sign-in/code", { form: { code }, headers: ORIGIN });
  expect(setUp.url()).toBe(`${BASE}/staff/two-factor`);
  const secret = /class="council-key">([A-Z2-7]+)</.exec(await setUp.text())?.[1];
  expect(secret, `${email}'s authenticator key`).toBeTruthy();
  const done = await context.post("/staff/two-factor", { form: { code: await generate({ secret: secret! }) }, headers: ORIGIN });
  expect(done.url()).toBe(`${BASE}/staff`);
  return context;
}

async function signedInResident(email: string): Promise<APIRequestContext> {
  const context = await newContext();
  const since = Date.now();
  await context.post("/sign-in", { form: { email }, headers: ORIGIN });
  const done = await context.post("/sign-in/code", { form: { code: await signInCodeSentTo(email, since) }, headers: ORIGIN });
  expect(done.url()).toBe(`${BASE}/complaints`);
  return context;
}

/**
 * The equality monitoring questions and the answers residents can give, as the pages word them (the distinctive
 * ones: a bare "Yes" or "Prefer not to say" says nothing on its own).
 */
function equalityTexts(): string[] {
  const equality = (JSON.parse(readFileSync("locales/en/common.json", "utf8")) as { complaint: { equality: Record<string, unknown> } }).complaint.equality;
  const found: string[] = [];
  for (const [name, question] of Object.entries(equality)) {
    if (["sent", "skip", "introduction", "reference", "aboutThem"].includes(name) || typeof question !== "object" || question === null) continue;
    const { title, options } = question as { title?: string; options?: Record<string, unknown> };
    if (title) found.push(title);
    for (const option of Object.values(options ?? {})) if (typeof option === "string" && option.length > 12) found.push(option);
  }
  return found;
}

type Who = (typeof DEMO_ACCESS_STAFF)[number]["role"] | "resident" | "representative" | "nobody";
const ACTS_ON_COMPLAINTS: readonly Who[] = ["complaints_officer", "manager"];
const STAFF: readonly Who[] = DEMO_ACCESS_STAFF.map((member) => member.role);

test("every staff route answers each role, residents, representatives and nobody as expected", async () => {
  test.setTimeout(240_000);
  const people = new Map<Who, APIRequestContext>();
  for (const member of DEMO_ACCESS_STAFF) people.set(member.role, await signedInStaff(member.email));
  people.set("resident", await signedInResident(mailboxFor(DEMO_RESIDENT_EMAIL, 17)));
  people.set("representative", await signedInResident(mailboxFor(DEMO_ADVOCATE_EMAIL, 17)));
  people.set("nobody", await newContext());
  const manager = people.get("manager")!;

  // The resident sends a photo with their complaint, so it has a file for staff to download.
  const resident = people.get("resident")!;
  const addPage = await (await resident.get(`/complaints/${REFERENCE}/add-information`)).text();
  const hidden = (name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(addPage)?.[1] ?? "";
  const sent = await resident.post(`/complaints/${REFERENCE}/add-information`, {
    multipart: { formId: hidden("formId"), version: hidden("version"), message: "A photo of the wall.", files: { name: "wall.png", mimeType: "image/png", buffer: ONE_PIXEL_PNG } },
    headers: ORIGIN,
    maxRedirects: 0,
  });
  expect(sent.status()).toBe(303);

  // The ids in the routes, as a manager finds them: the complaint's file, a representation and a colleague.
  const fileId = /\/files\/([0-9a-f-]{36})"/.exec(await (await manager.get(`/staff/complaints/${REFERENCE}`)).text())?.[1];
  const representationId = /\/people\/([0-9a-f-]{36})"/.exec(await (await manager.get(`/staff/complaints/${ON_FORM}`)).text())?.[1];
  const peoplePage = await (await manager.get("/staff/people")).text();
  const colleagueId = /\/staff\/people\/([0-9a-f-]{36})\/deactivate"/.exec(peoplePage)?.[1];
  // Everyone in this test has just set up an authenticator, so there is one to reset.
  const resetId = /\/staff\/people\/([0-9a-f-]{36})\/reset-authenticator"/.exec(peoplePage)?.[1];
  // The complaint is recorded as being about staff conduct (so it has a conduct outcome page) and as the subject
  // of an Ombudsman enquiry (so that has a decision page).
  const classified = await manager.post(`/staff/complaints/${REFERENCE}/classify`, { form: { team: "Housing Repairs", categories: "staff_conduct" }, headers: ORIGIN, maxRedirects: 0 });
  expect(classified.status()).toBe(303);
  // §15.4: the response page then reminds whoever responds that the conduct outcome is not told.
  expect(await (await manager.get(`/staff/complaints/${REFERENCE}/respond`)).text()).toContain("This complaint is about staff conduct.");
  const enquiry = await manager.post(`/staff/complaints/${REFERENCE}/ombudsman`, {
    form: { ombudsmanReference: "26 000 111", "receivedOn-day": "1", "receivedOn-month": "12", "receivedOn-year": "2026" },
    headers: ORIGIN,
    maxRedirects: 0,
  });
  expect(enquiry.status()).toBe(303);
  const enquiryId = /\/ombudsman\/(\d+)"/.exec(await (await manager.get(`/staff/complaints/${REFERENCE}`)).text())?.[1];
  expect(enquiryId).toBeTruthy();
  expect({ fileId, representationId, colleagueId, resetId }).toEqual({ fileId: expect.any(String), representationId: expect.any(String), colleagueId: expect.any(String), resetId: expect.any(String) });

  const complaintRoutes = [
    `/staff/complaints/${REFERENCE}`,
    ...CASE_ACTIONS.map((action) => `/staff/complaints/${REFERENCE}/${action}`),
    `/staff/complaints/${REFERENCE}/assign`,
    `/staff/complaints/${REFERENCE}/flag`,
    `/staff/complaints/${REFERENCE}/classify`,
    `/staff/complaints/${REFERENCE}/conduct`,
    `/staff/complaints/${REFERENCE}/ombudsman`,
    `/staff/complaints/${REFERENCE}/ombudsman/${enquiryId}`,
    `/staff/complaints/${REFERENCE}/restrict`,
    `/staff/complaints/${REFERENCE}/files/${fileId}`,
    // Issue 12: the Ombudsman case file, as a page, a PDF and a ZIP.
    `/staff/complaints/${REFERENCE}/case-file`,
    `/staff/complaints/${REFERENCE}/case-file.pdf`,
    `/staff/complaints/${REFERENCE}/case-file.zip`,
    `/staff/complaints/${ON_FORM}/people/${representationId}`,
  ];
  const managerRoutes = ["/staff/people", "/staff/closure-days", "/staff/people/add", `/staff/people/${colleagueId}/deactivate`, `/staff/people/${resetId}/reset-authenticator`];
  const expected: Array<[string, (who: Who) => number]> = [
    ["/staff", (who) => (STAFF.includes(who) ? 200 : 404)],
    ["/staff/complaints/new", (who) => (ACTS_ON_COMPLAINTS.includes(who) ? 200 : 404)],
    ...complaintRoutes.map((path): [string, (who: Who) => number] => [path, (who) => (ACTS_ON_COMPLAINTS.includes(who) ? 200 : 404)]),
    ...managerRoutes.map((path): [string, (who: Who) => number] => [path, (who) => (who === "manager" ? 200 : 404)]),
    // Issue 12: the complaints report and its CSV, for those who act on complaints.
    ["/staff/reports", (who) => (ACTS_ON_COMPLAINTS.includes(who) ? 200 : 404)],
    ["/staff/reports.csv?table=received", (who) => (ACTS_ON_COMPLAINTS.includes(who) ? 200 : 404)],
    ["/staff/reports/childrens", (who) => (ACTS_ON_COMPLAINTS.includes(who) ? 200 : 404)],
    [`/staff/reports/childrens.csv?year=${new Date().getUTCFullYear() - 2}`, (who) => (ACTS_ON_COMPLAINTS.includes(who) ? 200 : 404)],
    ["/staff/reports/self-assessment", (who) => (ACTS_ON_COMPLAINTS.includes(who) ? 200 : 404)],
    [`/staff/reports/self-assessment/${new Date().getUTCFullYear() - 2}/5`, (who) => (who === "manager" ? 200 : 404)],
    // The equality report: the equality analyst and managers only.
    ["/staff/reports/equality", (who) => (who === "equality_analyst" || who === "manager" ? 200 : 404)],
    ["/staff/reports/equality?period=2025", (who) => (who === "equality_analyst" || who === "manager" ? 200 : 404)],
    // Drafting the response is for the investigating officer assigned to the complaint (nobody is yet).
    [`/staff/complaints/${REFERENCE}/draft`, () => 404],
  ];

  // Issue 11, item 5: no staff page shows the equality monitoring questions or answers, whoever reads it.
  const equalityWords = equalityTexts();
  expect(equalityWords.length).toBeGreaterThan(20);
  for (const [path, answer] of expected) {
    for (const [who, context] of people) {
      const response = await context.get(path, { maxRedirects: 0 });
      expect(response.status(), `GET ${path} as ${who}`).toBe(answer(who));
      // The equality report (and the children's report's equality section) names the answers it counts, by design,
      // in aggregate; every other page names none.
      if (answer(who) === 200 && !path.includes("/files/") && !path.startsWith("/staff/reports/equality") && !path.startsWith("/staff/reports/childrens")) {
        const page = await response.text();
        for (const words of equalityWords) expect(page, `${path} as ${who}`).not.toContain(words);
      }
      // Staff pages are never cached, whoever asks.
      expect(response.headers()["cache-control"] ?? "", `${path} as ${who}`).toMatch(/no-store/);
    }
  }

  // Posting a complaint's forms or the staff forms without the role: 404, and the complaint is as it was.
  const before = await (await manager.get(`/staff/complaints/${REFERENCE}`)).text();
  const form = { formId: crypto.randomUUID(), version: "1", email: "intruder@example.com", name: "Intruder", role: "manager", outcome: "upheld", reasons: "x", decision: "accept" };
  // (Only the pages with a form: the others answer a post with 405, whoever sends it.)
  const withForms = expected.filter(([path]) => new RegExp(`/(${CASE_ACTIONS.join("|")}|people/[0-9a-f-]{36}|assign|flag|classify|conduct|ombudsman|ombudsman/\\d+|restrict|draft|add|deactivate|reset-authenticator|complaints/new|closure-days)$`).test(path));
  expect(withForms).toHaveLength(CASE_ACTIONS.length + 14);
  for (const [path, answer] of withForms) {
    for (const [who, context] of people) {
      if (answer(who) === 200) continue;
      const response = await context.post(path, { form, headers: ORIGIN, maxRedirects: 0 });
      expect(response.status(), `POST ${path} as ${who}`).toBe(404);
    }
  }
  const after = await (await manager.get(`/staff/complaints/${REFERENCE}`)).text();
  const statusOf = (html: string) => /Status<\/dt><dd[^>]*>([^<]+)</.exec(html)?.[1];
  expect(statusOf(before)).toBeTruthy();
  expect(statusOf(after)).toBe(statusOf(before));
  expect(await (await manager.get("/staff/people")).text()).not.toContain("intruder@example.com");

  // Once assigned, the investigating officer and the panel member see the complaint, its files, its case file and its place in
  // their queue — and still may not act on it, decide for it or assign it.
  const assignPage = await (await manager.get(`/staff/complaints/${REFERENCE}/assign`)).text();
  for (const member of DEMO_ACCESS_STAFF.filter((candidate) => candidate.role === "investigating_officer" || candidate.role === "independent_investigator")) {
    const id = new RegExp(`value="([0-9a-f-]{36})"[^>]*/?>(?:<!-- -->)?\\s*<label[^>]*>${member.name}<`).exec(assignPage)?.[1];
    expect(id, `${member.name} offered for assignment`).toBeTruthy();
    const assigned = await manager.post(`/staff/complaints/${REFERENCE}/assign`, { form: { intent: "assign", staffId: id! }, headers: ORIGIN, maxRedirects: 0 });
    expect(assigned.status()).toBe(303);
    const context = people.get(member.role)!;
    for (const path of complaintRoutes) {
      const seen = path === `/staff/complaints/${REFERENCE}` || path.includes("/files/") || path.includes("/case-file");
      expect((await context.get(path, { maxRedirects: 0 })).status(), `GET ${path} as the assigned ${member.role}`).toBe(seen ? 200 : 404);
    }
    expect(await (await context.get("/staff")).text()).toContain(REFERENCE);
    // They draft its response (investigating officers and independent investigators alike).
    expect((await context.get(`/staff/complaints/${REFERENCE}/draft`)).status(), `the assigned ${member.role} drafts`).toBe(200);
  }

  // The queue narrowed to representations waiting for the council's decision: the caseworker's signed forms.
  const awaiting = await (await manager.get("/staff?awaiting=representation&q=CCC-DEM0-023")).text();
  expect(awaiting).toContain(ON_FORM);
  expect(await (await manager.get("/staff?q=CCC-DEM0-000")).text()).toContain(REFERENCE);
  expect(await (await manager.get("/staff?awaiting=representation&q=CCC-DEM0-000")).text()).not.toContain(REFERENCE);

  // The Ombudsman's decision is recorded once; a second is refused with 409 and the first stays (issue 11).
  const decision = { decision: "not_upheld", "decidedOn-day": "2", "decidedOn-month": "12", "decidedOn-year": "2026" };
  const decided = await manager.post(`/staff/complaints/${REFERENCE}/ombudsman/${enquiryId}`, { form: decision, headers: ORIGIN, maxRedirects: 0 });
  expect(decided.status()).toBe(303);
  const again = await manager.post(`/staff/complaints/${REFERENCE}/ombudsman/${enquiryId}`, { form: { ...decision, decision: "advice_given" }, headers: ORIGIN, maxRedirects: 0 });
  expect(again.status()).toBe(409);
  expect(await again.text()).toContain("already recorded: Not upheld: no fault");

  // Issue 12: a report's CSV escapes a cell a spreadsheet would run as a formula; a range backwards is the form's
  // error, and a table it does not know is a bad request.
  const formula = await manager.post(`/staff/complaints/${REFERENCE}/classify`, { form: { team: "=HYPERLINK(\"http://evil.example\")", categories: "delay" }, headers: ORIGIN, maxRedirects: 0 });
  expect(formula.status()).toBe(303);
  const thisYear = await manager.get("/staff/reports.csv?table=teams&from=2026-04-01&to=2027-03-31");
  expect(thisYear.headers()["content-type"]).toContain("text/csv");
  expect(await thisYear.text()).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
  expect((await manager.get("/staff/reports?from=2026-04-01&to=2026-03-31")).status()).toBe(400);
  expect((await manager.get("/staff/reports.csv?table=equality")).status()).toBe(400);
  expect((await manager.get("/staff/reports/childrens.csv?year=1999")).status()).toBe(400);
  // The self-assessment's commentary: a section or year not on offer is not there; a complaints officer may not write.
  expect((await manager.get(`/staff/reports/self-assessment/${new Date().getUTCFullYear() - 2}/99`)).status()).toBe(404);
  expect((await manager.get("/staff/reports/self-assessment/1999/5")).status()).toBe(404);
  const officer = people.get("complaints_officer")!;
  const refused = await officer.post(`/staff/reports/self-assessment/${new Date().getUTCFullYear() - 2}/5`, { form: { commentary: "Not mine to write" }, headers: ORIGIN, maxRedirects: 0 });
  expect(refused.status()).toBe(404);
  expect(await (await manager.get("/staff/reports/self-assessment")).text()).not.toContain("Not mine to write");
  // The equality report offers fixed periods only: any other is the form's error, never a report.
  const anyRange = await manager.get("/staff/reports/equality?period=2025-04-01");
  expect(anyRange.status()).toBe(400);
  expect(await anyRange.text()).toContain("Choose a financial year or quarter from the list");

  for (const context of people.values()) await context.dispose();
});
