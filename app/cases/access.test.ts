import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "../../db/client";
import { seedReferenceData } from "../../db/seed";
import { DATABASE_KINDS, openTestDatabase } from "../../db/test-support/databases";
import { signedInAccount, signIn } from "~/accounts/sessions.server";
import { complaintForAccount, complaintsForAccount } from "./access.server";
import { openCase } from "./case-service.server";

describe.each(DATABASE_KINDS)("who reaches a complaint on %s", (kind) => {
  let database: OpenDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await seedReferenceData(database.db);
  });
  afterAll(async () => {
    await database?.close();
  });

  async function account(email: string) {
    const { setCookie } = await signIn(database.db, email);
    return (await signedInAccount(database.db, new Request("http://localhost/", { headers: { Cookie: setCookie.split(";")[0]! } })))!;
  }

  async function complaint(reference: string, email: string, accountId: string | null = null) {
    await database.db.transaction((tx) =>
      openCase(tx, {
        values: { reference, serviceAreaSlug: "housing", pathway: "corporate", language: "en", receivedOn: "2026-11-02", whatWentWrong: "Damp" },
        complainant: { name: "A", email, accountId },
        actor: "resident",
      }),
    );
  }

  it("gives an account the complaints made with its address before it existed, whatever the letter case", async () => {
    await complaint("CCC-AAAA-0001", "Early.Bird@Example.com");
    const bird = await account("early.bird@example.com");
    expect((await complaintsForAccount(database.db, bird)).map((row) => row.reference)).toEqual(["CCC-AAAA-0001"]);
    expect(await complaintForAccount(database.db, bird, "CCC-AAAA-0001")).toMatchObject({ role: "complainant" });
  });

  it("links a complaint made while signed in, even with another address typed in it", async () => {
    const signedIn = await account("signed.in@example.com");
    await complaint("CCC-AAAA-0002", "a.different.address@example.com", signedIn.accountId);
    expect(await complaintForAccount(database.db, signedIn, "CCC-AAAA-0002")).not.toBeNull();
  });

  it("gives anyone else nothing, as if the reference did not exist", async () => {
    const stranger = await account("stranger@example.com");
    expect(await complaintForAccount(database.db, stranger, "CCC-AAAA-0001")).toBeNull();
    expect(await complaintForAccount(database.db, stranger, "CCC-AAAA-0002")).toBeNull();
    expect(await complaintForAccount(database.db, stranger, "'; drop table complaints; --")).toBeNull();
    expect(await complaintsForAccount(database.db, stranger)).toEqual([]);
  });
});
