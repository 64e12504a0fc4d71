import { sql } from "drizzle-orm";
import { getDb } from "~/db.server";

// For load balancers and uptime checks: 200 when the database answers, 503 when it does not.
export async function loader() {
  try {
    const db = await getDb();
    await db.execute(sql`select 1`);
    return Response.json({ status: "ok", database: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json({ status: "error", database: "unavailable" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
