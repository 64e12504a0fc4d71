import { readFileSync } from "node:fs";
import postgres from "postgres";
import { expect, expectNoAxeViolations, LANGUAGES, test, text } from "./fixtures";

// This server started on an empty PostgreSQL database (E2E_DATABASE_URL) and had to migrate it itself.
test("the portal migrates an empty PostgreSQL database and reports it healthy", async ({ request }) => {
  const response = await request.get("/healthz");
  expect(await response.json()).toEqual({ status: "ok", database: "ok" });
  const sql = postgres(process.env.E2E_MIGRATION_URL!, { max: 1 });
  try {
    const tables = await sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`;
    expect(tables.map((row) => row.table_name)).toContain("complaints");
    expect(tables.map((row) => row.table_name)).toContain("service_area_names");
    const [applied] = await sql`select count(*)::int as n from drizzle.__drizzle_migrations`;
    const journal = JSON.parse(readFileSync("db/migrations/meta/_journal.json", "utf8")) as { entries: unknown[] };
    expect(applied?.n).toBe(journal.entries.length);
  } finally {
    await sql.end();
  }
});

test("the portal works as a role that can read no equality answer", async ({ request }) => {
  expect((await request.get("/healthz")).status()).toBe(200);
  // E2E_DATABASE_URL is the role this server runs as (a member of portal_web).
  const sql = postgres(process.env.E2E_DATABASE_URL!, { max: 1, onnotice: () => {} });
  try {
    const [who] = await sql`select current_user as name, pg_has_role(current_user, 'portal_web', 'member') as web`;
    expect(who).toEqual({ name: "portal_app", web: true });
    const refused = await sql`select * from equality.responses`.then(() => "allowed", (error: { code?: string }) => error.code);
    expect(refused).toBe("42501");
  } finally {
    await sql.end();
  }
});

for (const language of LANGUAGES) {
  test.describe(`in ${language.code}`, () => {
    test.use({ locale: language.code });

    test("serves the start page from PostgreSQL", async ({ page }) => {
      const response = await page.goto("/");
      expect(response?.status()).toBe(200);
      await expect(page.locator("html")).toHaveAttribute("lang", language.tag);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(text(language.code, "start.title"));
    });
  });
}

// This server allows 2 compliments an hour from one client (RATE_LIMITS in playwright.config.ts), to show what a
// resident sees past a limit; the other servers keep the default limits.
test("past a rate limit the form comes back with what was typed, a translated message and Retry-After", async ({ page }) => {
  const send = async (message: string) => {
    await page.goto("/compliment");
    await page.locator('input[name="kind"][value="comment"]').check();
    await page.locator('textarea[name="message"]').fill(message);
    await page.getByRole("button", { name: text("en", "compliment.send") }).click();
  };
  for (const message of ["First", "Second"]) {
    await send(message);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(text("en", "compliment.thanks.title"));
  }
  await send("Third, which must not be lost");
  await expect(page.locator(".govuk-error-summary")).toContainText(text("en", "errors.form.tooMany"));
  await expect(page.locator('textarea[name="message"]')).toHaveValue("Third, which must not be lost");
  await expectNoAxeViolations(page);
  // Without JavaScript the same form post is answered 429, saying when to try again.
  const refused = await page.request.post("/compliment", {
    form: { kind: "comment", message: "Fourth" },
    headers: { Origin: new URL(page.url()).origin },
  });
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
  expect(await refused.text()).toContain("Fourth");
});
