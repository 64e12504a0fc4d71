// Who may see a complaint (issue 9, item 8), over HTTP without a browser page: every complaint route, as nobody, as
// another signed-in resident, and as the complainant. Only the complainant gets the complaint; another resident is
// told it does not exist (404), exactly as for a reference no one has; nobody is asked to sign in.
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { expect, mailboxFor, signInCodeSentTo, test } from "./fixtures";

const PORT = Number(process.env.E2E_PORT ?? 3210);
const BASE = `http://localhost:${PORT}`;
const ORIGIN = { Origin: BASE };
const REFERENCE = "CCC-DEM0-0003";
const DEMO_ADDRESS = "demo.resident@example.com";

async function signedIn(email: string): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL: BASE, extraHTTPHeaders: { "Accept-Language": "en" } });
  const since = Date.now();
  const asked = await context.post("/sign-in", { form: { email }, headers: ORIGIN });
  expect(asked.url()).toBe(`${BASE}/sign-in/code`);
  const code = await signInCodeSentTo(email, since);
  const done = await context.post("/sign-in/code", { form: { code }, headers: ORIGIN });
  expect(done.url()).toBe(`${BASE}/complaints`);
  return context;
}

/** Every page and data request a complaint has: its page and its forms, and Remix's data for each. */
const PAGES = [`/complaints/${REFERENCE}`, `/complaints/${REFERENCE}/next-stage`, `/complaints/${REFERENCE}/add-information`, `/complaints/${REFERENCE}/withdraw`, `/complaints/${REFERENCE}/case-file`];
const ROUTES = [...PAGES.flatMap((path) => [path, `${path}.data`]), `/complaints/${REFERENCE}/case-file.pdf`, `/complaints/${REFERENCE}/case-file.zip`];

test("only the complainant reaches their complaint; others get 404, nobody is sent to sign in", async () => {
  test.setTimeout(120_000);
  const nobody = await playwrightRequest.newContext({ baseURL: BASE });
  const other = await signedIn("another.resident@example.com");
  const complainant = await signedIn(mailboxFor(DEMO_ADDRESS, 14));

  for (const path of ROUTES) {
    const anonymous = await nobody.get(path, { maxRedirects: 0 });
    expect(anonymous.status(), `${path} as nobody`).toBe(path.endsWith(".data") ? 202 : 303);
    if (!path.endsWith(".data")) expect(anonymous.headers().location).toBe(`/sign-in?returnTo=${encodeURIComponent(path)}`);

    const guessed = await other.get(path, { maxRedirects: 0 });
    expect(guessed.status(), `${path} as another resident`).toBe(404);
    expect(await guessed.text()).not.toContain("Housing");

    const own = await complainant.get(path, { maxRedirects: 0 });
    expect(own.status(), `${path} as the complainant`).toBe(200);
    expect(await own.text()).toContain(REFERENCE);
  }

  // Posting any of the forms: nobody is sent to sign in, another resident gets 404, and nothing is recorded.
  for (const path of PAGES.slice(1, 4)) {
    const form = { form: { formId: crypto.randomUUID(), version: "3", message: "x", reason: "x" }, headers: ORIGIN, maxRedirects: 0 };
    expect((await nobody.post(path, form)).status(), `${path} posted by nobody`).toBe(303);
    expect((await other.post(path, form)).status(), `${path} posted by another resident`).toBe(404);
  }

  // A reference no one has looks the same as someone else's.
  expect((await complainant.get("/complaints/CCC-ZZZZ-ZZZZ")).status()).toBe(404);
  expect((await complainant.get("/complaints/not-a-reference")).status()).toBe(404);
  // The other resident's list has none of the demo complaints.
  expect(await (await other.get("/complaints")).text()).not.toContain("CCC-DEM0");

  // Signed out, the same cookie reaches nothing.
  await complainant.post("/sign-out", { form: {}, headers: ORIGIN });
  const after = await complainant.get(ROUTES[0]!, { maxRedirects: 0 });
  expect(after.status()).toBe(303);
  await Promise.all([nobody.dispose(), other.dispose(), complainant.dispose()]);
});

test("a wrong code is refused with a 400 and a replayed code signs no one in", async () => {
  const context = await playwrightRequest.newContext({ baseURL: BASE });
  const since = Date.now();
  await context.post("/sign-in", { form: { email: "replay@example.com" }, headers: ORIGIN });
  const code = await signInCodeSentTo("replay@example.com", since);
  const wrong = await context.post("/sign-in/code", { form: { code: code === "000000" ? "111111" : "000000" }, headers: ORIGIN, maxRedirects: 0 });
  expect(wrong.status()).toBe(400);
  const cookies = (await context.storageState()).cookies;
  const right = await context.post("/sign-in/code", { form: { code }, headers: ORIGIN, maxRedirects: 0 });
  expect(right.status()).toBe(303);
  // The same form again, from a browser that kept the code page's cookie: the code is spent.
  const replay = await playwrightRequest.newContext({ baseURL: BASE, storageState: { cookies, origins: [] } });
  const again = await replay.post("/sign-in/code", { form: { code }, headers: ORIGIN, maxRedirects: 0 });
  expect(again.status()).toBe(400);
  expect(await again.text()).toContain("can no longer be used");
  await Promise.all([context.dispose(), replay.dispose()]);
});

/** A form page's hidden fields. */
async function formFields(context: APIRequestContext, path: string) {
  const html = await (await context.get(path)).text();
  const field = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? "";
  return { formId: field("formId"), version: field("version") };
}

test("a form posted twice records one event; a stale or impossible one is refused with 409, a malformed one 400", async () => {
  test.setTimeout(120_000);
  const complainant = await signedIn(mailboxFor(DEMO_ADDRESS, 15));
  const path = "/complaints/CCC-DEM0-0001/withdraw";
  const { formId, version } = await formFields(complainant, path);
  expect(formId).toMatch(/^[0-9a-f-]{36}$/);

  // Opened before the complaint changed: nothing recorded, the page says so.
  const stale = await complainant.post(path, { form: { formId: crypto.randomUUID(), version: String(Number(version) - 1), reason: "" }, headers: ORIGIN, maxRedirects: 0 });
  expect(stale.status()).toBe(409);
  expect(await stale.text()).toContain("Your complaint changed after you opened this page");

  // A hostile file is refused by its content, with a 400, and nothing is recorded.
  const adding = await formFields(complainant, "/complaints/CCC-DEM0-0001/add-information");
  const hostile = await complainant.post("/complaints/CCC-DEM0-0001/add-information", {
    multipart: { formId: adding.formId, version: adding.version, message: "See attached", files: { name: "invoice.pdf", mimeType: "application/pdf", buffer: Buffer.from("MZ\x90\x00 a program") } },
    headers: ORIGIN,
    maxRedirects: 0,
  });
  expect(hostile.status()).toBe(400);
  expect(await hostile.text()).toContain("invoice.pdf is not a real PDF file");

  const posts = await Promise.all(
    [1, 2, 3].map(() => complainant.post(path, { form: { formId, version, reason: "Sorted." }, headers: ORIGIN, maxRedirects: 0 })),
  );
  expect(posts.map((post) => post.status())).toEqual([303, 303, 303]);
  expect(posts.map((post) => post.headers().location)).toEqual(Array(3).fill("/complaints/CCC-DEM0-0001?done=withdrawn"));
  // Received, accepted, withdrawn: three events, not five.
  const page = await (await complainant.get("/complaints/CCC-DEM0-0001")).text();
  expect(page.match(/class="council-history__item"/g)).toHaveLength(3);

  // Withdrawn: nothing more can be added.
  const closed = await formFields(complainant, "/complaints/CCC-DEM0-0001/add-information");
  const added = await complainant.post("/complaints/CCC-DEM0-0001/add-information", {
    form: { formId: crypto.randomUUID(), version: closed.version, message: "More" },
    headers: ORIGIN,
    maxRedirects: 0,
  });
  expect(added.status()).toBe(409);
  const malformed = await complainant.post(path, { form: { formId: "1", version: "x" }, headers: ORIGIN, maxRedirects: 0 });
  expect(malformed.status()).toBe(400);
  // Another resident posting to the complaint is told it does not exist.
  const other = await signedIn("someone.else@example.com");
  const theirs = await other.post("/complaints/CCC-DEM0-0001/add-information", { form: { formId: crypto.randomUUID(), version, message: "x" }, headers: ORIGIN, maxRedirects: 0 });
  expect(theirs.status()).toBe(404);
  await Promise.all([complainant.dispose(), other.dispose()]);
});

/** Every page and data request of a complaint, and its forms, by reference. */
const routesOf = (reference: string) => {
  const forms = [`/complaints/${reference}/next-stage`, `/complaints/${reference}/add-information`, `/complaints/${reference}/withdraw`];
  // Issue 12: the case file, as a page, a PDF and a ZIP, only for those who see the whole complaint.
  const caseFile = [`/complaints/${reference}/case-file`, `/complaints/${reference}/case-file.data`, `/complaints/${reference}/case-file.pdf`, `/complaints/${reference}/case-file.zip`];
  const pages = [`/complaints/${reference}`, ...forms];
  return { pages, routes: [...pages.flatMap((path) => [path, `${path}.data`]), ...caseFile], forms };
};

async function statuses(context: APIRequestContext, reference: string) {
  const { routes, forms } = routesOf(reference);
  const got = await Promise.all(routes.map(async (path) => [path, (await context.get(path, { maxRedirects: 0 })).status()] as const));
  const posted = await Promise.all(
    forms.map(async (path) => [`POST ${path}`, (await context.post(path, { form: { formId: crypto.randomUUID(), version: "99", message: "x", reason: "x" }, headers: ORIGIN, maxRedirects: 0 })).status()] as const),
  );
  return Object.fromEntries([...got, ...posted]);
}

/** The same status for every route and action, except the complaint's own page (and its data) when `page` is given. */
const every = (reference: string, status: number, page = status) => {
  const { routes, forms } = routesOf(reference);
  return Object.fromEntries([...routes.map((path, index) => [path, index < 2 ? page : status]), ...forms.map((path) => [`POST ${path}`, status])]);
};

// Issue 10: someone acting for the person reaches the complaint only as far as the person's permission allows.
test("a representative reaches a complaint as permission allows: limited before, all with it, nothing after it ends", async () => {
  test.setTimeout(180_000);
  const advocate = await signedIn(mailboxFor("demo.advocate@example.com", 16));
  const councillor = await signedIn("cllr.demo@coventry.gov.uk");
  const person = await signedIn(mailboxFor("demo.client3@example.com", 16));
  const other = await signedIn("someone.different@example.com");

  // Before permission (the council deciding, CCC-DEM0-0103): the complaint's page only, with the stage; no forms.
  expect(await statuses(advocate, "CCC-DEM0-0103")).toEqual(every("CCC-DEM0-0103", 404, 200));
  expect(await (await advocate.get("/complaints/CCC-DEM0-0103")).text()).toContain("Waiting for our decision");
  // Permission refused (CCC-DEM0-0104): nothing.
  expect(await statuses(advocate, "CCC-DEM0-0104")).toEqual(every("CCC-DEM0-0104", 404));
  // With permission (CCC-DEM0-0102): every page; a stale form is refused as for the person (409), never as someone
  // else's (404).
  const withPermission = await statuses(advocate, "CCC-DEM0-0102");
  for (const [route, status] of Object.entries(withPermission)) expect(status, route).toBe(route.startsWith("POST") ? 409 : 200);
  // A representative of another complaint, and another resident: nothing.
  expect(await statuses(councillor, "CCC-DEM0-0102")).toEqual(every("CCC-DEM0-0102", 404));
  expect(await statuses(other, "CCC-DEM0-0102")).toEqual(every("CCC-DEM0-0102", 404));
  // The councillor, acting on a constituent's request, sees their own complaint.
  expect((await councillor.get("/complaints/CCC-DEM0-0105")).status()).toBe(200);

  // The person stops the advocate acting for them; only they may.
  const page = await (await person.get("/complaints/CCC-DEM0-0102")).text();
  const stop = /\/complaints\/CCC-DEM0-0102\/people\/[0-9a-f-]{36}\/stop/.exec(page)?.[0];
  expect(stop).toBeDefined();
  expect((await advocate.get(stop!)).status()).toBe(404);
  expect((await other.post(stop!, { form: { formId: crypto.randomUUID(), version: "0" }, headers: ORIGIN, maxRedirects: 0 })).status()).toBe(404);
  const { formId } = await formFields(person, stop!);
  const stopped = await person.post(stop!, { form: { formId, version: "0" }, headers: ORIGIN, maxRedirects: 0 });
  expect(stopped.status()).toBe(303);
  expect(stopped.headers().location).toBe("/complaints/CCC-DEM0-0102?done=stopped");
  // A second time: refused, nothing changed.
  expect((await person.post(stop!, { form: { formId: crypto.randomUUID(), version: "0" }, headers: ORIGIN, maxRedirects: 0 })).status()).toBe(409);

  // After revocation: the advocate's next request finds nothing, on every route and action.
  expect(await statuses(advocate, "CCC-DEM0-0102")).toEqual(every("CCC-DEM0-0102", 404));
  expect(await (await advocate.get("/complaints")).text()).not.toContain("CCC-DEM0-0102");
  // The person still has their complaint.
  expect((await person.get("/complaints/CCC-DEM0-0102")).status()).toBe(200);
  await Promise.all([advocate.dispose(), councillor.dispose(), person.dispose(), other.dispose()]);
});
