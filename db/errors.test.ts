import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "./client";
import { violatedUniqueConstraint } from "./errors";
import { DATABASE_KINDS, openTestDatabase } from "./test-support/databases";

describe.each(DATABASE_KINDS)("a failed statement on %s", (kind) => {
  let database: OpenDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind, "owner");
    await database.db.execute(sql`create table pairs (a text constraint pairs_a_unique unique, b text not null)`);
    await database.db.execute(sql`insert into pairs values ('x', 'y')`);
  });
  afterAll(async () => {
    await database?.close();
  });

  const failureOf = (statement: ReturnType<typeof sql>) => database.db.execute(statement).then(() => null, (error: unknown) => error);

  it("names the unique constraint it broke", async () => {
    expect(violatedUniqueConstraint(await failureOf(sql`insert into pairs values (${"x"}, ${"z"})`))).toBe("pairs_a_unique");
  });

  it("is not a unique violation when something else refused it, even if its text names the column", async () => {
    expect(violatedUniqueConstraint(await failureOf(sql`insert into pairs values (${"pairs_a_unique"}, null)`))).toBeNull();
  });
});
