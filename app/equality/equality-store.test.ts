// The promise behind equality monitoring: once stored, an equality answer cannot be joined back to the complaint
// it came with, by anything stored — columns, row order (ctid) or the transaction that wrote it (xmin) — and on
// PostgreSQL the web application's role cannot read a single row. Everything here is done as that role; only the
// inspection of what is stored uses the owner, as a DBA could.
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, type DatabaseTarget, type OpenDatabase, rowsOf } from "../../db/client";
import { seedReferenceData } from "../../db/seed";
import { DATABASE_KINDS, openTestDatabase } from "../../db/test-support/databases";
import type { ComplaintAnswers } from "~/journey/complaint-steps";
import { createDraft, newDraftToken, saveDraftAnswers } from "~/journey/drafts.server";
import { submitComplaint } from "~/models/complaints.server";
import { sql } from "drizzle-orm";
import { EQUALITY_OPTIONS } from "./equality-questions";
import { recordEqualityAnswers } from "./equality-store.server";

const COMPLAINT: ComplaintAnswers = {
  serviceArea: "waste-recycling", reportedBefore: "yes", subject: "none_of_these", happenedOn: "2026-10-01", proceedings: "no",
  whatWentWrong: "Missed bin", howAffected: "Rubbish", outcomeWanted: "Collect it", referenceNumbers: "", filesReviewed: "yes", complainingFor: "myself",
  giveDetails: "yes", email: "", phone: "", address: "", preferredContact: "email", supportNeeds: "", interpreter: "no",
  interpreterLanguage: "",
};

/** Resident i's answers: a pair no one else in the test has, so the true pairing is known. */
function answersOf(i: number) {
  const ages = EQUALITY_OPTIONS.ageBand;
  return { ageBand: ages[i % ages.length]!, religion: EQUALITY_OPTIONS.religion[Math.floor(i / ages.length)]! };
}
const residentOf = (answers: Record<string, string>) =>
  EQUALITY_OPTIONS.ageBand.indexOf(answers.ageBand as never) + EQUALITY_OPTIONS.ageBand.length * EQUALITY_OPTIONS.religion.indexOf(answers.religion as never);

type Inspect = <T>(query: string) => Promise<T[]>;

describe.each(DATABASE_KINDS)("equality answers on %s", (kind) => {
  let database: OpenDatabase & { target: DatabaseTarget };
  let owner: postgres.Sql | null = null;
  let inspect: Inspect;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await seedReferenceData(database.db);
    if (database.target.kind === "postgres" && database.target.migrationUrl) {
      owner = postgres(database.target.migrationUrl, { max: 1, onnotice: () => {} });
      inspect = async <T>(query: string) => (await owner!.unsafe(query)) as unknown as T[];
    } else {
      inspect = async <T>(query: string) => rowsOf<T>(await database.db.execute(sql.raw(query)));
    }
  });
  afterAll(async () => {
    await owner?.end();
    await database?.close();
  });

  async function sendComplaint(db: Database, i: number) {
    const { draft } = await createDraft(db);
    const answers = { ...COMPLAINT, name: `Resident ${i}` };
    await saveDraftAnswers(db, draft, answers);
    return submitComplaint(db, {
      draftId: draft.id, answers, newTokenHash: newDraftToken().tokenHash, serviceAreaPathway: "corporate", language: "en",
      receivedOn: "2026-11-23",
    });
  }

  it("are recorded once per token, and wait until a whole batch can be released together", async () => {
    const record = (nonce: string, i: number) =>
      recordEqualityAnswers(database.db, { nonce, pathway: "adults", serviceArea: "adult-social-care", month: "2026-11", answers: answersOf(i) }, 3);
    expect(await record("batch-a", 0)).toBe(true);
    expect(await record("batch-a", 0)).toBe(false); // the same token again: a double click, a replayed form
    expect(await record("batch-b", 1)).toBe(true);
    const waiting = await inspect<{ pending: number; released: number }>(
      `select (select count(*) from equality.pending)::int as pending, (select count(*) from equality.responses where pathway = 'adults')::int as released`,
    );
    expect(waiting).toEqual([{ pending: 2, released: 0 }]);
    expect(await record("batch-c", 2)).toBe(true);
    const released = await inspect<{ pending: number; released: number }>(
      `select (select count(*) from equality.pending)::int as pending, (select count(*) from equality.responses where pathway = 'adults')::int as released`,
    );
    expect(released).toEqual([{ pending: 0, released: 3 }]);
  });

  it("cannot be paired with the complaints they came with by anything stored", async () => {
    const residents = 40;
    for (let i = 0; i < residents; i++) {
      await sendComplaint(database.db, i);
      await recordEqualityAnswers(
        database.db,
        { nonce: `resident-${i}`, pathway: "corporate", serviceArea: "waste-recycling", month: "2026-11", answers: answersOf(i) },
        residents,
      );
    }
    // Only what the reports break down by: no id, no time, no link.
    const columns = await inspect<{ table_name: string; column_name: string }>(
      `select table_name, column_name from information_schema.columns where table_schema = 'equality' and table_name in ('pending', 'responses') order by table_name, ordinal_position`,
    );
    expect(columns.map((column) => `${column.table_name}.${column.column_name}`)).toEqual([
      "pending.pathway", "pending.service_area_slug", "pending.received_month", "pending.answers",
      "responses.pathway", "responses.service_area_slug", "responses.received_month", "responses.answers",
    ]);
    const stored = await inspect<{ answers: Record<string, string>; xmin: string }>(
      `select answers, xmin::text as xmin from equality.responses where pathway = 'corporate' order by ctid`,
    );
    expect(stored).toHaveLength(residents);
    // One transaction wrote the whole batch: xmin tells no resident from another.
    expect(new Set(stored.map((row) => row.xmin)).size).toBe(1);
    // The complaints in the order they were made, against the answers in the order they are stored.
    const made = await inspect<{ name: string }>(`select p.name from complaints c join complaint_parties p on p.complaint_id = c.id where p.name like 'Resident %' order by c.created_at, c.ctid`);
    const complaintOrder = made.map((row) => Number(row.name.slice("Resident ".length)));
    expect(complaintOrder).toEqual(Array.from({ length: residents }, (_, i) => i));
    const storedOrder = stored.map((row) => residentOf(row.answers));
    expect([...storedOrder].sort((a, b) => a - b)).toEqual(complaintOrder);
    // Pairing the n-th complaint with the n-th stored row does no better than chance: a random order matches
    // about one place in forty (eight or more happens about once in 100,000 runs).
    const matches = storedOrder.filter((resident, place) => resident === complaintOrder[place]).length;
    expect(matches).toBeLessThan(8);
    expect(storedOrder).not.toEqual([...complaintOrder].reverse());
    // The transaction that wrote the answers is not one that wrote a complaint.
    const shared = await inspect<{ n: number }>(
      `select count(*)::int as n from complaints c where c.xmin::text in (select xmin::text from equality.responses)`,
    );
    expect(shared).toEqual([{ n: 0 }]);
  });
});

describe("equality answers on PostgreSQL, as the web application's role", () => {
  let database: OpenDatabase & { target: DatabaseTarget };
  let app: postgres.Sql;
  let owner: postgres.Sql;

  beforeAll(async () => {
    database = await openTestDatabase("PostgreSQL");
    const target = database.target;
    if (target.kind !== "postgres" || !target.migrationUrl) throw new Error("These tests need PostgreSQL reached as the web role");
    app = postgres(target.url, { max: 1, onnotice: () => {} });
    owner = postgres(target.migrationUrl, { max: 1, onnotice: () => {} });
  });
  afterAll(async () => {
    await app?.end();
    await owner?.end();
    await database?.close();
  });

  const refusal = (promise: Promise<unknown>) => promise.then(() => "allowed", (error: { code?: string }) => error.code);

  it("cannot read a single row, nor the hidden columns, of any equality table", async () => {
    for (const table of ["pending", "responses", "spent_tokens"]) {
      expect(await refusal(app.unsafe(`select * from equality.${table}`)), table).toBe("42501");
      expect(await refusal(app.unsafe(`select ctid, xmin from equality.${table}`)), table).toBe("42501");
    }
    expect(await refusal(app.unsafe(`select * from equality.answer_counts`))).toBe("42501");
    expect(await refusal(app.unsafe(`insert into equality.pending values ('corporate', 'x', '2026-11', '{}')`))).toBe("42501");
    expect(await refusal(app.unsafe(`select equality.release_batch(1)`))).toBe("42501");
  });

  it("writes only through the function made for it", async () => {
    const [row] = await app.unsafe(`select equality.record_answers('t', 'corporate', 'parking', '2026-11', '{"sex":"female"}', 10) as recorded`);
    expect(row).toEqual({ recorded: true });
  });

  it("leaves the reports role only counts", async () => {
    const asReports = (query: string) =>
      owner.begin(async (tx) => {
        await tx.unsafe("set local role portal_reports");
        return tx.unsafe(query);
      });
    await owner.unsafe(`insert into equality.responses values ('childrens', 'childrens-social-care', '2026-10', '{"sex": "male"}')`);
    expect(await refusal(asReports("select * from equality.responses"))).toBe("42501");
    const counts = await asReports("select question, answer, responses from equality.answer_counts where pathway = 'childrens'");
    expect([...counts]).toEqual([{ question: "sex", answer: "male", responses: 1 }]);
  });
});
