import { readFileSync } from "node:fs";
import postgres from "postgres";
import { expect, LANGUAGES, test, text } from "./fixtures";

// This server started on an empty PostgreSQL database (E2E_DATABASE_URL) and had to migrate it itself.
test("the portal migrates an empty PostgreSQL database and reports it healthy", async ({ request }) => {
  const response = await request.get("/healthz");
  expect(await response.json()).toEqual({ status: "ok", database: "ok" });
  const sql = postgres(process.env.E2E_DATABASE_URL!, { max: 1 });
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
