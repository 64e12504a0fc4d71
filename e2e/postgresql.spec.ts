import postgres from "postgres";
import { expect, LANGUAGES, test, text } from "./fixtures";

// This server started on an empty PostgreSQL database (E2E_DATABASE_URL) and had to migrate it itself.
test("the portal migrates an empty PostgreSQL database and reports it healthy", async ({ request }) => {
  const response = await request.get("/healthz");
  expect(await response.json()).toEqual({ status: "ok", database: "ok" });
  const sql = postgres(process.env.E2E_DATABASE_URL!, { max: 1 });
  try {
    const tables = await sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`;
    expect(tables.map((row) => row.table_name)).toEqual([
      "complaint_events",
      "complaints",
      "service_area_names",
      "service_areas",
    ]);
  } finally {
    await sql.end();
  }
});

for (const language of LANGUAGES) {
  test(`serves the start page in ${language.code} from PostgreSQL`, async ({ page }) => {
    await page.setExtraHTTPHeaders({ "Accept-Language": language.code });
    const response = await page.goto("/");
    expect(response?.status()).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", language.tag);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(text(language.code, "start.title"));
  });
}
